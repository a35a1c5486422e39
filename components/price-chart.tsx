'use client'

import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
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
  type TooltipContentProps,
} from 'recharts'
import { changeKey, type ChartModel } from '@/lib/chart/model'
import { COMPACT_BELOW_PX, MARKER_SIZES, MAX_MARKER_ROWS, PLOT_MARGIN, X_AXIS_HEIGHT, X_TICK_TARGET, markerBandHeight, yAxisWidth } from '@/lib/chart/geometry'
import { layoutEventLabels } from '@/lib/chart/label-layout'
import { buildYAxis, plottedValues, xTickIndices } from '@/lib/chart/scales'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatDayMonth, formatFullDate, formatPercent, formatPrice } from '@/lib/format'

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
}

function formatValue(model: ChartModel, value: number, currency: string | null): string {
  return model.mode === 'percent' ? formatPercent(value, 2) : formatPrice(value, currency)
}

function ChartTooltip({ active, label, model }: Partial<TooltipContentProps<number, string>> & { model: ChartModel }) {
  if (!active || typeof label !== 'number') return null
  const row = model.rows[label]
  if (!row) return null
  const events = model.events.filter((e) => e.index === label)
  return (
    <div className="rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-xs shadow-lg" role="status">
      <div className="mb-1 font-semibold">{formatFullDate(row.date)}</div>
      <table>
        <tbody>
          {model.series.map((s) => {
            const value = row[s.symbol]
            const change = row[changeKey(s.symbol)]
            return (
              <tr key={s.symbol}>
                <td className="pr-2">
                  <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: `var(${s.colorVar})` }} />
                  {s.symbol}
                </td>
                <td className="pr-2 text-right tabular-nums">{typeof value === 'number' ? formatValue(model, value, s.currency) : 'no session'}</td>
                <td className="text-right tabular-nums text-[var(--muted)]">
                  {typeof change === 'number' ? `${formatPercent(change, 2)} day` : ''}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {events.map((e) => (
        <div key={e.id} className="mt-1 max-w-64" style={{ color: `var(${EVENT_CATEGORIES[e.category].colorVar})` }}>
          {e.number}. {e.title}
        </div>
      ))}
    </div>
  )
}

/** Numbered, focusable event markers along the top of the plot, laid out so labels never sit on each other. */
function EventMarkers(
  props: Pick<PriceChartProps, 'selectedEventId' | 'activeEventId' | 'onActivateEvent' | 'onSelectEvent'> & {
    events: ModelEvent[]
    /** Reports the height the marker band needs, in px, once the axis is measured. */
    onBandHeight: (px: number) => void
  },
) {
  const scale = useXAxisScale()
  const plot = usePlotArea()
  const xs = scale ? props.events.map((e) => Number(scale(e.index))) : []
  const size = plot && plot.width < COMPACT_BELOW_PX ? MARKER_SIZES.compact : MARKER_SIZES.wide
  const layout = layoutEventLabels(xs, { labelWidth: size.radius * 2 + 4, rows: MAX_MARKER_ROWS })
  const rows = Math.max(1, ...layout.map((p) => p.row + 1))
  const band = markerBandHeight(rows, size)
  const { onBandHeight } = props
  // The top margin depends on how crowded the markers are at the current width: tell the chart once measured.
  useEffect(() => {
    if (scale) onBandHeight(band)
  }, [band, scale, onBandHeight])
  if (!scale || !plot) return null
  return (
    <g className="event-markers">
      {props.events.map((e, k) => {
        const x = xs[k] ?? 0
        const row = layout[k]?.row ?? 0
        const y = plot.y - rows * size.rowHeight + row * size.rowHeight + size.radius - 2
        const colour = `var(${EVENT_CATEGORIES[e.category].colorVar})`
        const emphasised = e.id === props.selectedEventId || e.id === props.activeEventId
        const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            props.onSelectEvent(e.id)
          } else if (event.key === 'Escape') props.onActivateEvent(null)
        }
        return (
          <g
            key={e.id}
            data-event-id={e.id}
            data-testid="event-marker"
            role="button"
            tabIndex={0}
            aria-label={`Event ${e.number}: ${e.title}. ${formatFullDate(e.tradingDate)}. Press Enter to zoom to it.`}
            aria-pressed={e.id === props.selectedEventId}
            className="cursor-pointer outline-none"
            onMouseEnter={() => props.onActivateEvent(e.id, x)}
            onMouseLeave={() => props.onActivateEvent(null)}
            onFocus={() => props.onActivateEvent(e.id, x)}
            onBlur={() => props.onActivateEvent(null)}
            onClick={() => props.onSelectEvent(e.id)}
            onKeyDown={onKeyDown}
          >
            <line x1={x} x2={x} y1={y + size.radius} y2={plot.y} stroke={colour} strokeWidth={1} pointerEvents="none" />
            <circle cx={x} cy={y} r={emphasised ? size.radius + 2 : size.radius} fill={emphasised ? colour : 'var(--panel)'} stroke={colour} strokeWidth={2} />
            <text x={x} y={y} dy="0.35em" textAnchor="middle" fontSize={size.font} fontWeight={700} fill={emphasised ? 'var(--panel)' : colour}>
              {e.number}
            </text>
          </g>
        )
      })}
    </g>
  )
}

