import { describe, expect, it } from 'vitest'
import { dailyReturns, rebase } from '@/lib/analysis/returns'
import { buildChartModel, changeKey } from '@/lib/chart/model'
import { snapshotBars } from '@/lib/snapshot'
import type { PriceSeries } from '@/lib/types'
import { DEFAULT_VIEW } from '@/lib/view/state'

// Real data: the embedded snapshot's bars. The chart and the event study must measure change by one rule.
function series(symbol: string): PriceSeries {
  const bars = snapshotBars(symbol)
  if (!bars) throw new Error(`${symbol} is not in the snapshot`)
  return { symbol, name: symbol, currency: 'USD', source: 'snapshot', bars: [...bars] }
}

describe('the chart measures change by the analysis rule', () => {
  const symbols = ['NVDA', 'SPY', '9984.T']
  const from = '2024-12-02'
  const to = '2025-02-28'
  // 2025-01-20 is a US holiday (MLK Day): the base falls back to the session before it.
  const base = '2025-01-20'
  const all = symbols.map(series)
  const model = buildChartModel({
    series: all,
    events: [],
    view: { ...DEFAULT_VIEW, symbols, from, to, mode: 'percent', base },
  })

  it.each(symbols)(
    '%s: every plotted percent value is rebase() of the same bars, from the same base session',
    (symbol) => {
      const raw = all.find((s) => s.symbol === symbol) as PriceSeries
      const rebased = rebase(raw.bars, base)
      expect(model.series.find((s) => s.symbol === symbol)?.baseDate).toBe(rebased.baseDate)
      const expected = new Map(rebased.points.map((p) => [p.date, p.value]))
      const plotted = model.rows.filter((r) => r[symbol] !== null)
      expect(plotted.length).toBeGreaterThan(40)
      for (const row of plotted) expect(row[symbol]).toBe(expected.get(row.date))
    },
  )

  it.each(symbols)("%s: the tooltip's daily change is the daily return of dailyReturns()", (symbol) => {
    const raw = all.find((s) => s.symbol === symbol) as PriceSeries
    const returns = new Map(dailyReturns(raw.bars).map((r) => [r.date, r.value]))
    for (const row of model.rows) {
      if (row[symbol] === null) continue
      expect(row[changeKey(symbol)]).toBe(returns.get(row.date))
    }
  })
})
