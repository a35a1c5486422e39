import type { Recovery } from '../analysis'
import { T_CRITICAL_5 } from '../reaction/significance'
import type { Verdict } from './types'

/**
 * The verdict rules, one pure function per claim, with every threshold named. The claims' own numbers (17%,
 * $500 billion, two days) are the claims' words; the other constants are the rules we judge them by.
 */

/** "Fell 17%": the claim's own figure, as a decimal fraction. */
export const CLAIMED_ONE_DAY_DROP = 0.17
/** A drop within this many percentage points of the claimed one is "partly supported" (the size is roughly right). */
export const DROP_NEAR_MISS_POINTS = 2

/** "More than $500 billion": the claim's own threshold, in US dollars. */
export const CLAIMED_VALUE_LOST_USD = 500_000_000_000
/**
 * Share counts are rounded to three significant figures and dated up to a quarter away from day 0; a loss must
 * clear the threshold by more than this fraction to be "supported" whatever the exact count was.
 */
export const SHARE_COUNT_TOLERANCE = 0.01
/** A loss within this fraction below the threshold is "partly supported" (close, but not more than claimed). */
export const VALUE_NEAR_MISS_FRACTION = 0.1

/** "Two days after": the claim's own gap, in calendar days. */
export const CLAIMED_DAYS_AFTER = 2

/** An abnormal return counts as a real move when |t| reaches the 5% two-sided critical value. */
export const SIGNIFICANT_T = T_CRITICAL_5
/**
 * Our line for a broad, whole-market selloff: the benchmark (SPY, the S&P 500) losing 2% or more in one session.
 * A round rule of thumb, not a statistic; the claim's summary always shows the benchmark's actual return, so a
 * reader can apply their own line.
 */
export const BROAD_SELLOFF_RETURN = -0.02

export interface AbnormalMove {
  abnormalReturn: number
  tAR: number | null
}

const significantlyNegative = (m: AbnormalMove) => m.abnormalReturn < 0 && m.tAR !== null && m.tAR <= -SIGNIFICANT_T
const significantlyPositive = (m: AbnormalMove) => m.abnormalReturn > 0 && m.tAR !== null && m.tAR >= SIGNIFICANT_T

/** Claim: "fell X% in one day". Judged on the close-to-close return rounded to whole percent, as people quote it. */
export function oneDayDropVerdict(dayReturn: number, claimedDrop: number = CLAIMED_ONE_DAY_DROP): Verdict {
  if (!(dayReturn < 0)) return 'wrong'
  const dropPoints = -dayReturn * 100
  const claimedPoints = claimedDrop * 100
  if (Math.round(dropPoints) === Math.round(claimedPoints)) return 'supported'
  if (Math.abs(dropPoints - claimedPoints) <= DROP_NEAR_MISS_POINTS) return 'partly supported'
  return 'not supported'
}

/**
 * Claim: "more than $X of market value was wiped out". `change` is the day's market-value change (negative for a
 * loss), null when no sourced share count exists, in which case the claim cannot be supported from the data.
 */
export function valueLostVerdict(change: number | null, threshold: number = CLAIMED_VALUE_LOST_USD): Verdict {
  if (change === null) return 'not supported'
  if (change >= 0) return 'wrong'
  const loss = -change
  if (loss * (1 - SHARE_COUNT_TOLERANCE) > threshold) return 'supported'
  if (loss >= threshold * (1 - VALUE_NEAR_MISS_FRACTION)) return 'partly supported'
  return 'not supported'
}

/**
 * Claim: "B happened N days after A". `daysAfter` is B's date minus A's date in calendar days: the claimed gap is
 * supported, the right order with another gap is partly supported, the same day is not supported, and B before A
 * gets the order wrong.
 */
export function daysAfterVerdict(daysAfter: number, claimedDays: number = CLAIMED_DAYS_AFTER): Verdict {
  if (daysAfter === claimedDays) return 'supported'
  if (daysAfter > 0) return 'partly supported'
  if (daysAfter === 0) return 'not supported'
  return 'wrong'
}

/**
 * Claim: "the selloff hit these groups, not the whole market". Supported when every group's abnormal return is
 * significantly negative and the benchmark itself fell by less than a broad selloff; partly when only some groups
 * were hit, or all were but the market sold off broadly too; wrong when every group rose significantly.
 */
export function sectorSelloffVerdict(groups: readonly AbnormalMove[], marketReturn: number): Verdict {
  if (groups.length === 0) return 'not supported'
  const hit = groups.filter(significantlyNegative).length
  if (hit === groups.length && marketReturn > BROAD_SELLOFF_RETURN) return 'supported'
  if (hit > 0) return 'partly supported'
  if (groups.every(significantlyPositive)) return 'wrong'
  return 'not supported'
}

/** Claim: "it would recover". Each entry is a symbol's recovery of its pre-selloff close, null if not within the data. */
export function recoveryVerdict(recoveries: readonly (Recovery | null)[]): Verdict {
  const recovered = recoveries.filter((r) => r !== null).length
  if (recoveries.length > 0 && recovered === recoveries.length) return 'supported'
  if (recovered > 0) return 'partly supported'
  return 'not supported'
}

/**
 * Claim: "the news lifted these companies". Supported when every day-0 abnormal return is significantly positive,
 * partly when some are, wrong when every one is significantly negative.
 */
export function partnersLiftedVerdict(partners: readonly AbnormalMove[]): Verdict {
  if (partners.length === 0) return 'not supported'
  const lifted = partners.filter(significantlyPositive).length
  if (lifted === partners.length) return 'supported'
  if (lifted > 0) return 'partly supported'
  if (partners.every(significantlyNegative)) return 'wrong'
  return 'not supported'
}
