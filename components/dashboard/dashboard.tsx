'use client'

import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { CHART_HEIGHT_CSS as CHART_HEIGHT } from '@/lib/chart/geometry'
import { buildChartModel, type ChartEvent, type ChartModel } from '@/lib/chart/model'
import { panRange, zoomRange } from '@/lib/chart/zoom'
import { seriesColorVar } from '@/lib/chart/palette'
import { useEventDetails, usePrices } from '@/lib/client/hooks'
import { pricesUrl, viewHref } from '@/lib/client/urls'
import { formatFullDate, formatDayMonth } from '@/lib/format'
import { EVENT_WINDOW_SESSIONS, sessionsAround } from '@/lib/view/presets'
import { isLiveSource, LIVE_LABELS } from '@/lib/providers/live'
import { DATA_WINDOW } from '@/lib/snapshot/data-window'
import { loadRange, viewToQuery, type ViewState } from '@/lib/view/state'
import { readerChartEvents } from '@/lib/view/events'
import { ChartPreview } from '../chart/chart-preview'
import { ChartDataTable } from '../chart/data-table'
import { DataStatus, explainPricesError } from './data-status'
import { EventDetails, EventList, ReaderMark, VerifiedMark } from '../events/event-list'
import { RangeControls } from '../controls/range-controls'
import { SymbolPicker } from '../controls/symbol-picker'
import { FullChart, loadFullChart, useFullChartReady } from '../chart/full-chart'
import { ExportButtons } from '../chart/export-buttons'
import { ReactionPanel } from '../reaction/reaction-panel'
import { ReaderEventForm } from '../events/reader-event-form'
import { viewWithReaderEvent, type ReaderFormValues } from '@/lib/view/reader-form'
import { useView } from './use-view'
import { ViewLink } from '../controls/view-link'
import { Notices } from '../ui/notices'

const TOOL =
  'min-h-8 min-w-8 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-0.5 hover:border-[var(--muted)]'

/** A zoom-out or pan stops at the embedded data's window while the view is inside it (live data may reach further). */
function zoomBounds(view: ViewState) {
  return view.from >= DATA_WINDOW.from && view.to <= DATA_WINDOW.to ? DATA_WINDOW : null
}

/** The zoom and pan buttons' steps from the view drawn: each one's range, or null where it would change nothing. */
function zoomSteps(dates: readonly string[], middle: number, view: ViewState) {
  const bounds = zoomBounds(view)
  const quarter = Math.max(1, Math.round(dates.length / 4))
  const steps = [
    { label: 'Zoom in', text: '+', range: zoomRange(dates, middle, 1, bounds) },
    { label: 'Zoom out', text: '−', range: zoomRange(dates, middle, -1, bounds) },
    { label: 'Pan earlier', text: '←', range: panRange(view, -quarter, bounds) },
    { label: 'Pan later', text: '→', range: panRange(view, quarter, bounds) },
  ]
  return steps.map((step) => ({
    ...step,
    range: step.range && (step.range.from !== view.from || step.range.to !== view.to) ? step.range : null,
  }))
}

const NARROW_QUERY = '(max-width: 639px)'
const subscribeNarrow = (onChange: () => void) => {
  const list = window.matchMedia(NARROW_QUERY)
  list.addEventListener('change', onChange)
  return () => list.removeEventListener('change', onChange)
}
/** True on a phone-width screen; false on the server, so the server's HTML has every section open. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  )
}

/**
 * A long section that folds on a phone (closed at first, a tap opens it) and is always open on wider screens,
 * where its summary line is hidden. The server renders it open, so without JavaScript nothing is hidden.
 */
function Fold({ summary, testId, children }: { summary: string; testId: string; children: ReactNode }) {
  const narrow = useNarrow()
  const [choice, setChoice] = useState<boolean | null>(null)
  const open = !narrow || (choice ?? false)
  return (
    <details
      open={open}
      data-testid={testId}
      onToggle={(e) => {
        if (narrow) setChoice(e.currentTarget.open)
      }}
    >
      <summary className="mb-2 cursor-pointer rounded-lg border border-[var(--border)] bg-[var(--panel)] px-3 py-2 text-sm font-semibold sm:hidden">
        {summary}
      </summary>
      {children}
    </details>
  )
}

export interface DashboardProps {
  events: ChartEvent[]
  snapshotImportedAt: string
  /** An "Add your own event" form the server refused (it was sent without JavaScript): shown open, with why. */
  refusedReaderEvent?: { values: ReaderFormValues; message: string } | null
  /** Server-rendered panels shown under the chart (the claims check). */
  children?: ReactNode
}

