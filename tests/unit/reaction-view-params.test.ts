import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reactionQuerySchema } from '@/lib/api/reaction-query'
import {
  DEFAULT_REACTION_VIEW,
  parseReactionView,
  reactionApiParams,
  type ReactionView,
} from '@/lib/reaction/view-params'
import { parseViewState, viewToQuery, DEFAULT_VIEW } from '@/lib/view/state'

describe('the reaction panel in the page URL', () => {
  it('restores every event-study control from a link, and writes nothing for the defaults', () => {
    const reaction: ReactionView = {
      model: 'constant-mean',
      pairing: 'same-date',
      estimation: 60,
      gap: 5,
      windows: [
        [0, 0],
        [-2, 2],
      ],
      path: [-5, 15],
      day0: '2025-01-24',
      session: 'after-close',
    }
    const view = { ...DEFAULT_VIEW, reaction }
    const query = viewToQuery(view)
    expect(decodeURIComponent(query)).toContain(
      'model=constant-mean&pairing=same-date&estimation=60&gap=5&windows=0:0,-2:2&path=-5:15&day0=2025-01-24&session=after-close',
    )
    expect(parseViewState(new URLSearchParams(query))).toEqual({ view, notices: [] })
    expect(viewToQuery(DEFAULT_VIEW)).not.toMatch(/model=|estimation=|day0=/)
  })

  it('keeps the good fields of a mangled link and names the bad ones', () => {
    const { view, notices } = parseReactionView({
      model: 'capm',
      estimation: '5',
      gap: '3',
      windows: '0:1,9:2',
      session: 'during',
    })
    expect(view).toMatchObject({
      model: 'market',
      estimation: 120,
      gap: 3,
      windows: DEFAULT_REACTION_VIEW.windows,
      session: null,
    })
    expect(notices.join(' ')).toMatch(/model.*estimation.*windows/)
  })

  it('agrees with the API: what the page accepts the API accepts with the same meaning', () => {
    const int = fc.integer({ min: -5, max: 700 }).map(String)
    const windowText = fc
      .array(fc.tuple(fc.integer({ min: -25, max: 25 }), fc.integer({ min: -25, max: 25 })), {
        minLength: 1,
        maxLength: 9,
      })
      .map((ws) => ws.map(([a, b]) => `${a}:${b}`).join(','))
    fc.assert(
      fc.property(
        fc.record({
          model: fc.constantFrom('market', 'market-adjusted', 'constant-mean', 'capm'),
          pairing: fc.constantFrom('auto', 'same-date', 'time-matched', 'dimson', 'x'),
          estimation: int,
          gap: int,
          windows: windowText,
          path: fc
            .tuple(fc.integer({ min: -70, max: 5 }), fc.integer({ min: -5, max: 70 }))
            .map(([a, b]) => `${a}:${b}`),
        }),
        (raw) => {
          const page = parseReactionView(raw)
          const api = reactionQuerySchema.safeParse({ symbols: 'NVDA', date: '2025-01-27', ...raw })
          if (page.notices.length === 0) {
            expect(api.success).toBe(true)
            if (api.success) {
              expect(api.data).toMatchObject({
                model: page.view.model,
                pairing: page.view.pairing,
                estimation: page.view.estimation,
                gap: page.view.gap,
                windows: page.view.windows,
                path: page.view.path,
              })
            }
          } else {
            expect(api.success).toBe(false)
          }
          // What the page then sends is always valid for the API.
          const sent = reactionQuerySchema.safeParse({
            symbols: 'NVDA',
            date: '2025-01-27',
            ...reactionApiParams(page.view),
          })
          expect(sent.success).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })
})
