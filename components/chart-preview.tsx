import type { CSSProperties } from 'react'
import { CHART_HEIGHT_CSS, COMPACT_BELOW_PX, MARKER_SIZES, MAX_MARKER_BAND_SHARE, MAX_MARKER_ROWS, PLOT_MARGIN, X_AXIS_HEIGHT, X_TICK_TARGET, yAxisWidth } from '@/lib/chart/geometry'
import { lastValueGutter, lastValueTags } from '@/lib/chart/last-values'
import { layoutMarkers, markerRowY } from '@/lib/chart/marker-layout'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis, plotted, plottedValues, xTickIndices } from '@/lib/chart/scales'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatDayMonth } from '@/lib/format'

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

function Variant({ model, containerWidth, className }: { model: ChartModel; containerWidth: number; className: string }) {
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
    chartHeight: PREVIEW_CHART_HEIGHT,
    maxBandShare: MAX_MARKER_BAND_SHARE,
    maxRows: MAX_MARKER_ROWS,
  })
  const band = layout.bandHeight
  const bottom = PLOT_MARGIN.bottom + X_AXIS_HEIGHT
  const atX = (f: number) => `calc(${left}px + ${f} * (100% - ${left + right}px))`
  const atY = (f: number) => `calc(${band}px + ${f} * (100% - ${band + bottom}px))`
  const plotBox: CSSProperties = { left, right, top: band, bottom }
  const tickText = 'absolute whitespace-nowrap text-xs text-[var(--muted)]'
  const plotHeight = PREVIEW_CHART_HEIGHT - band - bottom
  const tags = lastValueTags(model, (v) => fy(v) * plotHeight, plotHeight, 18)

  return (
    <div className={`absolute inset-0 ${className}`}>
      <svg className="absolute overflow-visible" style={{ ...plotBox, width: `calc(100% - ${left + right}px)`, height: `calc(100% - ${band + bottom}px)` }} viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none" aria-hidden>
        {y.ticks.map((t) => (
          <line key={t} x1={0} x2={VIEW} y1={fy(t) * VIEW} y2={fy(t) * VIEW} stroke="var(--grid)" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
        ))}
        {model.mode === 'percent' ? <line x1={0} x2={VIEW} y1={fy(0) * VIEW} y2={fy(0) * VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" /> : null}
        {model.events.map((e) => (
          <line key={e.id} x1={fx(e.index) * VIEW} x2={fx(e.index) * VIEW} y1={0} y2={VIEW} stroke={`var(${EVENT_CATEGORIES[e.category].colorVar})`} strokeOpacity={e.importance === 'major' ? 0.45 : 0.25} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
        ))}
        {model.series.map((s) => {
          const points: string[] = []
          for (let i = 0; i < n; i++) {
            const v = plotted(model, i, s.symbol)
            if (v !== null) points.push(`${fx(i) * VIEW},${fy(v) * VIEW}`)
          }
          return <polyline key={s.symbol} points={points.join(' ')} fill="none" stroke={`var(${s.colorVar})`} strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
        })}
        <line x1={0} x2={0} y1={0} y2={VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" />
        <line x1={0} x2={VIEW} y1={VIEW} y2={VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" />
      </svg>
      {y.ticks.map((t) => (
        <span key={t} className={tickText} style={{ right: `calc(100% - ${left - 8}px)`, top: atY(fy(t)), transform: 'translateY(-50%)' }}>
          {y.format(t)}
        </span>
      ))}
      {xTickIndices(n, X_TICK_TARGET).map((i) => (
        <span key={i} className={tickText} style={{ left: atX(fx(i)), top: `calc(100% - ${bottom - 9}px)`, transform: 'translateX(-50%)' }}>
          {model.dates[i] ? formatDayMonth(model.dates[i]) : ''}
        </span>
      ))}
      {tags.map((t) => (
        <span
          key={t.symbol}
          className="absolute rounded-sm px-1 text-[11px] font-bold leading-[18px] text-[var(--panel)]"
          style={{ right: 2, width: right - 4, top: atY(t.y / Math.max(1, plotHeight)), transform: 'translateY(-50%)', background: `var(${t.colorVar})` }}
        >
          {t.text}
        </span>
      ))}
      {layout.items.map((item) => {
        const only = item.kind === 'event' ? item.events[0] : undefined
        const colour = only ? `var(${EVENT_CATEGORIES[only.category].colorVar})` : 'var(--muted)'
        const cy = markerRowY(item.row, sizes)
        const f = plotWidth > 0 ? item.x / plotWidth : 0
        return (
          <span key={item.key} aria-hidden>
            <span className="absolute w-px" style={{ left: atX(f), top: cy + sizes.radius, height: band - cy - sizes.radius, background: colour }} />
            <span
              data-testid={only ? 'event-marker-preview' : 'event-cluster-preview'}
              className={`absolute flex items-center justify-center border-2 bg-[var(--panel)] font-bold ${only ? 'rounded-full' : 'rounded border-dashed text-[var(--fg)]'}`}
              style={{ left: atX(f), top: cy, width: sizes.radius * 2 + (only ? 0 : 4), height: sizes.radius * 2, transform: 'translate(-50%, -50%)', borderColor: colour, color: only ? colour : undefined, fontSize: sizes.font }}
            >
              {only ? only.number : `+${item.events.length}`}
            </span>
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
 */
export function ChartPreview({ model }: { model: ChartModel }) {
  return (
    <div className="@container relative select-none" style={{ height: CHART_HEIGHT_CSS }} data-testid="chart-preview">
      <Variant model={model} containerWidth={NARROW_CONTAINER} className="@min-[640px]:hidden" />
      <Variant model={model} containerWidth={WIDE_CONTAINER} className="hidden @min-[640px]:block" />
    </div>
  )
}
