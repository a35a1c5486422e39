import { dateInTimeZone, utcMsToIso } from '../../dates'
import { getSymbolInfo } from '../../symbols'
import type { Bar, IsoDate } from '../../types'
import { barRejection, exchangeCalendarFor, type RejectedBar } from '../bar-rules'
import type { DailyBarsResult } from '../types'
import { isUsableTimeZone, type YahooChartMeta, type YahooChartResult } from './schema'

interface DateResolver {
  zone: string
  toDate(epochSeconds: number): IsoDate
}

/**
 * Daily bars are stamped at the exchange's opening time (09:30 New York = 14:30 UTC), so the trading date
 * is the calendar date in the exchange's zone, never the UTC date.
 */
function dateResolver(meta: YahooChartMeta): DateResolver {
  const zone = meta.exchangeTimezoneName
  if (zone !== undefined && isUsableTimeZone(zone)) {
    return { zone, toDate: (s) => dateInTimeZone(s * 1000, zone) }
  }
  const offset = meta.gmtoffset
  if (offset === undefined) {
    // The schema refuses this combination; reaching here means an unvalidated payload.
    throw new Error('chart meta has neither exchangeTimezoneName nor gmtoffset')
  }
  // gmtoffset is the offset at the time of the response, so it can be an hour off across a DST change.
  // Daily bars sit hours away from midnight local time, so the date still comes out right.
  const hours = offset / 3600
  // Etc/GMT zones have inverted signs (Etc/GMT+4 is UTC-4) and only exist for whole hours.
  const etcZone = Number.isInteger(hours)
    ? hours === 0
      ? 'UTC'
      : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`
    : 'UTC'
  return { zone: etcZone, toDate: (s) => utcMsToIso((s + offset) * 1000) }
}

/** Thrown when a payload cannot be placed on its exchange's dates (the client maps it to `bad_payload`). */
export class ChartPayloadError extends Error {
  override readonly name = 'ChartPayloadError'
}

/**
 * For a symbol whose exchange we know, a payload in another time zone would move every bar (a zone 14 hours
 * ahead of New York puts Friday's session on Saturday): refuse it rather than re-date it.
 */
function checkZone(meta: YahooChartMeta, symbol: string): void {
  const expected = getSymbolInfo(symbol)?.timeZone
  const zone = meta.exchangeTimezoneName
  if (expected !== undefined && zone !== undefined && zone !== expected) {
    throw new ChartPayloadError(`exchange time zone ${zone.slice(0, 64)} is not ${symbol}'s (${expected})`)
  }
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/**
 * Turns a validated chart result (`chart.result[0]`, see `schema.ts`) into app bars.
 *
 * Rows that break a rule of `bar-rules.ts` (the importer's rules) are left out and listed in `rejectedBars`;
 * a second row for a session already read is one of them.
 *
 * Missing days are dropped, never filled: a row with any null OHLC value is a day Yahoo has no prices for.
 * A row with a null volume is dropped as well, because `Bar.volume` is a number and any stand-in (0) would
 * claim a session without trades; Yahoo emits such rows mainly for the still-open session and for
 * placeholder rows around corporate actions. A null adjusted close with the array present is dropped for the
 * same reason: substituting the raw close would put an artificial jump into the adjusted series.
 */
export function reshapeChart(payload: YahooChartResult, symbol: string): DailyBarsResult {
  const { meta, indicators } = payload
  checkZone(meta, symbol)
  const resolver = dateResolver(meta)
  // The calendar follows the exchange we know for the symbol, else the zone the payload names: a payload dated by
  // a wrong gmtoffset is then still checked against the days its exchange trades.
  const calendarZone = getSymbolInfo(symbol)?.timeZone ?? meta.exchangeTimezoneName ?? resolver.zone
  const calendar = exchangeCalendarFor(calendarZone, meta.instrumentType)
  const name = meta.longName ?? meta.shortName ?? symbol
  const currency = meta.currency ?? null
  const timestamps = payload.timestamp ?? []
  const quote = indicators.quote[0]

  const byDate = new Map<IsoDate, Bar>()
  const dropped = new Set<IsoDate>()
  const rejectedBars: RejectedBar[] = []
  if (quote !== undefined) {
    // Without an adjclose array (e.g. some indices and currencies) the close is the only price there is;
    // for those instruments it is also what the adjusted series would be.
    const adjcloseSeries = indicators.adjclose?.[0]?.adjclose
    timestamps.forEach((ts, i) => {
      const open = quote.open?.[i]
      const high = quote.high?.[i]
      const low = quote.low?.[i]
      const close = quote.close?.[i]
      const volume = quote.volume?.[i]
      const date = resolver.toDate(ts)
      const adjClose = adjcloseSeries === undefined ? close : adjcloseSeries[i]
      if (!finite(open) || !finite(high) || !finite(low) || !finite(close) || !finite(volume) || !finite(adjClose)) {
        dropped.add(date)
        return
      }
      const bar: Bar = { date, open, high, low, close, adjClose, volume }
      const reason = barRejection(bar, calendar)
      if (reason !== undefined) {
        rejectedBars.push({ date, reason })
        return
      }
      // One bar per session. Yahoo can append a second row for the still-open session with a later timestamp;
      // the first row is the one stamped at the open, and no later row may silently replace a bar already read.
      if (byDate.has(date)) {
        rejectedBars.push({ date, reason: 'duplicate' })
        return
      }
      byDate.set(date, bar)
    })
  }

  const bars = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  // A date that also has a complete row (a duplicate stamp) was not lost.
  const droppedDates = [...dropped].filter((d) => !byDate.has(d)).sort()
  return {
    symbol,
    name,
    currency,
    exchangeTimezone: resolver.zone,
    bars,
    ...(droppedDates.length > 0 ? { droppedDates } : {}),
    ...(rejectedBars.length > 0 ? { rejectedBars, ...(calendar ? { calendarName: calendar.name } : {}) } : {}),
  }
}
