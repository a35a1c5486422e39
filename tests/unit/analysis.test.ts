import { describe, expect, it } from 'vitest'
import {
  AnalysisError,
  abnormalReturns,
  dailyReturns,
  eventStudy,
  getSharesOutstanding,
  marketCapChange,
  nearestSessions,
  ols,
  rebase,
  recovery,
  SHARES_NOT_SOURCED,
  SHARES_OUTSTANDING,
  type EventStudyInput,
} from '@/lib/analysis'
import { isIsoDate } from '@/lib/dates'
import { barsFromPrices, pricesFromReturns, readFixtureBars, weekdays } from './fixtures/analysis/bars'

function thrown(fn: () => unknown): AnalysisError {
  try {
    fn()
  } catch (error) {
    if (error instanceof AnalysisError) return error
    throw error
  }
  throw new Error('expected an AnalysisError, but nothing was thrown')
}

describe('dailyReturns (synthetic prices)', () => {
  it('gives P_t / P_{t-1} - 1 and no return for the first bar: [100, 110, 99] -> [0.1, -0.1]', () => {
    const bars = barsFromPrices(weekdays('2025-01-06', 3), [100, 110, 99])
    const returns = dailyReturns(bars)
    expect(returns.map((r) => r.date)).toEqual(['2025-01-07', '2025-01-08'])
    expect(returns[0]?.value).toBeCloseTo(0.1, 15)
    expect(returns[1]?.value).toBeCloseTo(-0.1, 15)
  })

  it('uses the adjusted close, and the raw close only where an adjusted close is missing', () => {
    const dates = weekdays('2025-01-06', 3)
    // Synthetic: raw closes fall 50 -> 48 on an ex-dividend day, adjusted closes are flat.
    const bars = barsFromPrices(dates, [50, 48, 60], [48, 48, Number.NaN])
    const returns = dailyReturns(bars)
    expect(returns[0]?.value).toBe(0)
    // The second return has no adjusted close at its end, so both ends use the raw close: 60 / 48 - 1.
    expect(returns[1]?.value).toBeCloseTo(0.25, 15)
  })

  it('rejects bars that are not ascending by date', () => {
    const bars = barsFromPrices(['2025-01-07', '2025-01-06'], [1, 2])
    expect(() => dailyReturns(bars)).toThrow(RangeError)
  })
})

describe('rebase (synthetic prices)', () => {
  const bars = barsFromPrices(weekdays('2025-01-08', 4), [100, 120, 90, 110]) // Wed, Thu, Fri, Mon

  it('measures the change since the base session as a fraction', () => {
    const out = rebase(bars, '2025-01-09')
    expect(out.baseDate).toBe('2025-01-09')
    expect(out.points.map((p) => p.value)).toEqual([100 / 120 - 1, 0, 90 / 120 - 1, 110 / 120 - 1])
  })

  it('uses the last session before a non-session base date, and says so', () => {
    const out = rebase(bars, '2025-01-12') // a Sunday
    expect(out).toMatchObject({ requestedBaseDate: '2025-01-12', baseDate: '2025-01-10' })
    expect(out.points[2]?.value).toBe(0)
  })

  it('uses the first session when the base date precedes the data', () => {
    expect(rebase(bars, '2024-12-31').baseDate).toBe('2025-01-08')
  })

  it('fails with insufficient_data on an empty series', () => {
    expect(thrown(() => rebase([], '2025-01-08')).code).toBe('insufficient_data')
  })
})

