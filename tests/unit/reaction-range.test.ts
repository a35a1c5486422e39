import { describe, expect, it } from 'vitest'
import { DATA_WINDOW } from '@/lib/snapshot/data-window'
import { reactionPriceRange } from '@/lib/reaction/range'

describe('reactionPriceRange', () => {
  it('stays inside the embedded snapshot for the January 2025 events with the default method', () => {
    // Starting before 2024-07-01 would send auto mode to the live source for data the snapshot holds.
    for (const day0 of ['2025-01-21', '2025-01-22', '2025-01-27']) {
      const range = reactionPriceRange({ day0, estimation: 120, gap: 10, symbols: ['NVDA', 'AVGO', 'SPY'] })
      expect(range.from >= DATA_WINDOW.from, `${day0}: ${range.from}`).toBe(true)
      expect(range.to).toBe(DATA_WINDOW.to)
    }
  })

  it('starts at the close before the first estimation day, counted on the US calendar', () => {
    // The estimation window of 2025-01-27 starts on 2024-07-19 (day -130), so the close of day -131,
    // 2024-07-18, is the first one needed; a week of margin at most.
    const range = reactionPriceRange({ day0: '2025-01-27', estimation: 120, gap: 10, symbols: ['NVDA'] })
    expect(range.from <= '2024-07-18').toBe(true)
    expect(range.from >= '2024-07-11').toBe(true)
  })

  it('reaches further back for a listing on another exchange, whose holidays differ', () => {
    const us = reactionPriceRange({ day0: '2025-01-27', estimation: 120, gap: 10, symbols: ['NVDA', 'SPY'] })
    const tokyo = reactionPriceRange({ day0: '2025-01-27', estimation: 120, gap: 10, symbols: ['9984.T', 'SPY'] })
    expect(tokyo.from < us.from).toBe(true)
    const long = reactionPriceRange({ day0: '2025-01-27', estimation: 500, gap: 10, symbols: ['9984.T', 'SPY'] })
    expect(long.from < '2023-01-01').toBe(true)
  })

  it('loads at least 60 days after day 0, and no more than 400 when the data go on', () => {
    expect(reactionPriceRange({ day0: '2025-06-27', estimation: 120, gap: 10, symbols: ['NVDA'] }).to).toBe(
      '2025-08-26',
    )
    expect(reactionPriceRange({ day0: '2024-03-01', estimation: 120, gap: 10, symbols: ['NVDA'] }).to).toBe(
      '2025-04-05',
    )
  })

  it('falls back to calendar days where the US calendar does not reach', () => {
    // (120 + 10 + 1) sessions x 1.6 + 30 = 240 calendar days.
    const range = reactionPriceRange({ day0: '1995-06-01', estimation: 120, gap: 10, symbols: ['SPY'] })
    expect(range.from).toBe('1994-10-04')
  })
})
