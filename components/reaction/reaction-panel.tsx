'use client'

import dynamic from 'next/dynamic'
import { useMemo, useState, type CSSProperties } from 'react'
import type { ChartEvent } from '@/lib/chart/model'
import { formatFullDate } from '@/lib/format'
import { reactionRowsHtml } from '@/lib/reaction/rows-html'
import { reactionUrl, useReaction } from '@/lib/reaction/client-hooks'
import type { ReactionResult } from '@/lib/reaction/types'
import type { ReactionView } from '@/lib/reaction/view-params'
import type { ViewState } from '@/lib/view/state'
import { CarFigure } from './car-figure'
import { reactionColumns, sortRows, type Sort, type SortKey } from './columns'
import { ReactionControls } from './controls'
import { MethodNote } from './method-note'
import { PortfolioTable } from './portfolio-table'
import { barChartHeightPx } from './bar-chart-size'
import { WhenNear } from '../ui/when-near'

// Recharts is the heaviest part of the panel: its bar chart is a chunk of its own, so the table itself needs no
// Suspense boundary and is in the server's HTML as it stands (a streamed boundary only appears through a script).
// It is also below the first screen, so it loads and renders only once the reader scrolls near it (WhenNear).
const AbnormalReturnBars = dynamic(() => import('./abnormal-return-bars').then((m) => m.AbnormalReturnBars), {
  loading: () => <BarsPlaceholder />,
})

/**
 * One skeleton for both waits (until the reader scrolls near, then while the chunk loads), as tall as the chart it
 * stands for: the height comes from `--bars-height` on the wrapper, since next/dynamic's loading gets no props.
 */
function BarsPlaceholder() {
  return (
    <div
      className="animate-pulse rounded bg-[var(--grid)]"
      style={{ height: 'var(--bars-height, 160px)' }}
      // A skeleton only: the numbers it will draw are in the table above.
      aria-hidden
    />
  )
}

/** The event the panel opens on when the chart has none selected: NVIDIA's record one-day loss. */
export const DEFAULT_REACTION_EVENT_ID = '2025-01-27-nvda-record-loss'

export interface ReactionPanelProps {
  /** Writes the URL (event, benchmark, the study's parameters), as every control does. */
  onViewChange: (patch: Partial<ViewState>) => void
  view: ViewState
  events: ChartEvent[]
}

