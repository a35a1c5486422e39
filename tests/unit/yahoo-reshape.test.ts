import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isWeekend } from '@/lib/dates'
import { reshapeChart } from '@/lib/providers/yahoo/reshape'
import { chartResultFromRows } from '../mock-yahoo/payload-from-bars'
import { parseChartResponse, yahooChartResultSchema, type YahooChartResult } from '@/lib/providers/yahoo/schema'

// Recorded responses (see tests/fixtures/yahoo/README.md); read as text so nothing is normalised on the way.
function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/yahoo/${name}`, import.meta.url), 'utf8'))
}

/** The raw `chart.result[0]` of a fixture, unvalidated, for building broken variants. */
function rawResult(name: string): Record<string, unknown> {
  const body = fixture(name) as { chart: { result: Record<string, unknown>[] } }
  const first = body.chart.result[0]
  if (!first) throw new Error(`fixture ${name} has no result`)
  return first
}

const AAPL_1 = 'AAPL-2020-01-01-to-2020-01-03.json'
const AAPL_49 = 'AAPL-2020-08-31-to-2020-11-07.json'
const LUCYW = 'LUCYW-null-currency.json'

describe('reshapeChart on recorded AAPL payloads', () => {
  it('turns the single 2020-01-02 bar into the New York trading date with every digit kept', () => {
    const result = reshapeChart(parseChartResponse(fixture(AAPL_1)), 'AAPL')
    expect(result).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      currency: 'USD',
      exchangeTimezone: 'America/New_York',
      bars: [
        {
          // timestamp 1577975400 = 2020-01-02 14:30 UTC = 09:30 New York
          date: '2020-01-02',
          open: 74.05999755859375,
          high: 75.1500015258789,
          low: 73.79750061035156,
          close: 75.0875015258789,
          adjClose: 72.27154541015625,
          volume: 135480400,
        },
      ],
    })
  })

  it('keeps all 49 bars of the split/dividend sample, ascending, unique, on weekdays', () => {
    const { bars } = reshapeChart(parseChartResponse(fixture(AAPL_49)), 'AAPL')
    expect(bars).toHaveLength(49)
    expect(bars[0]?.date).toBe('2020-08-31')
    expect(bars.at(-1)?.date).toBe('2020-11-06')
    expect(bars[0]?.close).toBe(129.0399932861328)
    expect(bars[0]?.adjClose).toBe(125.05753326416016)

    const dates = bars.map((b) => b.date)
    expect(new Set(dates).size).toBe(dates.length)
    expect([...dates].sort()).toEqual(dates)
    expect(dates.filter(isWeekend)).toEqual([])
  })

  it('has adjusted closes below closes before the 2020-11-06 dividend', () => {
    // The recording dates from 2026, so later dividends lower the ex-date's adjusted close too; only the
    // days before this payload's own dividend are asserted.
    const { bars } = reshapeChart(parseChartResponse(fixture(AAPL_49)), 'AAPL')
    const before = bars.filter((b) => b.date < '2020-11-06')
    expect(before).toHaveLength(48)
    for (const bar of before) expect(bar.adjClose).toBeLessThan(bar.close)
  })

  it('keeps JSON integers as they are (126, 112, 131 appear as whole dollars)', () => {
    const { bars } = reshapeChart(parseChartResponse(fixture(AAPL_49)), 'AAPL')
    const values = bars.flatMap((b) => [b.open, b.high, b.low, b.close])
    expect(values).toEqual(expect.arrayContaining([126, 112, 131]))
  })
})

describe('reshapeChart on the recorded LUCYW payload (null currency, no bars)', () => {
  it('gives zero bars, a null currency and the long name, without throwing', () => {
    const result = reshapeChart(parseChartResponse(fixture(LUCYW)), 'LUCYW')
    expect(result).toEqual({
      symbol: 'LUCYW',
      name: 'Innovative Eyewear, Inc.',
      currency: null,
      exchangeTimezone: 'America/New_York',
      bars: [],
    })
  })

  it('also accepts an empty quote list (quote: [])', () => {
    const raw = rawResult(LUCYW)
    const cleaned = { ...raw, indicators: { quote: [], adjclose: [{}] } }
    expect(reshapeChart(yahooChartResultSchema.parse(cleaned), 'LUCYW').bars).toEqual([])
  })
})

/** Builds a payload from explicit rows. Synthetic: not a recording, used only for edge cases. */
function synthetic(
  rows: Array<{
    ts: number
    open: number | null
    high: number | null
    low: number | null
    close: number | null
    volume: number | null
    adj?: number | null
  }>,
  meta: Record<string, unknown> = {
    symbol: 'SYN',
    currency: 'USD',
    exchangeTimezoneName: 'America/New_York',
    gmtoffset: -18000,
  },
  withAdjclose = true,
): YahooChartResult {
  return yahooChartResultSchema.parse(chartResultFromRows(meta, rows, { withAdjclose }))
}

// 2025-01-21..24, 14:30 UTC each (09:30 New York).
const TUE = 1737469800
const DAY = 86_400

describe('reshapeChart rules (synthetic payloads)', () => {
  it('drops days with a null price or volume instead of writing zeros', () => {
    const { bars, droppedDates } = reshapeChart(
      synthetic([
        { ts: TUE, open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
        { ts: TUE + DAY, open: null, high: 11, low: 9, close: 10.5, volume: 100 },
        { ts: TUE + 2 * DAY, open: 10, high: 11, low: 9, close: null, volume: 100 },
        { ts: TUE + 3 * DAY, open: 10, high: 11, low: 9, close: 10.5, volume: null },
      ]),
      'SYN',
    )
    expect(bars.map((b) => b.date)).toEqual(['2025-01-21'])
    // The dropped sessions are reported, so the API can say which days are missing.
    expect(droppedDates).toEqual(['2025-01-22', '2025-01-23', '2025-01-24'])
    expect(bars.flatMap((b) => [b.open, b.high, b.low, b.close, b.volume])).not.toContain(0)
  })

  it('drops a day whose adjusted close is null while the adjclose array exists', () => {
    const { bars } = reshapeChart(
      synthetic([
        { ts: TUE, open: 10, high: 11, low: 9, close: 10.5, volume: 100, adj: 10.1 },
        { ts: TUE + DAY, open: 10, high: 11, low: 9, close: 10.5, volume: 100, adj: null },
      ]),
      'SYN',
    )
    expect(bars.map((b) => [b.date, b.adjClose])).toEqual([['2025-01-21', 10.1]])
  })

  it('falls back to close when the payload has no adjclose array', () => {
    const { bars } = reshapeChart(
      synthetic([{ ts: TUE, open: 10, high: 11, low: 9, close: 10.5, volume: 0 }], undefined, false),
      'SYN',
    )
    expect(bars).toEqual([{ date: '2025-01-21', open: 10, high: 11, low: 9, close: 10.5, adjClose: 10.5, volume: 0 }])
  })

  it('sorts rows ascending and keeps the first row for a repeated date, reporting the second', () => {
    const { bars, rejectedBars } = reshapeChart(
      synthetic([
        { ts: TUE + DAY, open: 20, high: 21, low: 19, close: 20.5, volume: 200 },
        { ts: TUE, open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
        // Same New York date as the first row, later in the day (a live row for the open session).
        { ts: TUE + DAY + 5 * 3600, open: 30, high: 31, low: 29, close: 30.5, volume: 300 },
      ]),
      'SYN',
    )
    expect(bars.map((b) => [b.date, b.close])).toEqual([
      ['2025-01-21', 10.5],
      ['2025-01-22', 20.5],
    ])
    expect(rejectedBars).toEqual([{ date: '2025-01-22', reason: 'duplicate' }])
  })

  it('dates a 14:30 UTC bar of an Asia/Tokyo exchange on the Tokyo calendar day', () => {
    // Synthetic: 2025-01-27 14:30 UTC is 2025-01-27 23:30 in Tokyo; 2025-01-27 23:30 UTC is already the 28th there.
    const meta = {
      symbol: '9984.T',
      currency: 'JPY',
      exchangeTimezoneName: 'Asia/Tokyo',
      gmtoffset: 32400,
      longName: 'SoftBank Group Corp.',
    }
    const { bars, exchangeTimezone, name } = reshapeChart(
      synthetic(
        [
          { ts: Date.UTC(2025, 0, 27, 14, 30) / 1000, open: 1, high: 1, low: 1, close: 1, volume: 1 },
          { ts: Date.UTC(2025, 0, 27, 23, 30) / 1000, open: 2, high: 2, low: 2, close: 2, volume: 2 },
        ],
        meta,
      ),
      '9984.T',
    )
    expect(exchangeTimezone).toBe('Asia/Tokyo')
    expect(name).toBe('SoftBank Group Corp.')
    expect(bars.map((b) => b.date)).toEqual(['2025-01-27', '2025-01-28'])
  })

  it('falls back to gmtoffset when the zone name is missing', () => {
    // Synthetic: 2025-01-21 23:30 UTC with +09:00 is the 22nd locally; UTC would say the 21st.
    const meta = { symbol: 'SYN', currency: 'JPY', gmtoffset: 32400 }
    const result = reshapeChart(
      synthetic([{ ts: Date.UTC(2025, 0, 21, 23, 30) / 1000, open: 1, high: 1, low: 1, close: 1, volume: 1 }], meta),
      'SYN',
    )
    expect(result.bars.map((b) => b.date)).toEqual(['2025-01-22'])
    expect(result.exchangeTimezone).toBe('Etc/GMT-9')
  })

  it('names the series from shortName, then the symbol, when longName is missing', () => {
    const row = [{ ts: TUE, open: 1, high: 1, low: 1, close: 1, volume: 1 }]
    const tz = { exchangeTimezoneName: 'America/New_York' }
    expect(reshapeChart(synthetic(row, { symbol: 'X', shortName: 'Short', ...tz }), 'X').name).toBe('Short')
    expect(reshapeChart(synthetic(row, { symbol: 'X', ...tz }), 'X')).toMatchObject({ name: 'X', currency: null })
  })
})

describe('yahooChartResultSchema rejects garbage', () => {
  const valid = () => rawResult(AAPL_49)

  it.each<[string, () => unknown]>([
    ['null', () => null],
    ['a string', () => 'chart'],
    ['no meta', () => ({ ...valid(), meta: undefined })],
    ['timestamps as date strings', () => ({ ...valid(), timestamp: ['2020-08-31'] })],
    ['fractional timestamps', () => ({ ...valid(), timestamp: (valid().timestamp as number[]).map((t) => t + 0.5) })],
    [
      'a price written as a string',
      () => {
        const r = valid() as { indicators: { quote: Array<{ close: unknown[] }> } }
        r.indicators.quote[0]!.close[0] = '129.04'
        return r
      },
    ],
    [
      'quote arrays shorter than the timestamps',
      () => {
        const r = valid() as { indicators: { quote: Array<{ low: unknown[] }> } }
        r.indicators.quote[0]!.low.pop()
        return r
      },
    ],
    [
      'an adjclose array of the wrong length',
      () => {
        const r = valid() as { indicators: { adjclose: Array<{ adjclose: unknown[] }> } }
        r.indicators.adjclose[0]!.adjclose.push(1)
        return r
      },
    ],
    ['timestamps without any quote', () => ({ ...valid(), indicators: { quote: [] } })],
    ['prices without timestamps', () => ({ ...valid(), timestamp: undefined })],
    [
      'an unknown time zone and no gmtoffset',
      () => ({ ...valid(), meta: { symbol: 'AAPL', exchangeTimezoneName: 'Mars/Olympus' } }),
    ],
  ])('rejects %s', (_label, make) => {
    expect(yahooChartResultSchema.safeParse(make()).success).toBe(false)
  })

  it('rejects bodies that are not a chart response', () => {
    expect(() => parseChartResponse({ finance: { result: null } })).toThrow()
    expect(() => parseChartResponse({ chart: { result: [], error: null } })).toThrow()
    expect(() =>
      parseChartResponse({ chart: { result: null, error: { code: 'Not Found', description: 'x' } } }),
    ).toThrow()
  })

  it('accepts all three recordings', () => {
    for (const name of [AAPL_1, AAPL_49, LUCYW]) expect(() => parseChartResponse(fixture(name))).not.toThrow()
  })
})
