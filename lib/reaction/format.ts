import { formatCompact } from '../number-format'
import type { ReactionCar } from './types'

/** Why a CAR cell is empty, for its title. */
export function carMissingReason(car: ReactionCar | undefined): string {
  return car?.incomplete === 'past_end_of_data'
    ? 'the data ends before the end of the window'
    : car?.incomplete === 'benchmark_gap'
      ? 'the benchmark has no paired session on a day of the window'
      : 'a day of the window is not in the data'
}

/**
 * A share count in compact form, `24500000000` -> `24.5B`. Kept here rather than in lib/format because only the
 * reaction table and the claims show share counts; two decimals so `4.69B` (AVGO) is not shown as `4.7B`.
 */
export function formatShareCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return formatCompact(value, 2)
}

/** `[0, 1]` -> `CAR[0,+1]`, the way event-study tables name their windows. */
export function formatWindow([t1, t2]: readonly [number, number]): string {
  const day = (t: number) => (t > 0 ? `+${t}` : String(t))
  return `CAR[${day(t1)},${day(t2)}]`
}
