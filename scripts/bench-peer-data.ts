/**
 * What the dashboard's chart draws for the bench's view, as plain numbers, for the peer pages of
 * scripts/bench-peers.mjs: the same sessions, the same percent changes (lib/chart/model.ts, from the embedded
 * snapshot) and the daily changes its tooltip shows. Run by the bench:
 *
 *   npx tsx --conditions=react-server scripts/bench-peer-data.ts NVDA,AVGO,AMD,MSFT,SPY
 *
 * Prints one JSON line: { from, to, base, dates, series: [{ symbol, values, changes }] }.
 */
import { buildChartModel, changeKey } from '../lib/chart/model'
import { snapshotBars } from '../lib/snapshot'
import type { PriceSeries } from '../lib/types'
import { DEFAULT_VIEW } from '../lib/view/state'

function main(): void {
  const symbols = (process.argv[2] ?? '').split(',').filter(Boolean)
  if (symbols.length === 0) throw new Error('name the symbols, comma-separated')
  const series: PriceSeries[] = symbols.map((symbol) => {
    const bars = snapshotBars(symbol)
    if (!bars) throw new Error(`${symbol} is not in the snapshot`)
    return { symbol, name: symbol, currency: 'USD', source: 'snapshot', bars: [...bars] }
  })
  const view = { ...DEFAULT_VIEW, symbols }
  const model = buildChartModel({ series, view, events: [] })
  const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : null)
  console.log(
    JSON.stringify({
      from: view.from,
      to: view.to,
      base: view.base,
      dates: model.dates,
      series: symbols.map((symbol) => ({
        symbol,
        values: model.rows.map((row) => round(row[symbol])),
        changes: model.rows.map((row) => round(row[changeKey(symbol)])),
      })),
    }),
  )
}

main()
