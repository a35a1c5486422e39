import { portfolioTableHtml } from '@/lib/reaction/portfolio-html'
import type { ReactionResult } from '@/lib/reaction/types'

/** The group's CAAR per window and the six tests, each with statistic, p, N and what it assumes. */
export function PortfolioTable({ data }: { data: ReactionResult }) {
  if (data.portfolio.n === 0) return null
  return (
    <div
      className="render-when-near relative overflow-x-auto [--near-height:29rem]"
      data-testid="portfolio-table"
      role="region"
      aria-label="Group tests"
      tabIndex={0}
    >
      {/* Markup (lib/reaction/portfolio-html.ts, held by a unit test to the JSX it was written from): React hydrates
          the table as one element. */}
      <table
        className="w-full min-w-[40rem] text-right text-sm tabular-nums"
        dangerouslySetInnerHTML={{ __html: portfolioTableHtml(data) }}
      />
    </div>
  )
}
