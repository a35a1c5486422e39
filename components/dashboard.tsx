'use client'

import dynamic from 'next/dynamic'
import { Suspense, lazy, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { CHART_HEIGHT_CSS as CHART_HEIGHT } from '@/lib/chart/geometry'
import { buildChartModel, seriesColorVar, type ChartEvent } from '@/lib/chart/model'
import { usePrices } from '@/lib/client/hooks'
import { pricesUrl } from '@/lib/client/urls'
import { formatFullDate, formatDayMonth } from '@/lib/format'
import { EVENT_WINDOW_SESSIONS, sessionsAround } from '@/lib/presets'
import { DATA_WINDOW } from '@/lib/data-window'
import { loadRange, viewToQuery, type ViewState } from '@/lib/view-state'
import { readerChartEvents } from '@/lib/events-view'
import { readerEventId } from '@/lib/events/reader-events'
import { ChartPreview } from './chart-preview'
import { ChartDataTable } from './data-table'
import { DataStatus } from './data-status'
import { EventDetails, EventList, ReaderMark, VerifiedMark } from './event-list'
import { ReaderEventForm } from './reader-event-form'
import { ExportButtons } from './export-buttons'
import { RangeControls } from './range-controls'
import { SymbolPicker } from './symbol-picker'
import { useView } from './use-view'


/**
 * Recharts is the largest piece of the page, so the interactive chart is its own chunk. Asking for it as soon as
 * this module runs in the browser overlaps the download with hydration; until it arrives the server-rendered
 * preview shows the same chart, so the reader never waits for a drawing.
 */
const priceChartModule = typeof window === 'undefined' ? null : import('./price-chart')
const InteractiveChart = lazy(() => (priceChartModule ?? import('./price-chart')).then((m) => ({ default: m.PriceChart })))

const noSubscription = () => () => {}
/** False during the server render and hydration, true after: the server never tries to render Recharts. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false)
}

// The reaction table and its bar chart sit below the fold: their code loads after the chart is up.
const ReactionPanel = dynamic(() => import('./reaction-panel').then((m) => m.ReactionPanel), {
  ssr: false,
  loading: () => <div className="h-96 animate-pulse rounded-lg bg-[var(--grid)]" aria-label="Loading the reaction table" />,
})

export interface DashboardProps {
  events: ChartEvent[]
  snapshotImportedAt: string
  /** Server-rendered panels shown under the chart (the claims check). */
  children?: ReactNode
}

/** `baseSession` is the session percent changes are really measured from, when it differs from the asked date. */
function describeView(view: ViewState, baseSession?: string | null) {
  const range = `${formatFullDate(view.from)} – ${formatFullDate(view.to)}`
  const base = baseSession ?? view.base
  const moved = baseSession && baseSession !== view.base ? ` (the session nearest ${formatFullDate(view.base)})` : ''
  const mode =
    view.mode === 'percent'
      ? `change since the close of ${formatFullDate(base)}${moved}, adjusted for dividends and splits`
      : view.mode === 'log'
        ? 'closing price, log scale'
        : 'closing price'
  return `${range} · ${mode}`
}

