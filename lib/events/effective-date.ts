import { US_MARKET_CALENDAR } from '../calendar/us-market'
import { nextSession, sessionOnOrAfter, type TradingCalendar } from '../calendar/trading-calendar'
import type { IsoDate } from '../types'
import type { MarketSession } from './catalog'

/**
 * The first session in which the market could react to an event: day 0 of its event study and the date its
 * chart marker is drawn at.
 *
 * - Before the open, during the session, at the close (and "before or during"): that day if it is a session.
 *   An event at the close is priced by the closing auction, so it still belongs to that day.
 * - After the close (certain or likely): the next session strictly after the event date.
 * - Market closed / weekend: the first session on or after the date (by construction, after it).
 * - Unknown hour: the first session on or after the date. The reaction cannot have come earlier than that
 *   session; if the event was in fact after the close, the true day 0 is one session later, which readers of
 *   such events should keep in mind.
 *
 * A session value that contradicts the calendar (e.g. `during` on a holiday) falls through to the next session
 * rather than inventing one; the catalog tests reject such entries anyway.
 */
export function effectiveTradingDate(
  date: IsoDate,
  session: MarketSession,
  calendar: TradingCalendar = US_MARKET_CALENDAR,
): IsoDate {
  switch (session) {
    case 'pre_market':
    case 'during':
    case 'pre_or_during':
    case 'close':
    case 'market_closed':
    case 'weekend':
    case 'unknown':
      return sessionOnOrAfter(calendar, date)
    case 'after_close':
    case 'after_close_likely':
      return nextSession(calendar, date)
    default: {
      const unhandled: never = session
      throw new Error(`Unhandled market session: ${String(unhandled)}`)
    }
  }
}

const SESSION_LABELS: Readonly<Record<MarketSession, string>> = {
  pre_market: 'before the open',
  during: 'during the session',
  close: 'at the close',
  after_close: 'after the close',
  after_close_likely: 'likely after the close',
  pre_or_during: 'before or during the session',
  market_closed: 'market closed',
  weekend: 'weekend',
  unknown: 'time unknown',
}

/** Reader-facing wording for when an event happened relative to US market hours. */
export function sessionLabel(session: MarketSession): string {
  return SESSION_LABELS[session]
}

/**
 * Order of sessions within one day, for sorting events. Events whose hour is unknown come first after the
 * closed-market ones: the earliest they can have happened is the start of the day.
 */
export const SESSION_ORDER: Readonly<Record<MarketSession, number>> = {
  market_closed: 0,
  weekend: 0,
  unknown: 1,
  pre_market: 2,
  pre_or_during: 3,
  during: 4,
  close: 5,
  after_close_likely: 6,
  after_close: 7,
}
