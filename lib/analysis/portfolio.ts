import { normalCritical, normalTwoSidedP, studentTwoSidedP } from './distributions'
import { type PortfolioTestId } from './portfolio-tests'
import type { CarPathPoint, CarResult, EstimationResidual, EventDay, EventWindow } from './event-study'

/**
 * Portfolio (group) results of an event study over several firms: AAR, CAAR and six tests, each exactly as
 * docs/event-study.md defines it.
 */

export interface PortfolioFirm {
  symbol: string
  /** Degrees of freedom of the firm's model (M - 2 for the market model). */
  df: number
  residuals: readonly EstimationResidual[]
  days: readonly EventDay[]
  car: readonly CarResult[]
  path: readonly CarPathPoint[]
}

export interface PortfolioTest {
  id: PortfolioTestId
  /** Null when the test is undefined for these inputs (e.g. fewer than two firms). */
  statistic: number | null
  /** Two-sided p-value under the test's null distribution. */
  p: number | null
  /** Firms in the test. */
  n: number
  /** Reference distribution: Student's t with `df`, or the standard normal. */
  distribution: 't' | 'normal'
  df: number | null
}

export interface PortfolioWindow {
  window: [number, number]
  /** CAAR: the mean of the firms' CARs over the window. */
  value: number | null
  n: number
  symbols: string[]
  /** Mean pairwise correlation of the firms' estimation residuals, used by Kolari–Pynnönen. */
  rBar: number | null
  tests: PortfolioTest[]
}

export interface PortfolioDay {
  day: number
  value: number
  n: number
}

export interface PortfolioPathPoint {
  day: number
  /** CAAR(t1, day) over the firms whose path reaches this day. */
  caar: number
  n: number
  /** sqrt(sum_i Var(CAR_i)) / n: the firms taken as independent. */
  sd: number | null
  /** caar -/+ 1.96 sd. */
  lower: number | null
  upper: number | null
}

export interface PortfolioResult {
  n: number
  symbols: string[]
  aar: PortfolioDay[]
  caar: PortfolioWindow[]
  path: PortfolioPathPoint[]
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}

/** Sample standard deviation (divisor n - 1); null for fewer than two values. */
function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null
  const m = mean(values)
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1))
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Pearson correlation; null when either side does not vary or there are fewer than three pairs. */
export function correlation(x: readonly number[], y: readonly number[]): number | null {
  const n = Math.min(x.length, y.length)
  if (n < 3) return null
  const mx = mean(x.slice(0, n))
  const my = mean(y.slice(0, n))
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx
    const dy = (y[i] ?? 0) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null
}

/** Mean of the pairwise correlations of the firms' estimation residuals, each pair on the dates both have. */
export function meanResidualCorrelation(firms: readonly Pick<PortfolioFirm, 'residuals'>[]): number | null {
  const byDate = firms.map((f) => new Map(f.residuals.map((r) => [r.date, r.ar])))
  const correlations: number[] = []
  for (let i = 0; i < firms.length; i++) {
    for (let j = i + 1; j < firms.length; j++) {
      const a: number[] = []
      const b: number[] = []
      const other = byDate[j] as Map<string, number>
      for (const [date, ar] of byDate[i] as Map<string, number>) {
        const o = other.get(date)
        if (o !== undefined) {
          a.push(ar)
          b.push(o)
        }
      }
      const r = correlation(a, b)
      if (r !== null) correlations.push(r)
    }
  }
  return correlations.length > 0 ? mean(correlations) : null
}

/** Ranks 1..n with ties given their average rank. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v)
  const ranks = new Array<number>(values.length).fill(0)
  let start = 0
  while (start < order.length) {
    let end = start
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++
    const rank = (start + end) / 2 + 1
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = rank
    start = end + 1
  }
  return ranks
}

/**
 * Corrado's rank statistic in event time (the form that allows firms with different numbers of days): each
 * firm's estimation ARs and the tested window's ARs ranked together, U = rank / (n_i + 1), Ū_t the mean over
 * firms of U - 1/2 on event day t, S = sqrt(mean over all days of Ū_t^2), statistic = sum_window Ū_t / (sqrt(L) S).
 */
export function corradoStatistic(
  firms: readonly Pick<PortfolioFirm, 'residuals' | 'days'>[],
  [t1, t2]: EventWindow,
): number | null {
  const sums = new Map<number, { sum: number; n: number }>()
  for (const firm of firms) {
    const byDay = new Map<number, number>()
    for (const r of firm.residuals) byDay.set(r.day, r.ar)
    for (const d of firm.days) {
      if (d.day >= t1 && d.day <= t2 && d.ar !== null && !byDay.has(d.day)) byDay.set(d.day, d.ar)
    }
    const entries = [...byDay.entries()]
    const ranks = averageRanks(entries.map(([, ar]) => ar))
    entries.forEach(([day], k) => {
      const u = (ranks[k] ?? 0) / (entries.length + 1) - 0.5
      const cell = sums.get(day) ?? { sum: 0, n: 0 }
      cell.sum += u
      cell.n += 1
      sums.set(day, cell)
    })
  }
  if (sums.size === 0) return null
  const uBar = new Map([...sums.entries()].map(([day, c]) => [day, c.sum / c.n]))
  const s = Math.sqrt(mean([...uBar.values()].map((u) => u * u)))
  let windowSum = 0
  for (let d = t1; d <= t2; d++) {
    const u = uBar.get(d)
    if (u === undefined) return null
    windowSum += u
  }
  const l = t2 - t1 + 1
  return s > 0 ? windowSum / (Math.sqrt(l) * s) : null
}