function ReactionTable({ data }: { data: ReactionResult }) {
  const [sort, setSort] = useState<Sort>(null)
  const columns = useMemo(() => reactionColumns(data.method.windows), [data.method.windows])
  const rows = useMemo(() => sortRows(data.rows, columns, sort), [data.rows, columns, sort])
  const toggle = (key: SortKey) =>
    setSort((current) =>
      current?.key === key
        ? { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: 'ascending' },
    )

  return (
    // `relative` keeps the cells' screen-reader-only text (absolutely placed) inside the scrolling box, so a
    // wide table scrolls by itself instead of widening a phone's page.
    <div className="render-when-near relative overflow-x-auto [--near-height:24rem]">
      <table className="w-full min-w-[44rem] text-right text-sm tabular-nums" data-testid="reaction-table">
        <caption className="mb-1 text-left text-xs text-[var(--muted)]">
          Day-0 reaction on {formatFullDate(data.day0)} against {data.benchmark}; returns are close to close on adjusted
          closes. Click a column header to sort.
        </caption>
        <thead>
          <tr className="border-b border-[var(--border)] text-xs">
            {columns.map((column) => {
              const active = sort?.key === column.key
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? sort.dir : undefined}
                  className={`px-2 py-1 align-bottom font-semibold ${column.key === 'symbol' ? 'text-left' : ''}`}
                  data-column={column.key}
                >
                  <button
                    type="button"
                    onClick={() => toggle(column.key)}
                    title={`${column.description}. Sort by this column.`}
                    className="inline-flex items-center gap-1 rounded hover:text-[var(--accent)]"
                  >
                    {column.label}
                    <span aria-hidden className="text-[10px] text-[var(--muted)]">
                      {active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        {/* Markup (lib/reaction/rows-html.ts, held by a unit test to the JSX it was written from): React hydrates
            the body as one element; a new sort writes it anew. */}
        <tbody dangerouslySetInnerHTML={{ __html: reactionRowsHtml(rows, columns, data.day0) }} />
      </table>
    </div>
  )
}

/**
 * The event study of the view's symbols around one day 0: the controls of every parameter, a sortable table
 * of returns, abnormal returns, t and p, CARs, market value and recovery; the group's tests; the CAR figure;
 * who was hit hardest; and the method next to the numbers.
 */
export function ReactionPanel({ view, events, onViewChange }: ReactionPanelProps) {
  const fallbackEventId =
    events.find((e) => e.id === DEFAULT_REACTION_EVENT_ID)?.id ??
    events.find((e) => e.tradingDate === '2025-01-27' && e.category === 'market')?.id ??
    events[0]?.id ??
    DEFAULT_REACTION_EVENT_ID
  // Every parameter lives in the URL like every other control, so a shared link reopens this table.
  const benchmark = view.benchmark
  const reaction = view.reaction
  const selectedOnChart = view.event ? events.find((e) => e.id === view.event) : undefined
  const eventId = selectedOnChart?.id ?? fallbackEventId
  const event = events.find((e) => e.id === eventId)
  const setReaction = (patch: Partial<ReactionView>) => onViewChange({ reaction: { ...reaction, ...patch } })

  // A reader's own event is unknown to the server: it is asked for by its trading date.
  const date = event?.origin === 'reader' ? event.tradingDate : undefined
  const url = reactionUrl({ symbols: view.symbols, event: eventId, date, benchmark, reaction })
  const csvUrl = reactionUrl({ symbols: view.symbols, event: eventId, date, benchmark, reaction, format: 'csv' })
  const { data, error, isLoading, mutate } = useReaction(url)
  const heading = reaction.day0 ? `: day 0 ${formatFullDate(reaction.day0)}` : event ? `: ${event.title}` : ''

  return (
    <section
      aria-labelledby="reaction-heading"
      className="render-when-near space-y-3 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 [--near-height:130rem] sm:p-4"
      data-testid="reaction-panel"
    >
      <div className="space-y-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id="reaction-heading" className="text-base font-semibold">
              Measured reaction{heading}
            </h2>
            <p className="text-xs text-[var(--muted)]">
              Event study: how much each stock moved beyond what {benchmark} implied, and how sure we can be.
            </p>
          </div>
          {csvUrl && data && !error ? (
            <a
              href={csvUrl}
              download={`reaction_${view.symbols.join('-')}_${reaction.day0 ?? eventId}_vs_${benchmark}.csv`}
              className="rounded-md border border-[var(--border)] px-3 py-1 text-sm text-[var(--accent)]"
            >
              Download CSV
            </a>
          ) : null}
        </div>
        <ReactionControls
          events={events}
          eventId={eventId}
          benchmark={benchmark}
          reaction={reaction}
          onEvent={(id) => onViewChange({ event: id })}
          onBenchmark={(symbol) => onViewChange({ benchmark: symbol })}
          onReaction={setReaction}
        />
      </div>

      {view.symbols.length === 0 ? (
        <p className="rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]">
          Choose at least one symbol above to measure its reaction.
        </p>
      ) : error ? (
        <div
          role="alert"
          className="flex flex-col items-start gap-2 rounded-md bg-[var(--error-bg)] p-3 text-sm text-[var(--error-fg)]"
          data-testid="reaction-error"
        >
          <p>{error.message}</p>
          {/* A 4xx says something about the question (a holiday, too little history): asking again cannot help. */}
          {error.status >= 500 || error.status === 0 || error.status === 429 ? (
            <button type="button" onClick={() => void mutate()} className="rounded-md border border-current px-3 py-1">
              Retry
            </button>
          ) : (
            <p className="text-xs">Pick another event, day 0 or parameters above; the chart is not affected.</p>
          )}
        </div>
      ) : !data ? (
        <div
          className="space-y-2"
          data-testid="reaction-skeleton"
          aria-busy="true"
          aria-label="Loading the reaction table"
        >
          <div className="h-4 w-2/3 animate-pulse rounded bg-[var(--grid)]" />
          <div className="h-32 animate-pulse rounded-md bg-[var(--grid)]" />
        </div>
      ) : data.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]">
          None of these symbols could be measured on this day.
        </p>
      ) : (
        <div className={`space-y-4 ${isLoading ? 'opacity-70 transition-opacity' : ''}`} aria-busy={isLoading}>
          <MethodNote data={data} />
          <ReactionTable data={data} />
          <p className="text-xs text-[var(--muted)]" data-testid="reaction-legend">
            t = abnormal return ÷ its prediction-error standard deviation (CAR t likewise over the window); p two-sided
            from Student’s t with the row’s degrees of freedom. ** p ≤ 0.01, * p ≤ 0.05. A dash means undefined: the
            model fits exactly when a symbol is its own benchmark, or a window reaches past the data.
          </p>
          <PortfolioTable data={data} />
          <CarFigure data={data} />
          <div style={{ '--bars-height': `${barChartHeightPx(data.rows.length)}px` } as CSSProperties}>
            <WhenNear placeholder={<BarsPlaceholder />}>
              <AbnormalReturnBars data={data} />
            </WhenNear>
          </div>
          {data.warnings.length > 0 ? (
            <div
              role="status"
              className="rounded-md bg-[var(--warn-bg)] p-2 text-xs text-[var(--warn-fg)]"
              data-testid="reaction-warnings"
            >
              <ul className="list-inside list-disc">
                {data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </section>
  )
}