describe('ols (synthetic numbers)', () => {
  it('recovers an exact line y = 2 + 3x with zero residuals', () => {
    const fit = ols([0, 1, 2, 3], [2, 5, 8, 11])
    expect(fit.alpha).toBeCloseTo(2, 12)
    expect(fit.beta).toBeCloseTo(3, 12)
    expect(fit.ssr).toBeCloseTo(0, 20)
    expect(fit.n).toBe(4)
    expect(fit.exact).toBe(true)
  })

  it('computes s^2 = SSR / (n - 2) on a hand-checked case', () => {
    // x = [0, 1, 2, 3], y = [1, 2, 2, 4]: beta = 0.9, alpha = 0.9, residuals [0.1, 0.2, -0.7, 0.4] -> SSR 0.7.
    const fit = ols([0, 1, 2, 3], [1, 2, 2, 4])
    expect(fit.beta).toBeCloseTo(0.9, 12)
    expect(fit.alpha).toBeCloseTo(0.9, 12)
    expect(fit.ssr).toBeCloseTo(0.7, 12)
    expect(fit.s2).toBeCloseTo(0.35, 12)
    expect(fit.s).toBeCloseTo(Math.sqrt(0.35), 12)
    expect(fit.exact).toBe(false)
  })

  it('needs at least 3 observations', () => {
    const error = thrown(() => ols([1, 2], [1, 2]))
    expect(error.code).toBe('insufficient_data')
    expect(error.details).toMatchObject({ n: 2, needed: 3 })
  })

  it('rejects an x that does not vary', () => {
    expect(thrown(() => ols([0.1, 0.1, 0.1, 0.1], [1, 2, 3, 4])).code).toBe('degenerate')
  })
})

/*
 * SYNTHETIC event study small enough to check by hand. Estimation 4, gap 1: days -5..-2 estimate the model,
 * day -1 is the gap. On the estimation days the stock return is 0.001 + 1.5 x market + e with
 * e = [+1, -1, -1, +1] x 0.001, which sums to zero and is orthogonal to the market, so OLS gives exactly
 * alpha = 0.001, beta = 1.5, SSR = 4e-6, s^2 = 4e-6 / (4 - 2) = 2e-6, s = sqrt(2) x 0.001.
 * Day 0: market -0.02, stock -0.05 -> expected 0.001 - 0.03 = -0.029, AR = -0.021.
 * Prediction-error variance: the estimation market returns [0.01, -0.01, 0.02, 0] have mean m̄ = 0.005 and
 * S_xx = 0.0005, so Var(AR_0) = s^2 (1 + 1/4 + (-0.025)^2 / 0.0005) = 2.5 s^2 = 5e-6 and t = -21 / sqrt(5).
 * Day +1: market 0.01, stock 0.03 -> AR = 0.014.  Day -1: market 0.005, stock 0.004 -> AR = -0.0045.
 * Day +2: market 0, stock -0.004 -> AR = -0.005. The data ends at day +2.
 */
const handDates = weekdays('2025-01-06', 9) // day 0 = 2025-01-14 (index 6)
const handMarketReturns = [0.01, -0.01, 0.02, 0, 0.005, -0.02, 0.01, 0]
const handStockReturns = [0.017, -0.015, 0.03, 0.002, 0.004, -0.05, 0.03, -0.004]
const handMarket = barsFromPrices(handDates, pricesFromReturns(400, handMarketReturns))
const handStock = barsFromPrices(handDates, pricesFromReturns(100, handStockReturns))
const handInput: EventStudyInput = {
  stock: handStock,
  market: handMarket,
  day0: '2025-01-14',
  estimation: 4,
  gap: 1,
  windows: [
    [0, 0],
    [0, 1],
    [-1, 1],
    [0, 2],
    [0, 5],
  ],
  labels: { stock: 'SYN', market: 'MKT' },
}
const s = Math.SQRT2 * 0.001

