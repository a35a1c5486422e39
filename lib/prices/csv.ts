import type { PriceSeries } from '../types'

export const PRICES_CSV_HEADER = 'symbol,date,open,high,low,close,adj_close,volume,currency,source'

/** One row per symbol and date, numbers exactly as served (no rounding). */
export function pricesToCsv(series: readonly PriceSeries[]): string {
  const lines = [PRICES_CSV_HEADER]
  for (const s of series) {
    for (const b of s.bars) {
      lines.push([s.symbol, b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume, s.currency ?? '', s.source].join(','))
    }
  }
  return lines.join('\n') + '\n'
}
