import { addDays, isWeekend, weekday } from '../dates'
import type { IsoDate } from '../types'
import {
  CalendarRangeError,
  assertIsoDate,
  nextSession,
  sessionOnOrAfter,
  sessionsBetween,
  type TradingCalendar,
} from './trading-calendar'

/**
 * The NYSE regular-session calendar, computed from the exchange's holiday rules rather than typed in as a
 * list of sessions, so it stays right for any range a user picks.
 *
 * Coverage starts in 1998, the first year NYSE closed for Martin Luther King Jr. Day; before that the
 * holiday set was different and this module would silently be wrong. Years after the exchange's published
 * schedule are a projection by rule: a future one-off closure cannot be known in advance.
 */
export const US_MARKET_CALENDAR_ID = 'XNYS'
export const US_MARKET_TIME_ZONE = 'America/New_York'
export const US_CALENDAR_FIRST_YEAR = 1998
export const US_CALENDAR_LAST_YEAR = 2099

const US_COVERAGE = { from: `${US_CALENDAR_FIRST_YEAR}-01-01`, to: `${US_CALENDAR_LAST_YEAR}-12-31` } as const

export interface SourceLink {
  title: string
  url: string
}

/** A full-day closure outside the holiday rules (national days of mourning, emergencies). */
export interface SpecialClosure {
  date: IsoDate
  reason: string
  source: SourceLink
}

/** Every unscheduled full-day NYSE closure since 1998. Early closes are not listed: they are still sessions. */
export const US_SPECIAL_CLOSURES: readonly SpecialClosure[] = [
  ...['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14'].map((date) => ({
    date,
    reason: 'September 11 attacks',
    source: {
      title: 'CBS MoneyWatch: a look back at other stock market closures',
      url: 'http://cbsn1.cbsistatic.com/news/a-look-back-at-other-stock-market-closures/',
    },
  })),
  {
    date: '2004-06-11',
    reason: 'National Day of Mourning for President Reagan',
    source: {
      title: 'Investment Executive: US markets to close Friday for Reagan funeral',
      url: 'https://www.investmentexecutive.com/news/research-and-markets/u-s-markets-to-close-friday',
    },
  },
  {
    date: '2007-01-02',
    reason: 'National Day of Mourning for President Ford',
    source: {
      title: 'Washington Post (AP): NYSE joins Nasdaq, will close to honor Ford',
      url: 'http://www.washingtonpost.com/wp-dyn/content/article/2006/12/29/AR2006122900412.html',
    },
  },
  ...['2012-10-29', '2012-10-30'].map((date) => ({
    date,
    reason: 'Hurricane Sandy',
    source: {
      title: 'Rediff (Reuters): NY Stock Exchange to be shut on Tuesday as well',
      url: 'https://news.rediff.com/commentary/2012/oct/29/ny-stock-exchange-to-be-shut-on-tuesday-as-well/5c77cf6f9f34983fb112f44c01fbb210',
    },
  })),
  {
    date: '2018-12-05',
    reason: 'National Day of Mourning for President George H. W. Bush',
    source: {
      title: 'TMCnet (NYSE press release): New York Stock Exchange to honor President George H. W. Bush',
      url: 'https://www.tmcnet.com/usubmit/2018/12/01/8860763.htm',
    },
  },
  {
    date: '2025-01-09',
    reason: 'National Day of Mourning for President Carter',
    source: {
      title: 'The Epoch Times: NYSE and Nasdaq to close on Jan. 9 for Carter day of mourning',
      url: 'https://theepochtimes.com/business/nyse-nasdaq-to-close-on-jan-9-to-observe-day-of-mourning-for-carter-5783784',
    },
  },
]

const SPECIAL_BY_DATE = new Map(US_SPECIAL_CLOSURES.map((c) => [c.date, c.reason]))

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The `n`-th given weekday (0 = Sunday) of a month, e.g. the 3rd Monday of January. */
function nthWeekdayOfMonth(year: number, month: number, dayOfWeek: number, n: number): IsoDate {
  const first = iso(year, month, 1)
  const offset = (dayOfWeek - weekday(first) + 7) % 7
  return addDays(first, offset + 7 * (n - 1))
}

function lastWeekdayOfMonth(year: number, month: number, dayOfWeek: number): IsoDate {
  const firstOfNext = month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1)
  const last = addDays(firstOfNext, -1)
  return addDays(last, -((weekday(last) - dayOfWeek + 7) % 7))
}

/** Easter Sunday in the Gregorian calendar (anonymous / Meeus-Jones-Butcher computus). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return iso(year, month, day)
}

/**
 * NYSE Rule 7.2: a holiday on a Sunday is observed on the Monday after, one on a Saturday on the Friday
 * before -- except when that Friday ends a monthly or yearly accounting period, which in practice means
 * New Year's Day on a Saturday is not observed at all (the market stays open on 31 December).
 */
