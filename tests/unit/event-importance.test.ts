import { describe, expect, it } from 'vitest'
import {
  EVENT_CATALOG,
  MAJOR_MARKET_MOVE,
  MAJOR_SYMBOL_MOVE,
  events,
  getEventById,
  measureImportance,
  oneDayReturn,
} from '@/lib/events'
import { snapshotBars } from '@/lib/snapshot'
import { guessTimeZone } from '@/lib/symbols'
import type { Bar } from '@/lib/types'

const usSymbols = (symbols: readonly string[]) => symbols.filter((s) => guessTimeZone(s) === 'America/New_York')

/** Synthetic bars (labelled as such): only the adjusted closes matter to the rule. */
function syntheticBars(closes: readonly [string, number][]): Bar[] {
  return closes.map(([date, c]) => ({ date, open: c, high: c, low: c, close: c, adjClose: c, volume: 0 }))
}

describe('event importance rule', () => {
  it('gives every catalog event the importance the rule measures on the snapshot', () => {
    const wrong: string[] = []
    for (const event of events) {
      const measured = measureImportance(
        { id: event.id, tradingDate: event.tradingDate, usSymbols: usSymbols(event.symbols) },
        snapshotBars,
      )
      if (measured.importance !== event.importance)
        wrong.push(`${event.id}: stored ${event.importance}, measured ${measured.importance}`)
    }
    expect(wrong).toEqual([])
    expect(EVENT_CATALOG.every((e) => e.importance === 'major' || e.importance === 'minor')).toBe(true)
  })

  it('makes the DeepSeek selloff major and a quiet day minor, from real closes', () => {
    const selloff = getEventById('2025-01-27-nvda-record-loss')
    expect(selloff?.importance).toBe('major')
    expect(oneDayReturn(snapshotBars('NVDA'), '2025-01-27')).toBeLessThan(-MAJOR_SYMBOL_MOVE)
    // V3's release day: NVDA and SPY barely moved, and it is not one of the two milestones.
    expect(getEventById('2024-12-26-deepseek-v3')?.importance).toBe('minor')
    // R1 is a milestone although NVDA moved less than the line on its first session.
    const r1 = getEventById('2025-01-20-deepseek-r1')
    expect(r1?.importance).toBe('major')
    expect(Math.abs(oneDayReturn(snapshotBars('NVDA'), '2025-01-21') ?? 1)).toBeLessThan(MAJOR_SYMBOL_MOVE)
  })

  it('applies both thresholds at their edges (synthetic bars)', () => {
    const bars = (r: number) =>
      syntheticBars([
        ['2030-01-02', 100],
        ['2030-01-03', 100 * (1 + r)],
      ])
    const input = { id: '2030-01-03-test', tradingDate: '2030-01-03', usSymbols: ['AAA'] }
    const with_ = (sym: number, mkt: number) =>
      measureImportance(input, (s) => (s === 'AAA' ? bars(sym) : s === 'SPY' ? bars(mkt) : undefined)).importance
    expect(with_(MAJOR_SYMBOL_MOVE + 0.0001, 0)).toBe('major')
    expect(with_(-(MAJOR_SYMBOL_MOVE + 0.0001), 0)).toBe('major')
    expect(with_(MAJOR_SYMBOL_MOVE - 0.0001, 0)).toBe('minor')
    expect(with_(0, -(MAJOR_MARKET_MOVE + 0.0001))).toBe('major')
    expect(with_(0, MAJOR_MARKET_MOVE - 0.0001)).toBe('minor')
    // No data for the day: nothing measured, so minor.
    expect(measureImportance({ ...input, tradingDate: '2030-02-01' }, () => bars(0.5)).importance).toBe('minor')
  })
})