/** The band height the server-rendered preview used: same-session events stacked. Avoids a shift at the swap. */
function initialBand(model: ChartModel): number {
  const perSession = new Map<number, number>()
  for (const e of model.events) perSession.set(e.index, (perSession.get(e.index) ?? 0) + 1)
  return markerBandHeight(Math.min(MAX_MARKER_ROWS, Math.max(1, ...perSession.values())), MARKER_SIZES.wide)
}

export function PriceChart({ model, heightCss, selectedEventId, activeEventId, onActivateEvent, onSelectEvent, onZoom }: PriceChartProps) {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null)
  const [markerBand, setMarkerBand] = useState(() => initialBand(model))
  const ticks = useMemo(() => xTickIndices(model.dates.length, X_TICK_TARGET), [model.dates.length])
  const yAxis = useMemo(() => buildYAxis(model, plottedValues(model)), [model])
  const last = model.dates.length - 1

  const indexOf = (state: { activeTooltipIndex?: unknown }) =>
    typeof state.activeTooltipIndex === 'number' ? state.activeTooltipIndex : Number(state.activeTooltipIndex)

  return (
    <LineChart
      responsive
      style={{ width: '100%', height: heightCss }}
      data={model.rows}
      margin={{ top: markerBand, ...PLOT_MARGIN }}
      onMouseDown={(state, event) => {
        // A press on an event marker is a click on that marker, not the start of a zoom drag.
        if (event.target instanceof Element && event.target.closest('[data-event-id]')) return
        const i = indexOf(state)
        if (Number.isFinite(i)) setDrag({ start: i, end: i })
      }}
      onMouseMove={(state) => {
        const i = indexOf(state)
        if (drag && Number.isFinite(i)) setDrag({ ...drag, end: i })
      }}
      onMouseUp={() => {
        if (drag && Math.abs(drag.end - drag.start) >= 2) onZoom(Math.min(drag.start, drag.end), Math.max(drag.start, drag.end))
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
      {model.events.map((e) => (
        <ReferenceLine
          key={e.id}
          x={e.index}
          stroke={`var(${EVENT_CATEGORIES[e.category].colorVar})`}
          strokeWidth={e.id === selectedEventId || e.id === activeEventId ? 2.5 : 1}
          strokeDasharray={e.id === selectedEventId ? undefined : '4 3'}
          strokeOpacity={e.id === selectedEventId || e.id === activeEventId ? 1 : 0.45}
        />
      ))}
      <Tooltip content={<ChartTooltip model={model} />} isAnimationActive={false} cursor={{ stroke: 'var(--muted)', strokeWidth: 1 }} />
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
      <EventMarkers
        events={model.events}
        onBandHeight={setMarkerBand}
        selectedEventId={selectedEventId}
        activeEventId={activeEventId}
        onActivateEvent={onActivateEvent}
        onSelectEvent={onSelectEvent}
      />
    </LineChart>
  )
}
