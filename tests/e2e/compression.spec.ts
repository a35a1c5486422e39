import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'

/**
 * Cached API answers are kept compressed and sent by Accept-Encoding (lib/http/encoded-body.ts), through the real
 * `next start` server, whose own handling of Content-Encoding (dropped from route responses) and compression
 * (gzip on the way out) is what could break them. The bytes on the wire are read with node:http, which, unlike
 * fetch(), decodes nothing, so a body compressed twice or named with the wrong coding is seen as such.
 */

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function rawRequest(url: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(15_000, () => req.destroy(new Error(`${url}: no answer in 15 s`)))
    req.end()
  })
}

function decoded(raw: Raw): Buffer {
  const coding = raw.headers['content-encoding']
  if (coding === 'gzip') return gunzipSync(raw.body)
  if (coding === 'br') return brotliDecompressSync(raw.body)
  if (coding === undefined) return raw.body
  throw new Error(`unexpected Content-Encoding ${coding}`)
}

const PATHS = [
  '/api/prices?symbols=NVDA,AVGO,AMD,MSFT,SPY&from=2024-07-01&to=2025-06-30',
  '/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-03-31&format=csv',
  '/api/reaction?symbols=NVDA,AVGO,AMD&date=2025-01-27',
]

for (const path of PATHS) {
  test(`${path.includes('reaction') ? 'reaction' : path.includes('csv') ? 'CSV prices' : 'JSON prices'}: gzip, br and no coding decode to the same bytes`, async ({
    baseURL,
  }) => {
    const url = `${baseURL}${path}`
    const plain = await rawRequest(url, {})
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length)
    expect(plain.headers.vary).toMatch(/accept-encoding/i)

    const gzip = await rawRequest(url, { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length)
    // Once decoded, not twice: a body Next compressed again would decode to gzip bytes here.
    expect(decoded(gzip).equals(plain.body)).toBe(true)

    // The brotli variant is made in the background after the first answer; until then a br client gets gzip.
    let br = await rawRequest(url, { 'Accept-Encoding': 'gzip, deflate, br' })
    for (let i = 0; i < 50 && br.headers['content-encoding'] !== 'br'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      br = await rawRequest(url, { 'Accept-Encoding': 'gzip, deflate, br' })
    }
    expect(br.headers['content-encoding']).toBe('br')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(gzip.body.length)
    expect(decoded(br).equals(plain.body)).toBe(true)

    // The CDN headers are those of the uncompressed answer; each coding has its own ETag.
    for (const variant of [gzip, br]) expect(variant.headers['cache-control']).toBe(plain.headers['cache-control'])
    expect(new Set([plain, gzip, br].map((r) => r.headers.etag)).size).toBe(3)

    // HEAD says what GET would send.
    const head = await rawRequest(url, { 'Accept-Encoding': 'gzip, br' }, 'HEAD')
    expect(head.body.length).toBe(0)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.headers['content-length']).toBe(String(br.body.length))
    expect(head.headers.etag).toBe(br.headers.etag)

    // A revalidation with the variant's ETag costs no body.
    const revalidated = await rawRequest(url, { 'Accept-Encoding': 'gzip', 'If-None-Match': String(gzip.headers.etag) })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
  })
}

test('a non-canonical spelling is still redirected, uncompressed', async ({ baseURL }) => {
  const res = await rawRequest(`${baseURL}/api/prices?symbols=nvda&from=2025-01-02&to=2025-01-31`, {
    'Accept-Encoding': 'gzip, br',
  })
  expect(res.status).toBe(308)
  expect(res.headers.location).toBe('/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31')
})
