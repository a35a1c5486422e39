import { US_MARKET_CALENDAR, nextSession, previousSession } from '../calendar'
import type { IsoDate } from '../types'

/**
 * Zoom and pan on the time axis, in sessions (the axis has one slot per session), so a wheel step or a drag
 * means the same at any range. Every loop is bounded by `MAX_SHIFT` sessions.
 */

export interface DateRange {
  from: IsoDate
  to: IsoDate
}

/** Each zoom step shows this share of the sessions (in) or its inverse (out). */
export const ZOOM_STEP = 0.7
/** The least sessions a zoom-in keeps on the axis. */
export const MIN_ZOOM_SESSIONS = 5
const MAX_SHIFT = 2600

function shift(date: IsoDate, sessions: number): IsoDate {
  let d = date
  const n = Math.min(MAX_SHIFT, Math.abs(Math.round(sessions)))
  try {
    for (let k = 0; k < n; k++)
      d = sessions > 0 ? nextSession(US_MARKET_CALENDAR, d) : previousSession(US_MARKET_CALENDAR, d)
  } catch {
    // Past the years the calendar knows: stop at the last session it could name.
  }
  return d
}

const clampRange = (range: DateRange, bounds: DateRange | null): DateRange => {
  if (!bounds) return range
  return { from: range.from < bounds.from ? bounds.from : range.from, to: range.to > bounds.to ? bounds.to : range.to }
}

/**
 * The range after one zoom step around the session at `anchor` (an index into `dates`, the sessions drawn).
 * Zooming in keeps the anchor at the same place on the axis; zooming out adds sessions on both sides in the
 * same proportion. `bounds` (the data window) caps a zoom-out; null leaves it open.
 */
export function zoomRange(
  dates: readonly IsoDate[],
  anchor: number,
  direction: 1 | -1,
  bounds: DateRange | null,
): DateRange | null {
  const n = dates.length
  if (n === 0) return null
  const a = Math.min(n - 1, Math.max(0, Math.round(anchor)))
  const share = n > 1 ? a / (n - 1) : 0.5
  if (direction === 1) {
    const keep = Math.max(MIN_ZOOM_SESSIONS, Math.round(n * ZOOM_STEP))
    if (keep >= n) return null
    const start = Math.min(n - keep, Math.max(0, Math.round(a - share * (keep - 1))))
    return { from: dates[start] as IsoDate, to: dates[start + keep - 1] as IsoDate }
  }
  const extra = Math.max(2, Math.round(n / ZOOM_STEP) - n)
  const before = Math.round(extra * share)
  const range = clampRange(
    { from: shift(dates[0] as IsoDate, -before), to: shift(dates[n - 1] as IsoDate, extra - before) },
    bounds,
  )
  return range.from === dates[0] && range.to === dates[n - 1] ? null : range
}

/** The range moved by `sessions` (> 0 later), keeping its length in sessions; stops at `bounds`. */
export function panRange(range: DateRange, sessions: number, bounds: DateRange | null): DateRange | null {
  if (!Number.isFinite(sessions) || Math.round(sessions) === 0) return null
  let from = shift(range.from, sessions)
  let to = shift(range.to, sessions)
  if (bounds && to > bounds.to) {
    const over = sessionCount(bounds.to, to)
    to = bounds.to
    from = shift(from, -over)
  }
  if (bounds && from < bounds.from) {
    const over = sessionCount(from, bounds.from)
    from = bounds.from
    to = shift(to, over)
    if (to > bounds.to) to = bounds.to
  }
  return from === range.from && to === range.to ? null : { from, to }
}

function sessionCount(from: IsoDate, to: IsoDate): number {
  let d = from
  let k = 0
  try {
    while (d < to && k < MAX_SHIFT) {
      d = nextSession(US_MARKET_CALENDAR, d)
      k++
    }
  } catch {
    // Past the calendar's years: count what it could.
  }
  return k
}
