/*
 * The second edition's statistics (docs/event-study.md): distributions, prediction-error variances, the three models and
 * the portfolio tests. Every number series here is SYNTHETIC (constructed by hand or by a seeded generator);
 * the real-data check is tests/unit/event-study-fixture.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  averageRanks,
  corradoStatistic,
  eventStudy,
  fitModel,
  generalizedSignStatistic,
  meanResidualCorrelation,
  normalCritical,
  normalTwoSidedP,
  portfolioWindow,
  significanceLevel,
  studentCritical,
  studentTwoSidedP,
  type ModelObservation,
  type PortfolioFirm,
} from '@/lib/analysis'
import { barsFromPrices, pricesFromReturns, weekdays } from './fixtures/analysis/bars'

/** A seeded generator (mulberry32) with Box–Muller normals, so the "random" draws are the same every run. */
function normals(seed: number) {
  let a = seed >>> 0
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return () => {
    const u = Math.max(uniform(), 1e-12)
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform())
  }
}

describe('Student t and normal from the statistics library', () => {
  it('matches the printed tables: t(18) two-sided 5% = 2.1009, 1% = 2.8784; normal 1.9600, 2.5758', () => {
    expect(studentCritical(0.05, 18)).toBeCloseTo(2.1009, 4)
    expect(studentCritical(0.01, 18)).toBeCloseTo(2.8784, 4)
    expect(studentCritical(0.05, 118)).toBeCloseTo(1.9803, 4)
    expect(normalCritical(0.05)).toBeCloseTo(1.96, 4)
    expect(normalCritical(0.01)).toBeCloseTo(2.5758, 4)
  })

  it('gives two-sided p-values that invert the critical values and are symmetric', () => {
    expect(studentTwoSidedP(studentCritical(0.05, 18), 18)).toBeCloseTo(0.05, 12)
    expect(studentTwoSidedP(-2.5, 30)).toBe(studentTwoSidedP(2.5, 30))
    expect(normalTwoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12)
    // Tiny p-values keep their precision (1 - cdf would round them to 0).
    expect(studentTwoSidedP(-12, 118)).toBeGreaterThan(0)
    expect(studentTwoSidedP(null, 18)).toBeNull()
  })

  it('marks significance from p, so the same t is significant with 118 df and not with 18', () => {
    const t = 2.05
    expect(significanceLevel(studentTwoSidedP(t, 118))).toBe('5%')
    expect(significanceLevel(studentTwoSidedP(t, 18))).toBeNull()
    expect(significanceLevel(0.004)).toBe('1%')
  })
})

/** Direct covariance of prediction errors, s^2 (I + Z (Z'Z)^-1 Z') over the event days, for one regressor. */
function directCovarianceSum(estX: readonly number[], s2: number, eventX: readonly number[]): number {
  // (Z'Z) for z = (1, x) is [[M, Sx], [Sx, Sxx_raw]]; its inverse written out.
  const m = estX.length
  const sx = estX.reduce((a, b) => a + b, 0)
  const sxx = estX.reduce((a, b) => a + b * b, 0)
  const det = m * sxx - sx * sx
  const inv = [
    [sxx / det, -sx / det],
    [-sx / det, m / det],
  ] as const
  let sum = 0
  for (let i = 0; i < eventX.length; i++) {
    for (let j = 0; j < eventX.length; j++) {
      const zi = [1, eventX[i] ?? 0]
      const zj = [1, eventX[j] ?? 0]
      let h = 0
      for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) h += (zi[a] ?? 0) * (inv[a]?.[b] ?? 0) * (zj[b] ?? 0)
      sum += s2 * ((i === j ? 1 : 0) + h)
    }
  }
  return sum
}

const returnArb = fc.integer({ min: -500, max: 500 }).map((i) => i / 10_000)

