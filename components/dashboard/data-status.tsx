import type { FetchError } from '@/lib/client/fetcher'
import { isLiveSource, LIVE_LABELS } from '@/lib/providers/live'
import { DATA_WINDOW } from '@/lib/snapshot/data-window'
import { formatFullDate } from '@/lib/format'
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
  const live = series.filter((s) => isLiveSource(s.source)).map((s) => s.symbol)
  const snap = series.filter((s) => s.source === 'snapshot').map((s) => s.symbol)
  return (
    <div className="space-y-2 text-xs" data-testid="data-status">
      <p className="flex flex-wrap gap-2">
        {snap.length > 0 ? (
          <span className="rounded-full bg-[var(--grid)] px-2 py-0.5" title={`Imported ${snapshotImportedAt}`}>
            <strong>Embedded snapshot</strong>: {LIVE_LABELS.snapshotOrigin} ({snap.join(', ')})
          </span>
        ) : null}
        {live.length > 0 ? (
          <span className="rounded-full bg-[var(--grid)] px-2 py-0.5">
            <strong>Live</strong>: {LIVE_LABELS.short} ({live.join(', ')})
          </span>
        ) : null}
      </p>
      {warnings.length > 0 || error ? (
        <div
          role="status"
          className="rounded-md bg-[var(--warn-bg)] p-2 text-[var(--warn-fg)]"
          data-testid="data-warnings"
        >
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

/** What went wrong with the prices, in words that say what is true, and what (if anything) can help. */
export interface ChartErrorExplanation {
  kind: 'unknown-symbol' | 'offline' | 'app-unreachable' | 'rate-limited' | 'temporary' | 'bad-request'
  message: string
  /** Symbols the reader can drop to draw the rest. */
  removable: string[]
  /** Only where trying again can change the answer. */
  retry: boolean
}

/**
 * Reads a failed /api/prices answer: 404 names the unknown symbols; a 502 whose issues say `source: unreachable`
 * means the live provider cannot be reached (offline), so a retry in a moment will not help; 429, 504 and other
 * 502s are temporary; status 0 means the browser could not reach this app at all.
 */
export function explainPricesError(error: FetchError, symbols: readonly string[]): ChartErrorExplanation {
  const issues = error.body?.error.issues ?? []
  const named = issues
    .filter((i) => i.path === 'symbols')
    .map((i) => i.message)
    .filter((s) => symbols.includes(s))
  const coverage = `${formatFullDate(DATA_WINDOW.from)} to ${formatFullDate(DATA_WINDOW.to)}`
  if (error.status === 404) {
    return {
      kind: 'unknown-symbol',
      message: `The price source does not know ${named.join(', ') || 'one of these symbols'}. Check the ticker (${LIVE_LABELS.symbolHint}).`,
      removable: named,
      retry: false,
    }
  }
  if (error.status === 0) {
    return {
      kind: 'app-unreachable',
      message: 'This page could not reach the dashboard’s server. Check your connection, then retry.',
      removable: [],
      retry: true,
    }
  }
  if (issues.some((i) => i.path === 'source' && i.message === 'unreachable')) {
    return {
      kind: 'offline',
      message: `Live prices are unreachable from this server (it is offline), and ${named.join(', ') || 'these symbols'} ${named.length > 1 ? 'are' : 'is'} not in the embedded snapshot, which holds the curated symbols from ${coverage}.`,
      removable: named,
      retry: false,
    }
  }
  if (error.status === 429) {
    return {
      kind: 'rate-limited',
      message: 'Too many live price requests just now. Wait a minute, then retry.',
      removable: [],
      retry: true,
    }
  }
  if (error.status === 400) {
    return {
      kind: 'bad-request',
      message: error.body?.error.message ?? 'The request was refused as invalid.',
      removable: [],
      retry: false,
    }
  }
  const timedOut = error.status === 504
  return {
    kind: 'temporary',
    message: timedOut
      ? 'The live price source did not answer in time. This is usually brief: retry.'
      : `${error.message.replace(/ Try again shortly\.$/, '')} This is usually temporary: retry.`,
    removable: [],
    retry: true,
  }
}
