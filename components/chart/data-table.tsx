import { changeKey, type ChartModel } from '@/lib/chart/model'
import { formatFullDate, formatPercent, formatPrice } from '@/lib/format'

/** The chart's numbers as a table: the accessible alternative to the drawing, and handy for checking values. */
export function ChartDataTable({ model }: { model: ChartModel }) {
  const unit = model.mode === 'percent' ? `% change since ${model.base}` : 'close'
  return (
    <details className="rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-sm">
      <summary className="cursor-pointer text-[var(--muted)]">Data table ({model.dates.length} sessions)</summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="w-full text-right text-xs tabular-nums">
          <caption className="sr-only">
            {model.series.map((s) => s.symbol).join(', ')}: {unit}, and daily change, per session from {model.from} to{' '}
            {model.to}
          </caption>
          <thead className="sticky top-0 bg-[var(--panel)]">
            <tr>
              <th scope="col" className="text-left">
                Session
              </th>
              {model.series.map((s) => (
                <th key={s.symbol} scope="col" className="px-2">
                  {s.symbol}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr key={row.date} className="border-t border-[var(--border)]">
                <th scope="row" className="py-0.5 text-left font-normal">
                  {formatFullDate(row.date)}
                </th>
                {model.series.map((s) => {
                  const v = row[s.symbol]
                  const c = row[changeKey(s.symbol)]
                  return (
                    <td key={s.symbol} className="px-2">
                      {typeof v === 'number'
                        ? model.mode === 'percent'
                          ? formatPercent(v, 2)
                          : formatPrice(v, s.currency)
                        : '–'}
                      {typeof c === 'number' ? (
                        <span className="ml-1 text-[var(--muted)]">({formatPercent(c, 2)})</span>
                      ) : null}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
