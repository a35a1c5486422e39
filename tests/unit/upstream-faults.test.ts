import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { z } from 'zod'
import { GET as getPrices } from '@/app/api/prices/route'
import { GET as getReaction } from '@/app/api/reaction/route'
import { resetEnvForTests } from '@/lib/server/env'
import { resetPriceServiceForTests } from '@/lib/prices'
import { CLOSED_RANGE_TTL_MS, MAX_RETRIES, MAX_RETRY_AFTER_MS, RETRY_BASE_DELAY_MS } from '@/lib/prices/service'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'
import {
  MOCK_RETRY_AFTER_SECONDS,
  startMockYahoo,
  type MockYahooMode,
  type MockYahooServer,
} from '../mock-yahoo/server'
import { saveAppEnv } from './support/app-env'

/**
 * Every fault the mock Yahoo server can produce, driven end to end through `GET /api/prices`: provider, price
 * service (retries, cache, fallback) and the route's error mapping, as a caller sees them.
 */

const restoreAppEnv = saveAppEnv()

const TIMEOUT_MS = 400
/** AAPL Sep-Nov 2020: a real recorded payload of 49 sessions, outside the embedded snapshot. */
const SEP_TO_NOV_2020 = 'symbols=AAPL&from=2020-08-31&to=2020-11-06'
/** Half before the snapshot (which starts 2024-07-01), so auto mode needs the live source. */
const PARTLY_IN_SNAPSHOT = 'symbols=AAPL&from=2024-06-01&to=2024-08-30'
/** Rows 1-3 of the recorded payload, which the mock's `nulls` mode blanks out (see MOCK_NULL_ROWS). */
const NULLED_DATES = ['2020-09-01', '2020-09-02', '2020-09-03']

const errorBodySchema = z
  .object({
    error: z
      .object({
        code: z.enum(['bad_request', 'not_found', 'rate_limited', 'upstream_error', 'upstream_timeout']),
        message: z.string().min(1).max(300),
        issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      })
      .strict(),
  })
  .strict()

const barSchema = z.object({
  date: z.iso.date(),
  open: z.number().positive(),
  high: z.number().positive(),
  low: z.number().positive(),
  close: z.number().positive(),
  adjClose: z.number().positive(),
  volume: z.number().int().nonnegative(),
})
const pricesBodySchema = z.object({
  series: z.array(
    z.object({
      symbol: z.string(),
      name: z.string(),
      currency: z.string().nullable(),
      source: z.enum(['snapshot', 'yahoo']),
      bars: z.array(barSchema),
    }),
  ),
  warnings: z.array(z.string()),
})
type PricesBody = z.infer<typeof pricesBodySchema>

/** A stack trace or a source path: never in any answer. */
const STACK = /\n\s*at |\bat \S+ \(|node_modules|\.[cm]?[jt]sx?:\d/
/** Where the upstream lives: never in an answer about it (a 400 may quote the caller's own input, URLs included). */
const UPSTREAM_ADDRESS = /https?:\/\/|127\.0\.0\.1|localhost|yahoo\.com/

let mock: MockYahooServer
let sleeps: number[]
let clockOffsetMs: number
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
let consoleError: MockInstance

function configure(provider: 'yahoo' | 'auto', baseUrl = mock.url, realSleep = false): void {
  process.env.PRICE_PROVIDER = provider
  process.env.YAHOO_BASE_URL = baseUrl
  process.env.YAHOO_TIMEOUT_MS = String(TIMEOUT_MS)
  delete process.env.LIVE_REQUESTS_PER_MINUTE
  resetEnvForTests()
  sleeps = []
  clockOffsetMs = 0
  resetPriceServiceForTests({
    // Retry waits are recorded instead of waited for, so a 2 s Retry-After costs the suite nothing.
    ...(realSleep ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
    now: () => performance.now() + clockOffsetMs,
  })
  resetLiveRequestLimiterForTests()
}

const get = (query: string) => getPrices(new Request(`http://localhost/api/prices?${query}`))

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const body = errorBodySchema.parse(await res.json())
  expect(body.error.code).toBe(code)
  expect(body.error.message).not.toMatch(STACK)
  expect(body.error.message).not.toContain(`:${mock.port}`)
  if (code !== 'bad_request') expect(body.error.message).not.toMatch(UPSTREAM_ADDRESS)
  return body.error.message
}

async function expectPrices(res: Response): Promise<PricesBody> {
  expect(res.status).toBe(200)
  const body = pricesBodySchema.parse(await res.json())
  for (const warning of body.warnings)
    expect(warning).not.toMatch(new RegExp(`${STACK.source}|${UPSTREAM_ADDRESS.source}`))
  return body
}

const datesOf = (body: PricesBody, i = 0) => body.series[i]?.bars.map((b) => b.date) ?? []

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  mock = await startMockYahoo({ port: 0 })
})

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await mock.close()
  restoreAppEnv()
})

