import type { MarketSession } from '../events/catalog'
import { guessTimeZone } from '../symbols'
import type { IsoDate } from '../types'

/**
 * Regular trading hours of the exchanges the app lists, local to each exchange's zone. They decide which
 * session of a foreign listing is day 0 and which benchmark session pairs with it (time-matched pairing).
 *
 * Sources: NYSE and Nasdaq regular session 09:30-16:00 ET; Tokyo Stock Exchange 09:00-15:30 JST since
 * 2024-11-05 (15:00 before: JPX, "Extension of trading hours", arrowhead renewal); HKEX 09:30-16:00 HKT;
 * LSE 08:00-16:30 UK time. Lunch breaks do not matter here: only the open and the close do.
 */
interface ExchangeHours {
  name: string
  open: string
  /** Closing times in force from each date on, latest last. */
  closes: readonly { from: IsoDate; time: string }[]
}

const HOURS: Readonly<Record<string, ExchangeHours>> = {
  'America/New_York': {
    name: 'the US market (NYSE, Nasdaq)',
    open: '09:30',
    closes: [{ from: '1900-01-01', time: '16:00' }],
  },
  'Asia/Tokyo': {
    name: 'the Tokyo Stock Exchange',
    open: '09:00',
    closes: [
      { from: '1900-01-01', time: '15:00' },
      { from: '2024-11-05', time: '15:30' },
    ],
  },
  'Asia/Hong_Kong': { name: 'the Hong Kong exchange', open: '09:30', closes: [{ from: '1900-01-01', time: '16:00' }] },
  'Europe/London': {
    name: 'the London Stock Exchange',
    open: '08:00',
    closes: [{ from: '1900-01-01', time: '16:30' }],
  },
}

const US_ZONE = 'America/New_York'

function hoursOf(timeZone: string): ExchangeHours {
  return HOURS[timeZone] ?? (HOURS[US_ZONE] as ExchangeHours)
}

export function exchangeName(symbol: string): string {
  return hoursOf(guessTimeZone(symbol)).name
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

/** Offset of `timeZone` from UTC at an instant, in ms (Tokyo: +9 h). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  let format = offsetFormatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    offsetFormatters.set(timeZone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]))
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return asUtc - Math.floor(epochMs / 1000) * 1000
}

/** The instant of a local wall-clock time (`HH:MM`) on a date in an IANA zone. */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): number {
  const key = `${date}|${time}|${timeZone}`
  const known = instants.get(key)
  if (known !== undefined) return known
  const instant = computeZonedInstant(date, time, timeZone)
  // Every bar of every study asks for its session's close: the same few thousand (date, time, zone) again and
  // again, each costing two Intl formatToParts calls. Capped, since the dates come from requests.
  if (instants.size >= MAX_INSTANTS) instants.clear()
  instants.set(key, instant)
  return instant
}

const MAX_INSTANTS = 50_000
const instants = new Map<string, number>()

function computeZonedInstant(date: IsoDate, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0)
  // Two passes settle the offset also on the day a zone changes between summer and winter time.
  let instant = wall - zoneOffsetMs(wall, timeZone)
  instant = wall - zoneOffsetMs(instant, timeZone)
  return instant
}

/** When the session of `date` closes on the exchange of `timeZone`. */
export function closeInstant(date: IsoDate, timeZone: string): number {
  const hours = hoursOf(timeZone)
  let time = hours.closes[0]?.time ?? '16:00'
  for (const c of hours.closes) if (c.from <= date) time = c.time
  return zonedInstant(date, time, HOURS[timeZone] ? timeZone : US_ZONE)
}

export function openInstant(date: IsoDate, timeZone: string): number {
  return zonedInstant(date, hoursOf(timeZone).open, HOURS[timeZone] ? timeZone : US_ZONE)
}

/**
 * The earliest instant an event can have happened, from its date and its session relative to US hours (the
 * catalog's `session`; the date is read as a New York date, as the effective trading date reads it). Times
 * in the catalog are free text, so they are not parsed: the session is the curated fact.
 * An event "at the close" is priced by the closing auction, so it counts one minute before 16:00.
 */
export function eventInstant(date: IsoDate, session: MarketSession): number {
  const time: Record<MarketSession, string> = {
    market_closed: '00:00',
    weekend: '00:00',
    unknown: '00:00',
    pre_market: '04:00',
    pre_or_during: '04:00',
    during: '09:30',
    close: '15:59',
    after_close: '16:00',
    after_close_likely: '16:00',
  }
  return zonedInstant(date, time[session], US_ZONE)
}

/** The reader's own day 0: `session=before-open|during|after-close` on a date. */
export const READER_SESSIONS = ['before-open', 'during', 'after-close'] as const
export type ReaderSession = (typeof READER_SESSIONS)[number]

export function readerSessionToMarketSession(session: ReaderSession): MarketSession {
  return session === 'before-open' ? 'pre_market' : session === 'during' ? 'during' : 'after_close'
}

/** The first of `dates` (ascending session dates of one exchange) whose close comes after `instant`. */
export function firstSessionClosingAfter(dates: readonly IsoDate[], timeZone: string, instant: number): IsoDate | null {
  for (const date of dates) if (closeInstant(date, timeZone) > instant) return date
  return null
}

/**
 * True when a symbol's session closes before the benchmark's session of the same date opens (Tokyo against
 * New York): then its same-date pairing pairs it with a benchmark session that has not happened yet.
 */
export function closesBeforeBenchmarkOpens(symbol: string, benchmark: string, date: IsoDate): boolean {
  return closeInstant(date, guessTimeZone(symbol)) < openInstant(date, guessTimeZone(benchmark))
}
