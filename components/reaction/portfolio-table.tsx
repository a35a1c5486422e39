import { PORTFOLIO_TEST_IDS, PORTFOLIO_TEST_INFO } from '@/lib/analysis/portfolio-tests'
import { formatNumber, formatPercent } from '@/lib/format'
import { formatWindow } from '@/lib/reaction/format'
import { formatP, markFromP } from '@/lib/reaction/significance'
import { portfolioTableHtml } from '@/lib/reaction/portfolio-html'
import type { ReactionResult } from '@/lib/reaction/types'

/** The group's CAAR per window and the six tests, each with statistic, p, N and what it assumes. */
export function PortfolioTable({ data }: { data: ReactionResult }) {
  if (data.portfolio.n === 0) return null
  return (
    <div
      className="relative overflow-x-auto"
      data-testid="portfolio-table"
      role="region"
      aria-label="Group tests"
      tabIndex={0}
    >
      {/* Markup (lib/reaction/portfolio-html.ts, held to PortfolioTableContent below by a unit test): React hydrates
          the table as one element. */}
      <table
        className="w-full min-w-[40rem] text-right text-sm tabular-nums"
        dangerouslySetInnerHTML={{ __html: portfolioTableHtml(data) }}
      />
    </div>
  )
}

/** The table's caption, head and body: the readable definition of what the page sends as markup. */
export function PortfolioTableContent({ data }: { data: ReactionResult }) {
  const p = data.portfolio
  return (
    <>
      <caption className="mb-1 text-left text-xs text-[var(--muted)]">
        Group results over {p.n} symbol{p.n === 1 ? '' : 's'} ({p.symbols.join(', ')}; the benchmark itself left out):
        mean CAR and six tests of “no abnormal return”. Each cell gives the statistic, its two-sided p-value and the
        mark it earns (** 1%, * 5%).
      </caption>
      <thead>
        <tr className="border-b border-[var(--border)] text-xs">
          <th scope="col" className="px-2 py-1 text-left font-semibold">
            Test
          </th>
          {p.caar.map((w) => (
            <th key={formatWindow(w.window)} scope="col" className="px-2 py-1 font-semibold">
              {formatWindow(w.window)}
              <span className="block text-[10px] font-normal text-[var(--muted)]">N = {w.n}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="border-b border-[var(--border)]">
          <th scope="row" className="px-2 py-1 text-left font-semibold">
            CAAR
            <span className="block text-[10px] font-normal text-[var(--muted)]">
              mean CAR over the symbols with the whole window
            </span>
          </th>
          {p.caar.map((w) => (
            <td key={formatWindow(w.window)} className="px-2 py-1 align-top">
              {formatPercent(w.value, 2)}
            </td>
          ))}
        </tr>
        {PORTFOLIO_TEST_IDS.map((id) => {
          const info = PORTFOLIO_TEST_INFO[id]
          return (
            <tr key={id} data-test={id} className="border-b border-[var(--border)] last:border-b-0">
              <th scope="row" className="px-2 py-1 text-left font-semibold">
                {info.name}
                <span className="block max-w-[22rem] text-[10px] font-normal text-[var(--muted)]">{info.note}</span>
              </th>
              {p.caar.map((w) => {
                const test = w.tests.find((t) => t.id === id)
                const mark = markFromP(test?.p)
                return (
                  <td
                    key={formatWindow(w.window)}
                    className="px-2 py-1 align-top"
                    title={test?.distribution === 't' ? `Student t(${test.df ?? '–'})` : 'standard normal'}
                  >
                    {test?.statistic === null || test?.statistic === undefined ? '–' : formatNumber(test.statistic, 2)}
                    <span aria-hidden className="inline-block w-4 text-left">
                      {mark}
                    </span>
                    {mark ? (
                      <span className="sr-only">, significant at the {mark === '**' ? '1%' : '5%'} level</span>
                    ) : null}
                    <span className="block text-[10px] text-[var(--muted)]">
                      {formatP(test?.p)} · N {test?.n ?? 0}
                    </span>
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </>
  )
}
