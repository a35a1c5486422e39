import type { Bar, IsoDate } from '../types'

/** Bars must be strictly ascending by date; anything else is a caller bug, not a data condition. */
export function assertAscending(bars: readonly Bar[], label = 'bars'): void {
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1]
    const cur = bars[i]
    if (prev && cur && !(prev.date < cur.date)) {
      throw new RangeError(`${label} must be strictly ascending by date (${prev.date} then ${cur.date})`)
    }
  }
}

/** Index of each session date in `bars`. */
export function sessionIndex(bars: readonly Bar[]): Map<IsoDate, number> {
  const index = new Map<IsoDate, number>()
  bars.forEach((bar, i) => index.set(bar.date, i))
  return index
}

export interface NearestSessions {
  before: IsoDate | null
  after: IsoDate | null
}

/** The last session strictly before `date` and the first strictly after it (ISO dates sort as strings). */
export function nearestSessions(bars: readonly Bar[], date: IsoDate): NearestSessions {
  let lo = 0
  let hi = bars.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const d = bars[mid]?.date
    if (d !== undefined && d < date) lo = mid + 1
    else hi = mid
  }
  // lo is now the first index whose date is >= `date`.
  const before = bars[lo - 1]?.date ?? null
  const atOrAfter = bars[lo]
  const after = atOrAfter ? (atOrAfter.date === date ? (bars[lo + 1]?.date ?? null) : atOrAfter.date) : null
  return { before, after }
}