/**
 * `baseSession` is the session percent changes are really measured from, when it differs from the asked date;
 * `drawn` is the first and last session actually on the chart, which the subtitle states instead of the asked
 * range (From = 2019 draws from the first bar the data has, and says so).
 */
function describeView(view: ViewState, baseSession?: string | null, drawn?: { first: string; last: string } | null) {
  const range = drawn
    ? `${formatFullDate(drawn.first)} – ${formatFullDate(drawn.last)}`
    : `${formatFullDate(view.from)} – ${formatFullDate(view.to)}`
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

/** Symbols with at least one plotted value in the model: the only ones a title or a file name may name. */
function symbolsWithData(model: ChartModel | null): string[] {
  if (!model) return []
  return model.series.filter((s) => model.rows.some((r) => typeof r[s.symbol] === 'number')).map((s) => s.symbol)
}

export function Dashboard({
  events: catalogEvents,
  snapshotImportedAt,
  refusedReaderEvent = null,
  children,
}: DashboardProps) {
  const { view, notices, setView } = useView()
  // The reader's own events (from the URL) join the catalog's and behave like them everywhere below.
  const lineEvents = useMemo(
    () => [...catalogEvents, ...readerChartEvents(view.mine, catalogEvents.length + 1)],
    [catalogEvents, view.mine],
  )
  const range = loadRange(view)
  const url = pricesUrl(view.symbols, range.from, range.to)
  const { data, error, isLoading, mutate } = usePrices(url)
  const fullChartReady = useFullChartReady()
  // The marker band the server-drawn chart measured, handed to the full chart so its plot starts where this one is.
  // The island reports it into a ref, and the state takes it when the reader asks for the full chart: a state set
  // from the island's first layout effect re-rendered the whole dashboard in one blocking task during hydration.
  const measuredBand = useRef<number | null>(null)
  const [islandBand, setIslandBand] = useState<number | null>(null)
  const rememberBand = useCallback((px: number) => {
    measuredBand.current = px
  }, [])
  const needFullChart = useCallback(() => {
    setIslandBand(measuredBand.current)
    loadFullChart()
  }, [])
  const [hovered, setActive] = useState<{ id: string; x: number; width: number; query: string } | null>(null)
  const viewQuery = viewToQuery(view)
  // A card opened for one view never outlives it (its marker may be gone or elsewhere after a range change).
  const active = hovered && hovered.query === viewQuery ? hovered : null
  const chartBoxRef = useRef<HTMLDivElement>(null)

  const model = useMemo(
    () => (data ? buildChartModel({ series: data.series, view, events: lineEvents }) : null),
    [data, view, lineEvents],
  )
  const visibleIds = useMemo(() => new Set(model?.events.map((e) => e.id)), [model])
  // The page carries the card text of its first view's events only; another view asks for the rest, once.
  const wantDetails = lineEvents.some((e) => !e.detail && (e.id === view.event || visibleIds.has(e.id)))
  const { data: details, error: detailsError } = useEventDetails(wantDetails)
  const events = useMemo(
    () =>
      details
        ? lineEvents.map((e) => {
            const detail = e.detail ?? details.get(e.id)
            return detail && detail !== e.detail ? { ...e, detail } : e
          })
        : lineEvents,
    [lineEvents, details],
  )
  const activeEvent = active ? events.find((e) => e.id === active.id) : undefined
  const selectedEvent = view.event ? events.find((e) => e.id === view.event) : undefined
  const allNotices =
    view.event && !selectedEvent
      ? [...notices, `Ignored the event in the link: no event has the id “${view.event}”.`]
      : notices
  const explained = error ? explainPricesError(error, view.symbols) : null
  const selectedInView = selectedEvent && model ? model.events.some((e) => e.id === selectedEvent.id) : false

  // The range before the first zoom or pan, for "Reset zoom"; a preset or typed date starts afresh.
  const [controlsOpen, setControlsOpen] = useState(false)
  const [zoomOrigin, setZoomOrigin] = useState<{ from: string; to: string } | null>(null)
  const zoomTo = (range: { from: string; to: string } | null) => {
    if (!range || (range.from === view.from && range.to === view.to)) return
    if (!zoomOrigin) setZoomOrigin({ from: view.from, to: view.to })
    setView({ ...range, event: null })
  }
  /** A drag across either chart: the sessions from one index of the model's dates to another. */
  const zoomToSessions = (a: number, b: number) => {
    const from = model?.dates[a]
    const to = model?.dates[b]
    if (from && to) zoomTo({ from, to })
  }
  const zoomed = zoomOrigin !== null && (zoomOrigin.from !== view.from || zoomOrigin.to !== view.to)
  const middle = model ? Math.floor((model.dates.length - 1) / 2) : 0

  /** The view an event opens: it selected, ten sessions either side. */
  const eventView = (id: string): Partial<ViewState> | null => {
    const event = events.find((e) => e.id === id)
    return event ? { event: id, ...sessionsAround(event.tradingDate, EVENT_WINDOW_SESSIONS) } : null
  }
  const sessionView = (date: string): Partial<ViewState> => ({
    event: null,
    ...sessionsAround(date, EVENT_WINDOW_SESSIONS),
  })
  const activateEvent = (id: string | null, x?: number) =>
    setActive(id ? { id, x: x ?? 0, width: chartBoxRef.current?.clientWidth ?? 0, query: viewQuery } : null)
  const hrefForEvent = (id: string) => viewHref({ ...view, ...eventView(id) })
  const selectEvent = (id: string) => {
    const patch = eventView(id)
    if (!patch) return
    setView(patch)
    setActive(null)
  }

  const drawnSymbols = symbolsWithData(model)
  const titleSymbols = model ? drawnSymbols : view.symbols
  const missing = model ? view.symbols.filter((s) => !drawnSymbols.includes(s)) : []
  const title =
    titleSymbols.length > 0 ? `${titleSymbols.join(', ')} around Stargate and DeepSeek` : 'AI-shock market reaction'
  const drawnRange =
    model && model.dates.length > 0
      ? { first: model.dates[0] as string, last: model.dates[model.dates.length - 1] as string }
      : null
  const subtitle = describeView(view, model?.series[0]?.baseDate, drawnRange)
  const note =
    missing.length > 0
      ? `No data in this range for ${missing.join(', ')}, so ${missing.length > 1 ? 'they are' : 'it is'} not drawn.`
      : ''
  const sources = model?.sources ?? []
  const footer = `Data: ${sources.some(isLiveSource) ? `${LIVE_LABELS.live} (live)` : ''}${sources.length > 1 ? ' and ' : ''}${sources.includes('snapshot') ? `embedded snapshot of ${LIVE_LABELS.snapshotOrigin} (imported ${snapshotImportedAt.slice(0, 10)})` : ''}. Events: dated and sourced catalog; markers sit on the first session that could react.`

  const exportButtons = (
    <ExportButtons
      model={model && model.dates.length > 0 ? model : null}
      series={data?.series ?? []}
      view={view}
      drawnSymbols={drawnSymbols}
      title={title}
      subtitle={subtitle}
      footer={footer}
      note={note}
    />
  )

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="min-w-0 space-y-4">
        <Notices notices={allNotices} />

        {/* On a phone the controls fold into one line above the chart, so the chart is on the first screen. */}
        <div className="flex items-center justify-between gap-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] px-3 py-2 text-sm sm:hidden">
          <span className="min-w-0 truncate">
            <span className="font-medium">{view.symbols.join(', ') || 'No symbols'}</span>
            <span className="text-[var(--muted)]">
              {' '}
              · {formatDayMonth(view.from)} – {formatDayMonth(view.to)}
            </span>
          </span>
          <button
            type="button"
            className="shrink-0 rounded-md border border-[var(--border)] px-2.5 py-1"
            aria-expanded={controlsOpen}
            aria-controls="view-controls"
            onClick={() => setControlsOpen(!controlsOpen)}
          >
            {controlsOpen ? 'Done' : 'Change'}
          </button>
        </div>
        <div
          id="view-controls"
          data-testid="view-controls"
          className={`${controlsOpen ? '' : 'hidden'} space-y-4 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:block sm:p-4`}
        >
          <SymbolPicker
            symbols={view.symbols}
            colorVarOf={seriesColorVar}
            onChange={(symbols) => setView({ symbols })}
            hrefFor={(symbols) => viewHref({ ...view, symbols })}
          />
          <RangeControls
            view={view}
            onChange={(patch) => {
              if (patch.from !== undefined || patch.to !== undefined) setZoomOrigin(null)
              setView(patch)
            }}
          />
        </div>

        <section
          aria-labelledby="chart-heading"
          className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4"
        >
          <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h2 id="chart-heading" className="text-base font-semibold">
                {title}
              </h2>
              <p className="text-xs text-[var(--muted)]">{subtitle}</p>
              {note ? (
                <p className="text-xs text-[var(--warn-fg)]" data-testid="missing-symbols">
                  {note}
                </p>
              ) : null}
            </div>
            <div className="hidden sm:block">{exportButtons}</div>
          </div>

          {model && view.mode !== 'percent' && new Set(model.series.map((s) => s.currency)).size > 1 ? (
            <p role="status" className="mb-2 rounded-md bg-[var(--warn-bg)] px-2 py-1 text-xs text-[var(--warn-fg)]">
              These prices are in different currencies (
              {[...new Set(model.series.map((s) => s.currency ?? 'unknown'))].join(', ')}) on one axis, so their levels
              do not compare.{' '}
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

          {model && model.dates.length > 0 ? (
            <div
              className="mb-1 flex flex-wrap items-center gap-1.5 text-sm"
              role="group"
              aria-label="Zoom and pan the time axis"
            >
              {/* Links to the view each step shows, so a click before hydration (or without JavaScript) gets it;
                  a step with nowhere to go (at the data's edge, or as far in as a zoom goes) is a disabled button. */}
              {zoomSteps(model.dates, middle, view).map(({ label, text, range }) =>
                range ? (
                  <ViewLink
                    key={label}
                    href={viewHref({ ...view, ...range, event: null })}
                    onNavigate={() => zoomTo(range)}
                    className={`${TOOL} inline-flex items-center justify-center`}
                    aria-label={label}
                  >
                    {text}
                  </ViewLink>
                ) : (
                  <button
                    key={label}
                    type="button"
                    disabled
                    className={`${TOOL} disabled:opacity-50`}
                    aria-label={label}
                  >
                    {text}
                  </button>
                ),
              )}
              {zoomed && zoomOrigin ? (
                <button
                  type="button"
                  className={TOOL}
                  onClick={() => {
                    setView({ from: zoomOrigin.from, to: zoomOrigin.to, event: null })
                    setZoomOrigin(null)
                  }}
                >
                  Reset zoom
                </button>
              ) : null}
            </div>
          ) : null}
          <a
            href="#after-chart"
            className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:text-sm focus:text-[var(--accent)]"
          >
            Skip past the chart and its event markers
          </a>
          <div className="relative" aria-busy={isLoading} ref={chartBoxRef}>
            {view.symbols.length === 0 ? (
              <div
                className="flex items-center justify-center rounded-md border border-dashed border-[var(--border)] text-sm text-[var(--muted)]"
                style={{ height: CHART_HEIGHT }}
              >
                Choose at least one symbol above to draw the chart.
              </div>
            ) : error && !data ? (
              <div
                role="alert"
                data-testid="chart-error"
                className="flex flex-col items-center justify-center gap-3 rounded-md bg-[var(--error-bg)] p-4 text-center text-sm text-[var(--error-fg)]"
                style={{ height: CHART_HEIGHT }}
              >
                <p data-error-kind={explained?.kind}>{explained?.message ?? error.message}</p>
                <div className="flex flex-wrap justify-center gap-2">
                  {explained && explained.removable.length > 0 && explained.removable.length < view.symbols.length ? (
                    <ViewLink
                      href={viewHref({
                        ...view,
                        symbols: view.symbols.filter((s) => !explained.removable.includes(s)),
                      })}
                      onNavigate={() =>
                        setView({ symbols: view.symbols.filter((s) => !explained.removable.includes(s)) })
                      }
                      className="rounded-md border border-current px-3 py-1"
                    >
                      Remove {explained.removable.join(', ')} and draw the rest
                    </ViewLink>
                  ) : null}
                  {explained?.retry ? (
                    <button
                      type="button"
                      onClick={() => void mutate()}
                      className="rounded-md border border-current px-3 py-1"
                    >
                      Retry
                    </button>
                  ) : null}
                </div>
              </div>
            ) : !model ? (
              <div
                className="animate-pulse rounded-md bg-[var(--grid)]"
                style={{ height: CHART_HEIGHT }}
                data-testid="chart-skeleton"
                aria-label="Loading the chart"
              />
            ) : model.dates.length === 0 ? (
              <div
                className="flex flex-col items-center justify-center gap-3 rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]"
                style={{ height: CHART_HEIGHT }}
                data-testid="chart-empty"
              >
                <p>
                  No prices for these symbols between {formatFullDate(view.from)} and {formatFullDate(view.to)}
                  {view.from > DATA_WINDOW.to || view.to < DATA_WINDOW.from
                    ? `: the embedded data covers ${formatFullDate(DATA_WINDOW.from)} to ${formatFullDate(DATA_WINDOW.to)}.`
                    : ' (no trading session falls in this range).'}
                </p>
                <ViewLink
                  href={viewHref({ ...view, from: DATA_WINDOW.from, to: DATA_WINDOW.to, event: null })}
                  onNavigate={() => setView({ from: DATA_WINDOW.from, to: DATA_WINDOW.to, event: null })}
                  className="rounded-md border border-[var(--border)] px-3 py-1 text-[var(--fg)]"
                >
                  Show all data
                </ViewLink>
              </div>
            ) : (
              <figure
                aria-label={`Line chart: ${title}. ${subtitle}. ${model.events.length} event markers; the data table below the chart has the numbers.`}
                data-testid="price-chart"
                className={isLoading ? 'opacity-70 transition-opacity' : undefined}
              >
                {fullChartReady ? (
                  <FullChart
                    model={model}
                    heightCss={CHART_HEIGHT}
                    selectedEventId={view.event}
                    activeEventId={active?.id ?? null}
                    onActivateEvent={activateEvent}
                    onSelectEvent={selectEvent}
                    onZoom={zoomToSessions}
                    onWheelZoom={(direction, at) => zoomTo(zoomRange(model.dates, at, direction, zoomBounds(view)))}
                    onPan={(sessions) => zoomTo(panRange(view, sessions, zoomBounds(view)))}
                    initialBandHeight={islandBand}
                  />
                ) : (
                  <ChartPreview
                    model={model}
                    island={{
                      selectedEventId: view.event,
                      activeEventId: active?.id ?? null,
                      hrefForEvent,
                      hrefForSession: (date) => viewHref({ ...view, ...sessionView(date) }),
                      onActivateEvent: activateEvent,
                      onSelectEvent: selectEvent,
                      onSelectSession: (date) => setView(sessionView(date)),
                      onZoom: zoomToSessions,
                      onNeedsFullChart: needFullChart,
                      onBandHeight: rememberBand,
                    }}
                  />
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
                  <span className="text-[var(--muted)]">
                    Drag across the chart to zoom, drag the date axis to pan, wheel over the date axis (or Ctrl+wheel)
                    to zoom; numbered markers are events, dashed badges group several (Tab to them, Enter to open).
                  </span>
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
                <p className="mt-1 text-xs text-[var(--muted)]">
                  Click or press Enter to zoom to it; its sources are linked in the event list.
                </p>
              </div>
            ) : null}
          </div>

          {/* On a phone the downloads come after the chart. */}
          <div className="mt-3 sm:hidden">{exportButtons}</div>
          <div className="mt-3 space-y-2" id="after-chart" tabIndex={-1}>
            <DataStatus
              series={data?.series ?? []}
              warnings={data?.warnings ?? []}
              error={data ? error : undefined}
              snapshotImportedAt={snapshotImportedAt}
            />
            {model && model.dates.length > 0 ? <ChartDataTable model={model} /> : null}
          </div>
        </section>

        <Fold summary="Measured reaction" testId="fold-reaction">
          <ReactionPanel view={view} events={events} onViewChange={setView} />
        </Fold>
        <Fold summary="Claims checked against the data" testId="fold-claims">
          {children}
        </Fold>
      </div>

      <aside className="events-panel min-w-0 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:sticky lg:top-4">
        <Fold summary={`Events (${visibleIds.size} on the chart)`} testId="fold-events">
          <EventList
            events={events}
            categories={view.categories}
            selectedEventId={view.event}
            visibleIds={visibleIds}
            onCategoriesChange={(categories) => setView({ categories })}
            onSelect={selectEvent}
            hrefForEvent={hrefForEvent}
            detailError={detailsError ? `The summary and sources could not be loaded: ${detailsError.message}` : null}
            onRemoveReader={(id) => {
              const k = Number(id.replace('mine-', ''))
              // Ids are positions, so a selection at or after the removed one no longer points where it did.
              setView({
                mine: view.mine.filter((_, i) => i + 1 !== k),
                event: view.event?.startsWith('mine-') ? null : view.event,
              })
            }}
            form={
              <ReaderEventForm
                count={view.mine.length}
                viewQuery={viewQuery}
                refused={refusedReaderEvent}
                onAdd={(added) => {
                  const next = viewWithReaderEvent(view, added)
                  setView({ mine: next.mine, event: next.event, from: next.from, to: next.to })
                }}
              />
            }
          />
        </Fold>
      </aside>
    </div>
  )
}
