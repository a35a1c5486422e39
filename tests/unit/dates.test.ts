import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isIsoDate, isoToUtcMs, utcMsToIso, weekday } from '@/lib/dates'

// The Date-based forms these functions had before their integer fast path: the reference they must agree with.
const reference = {
  isIsoDate(value: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (!m) return false
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const t = new Date(Date.UTC(y, mo - 1, d))
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
  },
  isoToUtcMs: (date: string) => Date.parse(`${date}T00:00:00Z`),
  utcMsToIso: (ms: number) => new Date(ms).toISOString().slice(0, 10),
  weekday: (date: string) => new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay(),
}
const outcome = (f: () => unknown) => {
  try {
    return { value: f() }
  } catch (e) {
    return { threw: (e as Error).constructor.name }
  }
}
const DAY = 86_400_000

describe('calendar dates without Date objects', () => {
  it('agrees with Date on every day from 1800 to 2200, and on a step of a year either way', () => {
    let checked = 0
    for (let ms = Date.UTC(1800, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += DAY) {
      const iso = reference.utcMsToIso(ms)
      expect(utcMsToIso(ms)).toBe(iso)
      expect(isIsoDate(iso)).toBe(true)
      expect(isoToUtcMs(iso)).toBe(ms)
      expect(weekday(iso)).toBe(reference.weekday(iso))
      expect(addDays(iso, 1)).toBe(reference.utcMsToIso(ms + DAY))
      expect(addDays(iso, -366)).toBe(reference.utcMsToIso(ms - 366 * DAY))
      checked++
    }
    // Every day of the 401 years, leap days included: an empty loop cannot pass.
    expect(checked).toBe((Date.UTC(2201, 0, 1) - Date.UTC(1800, 0, 1)) / DAY)
    expect(checked).toBeGreaterThan(146_000)
  })

  it('agrees with Date on dates and offsets drawn across years 1000 to 9999 (synthetic)', () => {
    let seed = 7
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647
    for (let i = 0; i < 20_000; i++) {
      const ms = Date.UTC(1000, 0, 1) + Math.floor(next() * 3_250_000) * DAY
      const iso = reference.utcMsToIso(ms)
      const offset = Math.floor((next() - 0.5) * 2_000_000)
      expect(isoToUtcMs(iso)).toBe(ms)
      expect(outcome(() => addDays(iso, offset))).toEqual(outcome(() => reference.utcMsToIso(ms + offset * DAY)))
    }
  })

  it('answers as Date does at the edges and for what is not a date', () => {
    const values = [
      '2024-02-29',
      '2025-02-29',
      '1900-02-29',
      '2000-02-29',
      '2100-02-29',
      '2025-04-31',
      '2025-12-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-01-32',
      '0099-01-01',
      '0100-03-01',
      '0999-12-31',
      '1000-01-01',
      '9999-12-31',
      '2025-1-01',
      '20250101',
      '',
      ' 2025-01-01',
      '2025-01-01 ',
      '2025-01-01T00:00',
      '+02025-01-01',
      '２０２５-01-01',
    ]
    for (const v of values) {
      expect(isIsoDate(v), v).toBe(reference.isIsoDate(v))
      expect(Object.is(isoToUtcMs(v), reference.isoToUtcMs(v)), v).toBe(true)
      expect(
        outcome(() => weekday(v)),
        v,
      ).toEqual(outcome(() => reference.weekday(v)))
      for (const days of [0, 1, -1, 0.5, -0.5, 1e9, Number.NaN]) {
        const ms = reference.isoToUtcMs(v) + days * DAY
        expect(
          outcome(() => addDays(v, days)),
          `${v} + ${days}`,
        ).toEqual(outcome(() => reference.utcMsToIso(ms)))
      }
    }
    for (const ms of [
      0,
      -1,
      1,
      DAY / 2,
      -DAY / 2,
      Date.UTC(9999, 11, 31) + DAY,
      Date.UTC(999, 11, 31),
      8.64e15,
      8.64e15 + DAY,
      Number.NaN,
    ]) {
      expect(
        outcome(() => utcMsToIso(ms)),
        String(ms),
      ).toEqual(outcome(() => reference.utcMsToIso(ms)))
    }
    expect(daysBetween('2024-12-31', '2025-03-01')).toBe(60)
  })
})
