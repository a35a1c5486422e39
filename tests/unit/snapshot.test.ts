import { describe, expect, it } from 'vitest'
import { createSnapshotProvider } from '@/lib/providers/snapshot'
import { snapshotBars, snapshotCoverage, snapshotSymbols } from '@/lib/snapshot'
import { SYMBOLS } from '@/lib/symbols'

describe('embedded snapshot', () => {
  it('holds every curated symbol, and only those', () => {
    expect(snapshotSymbols()).toEqual(SYMBOLS.map((s) => s.symbol).sort())
  })

  it('keeps US symbols on the NYSE calendar: 250 sessions, none on 2025-01-09 or 2025-01-20', () => {
    const nvdaDates = snapshotBars('NVDA')?.map((b) => b.date) ?? []
    expect(nvdaDates).toHaveLength(250)
    expect(nvdaDates).not.toContain('2025-01-09')
    expect(nvdaDates).not.toContain('2025-01-20')
    for (const info of SYMBOLS.filter((s) => s.timeZone === 'America/New_York')) {
      expect(
        snapshotBars(info.symbol)?.map((b) => b.date),
        info.symbol,
      ).toEqual(nvdaDates)
    }
  })

  it('keeps SoftBank (9984.T) on the Tokyo calendar', () => {
    const dates = snapshotBars('9984.T')?.map((b) => b.date) ?? []
    expect(dates).toContain('2025-01-09')
    expect(dates).toContain('2025-01-20')
    expect(snapshotCoverage('9984.T')).toEqual({ from: '2024-07-01', to: '2025-06-06' })
  })

  it('matches the closes reported in the press for the selloff (NVDA 142.62 -> 118.42)', () => {
    const byDate = new Map(snapshotBars('NVDA')?.map((b) => [b.date, b]))
    expect(byDate.get('2025-01-24')?.close).toBe(142.62)
    expect(byDate.get('2025-01-27')?.close).toBe(118.42)
    expect(byDate.get('2025-01-27')?.volume).toBe(818830900)
  })

  it('has sane bars everywhere: ascending unique dates, high >= max(open, close), low <= min(open, close)', () => {
    for (const symbol of snapshotSymbols()) {
      const bars = snapshotBars(symbol) ?? []
      for (let i = 0; i < bars.length; i++) {
        const b = bars[i]!
        if (i > 0) expect(b.date > bars[i - 1]!.date, `${symbol} ${b.date}`).toBe(true)
        expect(b.high).toBeGreaterThanOrEqual(Math.max(b.open, b.close))
        expect(b.low).toBeLessThanOrEqual(Math.min(b.open, b.close))
        expect(Number.isInteger(b.volume) && b.volume >= 0).toBe(true)
      }
    }
  })

  it('serves a slice through the provider and refuses an unknown symbol', async () => {
    const provider = createSnapshotProvider()
    const result = await provider.getDailyBars({ symbol: 'SPY', from: '2025-01-17', to: '2025-01-22' })
    expect(result.bars.map((b) => b.date)).toEqual(['2025-01-17', '2025-01-21', '2025-01-22'])
    expect(result.currency).toBe('USD')
    await expect(provider.getDailyBars({ symbol: 'ZZZZ', from: '2025-01-01', to: '2025-01-31' })).rejects.toMatchObject(
      { kind: 'not_found' },
    )
  })
})
