import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { GET } from '@/app/api/prices/route'
import { resetEnvForTests } from '@/lib/server/env'
import {
  brotliIdleForTests,
  encodeBody,
  encodedResponse,
  upgradeToBrotli,
  type EncodedBody,
} from '@/lib/http/encoded-body'
import { getLimitsStore } from '@/lib/limits'
import { resetPriceServiceForTests } from '@/lib/prices'
import { renderPrices, resetRenderedPricesForTests } from '@/lib/prices/render'

beforeEach(async () => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  resetPriceServiceForTests()
  await resetRenderedPricesForTests()
})

const PRICES_URL = 'http://localhost/api/prices?symbols=NVDA,AVGO,AMD,MSFT,SPY&from=2024-07-01&to=2025-06-30'

async function getPrices(acceptEncoding?: string, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra }
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding
  return GET(new Request(PRICES_URL, { headers }))
}

function decode(coding: string | null, bytes: Buffer): Buffer {
  if (coding === 'gzip') return gunzipSync(bytes)
  if (coding === 'br') return brotliDecompressSync(bytes)
  if (coding === null) return bytes
  throw new Error(`unexpected Content-Encoding ${coding}`)
}

async function withBrotli(body: EncodedBody): Promise<EncodedBody> {
  let upgraded: EncodedBody | undefined
  upgradeToBrotli(body, async (b) => {
    upgraded = b
  })
  await brotliIdleForTests()
  if (!upgraded) throw new Error('no brotli variant was made')
  return upgraded
}

describe('/api/prices, cached answers by Accept-Encoding', () => {
  it('sends the same bytes raw, gzipped and (once made) as brotli, each with its own length, coding and ETag', async () => {
    const raw = await getPrices()
    const rawBytes = Buffer.from(await raw.arrayBuffer())
    expect(raw.headers.get('content-encoding')).toBeNull()
    expect(raw.headers.get('vary')).toBe('Accept-Encoding')
    expect(Number(raw.headers.get('content-length'))).toBe(rawBytes.length)
    expect(JSON.parse(rawBytes.toString('utf8')).series).toHaveLength(5)

    const gz = await getPrices('gzip, deflate')
    const gzBytes = Buffer.from(await gz.arrayBuffer())
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(Number(gz.headers.get('content-length'))).toBe(gzBytes.length)
    expect(gzBytes.length).toBeLessThan(rawBytes.length / 2)
    expect(decode('gzip', gzBytes).equals(rawBytes)).toBe(true)

    await brotliIdleForTests()
    const br = await getPrices('gzip, deflate, br')
    const brBytes = Buffer.from(await br.arrayBuffer())
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.length)
    expect(brBytes.length).toBeLessThan(gzBytes.length)
    expect(decode('br', brBytes).equals(rawBytes)).toBe(true)

    const tags = [raw, gz, br].map((r) => r.headers.get('etag'))
    expect(new Set(tags).size).toBe(3)
    // The CDN headers are those of the uncompressed answer.
    for (const r of [gz, br]) expect(r.headers.get('cache-control')).toBe(raw.headers.get('cache-control'))
  })

  it('answers 304 without a body when If-None-Match names the variant it would send', async () => {
    const gz = await getPrices('gzip')
    const etag = gz.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await getPrices('gzip', { 'if-none-match': `W/${etag}, "other"` })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    // The gzip ETag does not validate the raw variant.
    const raw = await getPrices(undefined, { 'if-none-match': etag ?? '' })
    expect(raw.status).toBe(200)
  })

  it('sends CSV compressed too, with its download name', async () => {
    const csv = await GET(new Request(`${PRICES_URL}&format=csv`, { headers: { 'accept-encoding': 'gzip' } }))
    expect(csv.headers.get('content-encoding')).toBe('gzip')
    expect(csv.headers.get('content-disposition')).toContain('attachment')
    expect(
      gunzipSync(Buffer.from(await csv.arrayBuffer()))
        .toString('utf8')
        .startsWith('symbol,date,'),
    ).toBe(true)
  })

  it('keeps the redirect to the canonical URL as it was', async () => {
    const res = await GET(
      new Request('http://localhost/api/prices?symbols=nvda&from=2025-01-02&to=2025-01-31', {
        headers: { 'accept-encoding': 'gzip' },
      }),
    )
    expect(res.status).toBe(308)
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('counts the compressed variants against the byte cap of the cache', async () => {
    const request = { symbols: ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY'], from: '2024-07-01', to: '2025-06-30' }
    const answer = await renderPrices(request, 'json')
    await brotliIdleForTests()
    const cache = getLimitsStore().byteCache<object>('rendered-answers', { maxBytes: 1, sizeOf: () => 1 })
    const { bytes } = cache.stats()
    const again = await renderPrices(request, 'json')
    const encoded = again.encoded
    expect(encoded?.br).toBeDefined()
    expect(answer.body.byteLength).toBe(encoded?.identity.byteLength)
    // Raw, gzip and brotli bytes all counted (plus the key and tag strings).
    expect(bytes).toBeGreaterThan(
      answer.body.byteLength + (encoded?.gzip.byteLength ?? 0) + (encoded?.br?.byteLength ?? 0),
    )
  })
})

describe('encodedResponse', () => {
  it('falls back to the raw bytes when the request accepts nothing at all', async () => {
    const body = await encodeBody(new TextEncoder().encode('{"a":1}'.repeat(100)) as Uint8Array<ArrayBuffer>)
    const res = encodedResponse(
      new Request('http://localhost/', { headers: { 'accept-encoding': 'identity;q=0' } }),
      body,
      { 'Content-Type': 'application/json' },
    )
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe('{"a":1}'.repeat(100))
  })

  it('sends gzip to a br client until the brotli variant exists', async () => {
    const body = await encodeBody(new TextEncoder().encode('x'.repeat(5000)) as Uint8Array<ArrayBuffer>)
    const request = new Request('http://localhost/', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(encodedResponse(request, body, {}).headers.get('content-encoding')).toBe('gzip')
    const upgraded = await withBrotli(body)
    const res = encodedResponse(request, upgraded, {})
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe('x'.repeat(5000))
  })
})

describe('/api/reaction, snapshot answers kept compressed', () => {
  it('computes a snapshot answer once and sends it again, raw or gzipped, with the same bytes', async () => {
    const { GET: getReaction } = await import('@/app/api/reaction/route')
    const { getPriceService } = await import('@/lib/prices')
    // A query no other test in this file asks, so the first request is a miss.
    const url = 'http://localhost/api/reaction?symbols=NVDA,AMD&date=2025-01-27&estimation=120'
    const spy = vi.spyOn(getPriceService(), 'getPrices')
    const raw = await getReaction(new Request(url))
    expect(raw.status).toBe(200)
    const rawBytes = Buffer.from(await raw.arrayBuffer())
    const gz = await getReaction(new Request(url, { headers: { 'accept-encoding': 'gzip' } }))
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(rawBytes)).toBe(true)
    expect(gz.headers.get('cache-control')).toBe(raw.headers.get('cache-control'))
    expect(spy).toHaveBeenCalledTimes(1)
    expect((JSON.parse(rawBytes.toString('utf8')) as { rows: unknown[] }).rows).toHaveLength(2)
  })
})
