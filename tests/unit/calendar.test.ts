import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, isWeekend } from '@/lib/dates'
import {
  CalendarRangeError,
  US_MARKET_CALENDAR,
  US_SPECIAL_CLOSURES,
  calendarFromDates,
  easterSunday,
  isUsTradingDay,
  nextSession,
  nextUsTradingDay,
  previousSession,
  sessionOnOrAfter,
  sessionOnOrBefore,
  sessionsBetween,
  usMarketClosureName,
  usTradingDayOnOrAfter,
  usTradingDaysBetween,
} from '@/lib/calendar'

// NYSE full-day closures in the snapshot window, as listed in lib/snapshot/data/PROVENANCE.md (the US price files
// have no rows on exactly these weekdays).
const NYSE_CLOSED_2024_2025 = [
  '2024-07-04',
  '2024-09-02',
  '2024-11-28',
  '2024-12-25',
  '2025-01-01',
  '2025-01-09',
  '2025-01-20',
  '2025-02-17',
  '2025-04-18',
  '2025-05-26',
  '2025-06-19',
]

// Tokyo (9984.T) session dates for January 2025, copied from the snapshot's source file 9984.T.csv (its bars are in
// lib/snapshot/data/snapshot.json)
// (source: kimuradaichisi/stock_trading_bot data/9984.T.csv @ cb98a75). 2025-01-13 is missing: Coming of Age Day.
const TOKYO_JAN_2025 = [
  '2025-01-06',
  '2025-01-07',
  '2025-01-08',
  '2025-01-09',
  '2025-01-10',
  '2025-01-14',
  '2025-01-15',
  '2025-01-16',
  '2025-01-17',
  '2025-01-20',
  '2025-01-21',
  '2025-01-22',
  '2025-01-23',
  '2025-01-24',
  '2025-01-27',
  '2025-01-28',
  '2025-01-29',
  '2025-01-30',
  '2025-01-31',
]

