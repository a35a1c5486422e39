/**
 * Times the event study alone (no HTTP, no JSON): every snapshot symbol but the benchmark against SPY around
 * 2025-01-27 with the default windows, the work behind one full reaction table. Run by scripts/bench.mjs:
 *
 *   npx tsx --conditions=react-server scripts/bench-analysis.ts [--runs 50]
 *
 * Prints one JSON line: { symbols, symbolList, windows, runs, medianMs, p95Ms, minMs }.
 */
import { DEFAULT_WINDOWS, eventStudy } from '../lib/analysis'
import { snapshotBars, snapshotSymbols } from '../lib/snapshot'

const BENCHMARK = 'SPY'
const DAY0 = '2025-01-27'
const WARM_UP_RUNS = 5

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN
}

function main(): void {
  const runsArg = process.argv.indexOf('--runs')
  const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 50
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000)
    throw new Error('--runs must be a whole number from 1 to 10000')

  const market = snapshotBars(BENCHMARK)
  if (!market) throw new Error(`${BENCHMARK} is not in the snapshot`)
  const stocks = snapshotSymbols()
    .filter((s) => s !== BENCHMARK)
    .map((symbol) => ({ symbol, bars: snapshotBars(symbol) ?? [] }))

  const studyAll = () => {
    let sink = 0
    for (const { symbol, bars } of stocks) {
      const study = eventStudy({
        stock: bars,
        market,
        day0: DAY0,
        windows: DEFAULT_WINDOWS,
        labels: { stock: symbol, market: BENCHMARK },
      })
      // Reading a result keeps the engine from treating the call as dead code.
      sink += study.abnormalReturn
    }
    return sink
  }

  // The first runs include JIT compilation, which a warm server has long finished.
  for (let i = 0; i < WARM_UP_RUNS; i++) studyAll()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    studyAll()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    JSON.stringify({
      symbols: stocks.length,
      symbolList: stocks.map((s) => s.symbol),
      windows: DEFAULT_WINDOWS.length,
      runs,
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
      minMs: times[0],
    }),
  )
}

main()
