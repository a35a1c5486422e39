import type { CSSProperties } from 'react'
import { changeKey, type ChartModel } from '@/lib/chart/model'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { formatFullDate, formatPercent } from '@/lib/format'
import { formatChartValue, formatDailyChange } from '@/lib/chart/readout'

/**
 * The attribute both chart tooltips carry (the server-drawn chart's island and the Recharts chart), so a test or
 * the bench finds "the tooltip" the same way whichever chart is on screen.
 */
export const CHART_TOOLTIP_ATTRIBUTE = 'data-chart-tooltip'

/** The readout of one session as a sentence, for the polite live region of the keyboard crosshair. */
export function sessionReadout(model: ChartModel, index: number): string {
  const row = model.rows[index]
  if (!row) return ''
  const parts = model.series.map((s) => {
    const value = row[s.symbol]
    const change = row[changeKey(s.symbol)]
    if (typeof value !== 'number') return `${s.symbol} no session`
    return `${s.symbol} ${formatChartValue(model, value, s.currency)}${typeof change === 'number' ? `, ${formatPercent(change, 2)} on the day` : ''}`
  })
  const events = model.events.filter((e) => e.index === index).map((e) => `event ${e.number}: ${e.title}`)
  return `${formatFullDate(row.date)}: ${[...parts, ...events].join('; ')}.`
}

/**
 * The tooltip of a session: the value and the daily change of every series, and the events that reacted then.
 * One component for both charts, so the numbers a reader sees never depend on which one has loaded.
 */
export function ChartTooltipBody({
  model,
  index,
  role,
  style,
}: {
  model: ChartModel
  index: number
  role?: 'status'
  style?: CSSProperties
}) {
  const row = model.rows[index]
  if (!row) return null
  const events = model.events.filter((e) => e.index === index)
  return (
    <div
      className="rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-xs shadow-lg"
      role={role}
      data-testid="chart-tooltip"
      {...{ [CHART_TOOLTIP_ATTRIBUTE]: '' }}
      style={style}
    >
      <div className="mb-1 font-semibold">{formatFullDate(row.date)}</div>
      <table>
        <tbody>
          {model.series.map((s) => {
            const value = row[s.symbol]
            const change = row[changeKey(s.symbol)]
            return (
              <tr key={s.symbol}>
                <td className="pr-2">
                  <span
                    className="mr-1 inline-block h-2 w-2 rounded-full"
                    style={{ background: `var(${s.colorVar})` }}
                  />
                  {s.symbol}
                </td>
                <td className="pr-2 text-right tabular-nums">
                  {typeof value === 'number' ? formatChartValue(model, value, s.currency) : 'no session'}
                </td>
                <td className="text-right tabular-nums text-[var(--muted)]">{formatDailyChange(change)}</td>
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
