import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { PortfolioTableContent } from './support/reference-markup'
import { events } from '@/lib/events'
import { computeReaction, type ReactionResult } from '@/lib/reaction'
import { portfolioTableHtml } from '@/lib/reaction/portfolio-html'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

const react = (data: ReactionResult) => renderToStaticMarkup(<PortfolioTableContent data={data} />)

const GROUPS = [
  ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY'],
  ['NVDA', 'SPY'],
  ['NVDA', 'ORCL', '9984.T', 'TSM', 'ASML', 'SPY'],
]

describe('the group-tests table as markup', () => {
  it('is exactly what PortfolioTableContent renders, on real reactions to a spread of events and groups', async () => {
    // Every fifth event of the catalog, from the first months of data (estimation windows need history) to the end.
    const picked = events.filter((_, i) => i % 5 === 0)
    let compared = 0
    for (const event of picked) {
      for (const symbols of GROUPS) {
        let data: ReactionResult
        try {
          data = await computeReaction({ symbols, event: event.id, benchmark: 'SPY' })
        } catch {
          continue // an event too early for an estimation window: nothing to draw
        }
        if (data.portfolio.n === 0) continue
        expect(portfolioTableHtml(data), `${event.id} ${symbols.join(',')}`).toBe(react(data))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(20)
  })

  // Synthetic (not a computed reaction): symbol names a hostile link could carry, and statistics that are missing.
  it('escapes what it writes as React would, and shows a missing statistic as a dash', async () => {
    const real = await computeReaction({ symbols: GROUPS[0]!, event: '2025-01-27-nvda-record-loss', benchmark: 'SPY' })
    const hostile: ReactionResult = {
      ...real,
      portfolio: {
        ...real.portfolio,
        symbols: ['<script>x</script>', 'A&B', '"q"'],
        caar: real.portfolio.caar.map((w, i) =>
          i === 0 ? { ...w, tests: w.tests.map((t) => ({ ...t, statistic: null, p: null, df: null })) } : w,
        ),
      },
    }
    const html = portfolioTableHtml(hostile)
    expect(html).toBe(react(hostile))
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
  })
})
