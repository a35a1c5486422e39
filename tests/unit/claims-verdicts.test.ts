import { describe, expect, it } from 'vitest'
import {
  CLAIMED_VALUE_LOST_USD,
  RECOVERY_HORIZON_SESSIONS,
  SHARE_COUNT_TOLERANCE,
  SIGNIFICANCE_P,
  announcedSumsVerdict,
  daysAfterVerdict,
  groupMoveVerdict,
  isBorderline,
  notTheWholeMarketVerdict,
  oneDayDropVerdict,
  recoveryVerdict,
  soonAfterVerdict,
  valueLostVerdict,
} from '@/lib/claims/verdicts'

/** Synthetic abnormal moves: a return and its p-value. */
const m = (abnormalReturn: number, p: number | null) => ({ abnormalReturn, p })

describe('claim verdict rules', () => {
  it('judges a one-day drop on the whole percent people quote', () => {
    expect(oneDayDropVerdict(-0.1697)).toBe('supported')
    expect(oneDayDropVerdict(-0.155)).toBe('partly supported')
    expect(oneDayDropVerdict(-0.12)).toBe('not supported')
    expect(oneDayDropVerdict(0.01)).toBe('wrong')
  })

  it('requires a loss above the threshold even with the share count a little lower', () => {
    expect(valueLostVerdict(-CLAIMED_VALUE_LOST_USD * (1 + 2 * SHARE_COUNT_TOLERANCE))).toBe('supported')
    expect(valueLostVerdict(-CLAIMED_VALUE_LOST_USD)).toBe('partly supported')
    expect(valueLostVerdict(-CLAIMED_VALUE_LOST_USD * 0.5)).toBe('not supported')
    expect(valueLostVerdict(null)).toBe('not supported')
    expect(valueLostVerdict(1)).toBe('wrong')
  })

  it('gets the order of two events wrong when the later one came first', () => {
    expect(daysAfterVerdict(2)).toBe('supported')
    expect(daysAfterVerdict(5)).toBe('partly supported')
    expect(daysAfterVerdict(0)).toBe('not supported')
    expect(daysAfterVerdict(-1)).toBe('wrong')
    expect(soonAfterVerdict(7)).toBe('supported')
    expect(soonAfterVerdict(8)).toBe('partly supported')
    expect(soonAfterVerdict(-1)).toBe('wrong')
  })

  it('applies one group rule in either direction, on the p-value', () => {
    const sig = m(0.05, SIGNIFICANCE_P)
    const ns = m(0.03, SIGNIFICANCE_P + 0.0001)
    expect(groupMoveVerdict([sig, sig], 'up')).toBe('supported')
    expect(groupMoveVerdict([sig, ns], 'up')).toBe('partly supported')
    expect(groupMoveVerdict([ns], 'up')).toBe('not supported')
    expect(groupMoveVerdict([m(-0.05, 0.001)], 'up')).toBe('wrong')
    expect(groupMoveVerdict([m(-0.05, 0.001)], 'down')).toBe('supported')
    expect(groupMoveVerdict([m(-0.05, null)], 'down')).toBe('not supported')
    expect(groupMoveVerdict([], 'down')).toBe('not supported')
  })

  it('calls "not the whole market" supported only when the market itself did not fall significantly', () => {
    const hit = [m(-0.07, 0.0001)]
    expect(notTheWholeMarketVerdict(hit, m(-0.014, 0.11))).toBe('supported')
    expect(notTheWholeMarketVerdict(hit, m(-0.03, 0.01))).toBe('partly supported')
    expect(notTheWholeMarketVerdict([m(-0.01, 0.5)], m(-0.01, 0.5))).toBe('not supported')
  })

  it('judges a recovery within the horizon and whether it held', () => {
    const back = (sessions: number, held: boolean) => ({
      recovery: { date: '2025-02-13', sessions },
      heldAtHorizon: held,
    })
    expect(recoveryVerdict([back(13, true), back(20, true)])).toBe('supported')
    expect(recoveryVerdict([back(13, false), back(20, true)])).toBe('partly supported')
    expect(recoveryVerdict([back(RECOVERY_HORIZON_SESSIONS + 1, true)])).toBe('partly supported')
    expect(recoveryVerdict([back(13, true), { recovery: null, heldAtHorizon: false }])).toBe('not supported')
    expect(recoveryVerdict([])).toBe('not supported')
  })

  it('checks announced sums and an end year that is named or only inferred', () => {
    const announced = { immediateUsd: 100e9, totalUsd: 500e9, years: 4, endYearNamed: null, year: 2025 }
    expect(announcedSumsVerdict({ immediateUsd: 100e9, totalUsd: 500e9, endYear: 2029 }, announced)).toBe(
      'partly supported',
    )
    expect(
      announcedSumsVerdict(
        { immediateUsd: 100e9, totalUsd: 500e9, endYear: 2029 },
        { ...announced, endYearNamed: 2029 },
      ),
    ).toBe('supported')
    expect(announcedSumsVerdict({ immediateUsd: 100e9, totalUsd: 500e9, endYear: 2030 }, announced)).toBe(
      'not supported',
    )
    expect(announcedSumsVerdict({ immediateUsd: 50e9, totalUsd: 500e9, endYear: 2029 }, announced)).toBe('wrong')
  })

  it('flags p-values near the line as borderline', () => {
    expect(isBorderline(0.08)).toBe(true)
    expect(isBorderline(0.001)).toBe(false)
    expect(isBorderline(0.5)).toBe(false)
    expect(isBorderline(null)).toBe(false)
  })
})