describe('prediction-error variances (synthetic data, properties)', () => {
  const sample = fc.record({
    x: fc.array(returnArb, { minLength: 8, maxLength: 40 }),
    noise: fc.array(returnArb, { minLength: 40, maxLength: 40 }),
    event: fc.array(returnArb, { minLength: 1, maxLength: 6 }),
  })

  it('Var(CAR) of the market model equals the sum of the covariance matrix from X(X′X)⁻¹X′', () => {
    fc.assert(
      fc.property(sample, ({ x, noise, event }) => {
        fc.pre(new Set(x).size > 1)
        const obs: ModelObservation[] = x.map((xi, i) => ({ x: [xi], y: 0.001 + 1.3 * xi + (noise[i] ?? 0) }))
        const fit = fitModel('market', obs)
        fc.pre(fit.s2 > 0)
        const closed = fit.carVariance(event.map((e) => [e]))
        const direct = directCovarianceSum(x, fit.s2, event)
        expect(Math.abs(closed - direct)).toBeLessThanOrEqual(1e-9 * Math.max(direct, 1e-12))
        // One day: the same as Var(AR_t).
        expect(fit.carVariance([[event[0] ?? 0]])).toBeCloseTo(fit.arVariance([event[0] ?? 0]), 15)
      }),
      { numRuns: 300 },
    )
  })

  it('never makes the corrected variance smaller than the uncorrected s^2 (one day) or L s^2 (a window)', () => {
    fc.assert(
      fc.property(
        sample,
        fc.constantFrom('market', 'constant-mean', 'market-adjusted' as const),
        ({ x, noise, event }, kind) => {
          fc.pre(new Set(x).size > 1)
          const obs: ModelObservation[] = x.map((xi, i) => ({
            x: kind === 'constant-mean' ? [] : [xi],
            y: 0.5 * xi + (noise[i] ?? 0),
          }))
          const fit = fitModel(kind, obs)
          const days = event.map((e) => (kind === 'constant-mean' ? [] : [e]))
          for (const d of days) expect(fit.arVariance(d)).toBeGreaterThanOrEqual(fit.s2)
          expect(fit.carVariance(days)).toBeGreaterThanOrEqual(days.length * fit.s2 * (1 - 1e-12))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('Dimson: recovers lead, same-day and lag slopes, beta is their sum, residuals satisfy the normal equations', () => {
    const gen = normals(7)
    const x = Array.from({ length: 60 }, () => 0.01 * gen())
    const lag = Array.from({ length: 60 }, () => 0.01 * gen())
    const lead = Array.from({ length: 60 }, () => 0.01 * gen())
    const obs = x.map((xi, i) => ({
      x: [lag[i] ?? 0, xi, lead[i] ?? 0],
      y: 0.0002 + 0.2 * (lag[i] ?? 0) + 1.1 * xi + 0.1 * (lead[i] ?? 0) + 0.002 * gen(),
    }))
    const fit = fitModel('market', obs)
    expect(fit.df).toBe(56)
    expect(fit.slopes[0]).toBeCloseTo(0.2, 1)
    expect(fit.slopes[1]).toBeCloseTo(1.1, 1)
    expect(fit.slopes[2]).toBeCloseTo(0.1, 1)
    expect(fit.beta).toBeCloseTo((fit.slopes[0] ?? 0) + (fit.slopes[1] ?? 0) + (fit.slopes[2] ?? 0), 14)
    // The residuals are orthogonal to every regressor and sum to zero (normal equations).
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(fit.residuals.reduce((a, e, t) => a + e * (obs[t]?.x[j] ?? 0), 0))).toBeLessThan(1e-15)
    }
    expect(Math.abs(fit.residuals.reduce((a, e) => a + e, 0))).toBeLessThan(1e-14)
    expect(fit.arVariance([0.01, -0.02, 0.005])).toBeGreaterThan(fit.s2)
  })

  it('gives SAR a variance near df / (df - 2) under the null (4,000 seeded draws, M = 30)', () => {
    const gen = normals(2025)
    const sars: number[] = []
    for (let draw = 0; draw < 4000; draw++) {
      const x = Array.from({ length: 31 }, () => 0.01 * gen())
      const y = x.map((xi) => 0.0005 + 1.2 * xi + 0.02 * gen())
      const fit = fitModel(
        'market',
        x.slice(0, 30).map((xi, i) => ({ x: [xi], y: y[i] ?? 0 })),
      )
      const x0 = [x[30] ?? 0]
      sars.push(((y[30] ?? 0) - fit.expected(x0)) / Math.sqrt(fit.arVariance(x0)))
    }
    const mean = sars.reduce((a, b) => a + b, 0) / sars.length
    const variance = sars.reduce((a, v) => a + (v - mean) ** 2, 0) / (sars.length - 1)
    expect(Math.abs(mean)).toBeLessThan(0.06)
    // df / (df - 2) = 28 / 26 = 1.077; the uncorrected AR / s would be too wide for any M.
    expect(variance).toBeGreaterThan(0.98)
    expect(variance).toBeLessThan(1.18)
  })
})

describe('models on a hand-checked synthetic case', () => {
  // y = [0.01, 0.03, -0.01, 0.01], x = [0.0, 0.02, -0.02, 0.0]
  const obs = [
    { x: [0], y: 0.01 },
    { x: [0.02], y: 0.03 },
    { x: [-0.02], y: -0.01 },
    { x: [0], y: 0.01 },
  ]

  it('constant mean: mean 0.01, s^2 = 8e-4 / 3, Var(AR) = s^2 (1 + 1/4), Var(CAR over 2) = s^2 (2 + 4/4), df 3', () => {
    const fit = fitModel(
      'constant-mean',
      obs.map((o) => ({ x: [], y: o.y })),
    )
    expect(fit.alpha).toBeCloseTo(0.01, 15)
    expect(fit.s2).toBeCloseTo(8e-4 / 3, 15)
    expect(fit.df).toBe(3)
    expect(fit.arVariance([])).toBeCloseTo((8e-4 / 3) * 1.25, 15)
    expect(fit.carVariance([[], []])).toBeCloseTo((8e-4 / 3) * 3, 15)
  })

  it('market-adjusted: AR = y - x = [0.01, 0.01, 0.01, 0.01] so s^2 = 0 and the fit is exact', () => {
    const fit = fitModel('market-adjusted', obs)
    expect(fit.residuals).toEqual([0.01, 0.01, 0.01, 0.01].map((v, i) => (obs[i]?.y ?? 0) - (obs[i]?.x[0] ?? 0)))
    expect(fit.df).toBe(3)
    expect(fit.exact).toBe(true)
    expect(fit.carVariance([[0.1], [0.2]])).toBe(2 * fit.s2)
  })
})

function firm(
  symbol: string,
  df: number,
  residuals: number[],
  windowAr: number,
  car: number,
  scar: number,
): PortfolioFirm {
  return {
    symbol,
    df,
    residuals: residuals.map((ar, i) => ({
      day: -residuals.length - 1 + i,
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      ar,
    })),
    days: [{ day: 0, date: '2024-03-01', ar: windowAr }],
    car: [{ window: [0, 0], car, t: scar, p: null, sd: null, from: null, to: null, complete: true, incomplete: null }],
    path: [],
  }
}

describe('portfolio tests reduce to known values (synthetic)', () => {
  const est = [0.001, -0.002, 0.003, -0.001, 0.002, -0.003]
  const firms = [
    firm('A', 10, est, 0.01, 0.01, 1),
    firm(
      'B',
      10,
      est.map((v) => -v),
      0.02,
      0.02,
      2,
    ),
    firm('C', 10, est, 0.03, 0.03, 3),
  ]
  const result = portfolioWindow(firms, [0, 0])
  const stat = (id: string) => result.tests.find((t) => t.id === id)

  it('cross-sectional t: CARs 1%, 2%, 3% -> 0.02 / (0.01 / sqrt 3) = 2 sqrt 3 with t(2)', () => {
    expect(result.value).toBeCloseTo(0.02, 15)
    expect(stat('cross-sectional-t')?.statistic).toBeCloseTo(2 * Math.sqrt(3), 12)
    expect(stat('cross-sectional-t')?.df).toBe(2)
    expect(stat('cross-sectional-t')?.p).toBeCloseTo(studentTwoSidedP(2 * Math.sqrt(3), 2) ?? Number.NaN, 14)
  })

  it('Patell: SCARs 1, 2, 3 with df 10 -> 6 / sqrt(3 x 10/8), normal', () => {
    expect(stat('patell')?.statistic).toBeCloseTo(6 / Math.sqrt(3.75), 12)
    expect(stat('patell')?.p).toBeCloseTo(normalTwoSidedP(6 / Math.sqrt(3.75)) ?? Number.NaN, 14)
  })

  it('BMP: mean SCAR 2, sd 1 -> 2 sqrt 3; Kolari–Pynnönen scales it by sqrt((1 - r̄) / (1 + (N - 1) r̄))', () => {
    expect(stat('bmp')?.statistic).toBeCloseTo(2 * Math.sqrt(3), 12)
    // A and C have identical residuals (r = 1), B the mirror image (r = -1 with both): r̄ = (1 - 1 - 1) / 3.
    expect(result.rBar).toBeCloseTo(-1 / 3, 12)
    const factor = (1 + 1 / 3) / (1 + 2 * (-1 / 3))
    expect(stat('kolari-pynnonen')?.statistic).toBeCloseTo(2 * Math.sqrt(3) * Math.sqrt(factor), 12)
  })

  it('Corrado: a day-0 AR above all nine estimation ARs of every firm gives 4.5 / sqrt(8.25)', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k / 1000)
    const same = [firm('A', 7, nine, 0.05, 0.05, 1), firm('B', 7, nine, 0.06, 0.06, 1)]
    // U - 1/2 runs over k/11 - 1/2, k = 1..10, on ten event days; day 0 has k = 10.
    expect(corradoStatistic(same, [0, 0])).toBeCloseTo(4.5 / Math.sqrt(8.25), 12)
    // Mirrored estimation ranks: Ū = -1/22 on the nine estimation days, 9/22 on day 0, S = sqrt(90/4840) -> 3.
    const mirrored = [firm('A', 7, nine, 0.05, 0.05, 1), firm('B', 7, [...nine].reverse(), 0.06, 0.06, 1)]
    expect(corradoStatistic(mirrored, [0, 0])).toBeCloseTo(3, 12)
  })

  it('generalized sign: p̂ = 1/2 and 3 of 4 CARs positive -> (3 - 2) / sqrt(4 x 1/4) = 1', () => {
    const half = [
      { day: -2, date: 'a', ar: 0.01 },
      { day: -1, date: 'b', ar: -0.01 },
    ]
    expect(generalizedSignStatistic([0.1, 0.2, 0.3, -0.1].map((car) => ({ residuals: half, car })))).toBeCloseTo(1, 14)
  })

  it('ranks ties by their average rank and correlates residuals on shared dates only', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2])
    const a = { residuals: [1, 2, 3, 4].map((ar, i) => ({ day: i, date: `d${i}`, ar })) }
    const b = { residuals: [2, 4, 6, 100].map((ar, i) => ({ day: i, date: i === 3 ? 'other' : `d${i}`, ar })) }
    expect(meanResidualCorrelation([a, b])).toBeCloseTo(1, 14)
  })

  it('leaves the spread-based tests undefined for one firm rather than dividing by zero', () => {
    const one = portfolioWindow([firms[0] as PortfolioFirm], [0, 0])
    expect(one.tests.find((t) => t.id === 'bmp')?.statistic).toBeNull()
    expect(one.tests.find((t) => t.id === 'cross-sectional-t')?.p).toBeNull()
    expect(one.tests.find((t) => t.id === 'patell')?.statistic).toBeCloseTo(1 / Math.sqrt(10 / 8), 12)
  })
})

