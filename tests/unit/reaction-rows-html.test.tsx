import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { ReactionTableRows } from './support/reference-markup'
import { reactionColumns } from '@/components/reaction/columns'
import { events } from '@/lib/events'
import { computeReaction, type ReactionResult } from '@/lib/reaction'
import { reactionRowsHtml } from '@/lib/reaction/rows-html'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

const react = (data: ReactionResult) => {
  const columns = reactionColumns(data.method.windows)
  return renderToStaticMarkup(<ReactionTableRows rows={data.rows} columns={columns} day0={data.day0} />)
}
const markup = (data: ReactionResult) => reactionRowsHtml(data.rows, reactionColumns(data.method.windows), data.day0)

const GROUPS = [
  ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY'],
  ['NVDA', 'ORCL', '9984.T', 'TSM', 'ASML', 'VST', 'SPY'],
]

describe('the reaction table rows as markup', () => {
  it('are exactly what ReactionTableRows renders, on real reactions to a spread of events, windows and groups', async () => {
    const picked = events.filter((_, i) => i % 4 === 0)
    const states = new Set<string>()
    let compared = 0
    for (const event of picked) {
      for (const symbols of GROUPS) {
        for (const windows of [
          undefined,
          [
            [0, 0],
            [-1, 1],
            [0, 60],
          ] as [number, number][],
        ]) {
          let data: ReactionResult
          try {
            data = await computeReaction({
              symbols,
              event: event.id,
              benchmark: 'SPY',
              ...(windows ? { windows } : {}),
            })
          } catch {
            continue // an event too early for an estimation window
          }
          expect(markup(data), `${event.id} ${symbols.join(',')}`).toBe(react(data))
          for (const row of data.rows) {
            states.add(row.close >= row.prevClose ? 'no fall' : row.recovery ? 'recovered' : 'not recovered')
            states.add(row.shares ? 'shares' : 'no shares')
            states.add(row.tAR === null ? 't undefined' : 't')
            for (const car of row.car) states.add(car.car === null ? `car missing ${car.incomplete}` : 'car')
          }
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(20)
    // The comparison above went through every kind of cell, not only the usual ones.
    for (const state of ['no fall', 'recovered', 'not recovered', 'shares', 'no shares', 't undefined', 'car'])
      expect([...states]).toContain(state)
    expect([...states].some((s) => s.startsWith('car missing'))).toBe(true)
  })

  // Synthetic rows (not a computed reaction): names and titles a hostile source could carry.
  it('escapes every text and title as React would', async () => {
    const real = await computeReaction({ symbols: GROUPS[0]!, event: '2025-01-27-nvda-record-loss', benchmark: 'SPY' })
    const row = real.rows.find((r) => r.shares) ?? real.rows[0]!
    const hostile: ReactionResult = {
      ...real,
      rows: [
        {
          ...row,
          symbol: '<img src=x onerror=alert(1)>',
          name: `"A" & 'B' <script>`,
          sharesMissing: '<b>none</b>',
          shares: row.shares
            ? { ...row.shares, asOf: '"2025"', source: { ...row.shares.source, title: '<i>x</i>' } }
            : null,
        },
        { ...row, symbol: 'X"Y', shares: null, marketCapChange: null, sharesMissing: `it's <none>` },
      ],
    }
    const html = markup(hostile)
    expect(html).toBe(react(hostile))
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
  })
})
