import { PORTFOLIO_TEST_IDS, PORTFOLIO_TEST_INFO } from '../analysis/portfolio-tests'
import { formatNumber, formatPercent } from '../format'
import { escapeHtml } from '../html'
import { formatWindow } from './format'
import { formatP, markFromP } from './significance'
import type { ReactionResult } from './types'

/**
 * The inside of the group-tests table (caption, head and body), as markup: exactly what the
 * `PortfolioTableContent` JSX of tests/unit/support/reference-markup.tsx renders (tests/unit/portfolio-html.test.tsx
 * compares the two on real reactions and hostile synthetic ones). The table is about 260 elements and texts with nothing to click; React
 * hydrates markup as one element, where it would walk every one of them.
 */
export function portfolioTableHtml(data: ReactionResult): string {
  const p = data.portfolio
  const e = escapeHtml
  const out: string[] = [
    '<caption class="mb-1 text-left text-xs text-[var(--muted)]">',
    `Group results over ${e(String(p.n))} symbol${p.n === 1 ? '' : 's'} (${e(p.symbols.join(', '))}; the benchmark itself left out): `,
    'mean CAR and six tests of “no abnormal return”. Each cell gives the statistic, its two-sided p-value and the mark it earns (** 1%, * 5%).',
    '</caption>',
    '<thead><tr class="border-b border-[var(--border)] text-xs"><th scope="col" class="px-2 py-1 text-left font-semibold">Test</th>',
  ]
  for (const w of p.caar) {
    out.push(
      `<th scope="col" class="px-2 py-1 font-semibold">${e(formatWindow(w.window))}<span class="block text-[10px] font-normal text-[var(--muted)]">N = ${e(String(w.n))}</span></th>`,
    )
  }
  out.push(
    '</tr></thead><tbody>',
    '<tr class="border-b border-[var(--border)]"><th scope="row" class="px-2 py-1 text-left font-semibold">CAAR<span class="block text-[10px] font-normal text-[var(--muted)]">mean CAR over the symbols with the whole window</span></th>',
  )
  for (const w of p.caar) out.push(`<td class="px-2 py-1 align-top">${e(formatPercent(w.value, 2))}</td>`)
  out.push('</tr>')
  for (const id of PORTFOLIO_TEST_IDS) {
    const info = PORTFOLIO_TEST_INFO[id]
    out.push(
      `<tr data-test="${e(id)}" class="border-b border-[var(--border)] last:border-b-0"><th scope="row" class="px-2 py-1 text-left font-semibold">${e(info.name)}<span class="block max-w-[22rem] text-[10px] font-normal text-[var(--muted)]">${e(info.note)}</span></th>`,
    )
    for (const w of p.caar) {
      const test = w.tests.find((t) => t.id === id)
      const mark = markFromP(test?.p)
      const title = test?.distribution === 't' ? `Student t(${test.df ?? '–'})` : 'standard normal'
      const statistic =
        test?.statistic === null || test?.statistic === undefined ? '–' : formatNumber(test.statistic, 2)
      out.push(
        `<td class="px-2 py-1 align-top" title="${e(title)}">${e(statistic)}<span aria-hidden="true" class="inline-block w-4 text-left">${mark}</span>`,
        mark ? `<span class="sr-only">, significant at the ${mark === '**' ? '1%' : '5%'} level</span>` : '',
        `<span class="block text-[10px] text-[var(--muted)]">${e(formatP(test?.p))} · N ${e(String(test?.n ?? 0))}</span></td>`,
      )
    }
    out.push('</tr>')
  }
  out.push('</tbody>')
  return out.join('')
}
