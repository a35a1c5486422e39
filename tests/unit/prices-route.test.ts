import { beforeAll, describe, expect, it } from 'vitest'
import { GET, POST } from '@/app/api/prices/route'
import { resetEnvForTests } from '@/lib/server/env'
import { MAX_SYMBOLS_PER_REQUEST } from '@/lib/api/query'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

/** Follows the one redirect a non-canonical spelling gets, as a browser's fetch would. */
async function get(query: string): Promise<Response> {
  const url = `http://localhost/api/prices?${query}`
  const res = await GET(new Request(url))
  const location = res.headers.get('location')
  return res.status === 308 && location ? GET(new Request(new URL(location, url))) : res
}

interface PricesBody {
  series: {
    symbol: string
    name: string
    currency: string
    source: string
    bars: { date: string; close: number; adjClose: number }[]
  }[]
  warnings: string[]
}

describe('GET /api/prices', () => {
  it('returns snapshot bars for several symbols on the exchange calendar', async () => {
    const res = await get('symbols=NVDA,SPY&from=2025-01-02&to=2025-02-28')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
    const body = (await res.json()) as PricesBody
    expect(body.series.map((s) => s.symbol)).toEqual(['NVDA', 'SPY'])
    const nvda = body.series[0]!
    expect(nvda).toMatchObject({ name: 'NVIDIA', currency: 'USD', source: 'snapshot' })
    const dates = nvda.bars.map((b) => b.date)
    expect(dates[0]).toBe('2025-01-02')
    expect(dates.at(-1)).toBe('2025-02-28')
    expect(dates).not.toContain('2025-01-09')
    expect(dates).not.toContain('2025-01-20')
    expect(dates).not.toContain('2025-02-17')
    expect(nvda.bars.find((b) => b.date === '2025-01-27')?.close).toBe(118.42)
    expect(body.warnings).toEqual([])
  })

  it('normalises case, spaces and duplicates in symbols', async () => {
    const body = (await (await get('symbols=%20nvda,NVDA,,spy&from=2025-01-21&to=2025-01-22')).json()) as PricesBody
    expect(body.series.map((s) => s.symbol)).toEqual(['NVDA', 'SPY'])
  })

  it('serves CSV with one row per symbol and date', async () => {
    const res = await get('symbols=NVDA,SPY&from=2025-01-24&to=2025-01-27&format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const lines = (await res.text()).trim().split('\n')
    expect(lines[0]).toBe('symbol,date,open,high,low,close,adj_close,volume,currency,source')
    expect(lines).toHaveLength(5)
    expect(lines).toContain('NVDA,2025-01-27,124.8,128.4,116.7,118.42,118.3942,818830900,USD,snapshot')
  })

  it('serves every snapshot symbol over its whole range when no dates are given', async () => {
    const body = (await (await get('symbols=NVDA,9984.T')).json()) as PricesBody
    expect(body.series[0]?.bars).toHaveLength(250)
    expect(body.series[1]?.bars).toHaveLength(228)
    expect(body.series[1]?.currency).toBe('JPY')
  })

  it('answers 404 naming an unknown symbol', async () => {
    const res = await get('symbols=NVDA,ZZZZ&from=2025-01-02&to=2025-01-10')
    expect(res.status).toBe(404)
    const body = (await res.json()) as {
      error: { code: string; message: string; issues: { path: string; message: string }[] }
    }
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).toContain('ZZZZ')
    // Each unknown symbol is named on its own, so the page can offer to drop just those.
    expect(body.error.issues).toEqual([{ path: 'symbols', message: 'ZZZZ' }])
  })

  it('answers other methods with 405 in the error shape', async () => {
    const res = POST()
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed')
  })

  it.each([
    ['a malformed date', 'symbols=NVDA&from=2025-1-2&to=2025-02-01', /from/],
    ['an impossible date', 'symbols=NVDA&from=2025-02-30&to=2025-03-10', /real date/],
    ['from after to', 'symbols=NVDA&from=2025-03-01&to=2025-02-01', /after/],
    ['no symbols', 'from=2025-01-02&to=2025-02-01', /symbols is required/],
    ['an empty symbols list', 'symbols=,,&from=2025-01-02&to=2025-02-01', /at least one/],
    [
      'too many symbols',
      `symbols=${Array.from({ length: MAX_SYMBOLS_PER_REQUEST + 1 }, (_, i) => `S${i}`).join(',')}`,
      /at most 20/,
    ],
    ['illegal characters', 'symbols=NVDA,../../etc&from=2025-01-02&to=2025-02-01', /not a valid symbol/],
    ['a URL as a symbol', 'symbols=http://evil.example/x', /not a valid symbol/],
    ['an absurd range', 'symbols=NVDA&from=1990-01-01&to=2025-01-01', /at most/],
    ['a date before 1990', 'symbols=NVDA&from=1900-01-01&to=1900-02-01', /1990/],
    ['a future start', 'symbols=NVDA&from=2999-01-01&to=2999-02-01', /future/],
    ['an unknown format', 'symbols=NVDA&format=xml', /json or csv/],
    ['a repeated parameter', 'symbols=NVDA&symbols=SPY', /more than once/],
  ])('answers 400 with the error shape for %s', async (_name, query, message) => {
    const res = await get(query)
    expect(res.status).toBe(400)
    const body = (await res.json()) as {
      error: { code: string; message: string; issues: { path: string; message: string }[] }
    }
    expect(body.error.code).toBe('bad_request')
    expect(body.error.message).toMatch(message)
    expect(body.error.issues.length).toBeGreaterThan(0)
  })
})
