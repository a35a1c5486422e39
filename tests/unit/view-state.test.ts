import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REACTION_VIEW } from '@/lib/reaction/view-params'
import { DEFAULT_VIEW, MAX_CHART_SYMBOLS, parseViewState, viewToQuery, type ViewState } from '@/lib/view/state'

describe('page URL state', () => {
  it('restores exactly the view a link was made from', () => {
    const view: ViewState = {
      symbols: ['NVDA', '9984.T', 'SPY'],
      from: '2025-01-06',
      to: '2025-02-14',
      mode: 'log',
      base: '2025-01-17',
      event: '2025-01-21-stargate',
      categories: ['deepseek', 'stargate'],
      benchmark: 'QQQ',
      reaction: DEFAULT_REACTION_VIEW,
      mine: [],
    }
    const query = viewToQuery(view)
    expect(query).toBe(
      'symbols=NVDA,9984.T,SPY&from=2025-01-06&to=2025-02-14&mode=log&base=2025-01-17&event=2025-01-21-stargate&categories=deepseek,stargate&benchmark=QQQ',
    )
    expect(parseViewState(new URLSearchParams(query))).toEqual({ view, notices: [] })
  })

  it('opens the default view for an empty URL, without notices', () => {
    expect(parseViewState({})).toEqual({ view: DEFAULT_VIEW, notices: [] })
  })

  it('keeps the good parts of a mangled link and says what it ignored', () => {
    const { view, notices } = parseViewState({
      symbols: 'nvda,FOO$$',
      from: '2025-02-30',
      mode: '3d',
      to: '2025-01-31',
    })
    expect(view.symbols).toEqual(['NVDA'])
    expect(view.from).toBe(DEFAULT_VIEW.from)
    expect(view.to).toBe('2025-01-31')
    expect(view.mode).toBe('percent')
    expect(notices).toHaveLength(3)
    expect(notices.join(' ')).toMatch(/FOO\$\$/)
  })

  it('reads an empty symbols value as a view with no symbol, and a list of only bad ones as the default', () => {
    expect(parseViewState({ symbols: '' })).toEqual({ view: { ...DEFAULT_VIEW, symbols: [] }, notices: [] })
    expect(parseViewState({ symbols: ' , ' }).view.symbols).toEqual([])
    const bad = parseViewState({ symbols: 'ſpy,$$' })
    expect(bad.view.symbols).toEqual(DEFAULT_VIEW.symbols)
    expect(bad.notices).toHaveLength(1)
  })

  it('draws the first twelve symbols of a longer list and says so', () => {
    const symbols = Array.from({ length: 13 }, (_, i) => `S${i}`)
    const { view, notices } = parseViewState({ symbols: symbols.join(',') })
    expect(view.symbols).toEqual(symbols.slice(0, MAX_CHART_SYMBOLS))
    expect(notices).toEqual([`Showing the first ${MAX_CHART_SYMBOLS} of 13 symbols (the most one chart draws).`])
  })

  it('falls back to the default range when From is after To', () => {
    const { view, notices } = parseViewState({ from: '2025-03-01', to: '2025-01-01' })
    expect([view.from, view.to]).toEqual([DEFAULT_VIEW.from, DEFAULT_VIEW.to])
    expect(notices[0]).toMatch(/after To/)
  })

  it('never throws and always returns a valid view, whatever the parameters (property)', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined))
    fc.assert(
      fc.property(
        fc.record({
          symbols: value,
          from: value,
          to: value,
          mode: value,
          base: value,
          event: value,
          categories: value,
        }),
        (params) => {
          const { view } = parseViewState(params)
          expect(view.symbols.length).toBeLessThanOrEqual(MAX_CHART_SYMBOLS)
          expect(view.from <= view.to).toBe(true)
          expect(['percent', 'price', 'log']).toContain(view.mode)
          expect(parseViewState(new URLSearchParams(viewToQuery(view))).view).toEqual(view)
        },
      ),
      { numRuns: 500 },
    )
  })
})
