import type { Bar, PriceSeries } from '../../types'
import { csvLine, csvNumber } from '../../csv/write'
import { baseSession, changeBetween } from '../../analysis/returns'
import type { ChartModel } from '../model'

export const CHART_CSV_HEADER = 'date,symbol,close,adj_close,change_since_base'

/** Numbers as JavaScript writes them: the shortest text that reads back as the same double, never rounded. */
const exact = csvNumber

function fraction(base: Bar | undefined, bar: Bar): string {
  const change = base ? changeBetween(base, bar) : null
  if (change === null || !Number.isFinite(change)) return ''
  const text = change.toFixed(6)
  return text === '-0.000000' ? '0.000000' : text
}

/**
 * What the chart shows, as data: one row per visible session (`model.dates`) and series that has a bar that day,
 * in date order, then in the chart's series order. `change_since_base` is a decimal fraction of the adjusted
 * close. In percent mode it is measured from the very base the chart used (`baseDate` of the
 * series); in price and log modes from the same kind of base session found in `rawSeries` for `model.base`.
 * Plain header and rows, no comment lines, so any spreadsheet opens it as is.
 */
export function chartCsv(model: ChartModel, rawSeries: readonly PriceSeries[]): string {
  const visible = new Set(model.dates)
  const bySymbol = new Map(rawSeries.map((s) => [s.symbol, s]))

  const columns = model.series.flatMap((series) => {
    const raw = bySymbol.get(series.symbol)
    if (!raw) return []
    // Percent mode: the very base session the chart used; price and log modes: the same kind of base for model.base.
    const baseDate = model.mode === 'percent' ? series.baseDate : model.base
    const base = baseDate ? baseSession(raw.bars, baseDate) : undefined
    const bars = new Map(raw.bars.filter((b) => visible.has(b.date)).map((b) => [b.date, b]))
    return [{ symbol: series.symbol, base, bars }]
  })

  const lines = [CHART_CSV_HEADER]
  for (const date of model.dates) {
    for (const column of columns) {
      const bar = column.bars.get(date)
      if (!bar) continue
      lines.push(csvLine([date, column.symbol, exact(bar.close), exact(bar.adjClose), fraction(column.base, bar)]))
    }
  }
  return lines.join('\n') + '\n'
}
