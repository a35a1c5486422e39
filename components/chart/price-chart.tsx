'use client'

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type WheelEvent } from 'react'
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  type TooltipContentProps,
} from 'recharts'
import type { ChartModel } from '@/lib/chart/model'
import {
  COMPACT_BELOW_PX,
  MARKER_SIZES,
  MAX_MARKER_BAND_SHARE,
  MAX_MARKER_ROWS,
  PLOT_MARGIN,
  X_AXIS_HEIGHT,
  X_TICK_TARGET,
  yAxisWidth,
} from '@/lib/chart/geometry'
import { lastValueGutter, lastValueTags } from '@/lib/chart/last-values'
import { layoutMarkers, markerBandHeight, markerRowY, type MarkerItem } from '@/lib/chart/marker-layout'
import { markerAriaLabel, clusterAriaLabel } from '@/lib/chart/marker-labels'
import { buildYAxis, plottedValues, xTickIndices } from '@/lib/chart/scales'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatDayMonth, formatFullDate } from '@/lib/format'
import { ChartReadout, MIN_DRAG_SESSIONS } from './chart-readout'
import { ChartTooltipBody } from './chart-tooltip'

type ModelEvent = ChartModel['events'][number]

export interface PriceChartProps {
  model: ChartModel
  /** Any CSS height, e.g. `clamp(300px, 52vh, 480px)`. */
  heightCss: string
  selectedEventId: string | null
  activeEventId: string | null
  onActivateEvent: (id: string | null, x?: number) => void
  onSelectEvent: (id: string) => void
  onZoom: (fromIndex: number, toIndex: number) => void
  /** Wheel over the time axis (or Ctrl+wheel over the plot): > 0 zooms in around `atIndex`, < 0 zooms out. */
  onWheelZoom: (direction: 1 | -1, atIndex: number) => void
  /** A drag along the time axis: shift the range by this many sessions (> 0 moves later). */
  onPan: (sessions: number) => void
  /** The marker band the server-drawn chart measured at this size: the first render's top margin, so the swap moves nothing. */
  initialBandHeight?: number | null
}

function ChartTooltip({ active, label, model }: Partial<TooltipContentProps<number, string>> & { model: ChartModel }) {
  if (!active || typeof label !== 'number') return null
  return <ChartTooltipBody model={model} index={label} role="status" />
}

export interface OpenCluster {
  key: string
  x: number
  y: number
  events: ModelEvent[]
}

const clusterColour = (item: MarkerItem<ModelEvent>) => {
  const categories = new Set(item.events.map((e) => e.category))
  const only = item.events[0]
  return categories.size === 1 && only ? `var(${EVENT_CATEGORIES[only.category].colorVar})` : 'var(--muted)'
}

/**
 * Event markers above the plot, laid out by `layoutMarkers` (the same function the preview and the exports use):
 * hit targets never overlap, and at wide ranges minor events fold into one cluster badge per session.
 */
/**
 * The dashed line of every event down the plot, under the series. One component reading the axis scale, not a
 * Recharts ReferenceLine per event: each of those registers itself in Recharts' store on mount, and every
 * registration re-runs every subscriber. With the default view's events the full chart's first render (one
 * blocking task) went from about 450-580 ms to about 300-330 ms at 1x on the bench machine.
 */
function EventLines({
  events,
  selectedEventId,
  activeEventId,
}: { events: ModelEvent[] } & Pick<PriceChartProps, 'selectedEventId' | 'activeEventId'>) {
  const scale = useXAxisScale()
  const plot = usePlotArea()
  if (!scale || !plot) return null
  return (
    <g pointerEvents="none" data-testid="event-lines">
      {events.map((e) => {
        const x = Number(scale(e.index))
        if (!Number.isFinite(x)) return null
        const emphasised = e.id === selectedEventId || e.id === activeEventId
        return (
          <line
            key={e.id}
            x1={x}
            x2={x}
            y1={plot.y}
            y2={plot.y + plot.height}
            stroke={`var(${EVENT_CATEGORIES[e.category].colorVar})`}
            strokeWidth={emphasised ? 2.5 : 1}
            strokeDasharray={e.id === selectedEventId ? undefined : '4 3'}
            strokeOpacity={emphasised ? 1 : e.importance === 'major' ? 0.45 : 0.25}
          />
        )
      })}
    </g>
  )
}

