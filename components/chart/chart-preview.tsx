'use client'

import { startTransition, useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import {
  CHART_HEIGHT_CSS,
  COMPACT_BELOW_PX,
  MARKER_SIZES,
  MAX_MARKER_BAND_SHARE,
  MAX_MARKER_ROWS,
  PLOT_MARGIN,
  X_AXIS_HEIGHT,
  xTickTarget,
  yAxisWidth,
} from '@/lib/chart/geometry'
import { lastValueGutter, lastValueTags } from '@/lib/chart/last-values'
import { layoutMarkers, markerRowY } from '@/lib/chart/marker-layout'
import { clusterAriaLabel, markerAriaLabel } from '@/lib/chart/marker-labels'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis, plotted, plottedValues, xTickIndices } from '@/lib/chart/scales'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatDayMonth } from '@/lib/format'
import { earlyReadoutData, jsonForScriptElement } from '@/lib/chart/readout'
import { ChartReadout } from './chart-readout'
import { ViewLink } from '../controls/view-link'

const VIEW = 1000
/** The least chart height (CHART_HEIGHT_CSS's clamp floor): the server cannot know the real one. */
const PREVIEW_CHART_HEIGHT = 300
/**
 * The server cannot measure the page either, so markers are laid out for two container widths and a
 * container query shows the one that fits: a layout made for the narrowest width of its bucket only gains room
 * at wider ones, so its markers never collide.
 */
const NARROW_CONTAINER = 280
const WIDE_CONTAINER = 640

/** What makes the drawing interactive once hydrated; absent in the markup the server sends, which is inert. */
export interface ChartIslandProps {
  selectedEventId: string | null
  activeEventId: string | null
  hrefForEvent: (id: string) => string
  /** A cluster badge links to the view around its session, where its events have room. */
  hrefForSession: (tradingDate: string) => string
  onActivateEvent: (id: string | null, x?: number) => void
  onSelectEvent: (id: string) => void
  onSelectSession: (tradingDate: string) => void
  /** A drag across the plot: show the sessions from `fromIndex` to `toIndex`. */
  onZoom: (fromIndex: number, toIndex: number) => void
  /**
   * The reader reached for what only the full chart does (a press on the chart, which may be the start of a pan on
   * the date axis; a wheel over the date axis, or with Ctrl): load it now. Nothing else loads it.
   */
  onNeedsFullChart: () => void
  /** The marker band's height at the measured size, so the full chart starts with the same plot area. */
  onBandHeight?: (px: number) => void
}

