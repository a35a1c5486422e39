import { describe, expect, it } from 'vitest'
import { describeRejectedBars, MAX_PLAUSIBLE_PRICE } from '@/lib/providers/bar-rules'
import { ChartPayloadError, reshapeChart } from '@/lib/providers/yahoo/reshape'
import { MAX_TIMESTAMPS, parseChartResponse, yahooChartResultSchema } from '@/lib/providers/yahoo/schema'
import { chartEnvelope, chartResultFromRows } from '../mock-yahoo/payload-from-bars'

// Synthetic payloads (made-up prices, labelled as such): they exercise the rules the live path shares with the
// snapshot importer, one broken row at a time.

type Row = { ts: number; open: number; high: number; low: number; close: number; volume: number; adj?: number }

const NY = { symbol: 'SYN', currency: 'USD', exchangeTimezoneName: 'America/New_York', gmtoffset: -18000 }

function body(rows: Row[], meta: Record<string, unknown> = NY): unknown {
  return chartEnvelope(chartResultFromRows(meta, rows))
}

// 2025-01-21 (Tuesday) 14:30 UTC = 09:30 New York.
const TUE = Date.UTC(2025, 0, 21, 14, 30) / 1000
const DAY = 86_400
const good = (ts: number, price = 10): Row => ({
  ts,
  open: price,
  high: price + 1,
  low: price - 1,
  close: price,
  volume: 100,
})

function reshape(rows: Row[], symbol = 'SYN', meta: Record<string, unknown> = { ...NY, symbol }) {
  return reshapeChart(parseChartResponse(body(rows, meta)), symbol)
}

describe('live bars follow the importer’s rules', () => {
  const cases: Array<[string, Partial<Row>, string]> = [
    ['a negative price', { low: -1 }, 'not_positive'],
    ['a zero close', { close: 0, low: 0 }, 'not_positive'],
    ['a price of 1e308', { high: 1e308 }, 'implausible'],
    ['a price of 1e300', { open: 1e300, high: 1e300, close: 1e300 }, 'implausible'],
    ['a price near the smallest double', { open: 5e-324, low: 5e-324, close: 5e-324, high: 5e-324 }, 'implausible'],
    ['high below low', { high: 5, low: 6, open: 5.5, close: 5.5 }, 'high_below_low'],
    ['high below the close', { close: 12 }, 'high_below_open_close'],
    ['low above the open', { open: 8.5 }, 'low_above_open_close'],
    ['a fractional volume', { volume: 10.5 }, 'bad_volume'],
    ['a negative volume', { volume: -1 }, 'bad_volume'],
  ]
  it.each(cases)('drops a row with %s and keeps its neighbours', (_, change, reason) => {
    const result = reshape([good(TUE), { ...good(TUE + DAY), ...change }, good(TUE + 2 * DAY)])
    expect(result.bars.map((b) => b.date)).toEqual(['2025-01-21', '2025-01-23'])
    expect(result.rejectedBars).toEqual([{ date: '2025-01-22', reason }])
  })

  it('keeps a price just under the plausibility cap', () => {
    const p = MAX_PLAUSIBLE_PRICE - 2
    expect(reshape([{ ts: TUE, open: p, high: p + 1, low: p - 1, close: p, volume: 0 }]).bars).toHaveLength(1)
  })

  it('drops a bar on a Saturday and on a NYSE holiday for a New York listing', () => {
    const saturday = TUE + 4 * DAY // 2025-01-25
    const mlk = TUE - DAY // 2025-01-20, Martin Luther King Jr. Day
    const result = reshape([good(mlk), good(TUE), good(saturday)], 'NVDA')
    expect(result.bars.map((b) => b.date)).toEqual(['2025-01-21'])
    expect(result.rejectedBars?.map((r) => [r.date, r.reason])).toEqual([
      ['2025-01-20', 'closed_day'],
      ['2025-01-25', 'closed_day'],
    ])
    expect(result.calendarName).toBe('NYSE')
  })

  it('a wrong gmtoffset without a zone name cannot move a curated symbol’s bars onto a weekend', () => {
    // +14 h puts 09:30 New York on Friday at 04:30 on Saturday.
    const friday = TUE + 3 * DAY
    const meta = { symbol: 'NVDA', currency: 'USD', gmtoffset: 14 * 3600 }
    const result = reshape([good(TUE), good(friday)], 'NVDA', meta)
    expect(result.bars.map((b) => b.date)).toEqual(['2025-01-22'])
    expect(result.rejectedBars).toEqual([{ date: '2025-01-25', reason: 'closed_day' }])
  })

  it('refuses a curated symbol’s payload in another exchange’s time zone', () => {
    const meta = { ...NY, symbol: 'NVDA', exchangeTimezoneName: 'Pacific/Kiritimati' }
    expect(() => reshape([good(TUE)], 'NVDA', meta)).toThrow(ChartPayloadError)
  })

  it('refuses an unknown time zone name even with a gmtoffset', () => {
    expect(() => parseChartResponse(body([good(TUE)], { ...NY, exchangeTimezoneName: 'Mars/Olympus_Mons' }))).toThrow()
  })

  it('refuses a currency that is not a three-letter code, and accepts Yahoo’s minor units', () => {
    for (const currency of ['=HYPERLINK("http://x")', 'US D', 'usd', 'USD\r\nX', 'EURO']) {
      expect(() => parseChartResponse(body([good(TUE)], { ...NY, currency }))).toThrow()
    }
    expect(parseChartResponse(body([good(TUE)], { ...NY, currency: 'GBp' })).meta.currency).toBe('GBp')
    expect(parseChartResponse(body([good(TUE)], { ...NY, currency: null })).meta.currency).toBeNull()
  })

  it('keeps the first of two rows for one session and reports the second', () => {
    const result = reshape([good(TUE, 10), good(TUE, 20)])
    expect(result.bars).toHaveLength(1)
    expect(result.bars[0]?.close).toBe(10)
    expect(result.rejectedBars).toEqual([{ date: '2025-01-21', reason: 'duplicate' }])
  })

  it('refuses timestamps outside 1900..2100', () => {
    expect(() => parseChartResponse(body([good(Date.UTC(100, 0, 4) / 1000)]))).toThrow()
  })

  it('refuses more timestamps than the cap before looking at any row, quickly', () => {
    const n = 1_000_000
    const timestamp = Array.from({ length: n }, (_, i) => TUE + i)
    const column = new Array<number>(n).fill(1)
    const huge = {
      chart: {
        result: [
          {
            meta: NY,
            timestamp,
            indicators: { quote: [{ open: column, high: column, low: column, close: column, volume: column }] },
          },
        ],
        error: null,
      },
    }
    const started = performance.now()
    expect(() => parseChartResponse(huge)).toThrow(/1000000 timestamps/)
    expect(performance.now() - started).toBeLessThan(50)
    // At the cap the payload is read (the schema allows exactly MAX_TIMESTAMPS).
    expect(() =>
      yahooChartResultSchema.parse({ ...huge.chart.result[0], timestamp: timestamp.slice(0, MAX_TIMESTAMPS + 1) }),
    ).toThrow()
  })
})

describe('one warning per symbol', () => {
  it('names how many bars were dropped and why', () => {
    const text = describeRejectedBars(
      'NVDA',
      [
        { date: '2025-01-21', reason: 'high_below_low' },
        { date: '2025-01-22', reason: 'high_below_low' },
        { date: '2025-01-25', reason: 'closed_day' },
      ],
      'NYSE',
    )
    expect(text).toBe('NVDA: 3 live bars dropped (2 with high below low, 1 on a day NYSE does not trade).')
  })
})
