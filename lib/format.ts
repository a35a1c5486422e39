/** Every number and date the UI shows is formatted here, so the same value always reads the same way. */

import { formatCompact, formatDecimal } from './number-format'

/*
 * Numbers go through lib/number-format.ts and dates through the tables below, not through Intl: the same en-US
 * text, without the 30 to 45 ms the page's first Intl constructor costs (ICU's data loading) in the middle of
 * hydration.
 */
const MINUS = '\u2212'

/** `-0.1697` -> `−17.0%` (a true minus sign, so columns of numbers line up and read right). */
export function formatPercent(fraction: number | null | undefined, digits: 1 | 2 = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–'
  return formatDecimal(fraction, { digits, percent: true, sign: 'exceptZero' }).replace('-', MINUS)
}

export function formatPrice(value: number | null | undefined, currency: string | null = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  const body = formatDecimal(value, { digits: 2 })
  if (currency === 'USD') return `$${body}`
  if (currency === 'JPY') return `¥${body}`
  return `${body}${currency ? ` ${currency}` : ''}`
}

/** Money in compact form with its sign: `-592700000000` -> `−$592.7B`. */
export function formatMoneyCompact(value: number | null | undefined, currency: string | null = 'USD'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  const sign = value < 0 ? MINUS : value > 0 ? '+' : ''
  const body = formatCompact(Math.abs(value), 1)
  const symbol = currency === 'USD' ? '$' : currency === 'JPY' ? '¥' : ''
  return `${sign}${symbol}${body}${symbol || !currency ? '' : ` ${currency}`}`
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return value.toFixed(digits).replace('-', MINUS)
}

/* Dates: the same en-US text in UTC as Intl.DateTimeFormat (tests/unit/format.test.ts checks every day of 1990 to
   2040 against it). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/

/** The parts of a calendar date, or null for text that is not one (shown as given, never as a wrong date). */
function dateParts(iso: string): { year: number; month: number; day: number; weekday: number } | null {
  const m = ISO_DATE.exec(iso)
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2]) - 1
  const day = Number(m[3])
  const date = new Date(Date.UTC(year, month, day))
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return null
  return { year, month, day, weekday: date.getUTCDay() }
}

/** `2025-01-27` -> `Jan 27`. */
export function formatDayMonth(iso: string): string {
  const d = dateParts(iso)
  return d ? `${MONTHS[d.month]} ${d.day}` : iso
}

/** `2025-01-27` -> `Mon, Jan 27, 2025`. */
export function formatFullDate(iso: string): string {
  const d = dateParts(iso)
  return d ? `${WEEKDAYS[d.weekday]}, ${MONTHS[d.month]} ${d.day}, ${d.year}` : iso
}

/** `2025-01-27` -> `Jan 2025`. */
export function formatMonthYear(iso: string): string {
  const d = dateParts(iso)
  return d ? `${MONTHS[d.month]} ${d.year}` : iso
}