function Variant({
  model,
  containerWidth,
  chartHeight,
  className,
  island,
  onBandHeight,
}: {
  model: ChartModel
  containerWidth: number
  chartHeight: number
  className: string
  island?: ChartIslandProps
  onBandHeight?: (px: number) => void
}) {
  const y = buildYAxis(model, plottedValues(model))
  const n = model.dates.length
  const fx = (i: number) => (n <= 1 ? 0.5 : i / (n - 1))
  const fy = (v: number) => 1 - y.position(v)

  const left = PLOT_MARGIN.left + yAxisWidth(model.mode)
  const right = lastValueGutter(model.mode)
  const plotWidth = containerWidth - left - right
  const sizes = plotWidth < COMPACT_BELOW_PX ? MARKER_SIZES.compact : MARKER_SIZES.wide
  const layout = layoutMarkers(model.events, (i) => fx(i) * plotWidth, {
    sizes,
    chartHeight,
    maxBandShare: MAX_MARKER_BAND_SHARE,
    maxRows: MAX_MARKER_ROWS,
  })
  const band = layout.bandHeight
  useLayoutEffect(() => {
    onBandHeight?.(band)
  }, [band, onBandHeight])
  const bottom = PLOT_MARGIN.bottom + X_AXIS_HEIGHT
  const atX = (f: number) => `calc(${left}px + ${f} * (100% - ${left + right}px))`
  const atY = (f: number) => `calc(${band}px + ${f} * (100% - ${band + bottom}px))`
  const plotBox: CSSProperties = { left, right, top: band, bottom }
  const tickText = 'absolute whitespace-nowrap text-xs text-[var(--muted)]'
  const plotHeight = chartHeight - band - bottom
  const tags = lastValueTags(model, (v) => fy(v) * plotHeight, plotHeight, 18)

  return (
    <div className={`absolute inset-0 ${className}`}>
      <svg
        data-testid="chart-plot-area"
        className="absolute overflow-visible"
        style={{ ...plotBox, width: `calc(100% - ${left + right}px)`, height: `calc(100% - ${band + bottom}px)` }}
        viewBox={`0 0 ${VIEW} ${VIEW}`}
        preserveAspectRatio="none"
        aria-hidden
      >
        {y.ticks.map((t) => (
          <line
            key={t}
            x1={0}
            x2={VIEW}
            y1={fy(t) * VIEW}
            y2={fy(t) * VIEW}
            stroke="var(--grid)"
            strokeDasharray="3 3"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {model.mode === 'percent' ? (
          <line
            x1={0}
            x2={VIEW}
            y1={fy(0) * VIEW}
            y2={fy(0) * VIEW}
            stroke="var(--muted)"
            vectorEffect="non-scaling-stroke"
          />
        ) : null}
        {model.events.map((e) => (
          <line
            key={e.id}
            x1={fx(e.index) * VIEW}
            x2={fx(e.index) * VIEW}
            y1={0}
            y2={VIEW}
            stroke={`var(${EVENT_CATEGORIES[e.category].colorVar})`}
            strokeOpacity={e.importance === 'major' ? 0.45 : 0.25}
            strokeDasharray="4 3"
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {model.series.map((s) => {
          const points: string[] = []
          for (let i = 0; i < n; i++) {
            const v = plotted(model, i, s.symbol)
            if (v !== null) points.push(`${fx(i) * VIEW},${fy(v) * VIEW}`)
          }
          return (
            <polyline
              key={s.symbol}
              points={points.join(' ')}
              fill="none"
              stroke={`var(${s.colorVar})`}
              strokeWidth={2}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          )
        })}
        <line x1={0} x2={0} y1={0} y2={VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" />
        <line x1={0} x2={VIEW} y1={VIEW} y2={VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" />
      </svg>
      {y.ticks.map((t) => (
        <span
          key={t}
          className={tickText}
          style={{ right: `calc(100% - ${left - 8}px)`, top: atY(fy(t)), transform: 'translateY(-50%)' }}
        >
          {y.format(t)}
        </span>
      ))}
      {xTickIndices(n, xTickTarget(plotWidth)).map((i) => (
        <span
          key={i}
          data-x-tick=""
          className={tickText}
          style={{ left: atX(fx(i)), top: `calc(100% - ${bottom - 9}px)`, transform: 'translateX(-50%)' }}
        >
          {model.dates[i] ? formatDayMonth(model.dates[i]) : ''}
        </span>
      ))}
      {/* The same test hook as the full chart's tags: one per drawn line, whichever chart is up. */}
      <div className="contents" data-testid="last-values">
        {tags.map((t) => (
          <span
            key={t.symbol}
            data-symbol={t.symbol}
            className="absolute rounded-sm px-1 text-[11px] font-bold leading-[18px] text-[var(--panel)]"
            style={{
              right: 2,
              width: right - 4,
              top: atY(t.y / Math.max(1, plotHeight)),
              transform: 'translateY(-50%)',
              background: `var(${t.colorVar})`,
            }}
          >
            {t.text}
          </span>
        ))}
      </div>
      {island ? (
        <ChartReadout model={model} box={{ left, right, top: band, bottom }} pointer onZoom={island.onZoom} />
      ) : null}
      {layout.items.map((item) => {
        const only = item.kind === 'event' ? item.events[0] : undefined
        const colour = only ? `var(${EVENT_CATEGORIES[only.category].colorVar})` : 'var(--muted)'
        const cy = markerRowY(item.row, sizes)
        const f = plotWidth > 0 ? item.x / plotWidth : 0
        const emphasised =
          only !== undefined &&
          island !== undefined &&
          (only.id === island.selectedEventId || only.id === island.activeEventId)
        const badge = (
          <span
            data-testid={only ? 'event-marker-preview' : 'event-cluster-preview'}
            className={`absolute flex items-center justify-center border-2 font-bold ${emphasised ? '' : 'bg-[var(--panel)]'} ${only ? 'rounded-full' : 'rounded border-dashed text-[var(--fg)]'}`}
            style={{
              left: atX(f),
              top: cy,
              width: sizes.radius * 2 + (only ? 0 : 4),
              height: sizes.radius * 2,
              transform: 'translate(-50%, -50%)',
              borderColor: colour,
              color: emphasised ? 'var(--panel)' : only ? colour : undefined,
              background: emphasised ? colour : undefined,
              fontSize: sizes.font,
            }}
          >
            {only ? only.number : `+${item.events.length}`}
          </span>
        )
        const stem = (
          <span
            className="absolute w-px"
            style={{ left: atX(f), top: cy + sizes.radius, height: band - cy - sizes.radius, background: colour }}
          />
        )
        // Every marker is a link to the view it opens, so it works before hydration; the island adds the event
        // card on hover and focus, and turns the click into the dashboard's own selection.
        const first = item.events[0]
        const href = only
          ? island?.hrefForEvent(only.id)
          : first
            ? island?.hrefForSession(first.tradingDate)
            : undefined
        if (!island || !href) {
          return (
            <span key={item.key} aria-hidden>
              {stem}
              {badge}
            </span>
          )
        }
        const x = left + f * plotWidth
        return (
          <span key={item.key}>
            <span aria-hidden className="pointer-events-none">
              {stem}
              {badge}
            </span>
            <ViewLink
              href={href}
              data-marker-preview-key={item.key}
              data-event-id={only?.id}
              aria-label={
                only ? markerAriaLabel(only) : clusterAriaLabel(item.events, 'Follow the link to zoom to them.')
              }
              aria-current={only && only.id === island.selectedEventId ? 'true' : undefined}
              className="absolute rounded-full outline-none focus-visible:ring-2 focus-visible:ring-[var(--accent)]"
              style={{
                left: atX(f),
                top: cy,
                width: sizes.hitRadius * 2,
                height: sizes.hitRadius * 2,
                transform: 'translate(-50%, -50%)',
              }}
              onMouseEnter={only ? () => island.onActivateEvent(only.id, x) : undefined}
              onMouseLeave={only ? () => island.onActivateEvent(null) : undefined}
              onFocus={only ? () => island.onActivateEvent(only.id, x) : undefined}
              onBlur={only ? () => island.onActivateEvent(null) : undefined}
              onNavigate={() =>
                only ? island.onSelectEvent(only.id) : first ? island.onSelectSession(first.tradingDate) : undefined
              }
            />
          </span>
        )
      })}
    </div>
  )
}

/**
 * The chart drawn without JavaScript: lines, axes, last-value tags and event markers from the same model,
 * scales, geometry and marker layout as the interactive chart. It is in the server's HTML, so the reader sees
 * the chart at first paint; the interactive chart replaces it once its code has loaded. Lines are drawn in a
 * stretched SVG with strokes that do not stretch; text and markers are HTML placed by percentage, so nothing
 * distorts at any width.
 *
 * It is also the island that makes the chart work before Recharts arrives: markers are links (they work before
 * hydration), and once hydrated it measures its box and lays the markers out for the real size, exactly as the
 * Recharts chart will, adds the crosshair and tooltip (pointer and keyboard) and the event cards.
 */
export function ChartPreview({ model, island }: { model: ChartModel; island?: ChartIslandProps }) {
  const ref = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState<{ width: number; height: number } | null>(null)
  useLayoutEffect(() => {
    const node = ref.current
    if (!node) return
    // A transition: the measured layout replaces both of the server's in a render React can slice, so the first
    // one after hydration is not one blocking task. Until it commits the server's markup stays, and the page's
    // early readout answers the pointer.
    const measure = () => {
      const { width, height } = node.getBoundingClientRect()
      if (width > 0 && height > 0)
        startTransition(() =>
          setSize((old) => (old && old.width === width && old.height === height ? old : { width, height })),
        )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return (
    <div
      ref={ref}
      className="@container relative select-none"
      style={{ height: CHART_HEIGHT_CSS }}
      data-testid="chart-preview"
      data-measured={size ? 'true' : undefined}
      // After the press, not on it: the full chart replaces this one, and must not do so in the middle of a drag.
      onPointerUp={island ? island.onNeedsFullChart : undefined}
      onWheel={
        island
          ? (event) => {
              const bottom = event.currentTarget.getBoundingClientRect().bottom
              const overDateAxis = event.clientY >= bottom - X_AXIS_HEIGHT - PLOT_MARGIN.bottom
              if (event.ctrlKey || event.metaKey || overDateAxis) island.onNeedsFullChart()
            }
          : undefined
      }
    >
      {size ? (
        <Variant
          model={model}
          containerWidth={size.width}
          chartHeight={size.height}
          className=""
          island={island}
          onBandHeight={island?.onBandHeight}
        />
      ) : (
        <>
          {/* Until the island has measured itself, the page's early readout (app/page.tsx) answers a hover from
              these texts; the island's first measurement removes them. */}
          {island ? (
            <script
              type="application/json"
              data-chart-readout=""
              dangerouslySetInnerHTML={{ __html: jsonForScriptElement(earlyReadoutData(model)) }}
            />
          ) : null}
          <Variant
            model={model}
            containerWidth={NARROW_CONTAINER}
            chartHeight={PREVIEW_CHART_HEIGHT}
            className="@min-[640px]:hidden"
            island={island}
          />
          <Variant
            model={model}
            containerWidth={WIDE_CONTAINER}
            chartHeight={PREVIEW_CHART_HEIGHT}
            className="hidden @min-[640px]:block"
            island={island}
          />
        </>
      )}
    </div>
  )
}
