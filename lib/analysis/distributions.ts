import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

/**
 * The two reference distributions of the event-study tests, from stdlib (ports of the Cephes/Boost algorithms).
 * Chosen over jStat because its t CDF agrees with SciPy to about 1e-16 where jStat's is off by up to 4e-8
 * relative (t = -1.82, df = 118): enough to move the last digits a referee's recomputation compares.
 */

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Two-sided p-value `P(|T| >= |t|)` of Student's t with `df` degrees of freedom; null when undefined. */
export function studentTwoSidedP(t: number | null, df: number): number | null {
  if (t === null || !Number.isFinite(t) || !(df > 0)) return null
  // The lower tail of -|t| keeps full relative precision for tiny p, which 1 - cdf(|t|) would round to 0.
  return finiteOrNull(2 * tCdf(-Math.abs(t), df))
}

/** Two-sided p-value `P(|Z| >= |z|)` of the standard normal; null when undefined. */
export function normalTwoSidedP(z: number | null): number | null {
  if (z === null || !Number.isFinite(z)) return null
  return finiteOrNull(2 * normalCdf(-Math.abs(z), 0, 1))
}

/** Two-sided critical value of Student's t at level `alpha` (0.05 -> 2.1009 for df = 18). */
export function studentCritical(alpha: number, df: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`)
  if (!(df > 0)) throw new RangeError(`df must be positive, got ${df}`)
  return tQuantile(1 - alpha / 2, df)
}

/** Two-sided critical value of the standard normal at level `alpha` (0.05 -> 1.95996). */
export function normalCritical(alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`)
  return normalQuantile(1 - alpha / 2, 0, 1)
}

export type SignificanceLevel = '1%' | '5%' | null

/** The strictest of the usual two-sided levels a p-value reaches: 1% (`**`), 5% (`*`) or none. */
export function significanceLevel(p: number | null | undefined): SignificanceLevel {
  if (p === null || p === undefined || !Number.isFinite(p)) return null
  return p <= 0.01 ? '1%' : p <= 0.05 ? '5%' : null
}