describe('eventStudy on a hand-checked synthetic case', () => {
  const result = eventStudy(handInput)

  it('fits the market model on days -5..-2 only', () => {
    expect(result.alpha).toBeCloseTo(0.001, 12)
    expect(result.beta).toBeCloseTo(1.5, 10)
    expect(result.s).toBeCloseTo(s, 12)
    expect(result.estimation).toEqual({
      from: '2025-01-07',
      to: '2025-01-10',
      sessions: 4,
      requested: 4,
      gap: 1,
      excluded: [],
    })
  })

  it('reports the day-0 prices, return, AR and t', () => {
    expect(result).toMatchObject({ day0: '2025-01-14', prevDate: '2025-01-13' })
    expect(result.prevClose).toBe(handStock[5]?.close)
    expect(result.close).toBe(handStock[6]?.close)
    expect(result.return).toBeCloseTo(-0.05, 12)
    expect(result.expectedReturn).toBeCloseTo(-0.029, 12)
    expect(result.abnormalReturn).toBeCloseTo(-0.021, 12)
    expect(result.sdAR).toBeCloseTo(Math.sqrt(5e-6), 14)
    expect(result.tAR).toBeCloseTo(-21 / Math.sqrt(5), 8)
    expect(result.df).toBe(2)
  })

  it('sums CARs over the windows with t = CAR / sqrt(Var(CAR)), the full prediction-error covariance', () => {
    const [w00, w01, wm11, w02] = result.car
    expect(w00).toMatchObject({ window: [0, 0], from: '2025-01-14', to: '2025-01-14', complete: true })
    expect(w00?.car).toBeCloseTo(-0.021, 12)
    expect(w01?.car).toBeCloseTo(-0.007, 12)
    // [0,+1]: deviations -0.025 + 0.005 = -0.02, Var = s^2 (2 + 4/4 + 0.0004/0.0005) = 3.8 s^2 = 7.6e-6.
    expect(w01?.t).toBeCloseTo(-0.007 / Math.sqrt(7.6e-6), 8)
    expect(wm11).toMatchObject({ from: '2025-01-13', to: '2025-01-15' })
    expect(wm11?.car).toBeCloseTo(-0.0115, 12)
    // [-1,+1]: deviations 0 - 0.025 + 0.005 = -0.02, Var = s^2 (3 + 9/4 + 0.8) = 6.05 s^2 = 1.21e-5.
    expect(wm11?.t).toBeCloseTo(-0.0115 / Math.sqrt(1.21e-5), 8)
    expect(w02?.car).toBeCloseTo(-0.012, 12)
  })

  it('returns a window that runs past the data as incomplete, never partially summed', () => {
    expect(result.car[4]).toEqual({
      window: [0, 5],
      car: null,
      t: null,
      p: null,
      sd: null,
      from: '2025-01-14',
      to: null,
      complete: false,
      incomplete: 'past_end_of_data',
    })
  })

  it('gives daily abnormal returns that match, with event days', () => {
    const points = abnormalReturns({
      stock: handStock,
      market: handMarket,
      model: result,
      from: '2025-01-13',
      to: '2025-01-16',
      day0: '2025-01-14',
    })
    expect(points.map((p) => p.day)).toEqual([-1, 0, 1, 2])
    const ars = points.map((p) => p.abnormalReturn ?? Number.NaN)
    ;[-0.0045, -0.021, 0.014, -0.005].forEach((expected, i) => expect(ars[i]).toBeCloseTo(expected, 12))
  })
})

