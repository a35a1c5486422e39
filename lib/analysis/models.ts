import { AnalysisError } from './errors'
import { crossProduct, crossVector, invert, multiply, quadraticForm, type Matrix } from './linear-algebra'
import { ols } from './ols'

import type { ModelKind } from './parameters'

export { MODEL_KINDS, type ModelKind } from './parameters'

/**
 * One day of data for a model: the stock's return `y` and the benchmark regressors `x` without the intercept:
 * `[R_m,t]` for the market model and the market-adjusted model, `[R_m,t-1, R_m,t, R_m,t+1]` for the market model
 * with Dimson's lead and lag, `[]` for the constant-mean model.
 */
export interface ModelObservation {
  y: number
  x: readonly number[]
}

export interface FittedModel {
  kind: ModelKind
  /** Intercept: OLS alpha, the estimation mean of R_i (constant mean), 0 (market-adjusted). */
  alpha: number
  /** Slopes on the regressors: one (market), three (Dimson), [1] (market-adjusted), [] (constant mean). */
  slopes: number[]
  /** The market beta: the slope, the sum of Dimson's three slopes, 1 (market-adjusted), 0 (constant mean). */
  beta: number
  /** Residual variance s^2 with the model's degrees of freedom as divisor. */
  s2: number
  s: number
  /** Degrees of freedom of s^2: M - 2 (market), M - 4 (Dimson), M - 1 (market-adjusted, constant mean). */
  df: number
  /** Estimation sessions used. */
  m: number
  /** Estimation-window abnormal returns (the residuals), in the order of the observations. */
  residuals: number[]
  /** True when the residuals are zero up to rounding: every variance is then 0 and no statistic is defined. */
  exact: boolean
  /** Normal (expected) return for the regressors of one day. */
  expected(x: readonly number[]): number
  /** Var(AR_t): s^2 times (1 + the day's leverage), the prediction-error variance of MacKinlay (1997). */
  arVariance(x: readonly number[]): number
  /** Var(CAR) over the given days: the sum of the full covariance matrix of their prediction errors. */
  carVariance(xs: readonly (readonly number[])[]): number
}

const EXACT_FIT_TOLERANCE = 1e-10

function isExact(s: number, ys: readonly number[]): boolean {
  const maxAbs = ys.reduce((m, y) => Math.max(m, Math.abs(y)), 0)
  return s <= EXACT_FIT_TOLERANCE * maxAbs
}

function needAtLeast(m: number, needed: number, kind: string): void {
  if (m < needed) {
    throw new AnalysisError(
      'insufficient_data',
      `The ${kind} needs at least ${needed} estimation sessions to estimate its variance; got ${m}.`,
      {
        n: m,
        needed,
      },
    )
  }
}

function sampleVariance(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length
  const mean = values.reduce((a, b) => a + b, 0) / n
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0)
  return { mean, variance: ss / (n - 1) }
}

/**
 * Market model with one regressor, in the closed forms of docs/event-study.md:
 * Var(AR_t) = s^2 (1 + 1/M + (R_m,t - m̄)^2 / S_xx); Var(CAR) = s^2 (L + L^2/M + (sum (R_m,t - m̄))^2 / S_xx).
 */
function fitMarket(obs: readonly ModelObservation[]): FittedModel {
  const xs = obs.map((o) => o.x[0] ?? Number.NaN)
  const ys = obs.map((o) => o.y)
  const fit = ols(xs, ys)
  const m = obs.length
  const mBar = xs.reduce((a, b) => a + b, 0) / m
  const sxx = xs.reduce((a, x) => a + (x - mBar) ** 2, 0)
  const market = (x: readonly number[]) => x[0] ?? Number.NaN
  return {
    kind: 'market',
    alpha: fit.alpha,
    slopes: [fit.beta],
    beta: fit.beta,
    s2: fit.s2,
    s: fit.s,
    df: m - 2,
    m,
    residuals: obs.map((o) => o.y - (fit.alpha + fit.beta * market(o.x))),
    exact: fit.exact,
    expected: (x) => fit.alpha + fit.beta * market(x),
    arVariance: (x) => fit.s2 * (1 + 1 / m + (market(x) - mBar) ** 2 / sxx),
    carVariance: (days) => {
      const l = days.length
      const sumDev = days.reduce((a, x) => a + (market(x) - mBar), 0)
      return fit.s2 * (l + (l * l) / m + (sumDev * sumDev) / sxx)
    },
  }
}

