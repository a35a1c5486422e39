import { describe, expect, it } from 'vitest'
import {
  BROAD_SELLOFF_RETURN,
  CLAIMED_VALUE_LOST_USD,
  SHARE_COUNT_TOLERANCE,
  SIGNIFICANT_T,
  daysAfterVerdict,
  oneDayDropVerdict,
  partnersLiftedVerdict,
  recoveryVerdict,
  sectorSelloffVerdict,
  valueLostVerdict,
} from '@/lib/claims/verdicts'

const move = (abnormalReturn: number, tAR: number | null) => ({ abnormalReturn, tAR })

describe('claim verdict rules', () => {
  it('judges a one-day drop on the whole percent people quote', () => {
    expect(oneDayDropVerdict(-0.1697)).toBe('supported')
    expect(oneDayDropVerdict(-0.1651)).toBe('supported')
    expect(oneDayDropVerdict(-0.1649)).toBe('partly supported')
    expect(oneDayDropVerdict(-0.19)).toBe('partly supported')
    expect(oneDayDropVerdict(-0.1)).toBe('not supported')
    expect(oneDayDropVerdict(0.02)).toBe('wrong')
  })

  it('requires a loss above the threshold even with the share count a little lower', () => {
    expect(valueLostVerdict(-592.9e9)).toBe('supported')
    expect(valueLostVerdict(-CLAIMED_VALUE_LOST_USD * (1 + SHARE_COUNT_TOLERANCE / 2))).toBe('partly supported')
    expect(valueLostVerdict(-460e9)).toBe('partly supported')
    expect(valueLostVerdict(-300e9)).toBe('not supported')
    expect(valueLostVerdict(null)).toBe('not supported')
    expect(valueLostVerdict(10e9)).toBe('wrong')
  })

  it('gets the order of two events wrong when the later one came first', () => {
    expect(daysAfterVerdict(2)).toBe('supported')
    expect(daysAfterVerdict(5)).toBe('partly supported')
    expect(daysAfterVerdict(0)).toBe('not supported')
    expect(daysAfterVerdict(-1)).toBe('wrong')
  })

  it('calls a sector selloff supported only when every group was hit and the market was not', () => {
    const hit = [move(-0.066, -4.7), move(-0.25, -7.2)]
    expect(sectorSelloffVerdict(hit, -0.014)).toBe('supported')
    expect(sectorSelloffVerdict(hit, BROAD_SELLOFF_RETURN)).toBe('partly supported')
    expect(sectorSelloffVerdict([move(-0.066, -4.7), move(-0.01, -0.5)], -0.014)).toBe('partly supported')
    expect(sectorSelloffVerdict([move(-0.05, -(SIGNIFICANT_T - 0.01))], -0.01)).toBe('not supported')
    expect(sectorSelloffVerdict([move(-0.05, null)], -0.01)).toBe('not supported')
    expect(sectorSelloffVerdict([move(0.05, 3)], -0.01)).toBe('wrong')
  })

  it('counts recoveries within the data', () => {
    const back = { date: '2025-02-13', sessions: 13 }
    expect(recoveryVerdict([back, back])).toBe('supported')
    expect(recoveryVerdict([back, null])).toBe('partly supported')
    expect(recoveryVerdict([null, null])).toBe('not supported')
    expect(recoveryVerdict([])).toBe('not supported')
  })

  it('calls partners lifted when every day-0 abnormal return is significantly positive', () => {
    expect(partnersLiftedVerdict([move(0.06, 3.6), move(0.1, SIGNIFICANT_T)])).toBe('supported')
    expect(partnersLiftedVerdict([move(0.06, 3.6), move(0.01, 0.4)])).toBe('partly supported')
    expect(partnersLiftedVerdict([move(0.01, 0.4)])).toBe('not supported')
    expect(partnersLiftedVerdict([move(-0.05, -3)])).toBe('wrong')
  })
})
