import { toCsv } from '../csv/write'
import type { PriceSeries } from '../types'

export const PRICES_CSV_HEADER = 'symbol,date,open,high,low,close,adj_close,volume,currency,source'

/** One row per symbol and date, numbers exactly as served (no rounding). */
export function pricesToCsv(series: readonly PriceSeries[]): string {
  const rows = series.flatMap((s) =>
    s.bars.map((b) => [s.symbol, b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume, s.currency, s.source]),
  )
  return toCsv(PRICES_CSV_HEADER.split(','), rows)
}
