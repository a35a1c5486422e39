import { formatFullDate, formatPercent, formatPrice } from '../format'
import { escapeHtml } from '../html'
import { changeKey, type ChartModel } from './model'

/** What the table says it holds: the series, the unit and the sessions. */
export function dataTableCaption(model: ChartModel): string {
  const unit = model.mode === 'percent' ? `% change since ${model.base}` : 'close'
  return `${model.series.map((s) => s.symbol).join(', ')}: ${unit}, and daily change, per session from ${model.from} to ${model.to}`
}

/**
 * The chart's numbers as an HTML table (a row per session, a column per series: the value, and the daily change in
 * brackets), as markup rather than React elements. It is static and, behind its closed disclosure, hundreds of
 * elements (about 500 for five series over two months) that React would otherwise hydrate one by one on the first
 * view, for a table few readers open. Every text in it is escaped: symbols and currencies can come from the live
 * provider.
 */
export function dataTableHtml(model: ChartModel): string {
  const head = model.series.map((s) => `<th scope="col" class="px-2">${escapeHtml(s.symbol)}</th>`).join('')
  const body = model.rows
    .map((row) => {
      const cells = model.series
        .map((s) => {
          const v = row[s.symbol]
          const c = row[changeKey(s.symbol)]
          const value =
            typeof v === 'number' ? (model.mode === 'percent' ? formatPercent(v, 2) : formatPrice(v, s.currency)) : '–'
          const change =
            typeof c === 'number'
              ? `<span class="ml-1 text-[var(--muted)]">(${escapeHtml(formatPercent(c, 2))})</span>`
              : ''
          return `<td class="px-2">${escapeHtml(value)}${change}</td>`
        })
        .join('')
      return `<tr class="border-t border-[var(--border)]"><th scope="row" class="py-0.5 text-left font-normal">${escapeHtml(formatFullDate(row.date))}</th>${cells}</tr>`
    })
    .join('')
  return (
    `<table class="w-full text-right text-xs tabular-nums">` +
    `<caption class="sr-only">${escapeHtml(dataTableCaption(model))}</caption>` +
    `<thead class="sticky top-0 bg-[var(--panel)]"><tr><th scope="col" class="text-left">Session</th>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  )
}
