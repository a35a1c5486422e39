import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/prices/route'
import { canonicalPricesPath, isClosedWindow, PRICES_CACHE, pricesCacheControl } from '@/lib/api/cache-control'
import { pricesUrl } from '@/lib/client/urls'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

const get = (pathAndQuery: string) => GET(new Request(`http://localhost${pathAndQuery}`))

describe('one cache key per answer', () => {
  it('sends other spellings of a query to its canonical URL, which answers itself', async () => {
    const spellings = [
      '/api/prices?symbols=nvda,%20SPY&from=2025-01-02&to=2025-01-31',
      '/api/prices?from=2025-01-02&to=2025-01-31&symbols=NVDA,SPY',
      '/api/prices?symbols=NVDA,SPY,nvda&from=2025-01-02&to=2025-01-31&format=json',
      '/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31&utm_source=newsletter',
    ]
    for (const spelling of spellings) {
      const res = await get(spelling)
      expect(res.status, spelling).toBe(308)
      expect(res.headers.get('location'), spelling).toBe('/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31')
      expect(res.headers.get('cache-control')).toMatch(/^public, /)
    }
    const canonical = await get('/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31')
    expect(canonical.status).toBe(200)
  })

  it('takes the canonical query however its characters are escaped, so it never redirects to itself', async () => {
    // Next.js hands the route `,` re-encoded as `%2C`; the answer must not be a redirect to the same URL.
    expect((await get('/api/prices?symbols=NVDA%2CSPY&from=2025-01-02&to=2025-01-31')).status).toBe(200)
    expect((await get('/api/prices?symbols=%5EGSPC&from=2025-01-02&to=2025-01-31')).status).not.toBe(308)
    expect((await get('/api/prices?symbols=^GSPC&from=2025-01-02&to=2025-01-31')).status).not.toBe(308)
  })

  it('keeps the order of symbols, because it is the order of the series in the answer', async () => {
    const res = await get('/api/prices?symbols=SPY,NVDA&from=2025-01-02&to=2025-01-31')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { series: { symbol: string }[] }
    expect(body.series.map((s) => s.symbol)).toEqual(['SPY', 'NVDA'])
  })

  it('fills in the default window, so leaving it out and writing it share one key', async () => {
    const res = await get('/api/prices?symbols=NVDA')
    expect(res.status).toBe(308)
    expect(res.headers.get('location')).toMatch(
      /^\/api\/prices\?symbols=NVDA&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    )
    expect((await get(res.headers.get('location') ?? '')).status).toBe(200)
  })

  it('keeps format=csv, a different answer, in the key', async () => {
    const res = await get('/api/prices?format=csv&symbols=NVDA&from=2025-01-02&to=2025-01-31')
    expect(res.headers.get('location')).toBe('/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31&format=csv')
  })

  it("is exactly the URL the page asks for, so the app's own requests are never redirected", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('NVDA', 'SPY', '^GSPC', '9984.T', 'BRK-B'), { minLength: 1, maxLength: 5 })
          .map((a) => [...new Set(a)]),
        fc.constantFrom('2025-01-02', '2024-07-01'),
        fc.constantFrom('2025-01-31', '2025-06-30'),
        (symbols, from, to) => {
          expect(canonicalPricesPath({ symbols, from, to, format: 'json' })).toBe(pricesUrl(symbols, from, to))
        },
      ),
    )
  })
})

describe('Cache-Control for a CDN', () => {
  it('marks a closed snapshot window immutable for a CDN, and a window reaching today short-lived', async () => {
    const closed = await get('/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31')
    expect(closed.headers.get('cache-control')).toBe(PRICES_CACHE.closedSnapshot)
    expect(PRICES_CACHE.closedSnapshot).toMatch(/immutable/)
    expect(PRICES_CACHE.closedSnapshot).toMatch(/s-maxage=31536000/)
  })

  it('never calls a window closed while its last session may still be trading somewhere', () => {
    expect(isClosedWindow('2025-03-10', '2025-03-12')).toBe(true)
    expect(isClosedWindow('2025-03-11', '2025-03-12')).toBe(false)
    expect(isClosedWindow('2025-03-12', '2025-03-12')).toBe(false)
    expect(pricesCacheControl('snapshot', '2025-03-12', '2025-03-12')).toBe(PRICES_CACHE.open)
    expect(pricesCacheControl('live', '2025-03-01', '2025-03-12')).toBe(PRICES_CACHE.closedLive)
    expect(pricesCacheControl('with-warnings', '2025-03-01', '2025-03-12')).toBe(PRICES_CACHE.withWarnings)
    expect(PRICES_CACHE.withWarnings).not.toMatch(/immutable/)
    expect(PRICES_CACHE.open).not.toMatch(/immutable/)
  })

  it('errors are never stored by a CDN', async () => {
    const res = await get('/api/prices?symbols=ZZZZ&from=2025-01-02&to=2025-01-31')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
