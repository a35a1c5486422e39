import type { Recovery } from '../analysis'
import type { Verdict } from './types'

/**
 * The verdict rules, one pure function per kind of claim, with every threshold named. The claims' own numbers
 * (17%, $500 billion, two days) are the claims' words; the other constants are the rules we judge them by. The
 * same significance rule is used wherever a claim says a group of stocks moved.
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
/** "Right after" / "immediately": at most this many calendar days later. */
export const SOON_AFTER_DAYS = 7
export const IMMEDIATELY_DAYS = 1

/** A move is significant when its two-sided p-value (Student's t with the model's df) is at most this. */
export const SIGNIFICANCE_P = 0.05
/** p-values in this band are reported as borderline: a slightly different model could move them across the line. */
export const BORDERLINE_P: readonly [number, number] = [0.02, 0.15]

/** "The market would recover": judged over this many sessions after day 0 (about three months). */
export const RECOVERY_HORIZON_SESSIONS = 63
/** A recovery within this many sessions of the horizon's end is reported as borderline. */
export const RECOVERY_BORDERLINE_SESSIONS = 5

export interface AbnormalMove {
  abnormalReturn: number
  /** Two-sided p-value of the abnormal return; null when undefined. */
  p: number | null
}

export type Direction = 'up' | 'down'

export const isSignificant = (m: AbnormalMove, direction: Direction) =>
  m.p !== null && m.p <= SIGNIFICANCE_P && (direction === 'up' ? m.abnormalReturn > 0 : m.abnormalReturn < 0)

export const isBorderline = (p: number | null) => p !== null && p >= BORDERLINE_P[0] && p <= BORDERLINE_P[1]

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

/** Claim: "B came right after A": B after A within `maxDays` calendar days; later is partly; B before A is wrong. */
export function soonAfterVerdict(daysAfter: number, maxDays: number = SOON_AFTER_DAYS): Verdict {
  if (daysAfter < 0) return 'wrong'
  if (daysAfter <= maxDays) return 'supported'
  return 'partly supported'
}

/** Claim: "X happened on date D": the dated record agrees or not. */
export function sameDateVerdict(claimed: string, recorded: string): Verdict {
  return claimed === recorded ? 'supported' : 'wrong'
}

/**
 * Claim: "$A at first and $B by year Y". Supported when both sums are as announced and the announcement names Y;
 * partly when the sums are right and Y only follows from the announced span (not stated in it); not supported
 * when Y does not even follow; wrong when a sum differs.
 */
export function announcedSumsVerdict(
  claimed: { immediateUsd: number; totalUsd: number; endYear: number },
  announced: { immediateUsd: number; totalUsd: number; years: number; endYearNamed: number | null; year: number },
): Verdict {
  if (claimed.immediateUsd !== announced.immediateUsd || claimed.totalUsd !== announced.totalUsd) return 'wrong'
  if (announced.endYearNamed !== null)
    return claimed.endYear === announced.endYearNamed ? 'supported' : 'partly supported'
  return claimed.endYear === announced.year + announced.years ? 'partly supported' : 'not supported'
}

/**
 * Claim: "these stocks moved (up or down) on the news". One rule for every group claim: supported when every
 * member's day-0 abnormal return is significant in the claimed direction, partly when some are, wrong when every
 * one is significant the other way, not supported otherwise.
 */
export function groupMoveVerdict(members: readonly AbnormalMove[], direction: Direction): Verdict {
  if (members.length === 0) return 'not supported'
  const moved = members.filter((m) => isSignificant(m, direction)).length
  if (moved === members.length) return 'supported'
  if (moved > 0) return 'partly supported'
  const other: Direction = direction === 'up' ? 'down' : 'up'
  if (members.every((m) => isSignificant(m, other))) return 'wrong'
  return 'not supported'
}

/**
 * Claim: "the selloff hit these groups, not the whole market". The groups by `groupMoveVerdict` (down); the market
 * by its own day-0 return against its own history (constant-mean model): "not the whole market" holds when that is
 * not significantly negative. Supported needs both; partly when the groups were hit but the market fell
 * significantly too, or only some groups were hit.
 */
export function notTheWholeMarketVerdict(groups: readonly AbnormalMove[], market: AbnormalMove): Verdict {
  const groupVerdict = groupMoveVerdict(groups, 'down')
  if (groupVerdict === 'supported') return isSignificant(market, 'down') ? 'partly supported' : 'supported'
  return groupVerdict
}

export interface RecoveryCheck {
  recovery: Recovery | null
  /** Whether the close at day +horizon (or the last close, if the data end sooner) is at or above day -1's. */
  heldAtHorizon: boolean | null
}

/**
 * Claim: "the market would recover". Supported when every symbol regained its day -1 close within the horizon and
 * was still at or above it at the horizon's end; partly when all regained it within the horizon but some lost it
 * again by then, or when some regained it only after the horizon; not supported when one never did in the data.
 */
export function recoveryVerdict(
  checks: readonly RecoveryCheck[],
  horizon: number = RECOVERY_HORIZON_SESSIONS,
): Verdict {
  if (checks.length === 0 || checks.some((c) => c.recovery === null)) return 'not supported'
  const inTime = checks.every((c) => c.recovery !== null && c.recovery.sessions <= horizon)
  if (inTime && checks.every((c) => c.heldAtHorizon === true)) return 'supported'
  return 'partly supported'
}
