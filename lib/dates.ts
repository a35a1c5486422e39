import type { IsoDate } from './types'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written as `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** Milliseconds at UTC midnight of an ISO date. */
export function isoToUtcMs(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`)
}

export function utcMsToIso(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcMsToIso(isoToUtcMs(date) + days * 86_400_000)
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(isoToUtcMs(date)).getUTCDay()
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((isoToUtcMs(b) - isoToUtcMs(a)) / 86_400_000)
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