describe('US market calendar', () => {
  it.each(NYSE_CLOSED_2024_2025)('is closed on the NYSE holiday %s', (date) => {
    expect(isUsTradingDay(date)).toBe(false)
  })

  it.each([
    '2024-07-01',
    '2024-12-24', // early close is still a session
    '2024-12-31',
    '2025-01-02',
    '2025-01-10',
    '2025-01-21',
    '2025-01-27',
    '2025-07-03',
  ])('is open on the ordinary weekday %s', (date) => {
    expect(isUsTradingDay(date)).toBe(true)
  })

  it('is closed on weekends', () => {
    expect(isUsTradingDay('2025-01-25')).toBe(false)
    expect(isUsTradingDay('2025-01-26')).toBe(false)
  })

  it('observes Saturday holidays on the Friday before and Sunday holidays on the Monday after', () => {
    expect(isUsTradingDay('2021-12-24')).toBe(false) // Christmas 2021 fell on a Saturday
    expect(isUsTradingDay('2022-12-26')).toBe(false) // Christmas 2022 fell on a Sunday
    expect(isUsTradingDay('2023-01-02')).toBe(false) // New Year 2023 fell on a Sunday
    expect(isUsTradingDay('2022-06-20')).toBe(false) // Juneteenth 2022 fell on a Sunday
    expect(isUsTradingDay('2027-06-18')).toBe(false) // Juneteenth 2027 falls on a Saturday
    expect(isUsTradingDay('2026-07-03')).toBe(false) // Independence Day 2026 falls on a Saturday
    expect(usMarketClosureName('2021-12-24')).toBe('Christmas Day (observed)')
  })

  it('does not move a Saturday New Year to 31 December', () => {
    expect(isUsTradingDay('2021-12-31')).toBe(true) // 2022-01-01 was a Saturday
    expect(isUsTradingDay('2027-12-31')).toBe(true) // 2028-01-01 is a Saturday
    expect(isUsTradingDay('2028-01-03')).toBe(true)
  })

  it('has no Juneteenth closure before 2022', () => {
    expect(isUsTradingDay('2021-06-18')).toBe(true)
    expect(isUsTradingDay('2020-06-19')).toBe(true)
  })

  it('computes Easter, and closes on Good Friday', () => {
    expect(easterSunday(2000)).toBe('2000-04-23')
    expect(easterSunday(2008)).toBe('2008-03-23')
    expect(easterSunday(2019)).toBe('2019-04-21')
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2025)).toBe('2025-04-20')
    expect(easterSunday(2038)).toBe('2038-04-25')
    expect(isUsTradingDay('2024-03-29')).toBe(false)
    expect(isUsTradingDay('2025-04-18')).toBe(false)
  })

  it('knows the one-off closures, each with a source', () => {
    for (const date of [
      '2001-09-11',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '2025-01-09',
    ]) {
      expect(isUsTradingDay(date), date).toBe(false)
    }
    expect(isUsTradingDay('2001-09-17')).toBe(true)
    expect(usMarketClosureName('2025-01-09')).toMatch(/Carter/)
    expect(usMarketClosureName('2025-01-20')).toMatch(/Martin Luther King/)
    expect(usMarketClosureName('2025-01-21')).toBeNull()
    for (const closure of US_SPECIAL_CLOSURES) {
      expect(closure.source.url).toMatch(/^https?:\/\//)
      expect(() => new URL(closure.source.url)).not.toThrow()
    }
  })

  it('has 250 sessions from 2024-07-01 to 2025-06-30, like the real price data', () => {
    const sessions = usTradingDaysBetween('2024-07-01', '2025-06-30')
    expect(sessions).toHaveLength(250)
    expect(sessions[0]).toBe('2024-07-01')
    expect(sessions.at(-1)).toBe('2025-06-30')
    for (const holiday of NYSE_CLOSED_2024_2025) expect(sessions).not.toContain(holiday)
  })

  it('matches the known yearly session counts', () => {
    expect(usTradingDaysBetween('2023-01-01', '2023-12-31')).toHaveLength(250)
    expect(usTradingDaysBetween('2024-01-01', '2024-12-31')).toHaveLength(252)
  })

  it('steps to the next session across weekends and holidays', () => {
    expect(nextUsTradingDay('2025-01-17')).toBe('2025-01-21')
    expect(nextUsTradingDay('2025-01-21')).toBe('2025-01-22')
    expect(nextUsTradingDay('2025-01-24')).toBe('2025-01-27')
    expect(nextUsTradingDay('2025-01-08')).toBe('2025-01-10')
    expect(usTradingDayOnOrAfter('2025-01-20')).toBe('2025-01-21')
    expect(usTradingDayOnOrAfter('2025-01-21')).toBe('2025-01-21')
    expect(usTradingDayOnOrAfter('2025-01-26')).toBe('2025-01-27')
    expect(previousSession(US_MARKET_CALENDAR, '2025-01-21')).toBe('2025-01-17')
    expect(sessionOnOrBefore(US_MARKET_CALENDAR, '2025-01-20')).toBe('2025-01-17')
  })

  it('lists sessions inclusively and returns nothing for a reversed range', () => {
    expect(usTradingDaysBetween('2025-01-17', '2025-01-24')).toEqual([
      '2025-01-17',
      '2025-01-21',
      '2025-01-22',
      '2025-01-23',
      '2025-01-24',
    ])
    expect(usTradingDaysBetween('2025-01-24', '2025-01-17')).toEqual([])
  })

  it('rejects impossible dates and dates it has no rules for', () => {
    expect(() => isUsTradingDay('2025-02-30')).toThrow(RangeError)
    expect(() => isUsTradingDay('garbage')).toThrow(RangeError)
    expect(() => isUsTradingDay('1997-12-31')).toThrow(CalendarRangeError)
    expect(() => isUsTradingDay('2100-01-04')).toThrow(CalendarRangeError)
  })

  it('never calls a weekend a session, and on-or-after / next land on the first session', () => {
    const day = fc.integer({ min: 0, max: 365 * 90 }).map((n) => addDays('2000-01-01', n))
    fc.assert(
      fc.property(day, (date) => {
        if (isWeekend(date)) expect(isUsTradingDay(date)).toBe(false)
        const onOrAfter = usTradingDayOnOrAfter(date)
        const next = nextUsTradingDay(date)
        expect(onOrAfter >= date && next > date).toBe(true)
        expect(isUsTradingDay(onOrAfter) && isUsTradingDay(next)).toBe(true)
        for (let d = date; d < onOrAfter; d = addDays(d, 1)) expect(isUsTradingDay(d)).toBe(false)
        for (let d = addDays(date, 1); d < next; d = addDays(d, 1)) expect(isUsTradingDay(d)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})

describe('calendarFromDates', () => {
  const tokyo = calendarFromDates('XTKS', 'Asia/Tokyo', TOKYO_JAN_2025)

  it('answers from the listed sessions inside its range', () => {
    expect(tokyo.coverage).toEqual({ from: '2025-01-06', to: '2025-01-31' })
    expect(tokyo.isTradingDay('2025-01-09')).toBe(true) // open in Tokyo while New York mourned
    expect(tokyo.isTradingDay('2025-01-20')).toBe(true)
    expect(tokyo.isTradingDay('2025-01-13')).toBe(false)
    expect(sessionOnOrAfter(tokyo, '2025-01-11')).toBe('2025-01-14')
    expect(nextSession(tokyo, '2025-01-10')).toBe('2025-01-14')
    expect(sessionsBetween(tokyo, '2025-01-10', '2025-01-15')).toEqual(['2025-01-10', '2025-01-14', '2025-01-15'])
  })

  it('refuses to guess outside its range', () => {
    expect(() => tokyo.isTradingDay('2025-02-03')).toThrow(CalendarRangeError)
    expect(() => tokyo.isTradingDay('2025-01-03')).toThrow(/covers 2025-01-06\.\.2025-01-31/)
    expect(() => nextSession(tokyo, '2025-01-31')).toThrow(CalendarRangeError)
    expect(() => sessionsBetween(tokyo, '2025-01-27', '2025-02-05')).toThrow(CalendarRangeError)
  })

  it('accepts unsorted, repeated input but rejects bad dates and an empty list', () => {
    const cal = calendarFromDates('X', 'UTC', ['2025-01-03', '2025-01-02', '2025-01-03'])
    expect(cal.coverage).toEqual({ from: '2025-01-02', to: '2025-01-03' })
    expect(() => calendarFromDates('X', 'UTC', [])).toThrow(RangeError)
    expect(() => calendarFromDates('X', 'UTC', ['2025-02-30'])).toThrow(RangeError)
  })
})
