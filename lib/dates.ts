import type { IsoDate } from './types'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

// Calendar walks (every event's window, every session of a range) call these thousands of times on a first view, so
// valid dates take a path of integer arithmetic (the proleptic Gregorian calendar, as Date uses) instead of building
// Date objects and strings; anything else keeps Date's own answer. tests/unit/dates.test.ts checks both paths agree.

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Year, month and day of a valid `YYYY-MM-DD` from 1000 on, or null (years before 1000 go the Date way). */
function civilParts(value: string): [number, number, number] | null {
  const m = ISO_DATE.exec(value)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null
  const last = mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1]!
  return d <= last ? [y, mo, d] : null
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** The civil date of a day count since 1970-01-01 (civil_from_days), as `YYYY-MM-DD` while the year has 4 digits. */
function isoFromDays(days: number): IsoDate | null {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  if (year < 1000 || year > 9999) return null
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  if (civilParts(value)) return true
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Milliseconds at UTC midnight of an ISO date. */
export function isoToUtcMs(date: IsoDate): number {
  const parts = civilParts(date)
  return parts ? daysFromCivil(...parts) * DAY_MS : Date.parse(`${date}T00:00:00Z`)
}

export function utcMsToIso(ms: number): IsoDate {
  if (Number.isInteger(ms) && ms % DAY_MS === 0) {
    const iso = isoFromDays(ms / DAY_MS)
    if (iso) return iso
  }
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcMsToIso(isoToUtcMs(date) + days * DAY_MS)
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const ms = isoToUtcMs(date)
  if (!Number.isFinite(ms)) return new Date(ms).getUTCDay()
  // 1970-01-01 was a Thursday.
  return (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((isoToUtcMs(b) - isoToUtcMs(a)) / DAY_MS)
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one (~10 ms per 250 bars). */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>()

/** The calendar date of an instant as seen in an IANA time zone, e.g. `America/New_York`. */
export function dateInTimeZone(epochMs: number, timeZone: string): IsoDate {
  let format = zoneFormatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    zoneFormatters.set(timeZone, format)
  }
  const parts = format.formatToParts(new Date(epochMs))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}