describe('time-matched pairing (synthetic calendars)', () => {
  // A "Tokyo" stock closing at 06:00 UTC and a "New York" benchmark closing at 21:00 UTC on weekdays.
  const dates = weekdays('2024-01-01', 40)
  const marketDates = dates.filter((d) => d !== '2024-01-24') // a benchmark holiday
  const stockDates = dates.filter((d) => d !== '2024-01-31') // a holiday of the stock's exchange
  const gen = normals(11)
  const marketReturns = marketDates.slice(1).map(() => 0.01 * gen())
  const market = barsFromPrices(marketDates, pricesFromReturns(100, marketReturns))
  const marketClose = new Map(market.map((b) => [b.date, b.adjClose]))
  const closeTimes = {
    stock: (d: string) => Date.parse(`${d}T06:00:00Z`),
    market: (d: string) => Date.parse(`${d}T21:00:00Z`),
  }
  const stockReturns = stockDates.slice(1).map(() => 0.01 * gen())
  const stock = barsFromPrices(stockDates, pricesFromReturns(50, stockReturns))

  it('pairs each session with the benchmark session of the evening before, leaves out a day with none, compounds two', () => {
    const result = eventStudy({
      stock,
      market,
      day0: '2024-02-13',
      estimation: 20,
      gap: 2,
      windows: [],
      model: 'market',
      pairing: 'time-matched',
      closeTimes,
    })
    expect(result.marketDate).toBe('2024-02-12')
    const prevMarket = marketClose.get('2024-02-09') ?? Number.NaN
    expect(result.marketReturn).toBeCloseTo((marketClose.get('2024-02-12') ?? Number.NaN) / prevMarket - 1, 15)
    // 2024-01-25 (stock): the benchmark did not trade on 01-24, so no benchmark session closed since the
    // stock's previous close: left out.
    expect(result.estimation.excluded).toContain('2024-01-25')
    // 2024-02-01 (stock, after its 01-31 holiday): the benchmark's 01-30 and 01-31 sessions compound.
    const res = result.residuals.find((r) => r.date === '2024-02-01')
    expect(res).toBeDefined()
  })

  it('keeps same-date pairing as before: a stock session with no same-date benchmark session is left out', () => {
    const result = eventStudy({
      stock,
      market,
      day0: '2024-02-13',
      estimation: 20,
      gap: 2,
      windows: [],
      pairing: 'same-date',
    })
    expect(result.marketDate).toBe('2024-02-13')
    expect(result.estimation.excluded).toContain('2024-01-24')
  })
})