export function Dashboard({ events: catalogEvents, snapshotImportedAt, children }: DashboardProps) {
  const { view, notices, setView } = useView()
  // The reader's own events (from the URL) join the catalog's and behave like them everywhere below.
  const events = useMemo(() => [...catalogEvents, ...readerChartEvents(view.mine, catalogEvents.length + 1)], [catalogEvents, view.mine])
  const range = loadRange(view)
  const url = pricesUrl(view.symbols, range.from, range.to)
  const { data, error, isLoading, mutate } = usePrices(url)
  const hydrated = useHydrated()
  const [hovered, setActive] = useState<{ id: string; x: number; width: number; query: string } | null>(null)
  const viewQuery = viewToQuery(view)
  // A card opened for one view never outlives it (its marker may be gone or elsewhere after a range change).
  const active = hovered && hovered.query === viewQuery ? hovered : null
  const chartBoxRef = useRef<HTMLDivElement>(null)

  const model = useMemo(() => (data ? buildChartModel({ series: data.series, view, events }) : null), [data, view, events])
  const visibleIds = useMemo(() => new Set(model?.events.map((e) => e.id)), [model])
  const activeEvent = active ? events.find((e) => e.id === active.id) : undefined
  const selectedEvent = view.event ? events.find((e) => e.id === view.event) : undefined
  const allNotices = view.event && !selectedEvent ? [...notices, `Ignored the event in the link: no event has the id “${view.event}”.`] : notices
  // The API names each unknown symbol in a 404's issues; those can be dropped, everything else kept.
  const unknownSymbols =
    error?.status === 404 ? (error.body?.error.issues ?? []).filter((i) => i.path === 'symbols').map((i) => i.message).filter((s) => view.symbols.includes(s)) : []
  const selectedInView = selectedEvent && model ? model.events.some((e) => e.id === selectedEvent.id) : false

  const selectEvent = (id: string) => {
    const event = events.find((e) => e.id === id)
    if (!event) return
    setView({ event: id, ...sessionsAround(event.tradingDate, EVENT_WINDOW_SESSIONS) })
    setActive(null)
  }

  const title = view.symbols.length > 0 ? `${view.symbols.join(', ')} around Stargate and DeepSeek` : 'AI-shock market reaction'
  const sources = model?.sources ?? []
  const footer = `Data: ${sources.includes('yahoo') ? 'Yahoo Finance chart API (live)' : ''}${sources.length > 1 ? ' and ' : ''}${sources.includes('snapshot') ? `embedded snapshot of real Yahoo daily bars (imported ${snapshotImportedAt.slice(0, 10)})` : ''}. Events: dated and sourced catalog; markers sit on the first session that could react.`

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        {allNotices.length > 0 ? (
          <div role="status" className="rounded-md bg-[var(--warn-bg)] p-3 text-sm text-[var(--warn-fg)]">
            {allNotices.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </div>
        ) : null}

        <div className="space-y-4 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4">
          <SymbolPicker
            symbols={view.symbols}
            colorVarOf={(s) => seriesColorVar(Math.max(0, view.symbols.indexOf(s)))}
            onChange={(symbols) => setView({ symbols })}
          />
          <RangeControls view={view} onChange={setView} />
        </div>

        <section aria-labelledby="chart-heading" className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4">
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h2 id="chart-heading" className="text-base font-semibold">
                {title}
              </h2>
              <p className="text-xs text-[var(--muted)]">{describeView(view, model?.series[0]?.baseDate)}</p>
            </div>
            <ExportButtons model={model && model.dates.length > 0 ? model : null} series={data?.series ?? []} view={view} title={title} subtitle={describeView(view, model?.series[0]?.baseDate)} footer={footer} />
          </div>

          {model && view.mode !== 'percent' && new Set(model.series.map((s) => s.currency)).size > 1 ? (
            <p role="status" className="mb-2 rounded-md bg-[var(--warn-bg)] px-2 py-1 text-xs text-[var(--warn-fg)]">
              These prices are in different currencies ({[...new Set(model.series.map((s) => s.currency ?? 'unknown'))].join(', ')}) on one
              axis, so their levels do not compare.{' '}
              <button type="button" className="underline" onClick={() => setView({ mode: 'percent' })}>
                Compare % change instead
              </button>
            </p>
          ) : null}

          {selectedEvent && selectedInView ? (
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm" data-testid="selected-event">
              <span className="font-medium">
                Zoomed to {selectedEvent.number}. {selectedEvent.title}
              </span>
              {selectedEvent.origin === 'reader' ? <ReaderMark /> : <VerifiedMark verified={selectedEvent.verified} />}
              <button type="button" className="text-[var(--accent)] underline" onClick={() => setView({ event: null })}>
                Clear selection
              </button>
            </div>
          ) : null}

          <a href="#after-chart" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:text-sm focus:text-[var(--accent)]">
            Skip past the chart and its event markers
          </a>
          <div className="relative" aria-busy={isLoading} ref={chartBoxRef}>
            {view.symbols.length === 0 ? (
              <div className="flex items-center justify-center rounded-md border border-dashed border-[var(--border)] text-sm text-[var(--muted)]" style={{ height: CHART_HEIGHT }}>
                Choose at least one symbol above to draw the chart.
              </div>
            ) : error && !data ? (
              <div role="alert" data-testid="chart-error" className="flex flex-col items-center justify-center gap-3 rounded-md bg-[var(--error-bg)] p-4 text-center text-sm text-[var(--error-fg)]" style={{ height: CHART_HEIGHT }}>
                <p>{error.message}</p>
                {unknownSymbols.length > 0 ? (
                  <button
                    type="button"
                    onClick={() => setView({ symbols: view.symbols.filter((s) => !unknownSymbols.includes(s)) })}
                    className="rounded-md border border-current px-3 py-1"
                  >
                    Remove {unknownSymbols.join(', ')} and draw the rest
                  </button>
                ) : (
                  <button type="button" onClick={() => void mutate()} className="rounded-md border border-current px-3 py-1">
                    Retry
                  </button>
                )}
              </div>
            ) : !model ? (
              <div className="animate-pulse rounded-md bg-[var(--grid)]" style={{ height: CHART_HEIGHT }} data-testid="chart-skeleton" aria-label="Loading the chart" />
            ) : model.dates.length === 0 ? (
              <div className="flex flex-col items-center justify-center gap-3 rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]" style={{ height: CHART_HEIGHT }} data-testid="chart-empty">
                <p>
                  No prices for these symbols between {formatFullDate(view.from)} and {formatFullDate(view.to)}
                  {view.from > DATA_WINDOW.to || view.to < DATA_WINDOW.from
                    ? `: the embedded data covers ${formatFullDate(DATA_WINDOW.from)} to ${formatFullDate(DATA_WINDOW.to)}.`
                    : ' (no trading session falls in this range).'}
                </p>
                <button type="button" onClick={() => setView({ from: DATA_WINDOW.from, to: DATA_WINDOW.to, event: null })} className="rounded-md border border-[var(--border)] px-3 py-1 text-[var(--fg)]">
                  Show all data
                </button>
              </div>
            ) : (
              <figure
                aria-label={`Line chart: ${title}. ${describeView(view, model?.series[0]?.baseDate)}. ${model.events.length} event markers; the data table below the chart has the numbers.`}
                data-testid="price-chart"
                className={isLoading ? 'opacity-70 transition-opacity' : undefined}
              >
                {hydrated ? (
                <Suspense fallback={<ChartPreview model={model} />}>
                <InteractiveChart
                  model={model}
                  heightCss={CHART_HEIGHT}
                  selectedEventId={view.event}
                  activeEventId={active?.id ?? null}
                  onActivateEvent={(id, x) => setActive(id ? { id, x: x ?? 0, width: chartBoxRef.current?.clientWidth ?? 0, query: viewQuery } : null)}
                  onSelectEvent={selectEvent}
                  onZoom={(a, b) => {
                    const from = model.dates[a]
                    const to = model.dates[b]
                    if (from && to) setView({ from, to })
                  }}
                />
                </Suspense>
                ) : (
                  <ChartPreview model={model} />
                )}
                <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                  {model.series.map((s) => (
                    <span key={s.symbol} className="inline-flex items-center gap-1">
                      <span className="h-0.5 w-4" style={{ background: `var(${s.colorVar})` }} aria-hidden />
                      <span className="font-medium">{s.symbol}</span>
                      <span className="text-[var(--muted)]">{s.name}</span>
                      {view.mode === 'percent' && s.baseDate && s.baseDate !== view.base ? (
                        <span className="text-[var(--muted)]">(base {formatDayMonth(s.baseDate)})</span>
                      ) : null}
                    </span>
                  ))}
                  <span className="text-[var(--muted)]">Drag across the chart to zoom; numbered markers are events (Tab to them, Enter to zoom).</span>
                </figcaption>
              </figure>
            )}
            {activeEvent && active ? (
              <div
                role="tooltip"
                data-testid="event-card"
                // Information only: it never takes the pointer, so clicks and drags reach the chart beneath.
                className="pointer-events-none absolute top-2 z-10 w-80 max-w-[calc(100%-1rem)] rounded-md border border-[var(--border)] bg-[var(--panel)] p-3 shadow-xl"
                // Beside the marker, on the side with more room.
                style={
                  active.x < active.width / 2
                    ? { left: `min(${active.x + 24}px, calc(100% - 20.5rem))` }
                    : { right: `min(${active.width - active.x + 24}px, calc(100% - 20.5rem))` }
                }
              >
                <p className="font-semibold">
                  {activeEvent.number}. {activeEvent.title}
                </p>
                <EventDetails event={activeEvent} linkSources={false} />
                <p className="mt-1 text-xs text-[var(--muted)]">Click or press Enter to zoom to it; its sources are linked in the event list.</p>
              </div>
            ) : null}
          </div>

          <div className="mt-3 space-y-2" id="after-chart" tabIndex={-1}>
            <DataStatus series={data?.series ?? []} warnings={data?.warnings ?? []} error={data ? error : undefined} snapshotImportedAt={snapshotImportedAt} />
            {model && model.dates.length > 0 ? <ChartDataTable model={model} /> : null}
          </div>
        </section>

        <ReactionPanel view={view} events={events} onViewChange={setView} />
        {children}
      </div>

      <aside className="min-w-0 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:sticky lg:top-4">
        <EventList
          events={events}
          categories={view.categories}
          selectedEventId={view.event}
          visibleIds={visibleIds}
          onCategoriesChange={(categories) => setView({ categories })}
          onSelect={selectEvent}
          onRemoveReader={(id) => {
            const k = Number(id.replace('mine-', ''))
            // Ids are positions, so a selection at or after the removed one no longer points where it did.
            setView({ mine: view.mine.filter((_, i) => i + 1 !== k), event: view.event?.startsWith('mine-') ? null : view.event })
          }}
          form={
            <ReaderEventForm
              count={view.mine.length}
              onAdd={(added) => {
                const mine = [...view.mine, added]
                const id = readerEventId(mine.length)
                const tradingDate = readerChartEvents(mine, catalogEvents.length + 1).find((e) => e.id === id)?.tradingDate
                setView({ mine, event: id, ...(tradingDate ? sessionsAround(tradingDate, EVENT_WINDOW_SESSIONS) : {}) })
              }}
            />
          }
        />
      </aside>
    </div>
  )
}
