import { describe, expect, it } from 'vitest'
import { formatDayMonth, formatFullDate, formatMonthYear } from '@/lib/format'

/** Every calendar day from `from` to `to` (inclusive) as YYYY-MM-DD. */
function days(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}

const intl = (options: Intl.DateTimeFormatOptions) => {
  const format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
  return (iso: string) => format.format(new Date(`${iso}T00:00:00Z`))
}

describe('date formatting', () => {
  // The table-based formatters replace Intl.DateTimeFormat for speed; they must read exactly as it does.
  const all = days('1990-01-01', '2040-12-31')

  it('reads as Intl en-US in UTC on every day of 1990 to 2040 (leap days and year ends included)', () => {
    const full = intl({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' })
    const dayMonth = intl({ month: 'short', day: 'numeric' })
    const monthYear = intl({ month: 'short', year: 'numeric' })
    const mismatches = all.filter(
      (d) => formatFullDate(d) !== full(d) || formatDayMonth(d) !== dayMonth(d) || formatMonthYear(d) !== monthYear(d),
    )
    expect(all.length).toBe(18_628)
    expect(mismatches).toEqual([])
  })

  it('reads the date part of a timestamp the way the calendar date reads', () => {
    expect(formatFullDate('2025-01-27T21:00:00Z')).toBe(formatFullDate('2025-01-27'))
  })

  it('shows text that is not a calendar date as given, never as another date', () => {
    for (const bad of ['2025-02-30', '2025-13-01', 'not a date', '', '25-01-27']) {
      expect(formatFullDate(bad)).toBe(bad)
      expect(formatDayMonth(bad)).toBe(bad)
      expect(formatMonthYear(bad)).toBe(bad)
    }
  })
})