beforeEach(() => {
  mock.reset()
  // The route logs only errors it did not expect (a 500); none may happen here.
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterEach(async () => {
  // Let abandoned upstream calls (a timed-out request) settle before looking for unhandled rejections.
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(unhandled).toEqual([])
  expect(consoleError).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

describe('upstream faults with PRICE_PROVIDER=yahoo', () => {
  beforeEach(() => configure('yahoo'))

  it('ok: serves the recorded bars from one upstream call', async () => {
    const body = await expectPrices(await get(SEP_TO_NOV_2020))
    expect(body.series[0]).toMatchObject({ symbol: 'AAPL', source: 'yahoo', currency: 'USD' })
    expect(body.series[0]?.bars).toHaveLength(49)
    expect(body.warnings).toEqual([])
    expect(mock.requests).toHaveLength(1)
  })

  it('HTTP 500: retried MAX_RETRIES times with backoff, then 502', async () => {
    mock.setMode('error500')
    const message = await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
    expect(message).toMatch(/AAPL.*the live source failed/)
    expect(mock.requests).toHaveLength(1 + MAX_RETRIES)
    expect(sleeps).toEqual([RETRY_BASE_DELAY_MS, RETRY_BASE_DELAY_MS * 3])
  })

  it('HTTP 429 with a short Retry-After: waits as told and retries, then 502 naming the rate limit', async () => {
    expect(MOCK_RETRY_AFTER_SECONDS * 1000).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS)
    mock.setMode('rate429')
    const message = await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
    expect(message).toMatch(/rate-limiting/)
    expect(mock.requests).toHaveLength(1 + MAX_RETRIES)
    expect(sleeps).toEqual([MOCK_RETRY_AFTER_SECONDS * 1000, MOCK_RETRY_AFTER_SECONDS * 1000])
  })

  it('an upstream slower than YAHOO_TIMEOUT_MS: 504 soon after the timeout, not retried', async () => {
    mock.setMode('slow', { slowMs: 5_000 })
    const started = performance.now()
    const message = await expectError(await get(SEP_TO_NOV_2020), 504, 'upstream_timeout')
    const elapsed = performance.now() - started
    expect(message).toMatch(/did not answer in time/)
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20)
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_500)
    expect(mock.requests).toHaveLength(1)
  })

  it.each<[MockYahooMode, string]>([
    ['malformed', 'a body cut off mid-JSON'],
    ['invalid', 'a payload that fails validation (string timestamps)'],
  ])('%s (%s): 502 without retrying, since the same bytes would come back', async (mode) => {
    mock.setMode(mode)
    const message = await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
    expect(message).toMatch(/failed validation/)
    expect(mock.requests).toHaveLength(1)
  })

  it('nulls inside the arrays: 200, and the days without prices are missing, never zero', async () => {
    mock.setMode('nulls')
    const body = await expectPrices(await get(SEP_TO_NOV_2020))
    const dates = datesOf(body)
    expect(dates).toHaveLength(49 - NULLED_DATES.length)
    for (const date of NULLED_DATES) expect(dates).not.toContain(date)
    expect(dates).toContain('2020-08-31')
    expect(dates).toContain('2020-09-04')
    // barSchema already demands positive prices; volume 0 would be a stand-in for the nulled volume.
    expect(body.series[0]?.bars.every((b) => b.volume > 0)).toBe(true)
    // The reader is told which sessions are missing and why.
    expect(body.warnings).toEqual([
      `AAPL: 3 sessions came with missing values from the live source and were left out (${NULLED_DATES.join(', ')}).`,
    ])
  })

  it('an empty result: 200 with an empty series and a warning saying so', async () => {
    mock.setMode('empty')
    const body = await expectPrices(await get(SEP_TO_NOV_2020))
    expect(body.series[0]?.bars).toEqual([])
    expect(body.warnings).toEqual(['AAPL: no bars between 2020-08-31 and 2020-11-06.'])
  })

  it('not found: 404 naming the symbol, asked once', async () => {
    mock.setMode('notfound')
    const message = await expectError(await get(SEP_TO_NOV_2020), 404, 'not_found')
    expect(message).toContain('AAPL')
    expect(mock.requests).toHaveLength(1)
  })

  it('a failure is remembered briefly: a second request does not hit the dead upstream again', async () => {
    mock.setMode('error500')
    await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
    await expectError(await get('symbols=AAPL&from=2020-10-01&to=2020-10-30'), 502, 'upstream_error')
    expect(mock.requests).toHaveLength(1 + MAX_RETRIES)
  })

  it('an expired cache entry is served, with a warning, when the upstream then fails', async () => {
    const fresh = await expectPrices(await get(SEP_TO_NOV_2020))
    mock.setMode('error500')
    clockOffsetMs = CLOSED_RANGE_TTL_MS + 60_000
    const stale = await expectPrices(await get(SEP_TO_NOV_2020))
    expect(stale.series).toEqual(fresh.series)
    expect(stale.warnings).toEqual(['AAPL: the live source failed; showing live data cached earlier.'])
    // The expired entry did not stop the service from asking again first.
    expect(mock.requests).toHaveLength(1 + 1 + MAX_RETRIES)
  })

  it('one symbol failing leaves the others served, with a warning', async () => {
    await expectPrices(await get(SEP_TO_NOV_2020))
    mock.setMode('error500')
    // AAPL now comes from the cache; LUCYW needs the upstream, which fails.
    const body = await expectPrices(await get('symbols=AAPL,LUCYW&from=2020-08-31&to=2020-11-06'))
    expect(body.series.map((s) => s.symbol)).toEqual(['AAPL'])
    expect(body.series[0]?.bars).toHaveLength(49)
    expect(body.warnings).toEqual(['LUCYW: left out, the live source failed.'])
  })

  it('a switched-off upstream (connection refused): a clear 502 within the retry budget, no hang', async () => {
    const gone = await startMockYahoo({ port: 0 })
    const deadUrl = gone.url
    await gone.close()
    configure('yahoo', deadUrl, true)
    const started = performance.now()
    const message = await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
    const elapsed = performance.now() - started
    // Offline is said as offline, without a "try again shortly" that would not help.
    expect(message).toMatch(/cannot be reached/)
    expect(message).not.toMatch(/try again/i)
    expect(message).not.toContain(`:${new URL(deadUrl).port}`)
    // Two real backoff waits (250 + 750 ms) and three refused connections.
    expect(elapsed).toBeLessThan(3_000)
  })

  it('the reaction route maps an upstream failure the same way', async () => {
    mock.setMode('error500')
    const res = await getReaction(
      new Request('http://localhost/api/reaction?symbols=AAPL&date=2020-10-01&benchmark=AAPL'),
    )
    const message = await expectError(res, 502, 'upstream_error')
    expect(message).toMatch(/AAPL/)
  })
})

describe('upstream faults with PRICE_PROVIDER=auto', () => {
  beforeEach(() => configure('auto'))

  it('a range the snapshot covers never reaches the live source, even while it is down', async () => {
    mock.setMode('error500')
    const body = await expectPrices(await get('symbols=AAPL&from=2025-01-02&to=2025-01-31'))
    expect(body.series[0]?.source).toBe('snapshot')
    expect(body.warnings).toEqual([])
    expect(mock.requests).toHaveLength(0)
  })

  it.each<[MockYahooMode, RegExp]>([
    ['error500', /the live source failed/],
    ['rate429', /rate-limiting/],
    ['slow', /did not answer in time/],
    ['malformed', /failed validation/],
    ['invalid', /failed validation/],
    ['notfound', /not found/],
    ['empty', /returned no bars/],
  ])('%s on a range partly outside the snapshot: 200 from the snapshot, with warnings', async (mode, why) => {
    mock.setMode(mode, { slowMs: 5_000 })
    const body = await expectPrices(await get(PARTLY_IN_SNAPSHOT))
    expect(body.series[0]?.source).toBe('snapshot')
    expect(datesOf(body)[0]).toBe('2024-07-01')
    expect(datesOf(body).at(-1)).toBe('2024-08-30')
    expect(body.warnings[0]).toMatch(/^AAPL: live data unavailable \(/)
    expect(body.warnings[0]).toMatch(why)
    expect(body.warnings[0]).toMatch(/embedded snapshot, which covers 2024-07-01 to 2025-06-30/)
    expect(body.warnings[1]).toBe('AAPL: data starts on 2024-07-01, after the requested 2024-06-01.')
    expect(mock.requests.length).toBeGreaterThan(0)
  })

  it('a failure on a range the snapshot does not touch at all stays an honest 502, not an empty 200', async () => {
    mock.setMode('error500')
    await expectError(await get(SEP_TO_NOV_2020), 502, 'upstream_error')
  })

  it('live data with nulls is still preferred over the snapshot where it has bars', async () => {
    mock.setMode('nulls')
    const body = await expectPrices(await get(SEP_TO_NOV_2020))
    expect(body.series[0]?.source).toBe('yahoo')
    expect(datesOf(body)).toHaveLength(49 - NULLED_DATES.length)
  })
})

describe('only a validated symbol and dates ever reach the upstream', () => {
  beforeEach(() => configure('yahoo'))

  const LONG = 'A'.repeat(5_000)
  const ADVERSARIAL_PRICES = [
    'symbols=http://evil.example',
    'symbols=http%3A%2F%2Fevil.example%2Fchart',
    'symbols=../',
    'symbols=..%2F..%2Fetc%2Fpasswd',
    'symbols=AAPL%2F..%2F..%2Fv1%2Fadmin',
    'symbols=%0d%0a',
    'symbols=AAPL%0d%0aHost:%20evil.example',
    'symbols=@host',
    'symbols=AAPL@evil.example',
    'symbols=AAPL%3Fx%3D1',
    'symbols=AAPL%23fragment',
    'symbols=AAPL%00',
    'symbols=%EF%BC%A1%EF%BC%A1%EF%BC%B0%EF%BC%AC', // full-width AAPL
    'symbols=AAPL,http://evil.example',
    `symbols=${LONG}`,
    `symbols=AAPL&from=2020-08-31T00:00:00Z&to=2020-11-06`,
    'symbols=AAPL&from=2020-08-31%0d%0a&to=2020-11-06',
    'symbols=AAPL&from=1e308&to=2020-11-06',
    `symbols=AAPL&from=${LONG}`,
  ]
  const ADVERSARIAL_REACTION = [
    'symbols=http://evil.example&date=2020-10-01',
    'symbols=AAPL&date=2020-10-01&benchmark=http://evil.example',
    'symbols=AAPL&date=2020-10-01&benchmark=..%2F..',
    'symbols=AAPL&date=2020-10-01&benchmark=%0d%0a',
    'symbols=AAPL&event=..%2F..%2Fetc%2Fpasswd',
    `symbols=AAPL&date=2020-10-01&benchmark=${LONG}`,
  ]

  it.each(ADVERSARIAL_PRICES.map((q) => [q.length > 80 ? `${q.slice(0, 60)}… (${q.length} chars)` : q, q]))(
    '/api/prices?%s: 400, nothing sent upstream',
    async (_label, query) => {
      const fetchSpy = vi.spyOn(globalThis, 'fetch')
      await expectError(await get(query), 400, 'bad_request')
      expect(mock.requests).toHaveLength(0)
      expect(fetchSpy).not.toHaveBeenCalled()
    },
  )

  it.each(ADVERSARIAL_REACTION.map((q) => [q.length > 80 ? `${q.slice(0, 60)}… (${q.length} chars)` : q, q]))(
    '/api/reaction?%s: 400, nothing sent upstream',
    async (_label, query) => {
      const fetchSpy = vi.spyOn(globalThis, 'fetch')
      await expectError(await getReaction(new Request(`http://localhost/api/reaction?${query}`)), 400, 'bad_request')
      expect(mock.requests).toHaveLength(0)
      expect(fetchSpy).not.toHaveBeenCalled()
    },
  )

  it('builds chart URLs on the configured host only, with the symbol URL-encoded as one path segment', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const symbols = ['AAPL', '^GSPC', 'BRK-B', '9984.T', 'EURUSD=X']
    // Unrecorded symbols answer 404 at the mock; only the URLs matter here.
    for (const symbol of symbols) await get(`symbols=${encodeURIComponent(symbol)}&from=2020-08-31&to=2020-11-06`)
    const urls = fetchSpy.mock.calls.map(([input]) => new URL(input instanceof Request ? input.url : String(input)))
    expect(urls).toHaveLength(symbols.length)
    urls.forEach((url, i) => {
      const symbol = symbols[i] ?? ''
      expect(url.origin).toBe(mock.url)
      expect(url.username + url.password).toBe('')
      expect(url.pathname).toBe(`/v8/finance/chart/${encodeURIComponent(symbol)}`)
      expect(url.searchParams.get('interval')).toBe('1d')
      expect(url.searchParams.get('period1')).toMatch(/^\d+$/)
      expect(url.searchParams.get('period2')).toMatch(/^\d+$/)
    })
    expect(mock.requests.map((r) => r.symbol)).toEqual(symbols)
  })
})
