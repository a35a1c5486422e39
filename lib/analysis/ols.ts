import { AnalysisError } from './errors'

export interface OlsFit {
  alpha: number
  beta: number
  /** Sum of squared residuals. */
  ssr: number
  /** Residual variance `SSR / (n - 2)`. */
  s2: number
  /** Residual standard error `sqrt(s2)`. */
  s: number
  n: number
  /**
   * True when the residuals are zero up to floating-point rounding (s <= 1e-10 x max|y|). Then `s` measures
   * rounding noise, not variation, and any statistic divided by it is meaningless.
   */
  exact: boolean
}

const EXACT_FIT_TOLERANCE = 1e-10

/** Ordinary least squares of `y = alpha + beta x + e`. */
export function ols(x: readonly number[], y: readonly number[]): OlsFit {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length (${x.length} vs ${y.length})`)
  const n = x.length
  if (n < 3) {
    throw new AnalysisError(
      'insufficient_data',
      `A regression needs at least 3 observations to estimate its residual variance; got ${n}.`,
      { n, needed: 3 },
    )
  }
  if (!x.every(Number.isFinite) || !y.every(Number.isFinite)) {
    throw new AnalysisError('degenerate', 'The regression inputs contain a value that is not a finite number.', { n })
  }

  // Centred sums: the raw-moment formula loses most digits when returns are tiny relative to their mean.
  let sumX = 0
  let sumY = 0
  for (let i = 0; i < n; i++) {
    sumX += x[i] ?? 0
    sumY += y[i] ?? 0
  }
  const meanX = sumX / n
  const meanY = sumY / n
  let sxx = 0
  let sxy = 0
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - meanX
    sxx += dx * dx
    sxy += dx * ((y[i] ?? 0) - meanY)
  }
  const first = x[0]
  if (!(sxx > 0) || x.every((v) => v === first)) {
    throw new AnalysisError('degenerate', 'The explanatory variable does not vary, so the slope is undefined.', {
      n,
      value: first,
    })
  }

  const beta = sxy / sxx
  const alpha = meanY - beta * meanX
  let ssr = 0
  let maxAbsY = 0
  for (let i = 0; i < n; i++) {
    const yi = y[i] ?? 0
    const e = yi - (alpha + beta * (x[i] ?? 0))
    ssr += e * e
    maxAbsY = Math.max(maxAbsY, Math.abs(yi))
  }
  const s2 = ssr / (n - 2)
  const s = Math.sqrt(s2)
  return { alpha, beta, ssr, s2, s, n, exact: s <= EXACT_FIT_TOLERANCE * maxAbsY }
}