describe('eventStudy errors and gaps (synthetic)', () => {
  it('rejects a day 0 that is not a stock session, naming the nearest sessions', () => {
    const error = thrown(() => eventStudy({ ...handInput, day0: '2025-01-11' }))
    expect(error.code).toBe('day0_not_trading')
    expect(error.message).toContain('2025-01-11')
    expect(error.message).toContain('SYN')
    expect(error.message).toContain('2025-01-10')
    expect(error.message).toContain('2025-01-13')
    expect(error.details).toMatchObject({ series: 'stock', before: '2025-01-10', after: '2025-01-13' })
  })

  it('rejects a day 0 on which the benchmark did not trade', () => {
    const market = handMarket.filter((b) => b.date !== '2025-01-14')
    const error = thrown(() => eventStudy({ ...handInput, market }))
    expect(error.code).toBe('day0_not_trading')
    expect(error.message).toContain('MKT')
    expect(error.details).toMatchObject({ series: 'market', before: '2025-01-13', after: '2025-01-15' })
  })

  it('says how many sessions are available and how many are needed', () => {
    // Day 0 is bar 6, so 6 sessions precede it; estimation 5 + gap 1 needs 7 (the 7th supplies the first close).
    const error = thrown(() => eventStudy({ ...handInput, estimation: 5 }))
    expect(error.code).toBe('insufficient_estimation')
    expect(error.details).toMatchObject({ available: 6, needed: 7, estimation: 5, gap: 1 })
    expect(error.message).toContain('has 6 sessions before 2025-01-14')
    expect(error.message).toContain('needs 7')
  })

  it('needs exactly estimation + gap + 1 sessions before day 0', () => {
    expect(() => eventStudy({ ...handInput, estimation: 5, gap: 0 })).not.toThrow()
    expect(thrown(() => eventStudy({ ...handInput, estimation: 4, gap: 2 })).details).toMatchObject({
      available: 6,
      needed: 7,
    })
  })

  it('leaves out estimation sessions without a benchmark session and says which', () => {
    const market = handMarket.filter((b) => b.date !== '2025-01-09')
    const result = eventStudy({ ...handInput, market })
    expect(result.estimation.sessions).toBe(3)
    expect(result.estimation.excluded).toEqual(['2025-01-09'])
  })

  it('marks a window containing a benchmark gap incomplete', () => {
    const market = handMarket.filter((b) => b.date !== '2025-01-15')
    const result = eventStudy({ ...handInput, market })
    expect(result.car[1]).toMatchObject({
      window: [0, 1],
      car: null,
      t: null,
      complete: false,
      incomplete: 'benchmark_gap',
    })
    expect(result.car[0]?.complete).toBe(true)
  })

  it('reports a flat benchmark as degenerate', () => {
    const flat = barsFromPrices(
      handDates,
      handDates.map(() => 400),
    )
    expect(thrown(() => eventStudy({ ...handInput, market: flat })).code).toBe('degenerate')
  })
})

describe('nearestSessions', () => {
  const bars = barsFromPrices(['2025-01-16', '2025-01-17', '2025-01-21'], [1, 2, 3])
  it('finds the sessions either side of a holiday, a session, and the ends of the data', () => {
    expect(nearestSessions(bars, '2025-01-20')).toEqual({ before: '2025-01-17', after: '2025-01-21' })
    expect(nearestSessions(bars, '2025-01-17')).toEqual({ before: '2025-01-16', after: '2025-01-21' })
    expect(nearestSessions(bars, '2025-01-01')).toEqual({ before: null, after: '2025-01-16' })
    expect(nearestSessions(bars, '2025-02-01')).toEqual({ before: '2025-01-21', after: null })
  })
})

describe('recovery (synthetic closes)', () => {
  const dates = weekdays('2025-01-06', 5) // day -1 = 2025-01-07, day 0 = 2025-01-08

  it('finds the first session after day 0 closing at or above the day -1 close', () => {
    const bars = barsFromPrices(dates, [105, 100, 80, 95, 100])
    expect(recovery(bars, '2025-01-08')).toEqual({ date: '2025-01-10', sessions: 2 })
  })

  it('returns null when the close of day -1 is not regained within the data', () => {
    const bars = barsFromPrices(dates, [105, 100, 80, 95, 99.99])
    expect(recovery(bars, '2025-01-08')).toBeNull()
  })

  it('uses raw closes, not adjusted ones', () => {
    // Synthetic: the adjusted series would "recover" on day +1, the raw one does not.
    const bars = barsFromPrices(dates, [105, 100, 80, 99, 98], [100, 95, 80, 99, 98])
    expect(recovery(bars, '2025-01-08')).toBeNull()
  })

  it('fails on a day 0 that is not a session', () => {
    expect(thrown(() => recovery(barsFromPrices(dates, [1, 2, 3, 4, 5]), '2025-01-11')).code).toBe('day0_not_trading')
  })
})

describe('marketCapChange', () => {
  it('is shares x (close - prevClose)', () => {
    expect(marketCapChange(1_000, 9, 10)).toBe(-1_000)
    expect(marketCapChange(2e9, 105, 100)).toBe(1e10)
  })

  it('rejects a missing or non-positive share count', () => {
    expect(() => marketCapChange(0, 1, 2)).toThrow(RangeError)
    expect(() => marketCapChange(Number.NaN, 1, 2)).toThrow(RangeError)
  })
})

