import 'server-only'
import raw from './data/snapshot.json'
import { snapshotFileSchema, type SnapshotFile } from './format'
import type { Bar } from '../types'

let loaded: { file: SnapshotFile; bars: Map<string, Bar[]> } | undefined

/** Validates the embedded snapshot once, on first use, and keeps it as typed bars. */
function load() {
  if (!loaded) {
    const file = snapshotFileSchema.parse(raw)
    const bars = new Map<string, Bar[]>()
    for (const [symbol, series] of Object.entries(file.series)) {
      bars.set(
        symbol,
        series.bars.map(([date, open, high, low, close, adjClose, volume]) => ({
          date,
          open,
          high,
          low,
          close,
          adjClose,
          volume,
        })),
      )
    }
    loaded = { file, bars }
  }
  return loaded
}

export function snapshotSymbols(): string[] {
  return [...load().bars.keys()].sort()
}

/** All bars of a symbol in the snapshot, ascending; undefined when the snapshot does not hold it. */
export function snapshotBars(symbol: string): readonly Bar[] | undefined {
  return load().bars.get(symbol)
}

export function snapshotCoverage(symbol: string): { from: string; to: string } | undefined {
  const series = load().file.series[symbol]
  return series ? { from: series.from, to: series.to } : undefined
}

export function snapshotImportedAt(): string {
  return load().file.importedAt
}