function observed(date: IsoDate, { saturdayToFriday }: { saturdayToFriday: boolean }): IsoDate | null {
  const day = weekday(date)
  if (day === 0) return addDays(date, 1)
  if (day === 6) return saturdayToFriday ? addDays(date, -1) : null
  return date
}

const holidayCache = new Map<number, ReadonlyMap<IsoDate, string>>()

/** Rule-based NYSE holidays of one year, as observed dates mapped to their names (special closures excluded). */
export function usMarketHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const cached = holidayCache.get(year)
  if (cached) return cached
  if (!Number.isInteger(year) || year < US_CALENDAR_FIRST_YEAR || year > US_CALENDAR_LAST_YEAR) {
    throw new CalendarRangeError(US_MARKET_CALENDAR_ID, iso(year, 1, 1), US_COVERAGE)
  }
  const fixed = (month: number, day: number, name: string, saturdayToFriday = true): [IsoDate | null, string] => {
    const actual = iso(year, month, day)
    const date = observed(actual, { saturdayToFriday })
    return [date, date === actual ? name : `${name} (observed)`]
  }
  const entries: [IsoDate | null, string][] = [
    fixed(1, 1, "New Year's Day", false),
    [nthWeekdayOfMonth(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekdayOfMonth(year, 2, 1, 3), "Washington's Birthday (Presidents' Day)"],
    [addDays(easterSunday(year), -2), 'Good Friday'],
    [lastWeekdayOfMonth(year, 5, 1), 'Memorial Day'],
    // Juneteenth became an NYSE holiday in 2022, the first year after it was made a federal holiday.
    ...(year >= 2022 ? [fixed(6, 19, 'Juneteenth National Independence Day')] : []),
    fixed(7, 4, 'Independence Day'),
    [nthWeekdayOfMonth(year, 9, 1, 1), 'Labor Day'],
    [nthWeekdayOfMonth(year, 11, 4, 4), 'Thanksgiving Day'],
    fixed(12, 25, 'Christmas Day'),
  ]
  const holidays = new Map<IsoDate, string>()
  for (const [date, name] of entries) if (date !== null) holidays.set(date, name)
  holidayCache.set(year, holidays)
  return holidays
}

/** Why the US market is shut on a weekday (holiday or special closure), or null when it is open or a weekend. */
export function usMarketClosureName(date: IsoDate): string | null {
  assertIsoDate(date)
  const year = Number(date.slice(0, 4))
  // An observed date can fall in the year before its holiday (a Saturday 1 January would move to 31 December
  // if the rule allowed it), so the next year's list is consulted for late-December dates too.
  const holiday =
    usMarketHolidays(year).get(date) ??
    (date.endsWith('-12-31') && year < US_CALENDAR_LAST_YEAR ? usMarketHolidays(year + 1).get(date) : undefined)
  return holiday ?? SPECIAL_BY_DATE.get(date) ?? null
}

/**
 * Answers already given, by date. Walks over sessions (an event's window, every event's link in the list) ask about
 * the same few hundred dates again and again, and each fresh answer builds Date objects; the map is bounded by the
 * coverage (one entry per calendar day in it, a few thousand at most). Only valid, covered dates are ever stored.
 */
const tradingDayAnswers = new Map<IsoDate, boolean>()

export const US_MARKET_CALENDAR: TradingCalendar = {
  id: US_MARKET_CALENDAR_ID,
  timeZone: US_MARKET_TIME_ZONE,
  coverage: US_COVERAGE,
  isTradingDay(date: IsoDate): boolean {
    const known = tradingDayAnswers.get(date)
    if (known !== undefined) return known
    assertIsoDate(date)
    if (date < US_COVERAGE.from || date > US_COVERAGE.to) {
      throw new CalendarRangeError(US_MARKET_CALENDAR_ID, date, US_COVERAGE)
    }
    const open = !isWeekend(date) && usMarketClosureName(date) === null
    tradingDayAnswers.set(date, open)
    return open
  },
}

export function isUsTradingDay(date: IsoDate): boolean {
  return US_MARKET_CALENDAR.isTradingDay(date)
}

/** The first US session strictly after `date`. */
export function nextUsTradingDay(date: IsoDate): IsoDate {
  return nextSession(US_MARKET_CALENDAR, date)
}

/** `date` when it is a US session, otherwise the next one. */
export function usTradingDayOnOrAfter(date: IsoDate): IsoDate {
  return sessionOnOrAfter(US_MARKET_CALENDAR, date)
}

/** US sessions in [from, to], inclusive and ascending. */
export function usTradingDaysBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  return sessionsBetween(US_MARKET_CALENDAR, from, to)
}
