import { describe, expect, it } from 'vitest'
import { CHART_CSV_HEADER, chartCsv, exportFileName } from '@/lib/chart/export'
import { buildChartModel, type ChartModel } from '@/lib/chart/model'
import type { Bar, PriceSeries } from '@/lib/types'
import { DEFAULT_VIEW, type ChartMode } from '@/lib/view/state'

// SYNTHETIC test data: made-up symbols and prices, not market data.

const bar = (date: string, close: number, adjClose = close): Bar => ({
  date,
  open: close,
  high: close,
  low: close,
  close,
  adjClose,
  volume: 1,
})

const SYNTHETIC_SERIES: PriceSeries[] = [
  {
    symbol: 'SYNA',
    name: 'Synthetic Alpha',
    currency: 'USD',
    source: 'snapshot',
    bars: [
      bar('2025-01-10', 95),
      bar('2025-01-13', 100, 99.5),
      bar('2025-01-14', 102.123456789, 101.6),
      bar('2025-01-15', 97),
      bar('2025-01-16', 104),
      bar('2025-01-17', 110),
    ],
  },
  {
    symbol: 'SYNB.T',
    name: 'Synthetic Beta',
    currency: 'JPY',
    source: 'snapshot',
    // Trades on a day SYNA does not (and misses one SYNA trades): a different exchange calendar.
    bars: [bar('2025-01-13', 5000), bar('2025-01-15', 5100), bar('2025-01-16', 5050), bar('2025-01-18', 4900)],
  },
]

function syntheticModel(mode: ChartMode, base = '2025-01-13'): ChartModel {
  return buildChartModel({
    series: SYNTHETIC_SERIES,
    events: [],
    view: { ...DEFAULT_VIEW, symbols: ['SYNA', 'SYNB.T'], from: '2025-01-13', to: '2025-01-18', mode, base },
  })
}

const rowsOf = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))

describe('chartCsv', () => {
  it('writes the header and one row per visible session and series with a bar', () => {
    const model = syntheticModel('percent')
    const csv = chartCsv(model, SYNTHETIC_SERIES)
    const lines = csv.trimEnd().split('\n')
    expect(lines[0]).toBe(CHART_CSV_HEADER)
    expect(CHART_CSV_HEADER).toBe('date,symbol,close,adj_close,change_since_base')
    // Visible sessions: 13, 14, 15, 16, 17, 18 (SYNA has 5 of them, SYNB.T 4); the 10th is outside the range.
    expect(model.dates).toHaveLength(6)
    expect(lines).toHaveLength(1 + 5 + 4)
    expect(csv).not.toContain('2025-01-10')
    expect(csv.split('\n').some((line) => line.startsWith('#'))).toBe(false)
  })

  it('orders rows by date, then in the chart series order', () => {
    const rows = rowsOf(chartCsv(syntheticModel('percent'), SYNTHETIC_SERIES))
    expect(rows.slice(0, 3).map((r) => `${r[0]} ${r[1]}`)).toEqual([
      '2025-01-13 SYNA',
      '2025-01-13 SYNB.T',
      '2025-01-14 SYNA',
    ])
  })

  it('measures change_since_base from the base session, which reads 0', () => {
    const rows = rowsOf(chartCsv(syntheticModel('percent'), SYNTHETIC_SERIES))
    const base = rows.find((r) => r[0] === '2025-01-13' && r[1] === 'SYNA')
    expect(base?.[4]).toBe('0.000000')
    expect(Number(base?.[4])).toBe(0)
    // Adjusted close over the base adjusted close: 101.6 / 99.5 - 1.
    expect(rows.find((r) => r[0] === '2025-01-14' && r[1] === 'SYNA')?.[4]).toBe((101.6 / 99.5 - 1).toFixed(6))
    expect(rows.find((r) => r[0] === '2025-01-18' && r[1] === 'SYNB.T')?.[4]).toBe('-0.020000')
  })

  it('keeps prices unrounded', () => {
    const rows = rowsOf(chartCsv(syntheticModel('percent'), SYNTHETIC_SERIES))
    const row = rows.find((r) => r[0] === '2025-01-14' && r[1] === 'SYNA')
    expect(row?.slice(2, 4)).toEqual(['102.123456789', '101.6'])
  })

  it('uses the chart base in price mode too, and a base session on or before it', () => {
    // 2025-01-14 is not a SYNB.T session: its base is the 13th, as the chart would pick.
    const rows = rowsOf(chartCsv(syntheticModel('price', '2025-01-14'), SYNTHETIC_SERIES))
    expect(rows.find((r) => r[0] === '2025-01-14' && r[1] === 'SYNA')?.[4]).toBe('0.000000')
    expect(rows.find((r) => r[0] === '2025-01-15' && r[1] === 'SYNB.T')?.[4]).toBe('0.020000')
  })

  it('leaves change_since_base empty when the series has no base value', () => {
    const model = syntheticModel('percent')
    const noBase: ChartModel = {
      ...model,
      series: model.series.map((s) => ({ ...s, baseValue: null, baseDate: null })),
    }
    const rows = rowsOf(chartCsv(noBase, SYNTHETIC_SERIES))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.length === 5 && r[4] === '')).toBe(true)
  })

  it('quotes fields that hold commas or quotes, and defuses spreadsheet formulas', () => {
    const odd: PriceSeries[] = [
      { symbol: 'A,B"C', name: 'Odd', currency: 'USD', source: 'snapshot', bars: [bar('2025-01-13', 1)] },
      { symbol: '=1+1', name: 'Formula', currency: 'USD', source: 'snapshot', bars: [bar('2025-01-13', 2)] },
    ]
    const model = buildChartModel({
      series: odd,
      events: [],
      view: { ...DEFAULT_VIEW, symbols: ['A,B"C', '=1+1'], from: '2025-01-13', to: '2025-01-13', base: '2025-01-13' },
    })
    const lines = chartCsv(model, odd).trimEnd().split('\n')
    expect(lines[1]).toBe('2025-01-13,"A,B""C",1,1,0.000000')
    expect(lines[2]).toBe("2025-01-13,'=1+1,2,2,0.000000")
  })
})

describe('exportFileName', () => {
  const view = { symbols: ['NVDA', 'AVGO', 'SPY'], from: '2025-01-06', to: '2025-02-14' }

  it('names the file after symbols and range', () => {
    expect(exportFileName('png', view)).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.png')
    expect(exportFileName('svg', { ...view, mode: 'percent' })).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.svg')
    expect(exportFileName('csv', { ...view, mode: 'log' })).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14_log.csv')
  })

  it('keeps ticker characters and replaces anything else', () => {
    expect(exportFileName('png', { ...view, symbols: ['9984.T', '^GSPC', 'BRK-B', 'a/b c'] })).toBe(
      'ai-shock_9984.T-^GSPC-BRK-B-a_b_c_2025-01-06_2025-02-14.png',
    )
  })

  it('names at most eight symbols and counts the rest', () => {
    const symbols = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']
    expect(exportFileName('csv', { ...view, symbols })).toBe('ai-shock_A-B-C-D-E-F-G-H+3_2025-01-06_2025-02-14.csv')
    expect(exportFileName('csv', { ...view, symbols: symbols.slice(0, 8) })).toBe(
      'ai-shock_A-B-C-D-E-F-G-H_2025-01-06_2025-02-14.csv',
    )
  })

  it('still gives a sensible name with no symbols', () => {
    expect(exportFileName('png', { ...view, symbols: [] })).toBe('ai-shock_2025-01-06_2025-02-14.png')
  })
})
