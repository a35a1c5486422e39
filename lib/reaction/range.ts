import { CalendarRangeError, US_MARKET_CALENDAR, previousSession } from '../calendar'
import { DATA_WINDOW } from '../snapshot/data-window'
import { addDays } from '../dates'
import { guessTimeZone } from '../symbols'
import type { DateRange, IsoDate } from '../types'

/** Calendar days loaded after day 0: room for windows up to +20 sessions on any exchange's calendar. */
export const DAYS_AFTER_DAY0 = 60
/** Longest stretch after day 0 searched for a recovery. */
export const RECOVERY_HORIZON_DAYS = 400
/**
 * Extra calendar days before the first needed US session. A US series follows the US calendar, so a few days
 * only guard against a missing bar; another exchange (Tokyo) has other holidays and needs about one more
 * session per ten.
 */
export const US_MARGIN_DAYS = 3
export const FOREIGN_MARGIN_FRACTION = 0.1
export const FOREIGN_MARGIN_MIN_DAYS = 14
/** Fallback where the US calendar cannot count sessions (before 1998): about 1.6 calendar days per session. */
const DAYS_PER_SESSION_ROUGH = 1.6
const ROUGH_MARGIN_DAYS = 30

const US_TIME_ZONE = 'America/New_York'

/** The session `sessions` US sessions before `day0`, or null outside the calendar's coverage. */
function usSessionsBack(day0: IsoDate, sessions: number): IsoDate | null {
  try {
    let day = day0
    for (let i = 0; i < sessions; i++) day = previousSession(US_MARKET_CALENDAR, day)
    return day
  } catch (error) {
    if (error instanceof CalendarRangeError) return null
    throw error
  }
}

/**
 * The one price range an event study on `day0` loads: from the close before the first estimation day
 * (`estimation + gap + 1` sessions before day 0) to the end of the data, for the windows and the recovery.
 *
 * The start is counted on the US calendar, not estimated as calendar days x 1.6: a generous estimate reaches
 * before the embedded snapshot (2024-07-01) for events in January 2025, which in `auto` mode sends every
 * request to the live source and in `snapshot` mode adds a "data starts later" warning to every answer.
 *
 * The end is the snapshot's last day or day 0 + 400 days, whichever is sooner, but never less than 60 days
 * after day 0 (a day 0 after the snapshot is served live and still needs its windows).
 */
export function reactionPriceRange(input: {
  day0: IsoDate
  estimation: number
  gap: number
  symbols: readonly string[]
}): DateRange {
  const { day0, estimation, gap, symbols } = input
  const needed = estimation + gap + 1
  const foreign = symbols.some((s) => guessTimeZone(s) !== US_TIME_ZONE)
  const first = usSessionsBack(day0, needed)
  let from: IsoDate
  if (first === null) {
    from = addDays(day0, -Math.ceil(needed * DAYS_PER_SESSION_ROUGH + ROUGH_MARGIN_DAYS))
  } else {
    const margin = foreign
      ? Math.max(FOREIGN_MARGIN_MIN_DAYS, Math.ceil(needed * FOREIGN_MARGIN_FRACTION))
      : US_MARGIN_DAYS
    from = addDays(first, -margin)
  }
  const recoveryEnd = addDays(day0, RECOVERY_HORIZON_DAYS)
  const snapshotOrHorizon = DATA_WINDOW.to < recoveryEnd ? DATA_WINDOW.to : recoveryEnd
  const windowsEnd = addDays(day0, DAYS_AFTER_DAY0)
  return { from, to: snapshotOrHorizon > windowsEnd ? snapshotOrHorizon : windowsEnd }
}
