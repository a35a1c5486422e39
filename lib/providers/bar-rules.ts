import { isWeekend } from '../dates'
import { isUsTradingDay, US_CALENDAR_FIRST_YEAR, US_CALENDAR_LAST_YEAR, US_MARKET_TIME_ZONE } from '../calendar'
import type { Bar, IsoDate } from '../types'

/**
 * The rules every bar from outside must pass before it reaches a response, a chart or an export: the same ones
 * the snapshot importer (`lib/snapshot/import-csv.ts`) applies to a file, applied here to each live row. The importer
 * refuses a whole file on the first bad row (a person can fix the file); the live path drops the row and says
 * so, because one bad row from the upstream should not cost the reader the other 251 sessions of the year.
 */

/**
 * Prices at or above this are refused as implausible: no listed share or index trades near ten million units of
 * its currency (the dearest share, Berkshire Hathaway A, is under one million dollars), while a corrupt field
 * (`1e300`, `1e308`) would otherwise stretch every axis and overflow sums.
 */
export const MAX_PLAUSIBLE_PRICE = 1e7
/**
 * Prices below this are refused: a millionth of a currency unit is below any tick size a quote is kept in, and
 * values near the smallest double (`5e-324`) are a corrupt field, not a price.
 */
export const MIN_PLAUSIBLE_PRICE = 1e-6

export type BarRejection =
  | 'not_positive'
  | 'implausible'
  | 'high_below_low'
  | 'high_below_open_close'
  | 'low_above_open_close'
  | 'bad_volume'
  | 'closed_day'
  | 'duplicate'

export interface RejectedBar {
  date: IsoDate
  reason: BarRejection
}

/**
 * The trading days of the exchange a payload's dates are local to, where we know them. `isTradingDay` answers
 * for any date: outside the span its holiday rules are sourced for, it still knows the exchange never trades on
 * a weekend.
 */
export interface ExchangeCalendar {
  name: string
  isTradingDay(date: IsoDate): boolean
}

const NYSE: ExchangeCalendar = {
  name: 'NYSE',
  isTradingDay(date) {
    const year = Number(date.slice(0, 4))
    if (year >= US_CALENDAR_FIRST_YEAR && year <= US_CALENDAR_LAST_YEAR) return isUsTradingDay(date)
    return !isWeekend(date)
  },
}

/** The Tokyo Stock Exchange: its holidays are not modelled by rule here, but it never trades on a weekend. */
const TOKYO: ExchangeCalendar = { name: 'the Tokyo exchange', isTradingDay: (date) => !isWeekend(date) }

/** Instruments in New York time that trade outside the stock exchange's sessions (futures on some holidays). */
const OFF_EXCHANGE_TYPES = new Set(['FUTURE', 'CURRENCY', 'CRYPTOCURRENCY', 'OPTION'])

/** The calendar for bars dated in `timeZone`, or undefined when we know none for that zone. */
export function exchangeCalendarFor(timeZone: string, instrumentType?: string): ExchangeCalendar | undefined {
  if (timeZone === US_MARKET_TIME_ZONE) {
    return instrumentType && OFF_EXCHANGE_TYPES.has(instrumentType.toUpperCase())
      ? { name: 'the New York market', isTradingDay: (date) => !isWeekend(date) }
      : NYSE
  }
  if (timeZone === 'Asia/Tokyo') return TOKYO
  return undefined
}

function plausiblePrice(value: number): boolean {
  return value >= MIN_PLAUSIBLE_PRICE && value < MAX_PLAUSIBLE_PRICE
}

/** Why `bar` may not be served, or undefined when it passes. Values are already known to be finite numbers. */
export function barRejection(bar: Bar, calendar: ExchangeCalendar | undefined): BarRejection | undefined {
  const { open, high, low, close, adjClose, volume } = bar
  const prices = [open, high, low, close, adjClose]
  if (prices.some((p) => !(p > 0))) return 'not_positive'
  if (!prices.every(plausiblePrice)) return 'implausible'
  if (high < low) return 'high_below_low'
  if (high < Math.max(open, close)) return 'high_below_open_close'
  if (low > Math.min(open, close)) return 'low_above_open_close'
  if (!Number.isSafeInteger(volume) || volume < 0) return 'bad_volume'
  if (calendar && !calendar.isTradingDay(bar.date)) return 'closed_day'
  return undefined
}

const REASON_TEXT: Record<BarRejection, (calendarName: string) => string> = {
  not_positive: () => 'with a price of zero or below',
  implausible: () => `with a price outside ${MIN_PLAUSIBLE_PRICE}..${MAX_PLAUSIBLE_PRICE}`,
  high_below_low: () => 'with high below low',
  high_below_open_close: () => 'with high below open or close',
  low_above_open_close: () => 'with low above open or close',
  bad_volume: () => 'with a fractional or negative volume',
  closed_day: (name) => `on a day ${name} does not trade`,
  duplicate: () => 'repeating a session already given (the first was kept)',
}

/**
 * One warning for all the bars of a symbol that were dropped, e.g.
 * "NVDA: 3 live bars dropped (2 with high below low, 1 on a day NYSE does not trade)."
 */
export function describeRejectedBars(
  symbol: string,
  rejected: readonly RejectedBar[],
  calendarName = 'the exchange',
): string {
  const counts = new Map<BarRejection, number>()
  for (const r of rejected) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1)
  const parts = [...counts].map(([reason, n]) => `${n} ${REASON_TEXT[reason](calendarName)}`)
  const n = rejected.length
  return `${symbol}: ${n} live bar${n === 1 ? '' : 's'} dropped (${parts.join(', ')}).`
}