function EventMarkers(
  props: Pick<PriceChartProps, 'selectedEventId' | 'activeEventId' | 'onActivateEvent' | 'onSelectEvent'> & {
    events: ModelEvent[]
    /** Reports the height the marker band needs, in px, once the axis is measured. */
    onBandHeight: (px: number) => void
    openClusterKey: string | null
    onOpenCluster: (cluster: OpenCluster | null) => void
  },
) {
  const scale = useXAxisScale()
  const plot = usePlotArea()
  const sizes = plot && plot.width < COMPACT_BELOW_PX ? MARKER_SIZES.compact : MARKER_SIZES.wide
  const chartHeight = plot ? plot.y + plot.height + X_AXIS_HEIGHT + PLOT_MARGIN.bottom : 0
  const layout = useMemo(
    () =>
      scale && plot
        ? layoutMarkers(props.events, (i) => Number(scale(i)), {
            sizes,
            chartHeight,
            maxBandShare: MAX_MARKER_BAND_SHARE,
            maxRows: MAX_MARKER_ROWS,
          })
        : null,
    [scale, plot, props.events, sizes, chartHeight],
  )
  const { onBandHeight } = props
  // The top margin depends on how crowded the markers are at the current width: tell the chart once measured.
  useEffect(() => {
    if (layout) onBandHeight(layout.bandHeight)
  }, [layout, onBandHeight])
  if (!layout || !plot) return null

  const keyHandler = (activate: () => void) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      activate()
    } else if (event.key === 'Escape') {
      props.onActivateEvent(null)
      props.onOpenCluster(null)
    }
  }

  return (
    <g data-testid="event-markers">
      <g pointerEvents="none">
        {layout.items.map((item) => {
          const y = markerRowY(item.row, sizes)
          const only = item.kind === 'event' ? item.events[0] : undefined
          const colour = only ? `var(${EVENT_CATEGORIES[only.category].colorVar})` : clusterColour(item)
          return (
            <line
              key={item.key}
              x1={item.x}
              x2={item.x}
              y1={y + sizes.radius}
              y2={plot.y}
              stroke={colour}
              strokeWidth={1}
            />
          )
        })}
      </g>
      {layout.items.map((item) => {
        const x = item.x
        const y = markerRowY(item.row, sizes)
        if (item.kind === 'cluster') {
          const open = props.openClusterKey === item.key
          const colour = clusterColour(item)
          const label = `+${item.events.length}`
          const w = sizes.radius * 2 + (label.length > 2 ? 6 : 2)
          return (
            <g
              key={item.key}
              data-testid="event-cluster"
              data-marker-key={item.key}
              data-event-ids={item.events.map((e) => e.id).join(' ')}
              role="button"
              tabIndex={0}
              aria-expanded={open}
              aria-haspopup="dialog"
              aria-label={clusterAriaLabel(item.events)}
              className="cursor-pointer outline-none"
              onClick={() => props.onOpenCluster(open ? null : { key: item.key, x, y, events: item.events })}
              onKeyDown={keyHandler(() =>
                props.onOpenCluster(open ? null : { key: item.key, x, y, events: item.events }),
              )}
            >
              <circle cx={x} cy={y} r={sizes.hitRadius} fill="transparent" />
              <rect
                x={x - w / 2}
                y={y - sizes.radius}
                width={w}
                height={sizes.radius * 2}
                rx={sizes.radius / 2}
                fill={open ? colour : 'var(--panel)'}
                stroke={colour}
                strokeWidth={2}
                strokeDasharray={open ? undefined : '3 2'}
              />
              <text
                x={x}
                y={y}
                dy="0.35em"
                textAnchor="middle"
                fontSize={sizes.font}
                fontWeight={700}
                fill={open ? 'var(--panel)' : 'var(--fg)'}
                pointerEvents="none"
              >
                {label}
              </text>
            </g>
          )
        }
        const e = item.events[0] as ModelEvent
        const colour = `var(${EVENT_CATEGORIES[e.category].colorVar})`
        const emphasised = e.id === props.selectedEventId || e.id === props.activeEventId
        return (
          <g
            key={item.key}
            data-event-id={e.id}
            data-marker-key={item.key}
            data-testid="event-marker"
            role="button"
            tabIndex={0}
            aria-label={markerAriaLabel(e)}
            aria-pressed={e.id === props.selectedEventId}
            className="cursor-pointer outline-none"
            onMouseEnter={() => props.onActivateEvent(e.id, x)}
            onMouseLeave={() => props.onActivateEvent(null)}
            onFocus={() => props.onActivateEvent(e.id, x)}
            onBlur={() => props.onActivateEvent(null)}
            onClick={() => props.onSelectEvent(e.id)}
            onKeyDown={keyHandler(() => props.onSelectEvent(e.id))}
          >
            <circle cx={x} cy={y} r={sizes.hitRadius} fill="transparent" />
            <circle
              cx={x}
              cy={y}
              r={emphasised ? sizes.radius + 1.5 : sizes.radius}
              fill={emphasised ? colour : 'var(--panel)'}
              stroke={colour}
              strokeWidth={e.importance === 'major' ? 2.5 : 1.5}
            />
            <text
              x={x}
              y={y}
              dy="0.35em"
              textAnchor="middle"
              fontSize={sizes.font}
              fontWeight={700}
              fill={emphasised ? 'var(--panel)' : colour}
              pointerEvents="none"
            >
              {e.number}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** An invisible rectangle over Recharts' own plot area: what a test compares with the server-drawn chart's. */
function PlotAreaProbe() {
  const plot = usePlotArea()
  if (!plot) return null
  return (
    <rect
      data-testid="chart-plot-area"
      x={plot.x}
      y={plot.y}
      width={plot.width}
      height={plot.height}
      fill="none"
      pointerEvents="none"
    />
  )
}

/** Last-value tags in the gutter right of the plot. */
function LastValueTags({ model }: { model: ChartModel }) {
  const yScale = useYAxisScale()
  const plot = usePlotArea()
  if (!yScale || !plot) return null
  const tagHeight = 18
  const tags = lastValueTags(model, (v) => Number(yScale(v)) - plot.y, plot.height, tagHeight)
  const left = plot.x + plot.width + 2
  return (
    <g data-testid="last-values" pointerEvents="none">
      {tags.map((t) => (
        <g key={t.symbol} data-symbol={t.symbol}>
          <rect
            x={left}
            y={plot.y + t.y - tagHeight / 2}
            width={lastValueGutter(model.mode) - 4}
            height={tagHeight}
            rx={3}
            fill={`var(${t.colorVar})`}
          />
          <text x={left + 4} y={plot.y + t.y} dy="0.35em" fontSize={11} fontWeight={700} fill="var(--panel)">
            {t.text}
          </text>
        </g>
      ))}
    </g>
  )
}

/** A guess for the first render when the server-drawn chart measured nothing; corrected once laid out. */
const FALLBACK_BAND = markerBandHeight(1, MARKER_SIZES.wide)

export function PriceChart({
  model,
  heightCss,
  selectedEventId,
  activeEventId,
  onActivateEvent,
  onSelectEvent,
  onZoom,
  onWheelZoom,
  onPan,
  initialBandHeight,
}: PriceChartProps) {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null)
  const [pan, setPan] = useState<{ startX: number; dx: number; perSession: number } | null>(null)
  const [markerBand, setMarkerBand] = useState(initialBandHeight ?? FALLBACK_BAND)
  const [cluster, setCluster] = useState<OpenCluster | null>(null)
  const boxRef = useRef<HTMLDivElement>(null)
  const ticks = useMemo(() => xTickIndices(model.dates.length, X_TICK_TARGET), [model.dates.length])
  const yAxis = useMemo(() => buildYAxis(model, plottedValues(model)), [model])
  const last = model.dates.length - 1
  const left = PLOT_MARGIN.left + yAxisWidth(model.mode)
  const right = lastValueGutter(model.mode)

  // A cluster opened for one view closes when the view changes (its badge may be gone).
  const viewKey = `${model.from}|${model.to}|${model.mode}|${model.events.length}`
  const [clusterView, setClusterView] = useState(viewKey)
  if (clusterView !== viewKey) {
    setClusterView(viewKey)
    setCluster(null)
  }

  const indexOf = (state: { activeTooltipIndex?: unknown }) =>
    typeof state.activeTooltipIndex === 'number' ? state.activeTooltipIndex : Number(state.activeTooltipIndex)

  /** The session index under a client x, from the plot's geometry (the axis is linear in the index). */
  const indexAt = (clientX: number): number => {
    const box = boxRef.current?.getBoundingClientRect()
    if (!box || last <= 0) return 0
    const f = (clientX - box.left - left) / Math.max(1, box.width - left - right)
    return Math.round(Math.min(1, Math.max(0, f)) * last)
  }

  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    const box = boxRef.current?.getBoundingClientRect()
    if (!box || event.deltaY === 0) return
    // Over the time axis the wheel zooms; over the plot it scrolls the page unless Ctrl (or a trackpad pinch) is held.
    const overAxis = event.clientY >= box.bottom - X_AXIS_HEIGHT - PLOT_MARGIN.bottom
    if (!overAxis && !event.ctrlKey && !event.metaKey) return
    event.preventDefault()
    onWheelZoom(event.deltaY < 0 ? 1 : -1, indexAt(event.clientX))
  }

  // React's wheel listener is passive, so preventDefault needs a native one.
  const wheelRef = useRef(onWheel)
  useEffect(() => {
    wheelRef.current = onWheel
  })
  useEffect(() => {
    const node = boxRef.current
    if (!node) return
    const listener = (event: globalThis.WheelEvent) => wheelRef.current(event as unknown as WheelEvent<HTMLDivElement>)
    node.addEventListener('wheel', listener, { passive: false })
    return () => node.removeEventListener('wheel', listener)
  }, [])

  return (
    <div ref={boxRef} className="relative" data-testid="chart-canvas">
      <ChartReadout
        model={model}
        box={{ left, right, top: markerBand, bottom: X_AXIS_HEIGHT + PLOT_MARGIN.bottom }}
        pointer={false}
      />
      <LineChart
        // A new range is a new chart: no tooltip or drag survives from the previous data.
        key={`${model.from}|${model.to}|${model.mode}|${model.dates.length}`}
        responsive
        style={{ width: '100%', height: heightCss }}
        data={model.rows}
        margin={{ top: markerBand, right, bottom: PLOT_MARGIN.bottom, left: PLOT_MARGIN.left }}
        onMouseDown={(state, event) => {
          // A press on an event marker is a click on that marker, not the start of a zoom drag.
          if (event.target instanceof Element && event.target.closest('[data-marker-key]')) return
          const i = indexOf(state)
          if (Number.isFinite(i)) setDrag({ start: i, end: i })
        }}
        onMouseMove={(state) => {
          const i = indexOf(state)
          if (drag && Number.isFinite(i)) setDrag({ ...drag, end: i })
        }}
        onMouseUp={() => {
          if (drag && Math.abs(drag.end - drag.start) >= MIN_DRAG_SESSIONS)
            onZoom(Math.min(drag.start, drag.end), Math.max(drag.start, drag.end))
          setDrag(null)
        }}
        onMouseLeave={() => setDrag(null)}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="i"
          type="number"
          domain={[0, Math.max(0, last)]}
          ticks={ticks}
          tickFormatter={(i: number) => (model.dates[i] ? formatDayMonth(model.dates[i]) : '')}
          stroke="var(--muted)"
          tick={{ fill: 'var(--muted)', fontSize: 12 }}
          allowDecimals={false}
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          scale={model.mode === 'log' ? 'log' : 'linear'}
          domain={yAxis.domain}
          ticks={yAxis.ticks}
          allowDataOverflow
          tickFormatter={yAxis.format}
          stroke="var(--muted)"
          tick={{ fill: 'var(--muted)', fontSize: 12 }}
          width={yAxisWidth(model.mode)}
        />
        {model.mode === 'percent' ? <ReferenceLine y={0} stroke="var(--muted)" strokeWidth={1} /> : null}
        <EventLines events={model.events} selectedEventId={selectedEventId} activeEventId={activeEventId} />
        <Tooltip
          content={<ChartTooltip model={model} />}
          isAnimationActive={false}
          cursor={{ stroke: 'var(--muted)', strokeWidth: 1 }}
        />
        {model.series.map((s) => (
          <Line
            key={s.symbol}
            type="linear"
            dataKey={s.symbol}
            name={s.symbol}
            stroke={`var(${s.colorVar})`}
            strokeWidth={2}
            dot={false}
            activeDot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {drag ? <ReferenceArea x1={drag.start} x2={drag.end} fill="var(--accent)" fillOpacity={0.12} /> : null}
        <LastValueTags model={model} />
        <PlotAreaProbe />
        <EventMarkers
          events={model.events}
          onBandHeight={setMarkerBand}
          selectedEventId={selectedEventId}
          activeEventId={activeEventId}
          onActivateEvent={onActivateEvent}
          onSelectEvent={(id) => {
            setCluster(null)
            onSelectEvent(id)
          }}
          openClusterKey={cluster?.key ?? null}
          onOpenCluster={setCluster}
        />
      </LineChart>
      {/* The time axis: drag along it to pan (applied on release, so the URL changes once). */}
      <div
        data-testid="time-axis-pan"
        aria-hidden
        className="absolute bottom-0 cursor-ew-resize touch-none"
        style={{ left, right, height: X_AXIS_HEIGHT + PLOT_MARGIN.bottom }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId)
          setPan({
            startX: event.clientX,
            dx: 0,
            perSession: (event.currentTarget.clientWidth || 1) / Math.max(1, last),
          })
        }}
        onPointerMove={(event) => {
          if (pan) setPan({ ...pan, dx: event.clientX - pan.startX })
        }}
        onPointerUp={() => {
          if (pan) {
            const sessions = Math.round(-pan.dx / pan.perSession)
            if (sessions !== 0) onPan(sessions)
          }
          setPan(null)
        }}
        onPointerCancel={() => setPan(null)}
      >
        {pan && Math.round(-pan.dx / pan.perSession) !== 0 ? (
          <span className="pointer-events-none absolute -top-7 left-1/2 -translate-x-1/2 rounded bg-[var(--fg)] px-2 py-0.5 text-xs text-[var(--panel)]">
            {Math.round(-pan.dx / pan.perSession) > 0 ? 'Later' : 'Earlier'} by{' '}
            {Math.abs(Math.round(-pan.dx / pan.perSession))} sessions
          </span>
        ) : null}
      </div>
      {cluster ? (
        <ClusterList
          cluster={cluster}
          onClose={() => setCluster(null)}
          onSelect={(id) => {
            setCluster(null)
            onSelectEvent(id)
          }}
        />
      ) : null}
    </div>
  )
}

/** The events of an opened cluster badge, as a small dialog of buttons under the badge. */
function ClusterList({
  cluster,
  onClose,
  onSelect,
}: {
  cluster: OpenCluster
  onClose: () => void
  onSelect: (id: string) => void
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus()
  }, [cluster.key])
  const close = () => {
    onClose()
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-marker-key="${CSS.escape(cluster.key)}"]`)?.focus(),
    )
  }
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`${cluster.events.length} events`}
      data-testid="cluster-list"
      className="absolute z-20 max-h-72 w-72 max-w-[calc(100%-1rem)] overflow-y-auto rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-sm shadow-xl"
      style={{ top: cluster.y + 16, left: `clamp(0.5rem, ${cluster.x - 144}px, calc(100% - 18.5rem))` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          close()
        }
      }}
    >
      <p className="mb-1 flex items-center justify-between text-xs text-[var(--muted)]">
        <span>{cluster.events.length} events · choose one to zoom to it</span>
        <button type="button" className="rounded px-1 text-[var(--fg)] underline" onClick={close}>
          Close
        </button>
      </p>
      <ul className="space-y-1">
        {cluster.events.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              data-event-id={e.id}
              className="w-full rounded px-1 py-0.5 text-left hover:bg-[var(--grid)]"
              onClick={() => onSelect(e.id)}
            >
              <span
                className="mr-1 inline-block h-2 w-2 rounded-full"
                style={{ background: `var(${EVENT_CATEGORIES[e.category].colorVar})` }}
                aria-hidden
              />
              <span className="font-semibold">{e.number}.</span> {e.title}
              <span className="block text-xs text-[var(--muted)]">{formatFullDate(e.date)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