/** Cowan's generalized sign statistic: (w - N p̂) / sqrt(N p̂ (1 - p̂)). */
export function generalizedSignStatistic(
  firms: readonly { residuals: readonly EstimationResidual[]; car: number }[],
): number | null {
  const n = firms.length
  if (n === 0) return null
  const pHat = mean(firms.map((f) => f.residuals.filter((r) => r.ar > 0).length / f.residuals.length))
  const w = firms.filter((f) => f.car > 0).length
  const denominator = Math.sqrt(n * pHat * (1 - pHat))
  return denominator > 0 ? (w - n * pHat) / denominator : null
}

function tTest(id: PortfolioTestId, statistic: number | null, n: number): PortfolioTest {
  const df = n - 1
  return {
    id,
    statistic,
    p: df > 0 ? studentTwoSidedP(statistic, df) : null,
    n,
    distribution: 't',
    df: df > 0 ? df : null,
  }
}

function zTest(id: PortfolioTestId, statistic: number | null, n: number): PortfolioTest {
  return { id, statistic, p: normalTwoSidedP(statistic), n, distribution: 'normal', df: null }
}

function carFor(firm: PortfolioFirm, [t1, t2]: EventWindow): CarResult | undefined {
  return firm.car.find((c) => c.window[0] === t1 && c.window[1] === t2 && c.complete && c.car !== null && c.t !== null)
}

/** CAAR and the six tests over the firms with a complete, standardizable CAR for the window. */
export function portfolioWindow(firms: readonly PortfolioFirm[], window: EventWindow): PortfolioWindow {
  const members = firms.flatMap((firm) => {
    const car = carFor(firm, window)
    return car && car.car !== null && car.t !== null ? [{ firm, car: car.car, scar: car.t }] : []
  })
  const n = members.length
  const cars = members.map((m) => m.car)
  const scars = members.map((m) => m.scar)
  const caar = n > 0 ? mean(cars) : null

  const sdCar = sampleSd(cars)
  const crossSectional = caar !== null && sdCar !== null && sdCar > 0 ? caar / (sdCar / Math.sqrt(n)) : null

  const patellScale = members.reduce((a, m) => a + m.firm.df / (m.firm.df - 2), 0)
  const allDfAbove2 = members.every((m) => m.firm.df > 2)
  const patell = n > 0 && allDfAbove2 ? scars.reduce((a, b) => a + b, 0) / Math.sqrt(patellScale) : null

  const sdScar = sampleSd(scars)
  const bmp = n > 1 && sdScar !== null && sdScar > 0 ? mean(scars) / (sdScar / Math.sqrt(n)) : null

  const rBar = n > 1 ? meanResidualCorrelation(members.map((m) => m.firm)) : null
  const kpFactor = rBar === null ? null : (1 - rBar) / (1 + (n - 1) * rBar)
  const kp = bmp !== null && kpFactor !== null && kpFactor > 0 ? bmp * Math.sqrt(kpFactor) : null

  const corrado =
    n > 0
      ? corradoStatistic(
          members.map((m) => m.firm),
          window,
        )
      : null
  const sign = generalizedSignStatistic(members.map((m) => ({ residuals: m.firm.residuals, car: m.car })))

  return {
    window: [window[0], window[1]],
    value: caar,
    n,
    symbols: members.map((m) => m.firm.symbol),
    rBar,
    tests: [
      tTest('cross-sectional-t', crossSectional === null ? null : finite(crossSectional), n),
      zTest('patell', patell === null ? null : finite(patell), n),
      tTest('bmp', bmp === null ? null : finite(bmp), n),
      tTest('kolari-pynnonen', kp === null ? null : finite(kp), n),
      zTest('corrado', corrado === null ? null : finite(corrado), n),
      zTest('generalized-sign', sign === null ? null : finite(sign), n),
    ],
  }
}

/** AAR per event day, CAAR and tests per window, and the CAAR path with its 95% band. */
export function portfolio(firms: readonly PortfolioFirm[], windows: readonly EventWindow[]): PortfolioResult {
  const byDay = new Map<number, number[]>()
  for (const firm of firms) {
    for (const d of firm.days) {
      if (d.ar === null) continue
      const list = byDay.get(d.day) ?? []
      list.push(d.ar)
      byDay.set(d.day, list)
    }
  }
  const aar = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, ars]) => ({ day, value: mean(ars), n: ars.length }))

  const z = normalCritical(0.05)
  const pathDays = new Map<number, { cars: number[]; variances: (number | null)[] }>()
  for (const firm of firms) {
    for (const point of firm.path) {
      if (point.car === null) continue
      const cell = pathDays.get(point.day) ?? { cars: [], variances: [] }
      cell.cars.push(point.car)
      cell.variances.push(point.sd === null ? null : point.sd * point.sd)
      pathDays.set(point.day, cell)
    }
  }
  const path = [...pathDays.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, cell]): PortfolioPathPoint => {
      const n = cell.cars.length
      const caar = mean(cell.cars)
      const sd = cell.variances.every((v) => v !== null)
        ? Math.sqrt(cell.variances.reduce<number>((a, v) => a + (v ?? 0), 0)) / n
        : null
      return { day, caar, n, sd, lower: sd === null ? null : caar - z * sd, upper: sd === null ? null : caar + z * sd }
    })

  return {
    n: firms.length,
    symbols: firms.map((f) => f.symbol),
    aar,
    caar: windows.map((w) => portfolioWindow(firms, w)),
    path,
  }
}
