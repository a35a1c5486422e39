import { useId, useMemo } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ReferenceLine,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts'
import { linearTicks } from '@/lib/chart/scales'
import { formatPercent } from '@/lib/format'
import type { ReactionResult } from '@/lib/reaction/types'
import { barChartHeightPx } from './bar-chart-size'

/** Bar colours by sign, from the theme (they switch with dark mode). */
const NEGATIVE_FILL = 'var(--event-deepseek)'
const POSITIVE_FILL = 'var(--series-1)'

/** Who was hit hardest (or gained most): day-0 abnormal returns, sorted. */
export function AbnormalReturnBars({ data }: { data: ReactionResult }) {
  // Losses read hardest-hit first; when every symbol gained (Stargate), biggest gain first.
  const allGains = data.rows.every((r) => r.abnormalReturn >= 0)
  const bars = useMemo(
    () =>
      [...data.rows]
        .sort((a, b) => (allGains ? b.abnormalReturn - a.abnormalReturn : a.abnormalReturn - b.abnormalReturn))
        .map((r) => ({ symbol: r.symbol, abnormalReturn: r.abnormalReturn })),
    [data.rows, allGains],
  )
  // Round ticks, with room past the longest bar for its value label.
  const axis = useMemo(() => {
    const values = bars.map((b) => b.abnormalReturn)
    const lo = Math.min(0, ...values)
    const hi = Math.max(0, ...values)
    const pad = (hi - lo || 0.01) * 0.18
    return linearTicks(lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0, 5)
  }, [bars])
  const captionId = useId()
  const text = bars.map((b) => `${b.symbol} ${formatPercent(b.abnormalReturn, 2)}`).join(', ')
  return (
    <figure aria-labelledby={captionId} className="min-w-0">
      <div
        role="img"
        aria-label={`Bar chart of day-0 abnormal returns against ${data.benchmark}, ${allGains ? 'largest' : 'most negative'} first: ${text}.`}
      >
        <BarChart
          accessibilityLayer={false}
          layout="vertical"
          data={bars}
          responsive
          style={{ width: '100%', height: barChartHeightPx(bars.length) }}
          margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
        >
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={(v: number) => formatPercent(v, 1)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
          />
          <YAxis
            type="category"
            dataKey="symbol"
            width={64}
            stroke="var(--muted)"
            tick={{ fill: 'var(--fg)', fontSize: 12 }}
          />
          <ReferenceLine x={0} stroke="var(--muted)" />
          <Bar
            dataKey="abnormalReturn"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const value = bars[props.index]?.abnormalReturn ?? 0
              return (
                <Rectangle
                  x={props.x}
                  y={props.y}
                  width={props.width}
                  height={props.height}
                  fill={value < 0 ? NEGATIVE_FILL : POSITIVE_FILL}
                />
              )
            }}
          >
            <LabelList
              dataKey="abnormalReturn"
              position="right"
              formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : '')}
              fill="var(--fg)"
              fontSize={11}
            />
          </Bar>
        </BarChart>
      </div>
      <figcaption id={captionId} className="mt-1 text-xs text-[var(--muted)]">
        {allGains ? 'Who gained most' : 'Who was hit hardest'}: day-0 abnormal returns against {data.benchmark},{' '}
        {allGains ? 'largest first' : 'most negative first'} ({text}). Red bars are losses beyond what the model
        expected, green ones gains.
      </figcaption>
    </figure>
  )
}
