import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { ProviderError, type DailyBarsRequest, type ProviderErrorKind } from '@/lib/providers/types'
import { createYahooProvider } from '@/lib/providers/yahoo'
import { MOCK_NULL_ROWS, startMockYahoo, type MockYahooMode, type MockYahooServer } from '../mock-yahoo/server'

let mock: MockYahooServer
let consoleSpies: MockInstance[] = []

beforeAll(async () => {
  mock = await startMockYahoo({ port: 0 })
})

afterAll(async () => {
  await mock.close()
})

beforeEach(() => {
  mock.reset()
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'dir'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation(() => {}),
  )
})

afterEach(() => {
  // The provider never logs: a URL, a body or a stack in the server log is a leak.
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled()
  vi.restoreAllMocks()
})

const SEP_TO_NOV: Omit<DailyBarsRequest, 'signal'> = { symbol: 'AAPL', from: '2020-08-31', to: '2020-11-06' }

function provider(timeoutMs = 3000) {
  return createYahooProvider({ baseUrl: mock.url, timeoutMs })
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

function expectSafeMessage(error: ProviderError) {
  expect(error.message.length).toBeLessThan(120)
  expect(error.message).not.toMatch(/https?:|127\.0\.0\.1|yahoo\.com|\n\s+at /)
}

describe('yahoo provider, ok path', () => {
  it('returns the recorded bars with New York trading dates and Yahoo adjusted closes', async () => {
    const result = await provider().getDailyBars(SEP_TO_NOV)
    expect(result.symbol).toBe('AAPL')
    expect(result.name).toBe('Apple Inc.')
    expect(result.currency).toBe('USD')
    expect(result.exchangeTimezone).toBe('America/New_York')
    expect(result.bars).toHaveLength(49)
    expect(result.bars[0]).toEqual({
      date: '2020-08-31',
      open: expect.any(Number),
      high: expect.any(Number),
      low: expect.any(Number),
      close: 129.0399932861328,
      adjClose: 125.05753326416016,
      volume: expect.any(Number),
    })
    expect(result.bars.at(-1)?.date).toBe('2020-11-06')
    expect(mock.requests).toHaveLength(1)
  })

  it('picks the recording that covers the requested period and slices to [from, to]', async () => {
    const one = await provider().getDailyBars({ symbol: 'AAPL', from: '2020-01-02', to: '2020-01-02' })
    expect(one.bars).toEqual([
      {
        date: '2020-01-02',
        open: 74.05999755859375,
        high: 75.1500015258789,
        low: 73.79750061035156,
        close: 75.0875015258789,
        adjClose: 72.27154541015625,
        volume: 135480400,
      },
    ])

    const week = await provider().getDailyBars({ symbol: 'AAPL', from: '2020-09-01', to: '2020-09-04' })
    expect(week.bars.map((b) => b.date)).toEqual(['2020-09-01', '2020-09-02', '2020-09-03', '2020-09-04'])
    expect(mock.requests).toHaveLength(2)
  })

  it('sends one chart request per call, with epoch-second periods around the range', async () => {
    await provider().getDailyBars(SEP_TO_NOV)
    expect(mock.requests).toEqual([
      {
        symbol: 'AAPL',
        mode: 'ok',
        time: expect.any(Number),
        // One day before `from` (exchanges east of UTC) to the day after `to`, UTC midnights.
        period1: Date.UTC(2020, 7, 30) / 1000,
        period2: Date.UTC(2020, 10, 7) / 1000,
      },
    ])
  })

  it('passes symbols with URL-special characters through encoded and intact', async () => {
    const error = await failure(provider().getDailyBars({ symbol: '^GSPC', from: '2025-01-02', to: '2025-01-31' }))
    expect(error.kind).toBe('not_found')
    expect(mock.requests.map((r) => r.symbol)).toEqual(['^GSPC'])
  })

  it('returns zero bars, not an error, when the recording has nothing in the range', async () => {
    const result = await provider().getDailyBars({ symbol: 'AAPL', from: '2025-01-02', to: '2025-01-31' })
    expect(result.bars).toEqual([])
  })

  it('serves LUCYW with a null currency and no bars', async () => {
    const result = await provider().getDailyBars({ symbol: 'LUCYW', from: '2024-01-01', to: '2024-01-01' })
    expect(result).toMatchObject({ symbol: 'LUCYW', currency: null, name: 'Innovative Eyewear, Inc.', bars: [] })
  })
})

describe('yahoo provider, each mock mode', () => {
  const cases: Array<[MockYahooMode, ProviderErrorKind]> = [
    ['error500', 'upstream'],
    ['rate429', 'rate_limited'],
    ['malformed', 'bad_payload'],
    ['invalid', 'bad_payload'],
    ['notfound', 'not_found'],
  ]

  it.each(cases)('%s -> %s', async (mode, kind) => {
    mock.setMode(mode)
    const error = await failure(provider().getDailyBars(SEP_TO_NOV))
    expect(error.kind).toBe(kind)
    expect(error.options).toMatchObject({ provider: 'yahoo', symbol: 'AAPL' })
    expectSafeMessage(error)
    expect(mock.requests).toHaveLength(1)
  })

  it('rate429 carries the Retry-After seconds', async () => {
    mock.setMode('rate429')
    const error = await failure(provider().getDailyBars(SEP_TO_NOV))
    expect(error.options.retryAfterSeconds).toBe(2)
  })

  it('an unknown symbol in ok mode is not_found', async () => {
    const error = await failure(provider().getDailyBars({ ...SEP_TO_NOV, symbol: 'NOSUCH' }))
    expect(error.kind).toBe('not_found')
    expect(mock.countFor('NOSUCH')).toBe(1)
  })

  it('slow -> timeout, promptly, after timeoutMs', async () => {
    mock.setMode('slow', { slowMs: 5000 })
    const started = Date.now()
    const error = await failure(provider(300).getDailyBars(SEP_TO_NOV))
    const elapsed = Date.now() - started
    expect(error.kind).toBe('timeout')
    expectSafeMessage(error)
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(2000)
    expect(mock.requests).toHaveLength(1)
  })

  it("the caller's abort signal also ends the request as timeout", async () => {
    mock.setMode('slow', { slowMs: 5000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = Date.now()
    const error = await failure(provider(5000).getDailyBars({ ...SEP_TO_NOV, signal: controller.signal }))
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('slow within the timeout still succeeds', async () => {
    mock.setMode('slow', { slowMs: 150 })
    const result = await provider(3000).getDailyBars(SEP_TO_NOV)
    expect(result.bars).toHaveLength(49)
  })

  it('nulls -> the affected days are missing, the rest intact, no zeros', async () => {
    const full = await provider().getDailyBars(SEP_TO_NOV)
    mock.setMode('nulls')
    const result = await provider().getDailyBars(SEP_TO_NOV)
    const droppedDates = MOCK_NULL_ROWS.map(({ row }) => full.bars[row]?.date)
    expect(droppedDates).toEqual(['2020-09-01', '2020-09-02', '2020-09-03'])
    expect(result.bars).toHaveLength(49 - MOCK_NULL_ROWS.length)
    expect(result.bars.map((b) => b.date)).not.toEqual(expect.arrayContaining(droppedDates))
    expect(result.bars).toEqual(full.bars.filter((b) => !droppedDates.includes(b.date)))
    expect(mock.requests).toHaveLength(2)
  })

  it('empty -> zero bars with a null currency, no error', async () => {
    mock.setMode('empty')
    const result = await provider().getDailyBars(SEP_TO_NOV)
    expect(result).toMatchObject({ symbol: 'AAPL', name: 'AAPL', currency: null, bars: [] })
    expect(mock.requests).toHaveLength(1)
  })

  it('an unreachable host is upstream', async () => {
    const closed = await startMockYahoo({ port: 0 })
    const url = closed.url
    await closed.close()
    const error = await failure(createYahooProvider({ baseUrl: url, timeoutMs: 2000 }).getDailyBars(SEP_TO_NOV))
    expect(error.kind).toBe('upstream')
    expectSafeMessage(error)
  })
})

describe('yahoo provider, transport', () => {
  it('uses an injected fetch and rewrites the Yahoo host onto the base URL', async () => {
    const seen: string[] = []
    const fetchImpl: typeof fetch = (input, init) => {
      seen.push(String(input))
      return fetch(input, init)
    }
    await createYahooProvider({ baseUrl: `${mock.url}/`, fetchImpl }).getDailyBars(SEP_TO_NOV)
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatch(new RegExp(`^${mock.url}/v8/finance/chart/AAPL\\?.*period1=\\d+.*period2=\\d+`))
  })
})