/**
 * OLS with an intercept and several regressors (the Dimson market model), in matrix form: with z_t = (1, x_t),
 * Var(AR_t) = s^2 (1 + z_t' (Z'Z)^-1 z_t) and Var(CAR) = s^2 (L + (sum z_t)' (Z'Z)^-1 (sum z_t)).
 */
function fitMultiple(obs: readonly ModelObservation[]): FittedModel {
  const k = (obs[0]?.x.length ?? 0) + 1
  const m = obs.length
  needAtLeast(m, k + 1, 'market model with lead and lag')
  const rows = obs.map((o) => [1, ...o.x])
  const ys = obs.map((o) => o.y)
  if (!rows.flat().every(Number.isFinite) || !ys.every(Number.isFinite)) {
    throw new AnalysisError('degenerate', 'The regression inputs contain a value that is not a finite number.', {
      n: m,
    })
  }
  const inverse: Matrix | null = invert(crossProduct(rows))
  if (!inverse) {
    throw new AnalysisError(
      'degenerate',
      'The benchmark returns and their lead and lag are collinear, so the slopes are undefined.',
      { n: m },
    )
  }
  const coef = multiply(inverse, crossVector(rows, ys))
  const predict = (z: readonly number[]) => z.reduce((a, zi, i) => a + zi * (coef[i] ?? 0), 0)
  const residuals = rows.map((z, t) => (ys[t] ?? 0) - predict(z))
  const df = m - k
  const s2 = residuals.reduce((a, e) => a + e * e, 0) / df
  const s = Math.sqrt(s2)
  const slopes = coef.slice(1)
  return {
    kind: 'market',
    alpha: coef[0] ?? 0,
    slopes,
    beta: slopes.reduce((a, b) => a + b, 0),
    s2,
    s,
    df,
    m,
    residuals,
    exact: isExact(s, ys),
    expected: (x) => predict([1, ...x]),
    arVariance: (x) => s2 * (1 + quadraticForm(inverse, [1, ...x])),
    carVariance: (days) => {
      const sum = new Array<number>(k).fill(0)
      for (const x of days) [1, ...x].forEach((z, i) => (sum[i] = (sum[i] ?? 0) + z))
      return s2 * (days.length + quadraticForm(inverse, sum))
    },
  }
}

/** Market-adjusted model: AR = R_i - R_m, nothing estimated, so Var(AR_t) = s^2 and Var(CAR) = L s^2. */
function fitMarketAdjusted(obs: readonly ModelObservation[]): FittedModel {
  const m = obs.length
  needAtLeast(m, 2, 'market-adjusted model')
  const residuals = obs.map((o) => o.y - (o.x[0] ?? Number.NaN))
  const { variance } = sampleVariance(residuals)
  const s = Math.sqrt(variance)
  return {
    kind: 'market-adjusted',
    alpha: 0,
    slopes: [1],
    beta: 1,
    s2: variance,
    s,
    df: m - 1,
    m,
    residuals,
    exact: isExact(
      s,
      obs.map((o) => o.y),
    ),
    expected: (x) => x[0] ?? Number.NaN,
    arVariance: () => variance,
    carVariance: (days) => days.length * variance,
  }
}

/** Constant-mean model: AR = R_i - mean(R_i); Var(AR_t) = s^2 (1 + 1/M), Var(CAR) = s^2 (L + L^2/M). */
function fitConstantMean(obs: readonly ModelObservation[]): FittedModel {
  const m = obs.length
  needAtLeast(m, 2, 'constant-mean model')
  const ys = obs.map((o) => o.y)
  const { mean, variance } = sampleVariance(ys)
  const s = Math.sqrt(variance)
  return {
    kind: 'constant-mean',
    alpha: mean,
    slopes: [],
    beta: 0,
    s2: variance,
    s,
    df: m - 1,
    m,
    residuals: ys.map((y) => y - mean),
    exact: isExact(s, ys),
    expected: () => mean,
    arVariance: () => variance * (1 + 1 / m),
    carVariance: (days) => variance * (days.length + (days.length * days.length) / m),
  }
}

/** Fits the model of normal return on the estimation window's observations. */
export function fitModel(kind: ModelKind, obs: readonly ModelObservation[]): FittedModel {
  switch (kind) {
    case 'market':
      return (obs[0]?.x.length ?? 1) === 1 ? fitMarket(obs) : fitMultiple(obs)
    case 'market-adjusted':
      return fitMarketAdjusted(obs)
    case 'constant-mean':
      return fitConstantMean(obs)
    default: {
      const unhandled: never = kind
      throw new RangeError(`Unknown model: ${String(unhandled)}`)
    }
  }
}
