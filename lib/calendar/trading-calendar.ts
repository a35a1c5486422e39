import { addDays, isIsoDate } from '../dates'
import type { DateRange, IsoDate } from '../types'

/**
 * An exchange's trading calendar: which local dates have a regular session.
 * `coverage` is the span the calendar can answer for; outside it `isTradingDay` throws
 * `CalendarRangeError` instead of guessing, so a wrong "open"/"closed" never reaches a chart or an event study.
 */
export interface TradingCalendar {
  readonly id: string
  /** IANA zone the dates are local to, e.g. `America/New_York`. */
  readonly timeZone: string
  readonly coverage: Readonly<DateRange>
  isTradingDay(date: IsoDate): boolean
}

/** Thrown when a calendar is asked about a date it has no knowledge of. */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError'
  constructor(
    readonly calendarId: string,
    readonly date: IsoDate,
    readonly coverage: Readonly<DateRange>,
  ) {
    super(
      `Trading calendar ${calendarId} covers ${coverage.from}..${coverage.to} only; ` +
        `it cannot say whether ${date} is a trading day.`,
    )
  }
}

export function assertIsoDate(date: string, what = 'date'): asserts date is IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`${what} must be a real calendar date as YYYY-MM-DD, got "${date}"`)
}

/** `date` itself when it is a session, otherwise the first session after it. */
export function sessionOnOrAfter(calendar: TradingCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date)
  let day = date
  // Terminates: isTradingDay throws once the walk leaves the calendar's coverage.
  while (!calendar.isTradingDay(day)) day = addDays(day, 1)
  return day
}

/** The first session strictly after `date` (what an after-the-close event reacts in). */
export function nextSession(calendar: TradingCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date)
  return sessionOnOrAfter(calendar, addDays(date, 1))
}

/** `date` itself when it is a session, otherwise the last session before it. */
export function sessionOnOrBefore(calendar: TradingCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date)
  let day = date
  while (!calendar.isTradingDay(day)) day = addDays(day, -1)
  return day
}

/** The last session strictly before `date` (day -1 of an event study). */
export function previousSession(calendar: TradingCalendar, date: IsoDate): IsoDate {
  assertIsoDate(date)
  return sessionOnOrBefore(calendar, addDays(date, -1))
}

/** Every session in [from, to], inclusive and ascending; empty when `from` is after `to`. */
export function sessionsBetween(calendar: TradingCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  assertIsoDate(from, 'from')
  assertIsoDate(to, 'to')
  const sessions: IsoDate[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (calendar.isTradingDay(day)) sessions.push(day)
  }
  return sessions
}

/**
 * A calendar read off a list of real session dates, e.g. the rows of a price file for 9984.T (Tokyo),
 * whose holidays we do not model by rule. Inside the first..last span, a date missing from the list is
 * taken as closed, so the list must be complete within that span; outside it the calendar refuses to answer.
 */
export function calendarFromDates(id: string, timeZone: string, dates: readonly string[]): TradingCalendar {
  for (const date of dates) assertIsoDate(date, `${id} session date`)
  const sessions = new Set<IsoDate>(dates)
  const sorted = [...sessions].sort()
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  if (first === undefined || last === undefined) {
    throw new RangeError(`Trading calendar ${id} needs at least one session date`)
  }
  const coverage: DateRange = { from: first, to: last }
  return {
    id,
    timeZone,
    coverage,
    isTradingDay(date: IsoDate): boolean {
      assertIsoDate(date)
      if (date < coverage.from || date > coverage.to) throw new CalendarRangeError(id, date, coverage)
      return sessions.has(date)
    },
  }
}
