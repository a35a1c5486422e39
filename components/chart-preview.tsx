import type { CSSProperties } from 'react'
import { CHART_HEIGHT_CSS, MARKER_SIZES, MAX_MARKER_ROWS, PLOT_MARGIN, X_AXIS_HEIGHT, X_TICK_TARGET, markerBandHeight, yAxisWidth } from '@/lib/chart/geometry'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis, plotted, plottedValues, xTickIndices } from '@/lib/chart/scales'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatDayMonth } from '@/lib/format'

const VIEW = 1000

/**
 * The chart drawn without JavaScript: lines, axes and event markers from the same model, scales and geometry as
 * the interactive chart. It is in the server's HTML, so the reader sees the chart at first paint; the
 * interactive chart replaces it once its code has loaded. Lines are drawn in a stretched SVG with strokes that
 * do not stretch; text and markers are HTML placed by percentage, so nothing distorts at any width.
 */
export function ChartPreview({ model }: { model: ChartModel }) {
  const y = buildYAxis(model, plottedValues(model))
  const n = model.dates.length
  const fx = (i: number) => (n <= 1 ? 0.5 : i / (n - 1))
  const fy = (v: number) => 1 - y.position(v)

  const stack = new Map<number, number>()
  const rows = model.events.map((e) => {
    const row = stack.get(e.index) ?? 0
    stack.set(e.index, row + 1)
    return Math.min(row, MAX_MARKER_ROWS - 1)
  })
  const size = MARKER_SIZES.wide
  const band = markerBandHeight(Math.min(MAX_MARKER_ROWS, Math.max(1, ...stack.values())), size)
  const left = PLOT_MARGIN.left + yAxisWidth(model.mode)
  const right = PLOT_MARGIN.right
  const bottom = PLOT_MARGIN.bottom + X_AXIS_HEIGHT
  const atX = (f: number) => `calc(${left}px + ${f} * (100% - ${left + right}px))`
  const atY = (f: number) => `calc(${band}px + ${f} * (100% - ${band + bottom}px))`
  const plotBox: CSSProperties = { left, right, top: band, bottom }
  const tickText = 'absolute whitespace-nowrap text-xs text-[var(--muted)]'

  return (
    <div className="relative select-none" style={{ height: CHART_HEIGHT_CSS }} data-testid="chart-preview">
      <svg className="absolute overflow-visible" style={{ ...plotBox, width: `calc(100% - ${left + right}px)`, height: `calc(100% - ${band + bottom}px)` }} viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none" aria-hidden>
        {y.ticks.map((t) => (
          <line key={t} x1={0} x2={VIEW} y1={fy(t) * VIEW} y2={fy(t) * VIEW} stroke="var(--grid)" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
        ))}
        {model.mode === 'percent' ? <line x1={0} x2={VIEW} y1={fy(0) * VIEW} y2={fy(0) * VIEW} stroke="var(--muted)" vectorEffect="non-scaling-stroke" /> : null}
        {model.events.map((e) => (
          <line key={e.id} x1={fx(e.index) * VIEW} x2={fx(e.index) * VIEW} y1={0} y2={VIEW} stroke={`var(${EVENT_CATEGORIES[e.category].colorVar})`} strokeOpacity={0.45} strokeDasharray="4 3" vectorEffect="non-scaling-stroke" />
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
      {model.events.map((e, k) => {
        const colour = `var(${EVENT_CATEGORIES[e.category].colorVar})`
        const cy = (rows[k] ?? 0) * size.rowHeight + size.radius + 4
        return (
          <span key={e.id} aria-hidden data-testid="event-marker-preview">
            <span className="absolute w-px" style={{ left: atX(fx(e.index)), top: cy + size.radius, height: band - cy - size.radius, background: colour }} />
            <span
              className="absolute flex items-center justify-center rounded-full border-2 bg-[var(--panel)] font-bold"
              style={{ left: atX(fx(e.index)), top: cy, width: size.radius * 2, height: size.radius * 2, transform: 'translate(-50%, -50%)', borderColor: colour, color: colour, fontSize: size.font }}
            >
              {e.number}
            </span>
          </span>
        )
      })}
    </div>
  )
}