describe('shares outstanding table', () => {
  it('has a sourced NVDA count dated just before the selloff', () => {
    const nvda = getSharesOutstanding('nvda')
    expect(nvda).toMatchObject({ symbol: 'NVDA', shares: 24_500_000_000, asOf: '2025-01-26' })
    expect(nvda?.source.url).toMatch(/^https:\/\//)
  })

  it('returns undefined for symbols without a sourced count (ADRs, multi-class, ETFs, non-US)', () => {
    for (const symbol of ['TSM', 'GOOGL', 'META', 'SPY', 'QQQ', '9984.T', 'BABA', 'BIDU']) {
      expect(getSharesOutstanding(symbol)).toBeUndefined()
    }
  })

  it('gives every entry a date, a positive count, a source and a note, and lists no symbol twice', () => {
    const symbols = SHARES_OUTSTANDING.map((e) => e.symbol)
    expect(new Set(symbols).size).toBe(symbols.length)
    for (const entry of SHARES_OUTSTANDING) {
      expect(isIsoDate(entry.asOf)).toBe(true)
      expect(entry.shares).toBeGreaterThan(0)
      expect(entry.source.url).toMatch(/^https:\/\//)
      expect(entry.source.title.length).toBeGreaterThan(0)
      expect(entry.note.length).toBeGreaterThan(0)
    }
    for (const missing of SHARES_NOT_SOURCED) expect(symbols).not.toContain(missing.symbol)
  })
})

/*
 * REAL data: NVDA and SPY daily bars 2024-07-01..2025-02-28, copied from the shared market data (see
 * fixtures/analysis/README.md). The expected model numbers were computed independently (a separate script
 * doing the same OLS by hand on the same rows), so these assertions check this implementation against it.
 */
describe('NVDA vs SPY around 2025-01-27 (real data)', () => {
  const nvda = readFixtureBars('NVDA-2024-07-01_2025-02-28.csv')
  const spy = readFixtureBars('SPY-2024-07-01_2025-02-28.csv')
  const result = eventStudy({ stock: nvda, market: spy, day0: '2025-01-27', labels: { stock: 'NVDA', market: 'SPY' } })

  it('has the widely reported day-0 move on both close and adjusted close', () => {
    expect(result.prevDate).toBe('2025-01-24')
    expect(result.prevClose).toBe(142.62)
    expect(result.close).toBe(118.42)
    expect(Number((result.close / result.prevClose - 1).toFixed(4))).toBe(-0.1697)
    expect(Number(result.return.toFixed(4))).toBe(-0.1697)
  })

  it('estimates the market model on the 120 sessions 2024-07-19..2025-01-08 (days -130..-11)', () => {
    expect(result.estimation).toMatchObject({ from: '2024-07-19', to: '2025-01-08', sessions: 120, excluded: [] })
    expect(result.beta).toBeCloseTo(2.648966, 5)
    expect(result.s).toBeCloseTo(0.023189, 6)
    expect(result.abnormalReturn).toBeCloseTo(-0.1323043, 6)
    // The uncorrected AR / s was -5.70549 (an independent script); the recomputation with the
    // prediction-error correction gives -5.62 (factor 1.015). The fixture test checks every digit.
    expect(result.abnormalReturn / result.s).toBeCloseTo(-5.70549, 4)
    expect(result.tAR).toBeCloseTo(-5.62, 2)
    expect(result.car.map((c) => c.window)).toEqual([
      [0, 0],
      [0, 1],
      [-1, 1],
      [0, 5],
    ])
    expect(result.car[3]).toMatchObject({ from: '2025-01-27', to: '2025-02-03', complete: true })
    expect(result.car[3]?.car).toBeCloseTo(-0.1351667, 6)
  })

  it('loses about $593B of market value with the sourced share count, and has not recovered by 2025-02-28', () => {
    const shares = getSharesOutstanding('NVDA')?.shares ?? Number.NaN
    const change = marketCapChange(shares, result.close, result.prevClose)
    expect(change / 1e9).toBeCloseTo(-592.9, 6)
    expect(recovery(nvda, '2025-01-27')).toBeNull()
  })
})
