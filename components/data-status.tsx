import type { FetchError } from '@/lib/client/fetcher'
import type { PriceSeries } from '@/lib/types'

export interface DataStatusProps {
  series: PriceSeries[]
  warnings: string[]
  /** An error while newer data loaded; the chart still shows the previous data. */
  error?: FetchError
  snapshotImportedAt: string
}

/** Says where the numbers on screen came from, and everything the API warned about. */
export function DataStatus({ series, warnings, error, snapshotImportedAt }: DataStatusProps) {
  const live = series.filter((s) => s.source === 'yahoo').map((s) => s.symbol)
  const snap = series.filter((s) => s.source === 'snapshot').map((s) => s.symbol)
  return (
    <div className="space-y-2 text-xs" data-testid="data-status">
      <p className="flex flex-wrap gap-2">
        {snap.length > 0 ? (
          <span className="rounded-full bg-[var(--grid)] px-2 py-0.5" title={`Imported ${snapshotImportedAt}`}>
            <strong>Embedded snapshot</strong>: real Yahoo daily bars ({snap.join(', ')})
          </span>
        ) : null}
        {live.length > 0 ? (
          <span className="rounded-full bg-[var(--grid)] px-2 py-0.5">
            <strong>Live</strong>: Yahoo Finance ({live.join(', ')})
          </span>
        ) : null}
      </p>
      {warnings.length > 0 || error ? (
        <div role="status" className="rounded-md bg-[var(--warn-bg)] p-2 text-[var(--warn-fg)]" data-testid="data-warnings">
          <ul className="list-inside list-disc">
            {error ? <li>Could not update the chart: {error.message} Showing the previous data.</li> : null}
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
