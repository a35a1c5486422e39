import { formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '../format'
import { escapeHtml as e } from '../html'
import { carMissingReason, formatShareCount, formatWindow } from './format'
import { formatP, markFromP } from './significance'
import type { ReactionCar, ReactionRow } from './types'

/** What the rows need of a column (components/reaction/columns.ts `Column`). */
export interface RowColumn {
  key: string
  window?: readonly [number, number]
}

const significance = (mark: string) =>
  mark ? `<span class="sr-only">, significant at the ${mark === '**' ? '1%' : '5%'} level</span>` : ''

function tValueHtml(t: number | null, p: number | null): string {
  if (t === null)
    return '<span title="t is undefined: the model fits the estimation window exactly (s = 0), as for the benchmark against itself">–</span>'
  const mark = markFromP(p)
  return (
    `<span title="${e(`t = ${formatNumber(t, 3)}, two-sided ${formatP(p)}`)}"><span class="whitespace-nowrap">${e(formatNumber(t, 2))}` +
    `<span class="inline-block w-4 text-left" aria-hidden="true">${mark}</span></span>${significance(mark)}` +
    `<span class="block text-[10px] text-[var(--muted)]">${e(formatP(p))}</span></span>`
  )
}

function carHtml(car: ReactionCar | undefined): string {
  if (!car || car.car === null) {
    return `<span title="${e(`Not available: ${carMissingReason(car)}`)}">–</span>`
  }
  const dates = car.from && car.to ? `${formatFullDate(car.from)} to ${formatFullDate(car.to)}` : ''
  const mark = markFromP(car.p)
  const t = car.t === null ? '–' : formatNumber(car.t, 2)
  const title = `${formatWindow(car.window)}: sum of daily abnormal returns${dates ? `, ${dates}` : ''}; t = ${car.t === null ? 'undefined' : formatNumber(car.t, 2)}, ${formatP(car.p)}`
  return (
    `<span title="${e(title)}">${e(formatPercent(car.car, 2))}` +
    `<span class="block text-[10px] text-[var(--muted)]">t ${e(t)}${mark}${significance(mark)}</span></span>`
  )
}

function marketValueHtml(row: ReactionRow): string {
  if (row.marketCapChange === null || !row.shares) {
    return `<span class="text-xs text-[var(--muted)] underline decoration-dotted" title="${e(row.sharesMissing ?? 'No sourced share count.')}">no sourced share count</span>`
  }
  const s = row.shares
  const title = `${formatShareCount(s.shares)} shares (${s.asOf}; ${s.source.title}) × (${formatPrice(row.close, row.currency)} − ${formatPrice(row.prevClose, row.currency)})`
  return `<span title="${e(title)}">${e(formatMoneyCompact(row.marketCapChange, row.currency))}</span>`
}

function recoveryHtml(row: ReactionRow): string {
  if (row.close >= row.prevClose) {
    const title = `Closed day 0 at ${formatPrice(row.close, row.currency)}, not below the day -1 close of ${formatPrice(row.prevClose, row.currency)}`
    return `<span class="text-xs text-[var(--muted)]" title="${e(title)}">no fall to recover</span>`
  }
  if (!row.recovery) {
    const title = `No close at or above ${formatPrice(row.prevClose, row.currency)} through ${formatFullDate(row.dataThrough)}`
    return `<span class="text-xs text-[var(--muted)]" title="${e(title)}">not within the data</span>`
  }
  const n = row.recovery.sessions
  return (
    `<span title="${e(`Back to the ${formatFullDate(row.prevDate)} close of ${formatPrice(row.prevClose, row.currency)}`)}">` +
    `${e(formatFullDate(row.recovery.date))}<span class="block text-[10px] text-[var(--muted)]">${e(String(n))} session${n === 1 ? '' : 's'}</span></span>`
  )
}

function cellHtml(column: RowColumn, row: ReactionRow): string {
  switch (column.key) {
    case 'symbol':
      return ''
    case 'return':
      return e(formatPercent(row.return, 2))
    case 'abnormalReturn':
      return e(formatPercent(row.abnormalReturn, 2))
    case 'tAR':
      return tValueHtml(row.tAR, row.pAR)
    case 'marketCapChange':
      return marketValueHtml(row)
    case 'recovery':
      return recoveryHtml(row)
    default: {
      const w = column.window
      return w ? carHtml(row.car.find((c) => c.window[0] === w[0] && c.window[1] === w[1])) : ''
    }
  }
}

/**
 * The reaction table's rows, as markup: exactly what the `ReactionTableRows` JSX of
 * tests/unit/support/reference-markup.tsx renders (tests/unit/reaction-rows-html.test.tsx compares the two on real
 * reactions and hostile synthetic rows). A row
 * holds a dozen cells with nothing to click (the sort buttons are in the head, which React keeps); React hydrates
 * markup as one element, where it would walk every element and text of every cell.
 */
export function reactionRowsHtml(rows: readonly ReactionRow[], columns: readonly RowColumn[], day0: string): string {
  const out: string[] = []
  for (const row of rows) {
    out.push(
      `<tr data-symbol="${e(row.symbol)}" class="border-b border-[var(--border)] last:border-b-0"><th scope="row" class="px-2 py-1 text-left font-semibold">${e(row.symbol)}` +
        `<span class="block text-[10px] font-normal text-[var(--muted)]">${e(row.name)}${row.day0 !== day0 ? e(` · day 0 ${formatFullDate(row.day0)}`) : ''}</span></th>`,
    )
    for (const column of columns) {
      if (column.key === 'symbol') continue
      out.push(`<td class="px-2 py-1 align-top" data-column="${e(column.key)}">${cellHtml(column, row)}</td>`)
    }
    out.push('</tr>')
  }
  return out.join('')
}
