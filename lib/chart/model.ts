import type { ChartMode, EventCategoryId, ViewState } from '../view/state'
import type { PriceSeries, PriceSource } from '../types'
import type { EventImportance } from './marker-layout'
import { baseSession, changeBetween } from '../analysis/returns'
import { seriesColorVar } from './palette'

/** What an event's card says beyond its one line: the summary, what was verified, the sources. */
export interface EventDetail {
  summary: string
  sources: { title: string; url: string }[]
  /** What was and was not confirmed in the sources, in a sentence or two. */
  verificationNote: string
}

/** An event as the chart needs it. `number` is stable across views: its place in the whole catalog. */
export interface ChartEvent {
  id: string
  number: number
  label: string
  title: string
  date: string
  time: string | null
  session: string
  tradingDate: string
  category: EventCategoryId
  /** Major events keep their own marker at wide ranges; minor ones fold into a cluster per session. */
  importance: EventImportance
  verified: boolean
  /**
   * The card's text. The page's data carries it only for the events its first view shows in full (those on the
   * chart, and the selected one); the others get theirs from `GET /api/events` when they come into view.
   */
  detail?: EventDetail
  /** Set for an event the reader added (kept in the URL); catalog events leave it out. */
  origin?: 'reader'
}

export interface ChartSeries {
  symbol: string
  name: string
  currency: string | null
  source: PriceSource
  /** CSS variable of the symbol's own colour (lib/chart/palette.ts); resolved only when drawn or exported. */
  colorVar: string
  /** The session percent changes are measured from (may differ from the requested base by a holiday). */
  baseDate: string | null
}

/** One row per session on the x axis. Keys `<SYMBOL>` hold the plotted value; `<SYMBOL>:chg` the daily change. */
export type ChartRow = { i: number; date: string } & Record<string, number | string | null>

export interface ChartModel {
  mode: ChartMode
  from: string
  to: string
  base: string
  dates: string[]
  rows: ChartRow[]
  series: ChartSeries[]
  /** Events whose trading date falls on a session of the axis, in date order. */
  events: (ChartEvent & { index: number })[]
  sources: PriceSource[]
}

export const changeKey = (symbol: string) => `${symbol}:chg`

/**
 * Turns price series into what the chart draws. Percent mode: change since the base session, as a decimal
 * fraction, by the event study's own return rule (`changeBetween`: adjusted closes, raw closes where one is missing). Price and log modes: the close as traded. The x axis is the sessions that
 * exist in the data, so weekends and holidays take no room.
 */
export function buildChartModel(input: { series: PriceSeries[]; view: ViewState; events: ChartEvent[] }): ChartModel {
  const { view } = input
  const inRange = (d: string) => d >= view.from && d <= view.to
  const dates = [...new Set(input.series.flatMap((s) => s.bars.map((b) => b.date)).filter(inRange))].sort()
  const index = new Map(dates.map((d, i) => [d, i]))
  const rows: ChartRow[] = dates.map((date, i) => ({ i, date }))

  const series: ChartSeries[] = input.series.map((s) => {
    const base = view.mode === 'percent' ? baseSession(s.bars, view.base) : undefined
    for (const row of rows) row[s.symbol] = null
    let previous: PriceSeries['bars'][number] | undefined
    for (const bar of s.bars) {
      const i = index.get(bar.date)
      if (i !== undefined) {
        const row = rows[i] as ChartRow
        row[s.symbol] = view.mode === 'percent' ? (base ? changeBetween(base, bar) : null) : bar.close
        row[changeKey(s.symbol)] = previous ? changeBetween(previous, bar) : null
      }
      previous = bar
    }
    return {
      symbol: s.symbol,
      name: s.name,
      currency: s.currency,
      source: s.source,
      colorVar: seriesColorVar(s.symbol),
      baseDate: base?.date ?? null,
    }
  })

  const events = input.events
    .filter((e) => view.categories.includes(e.category) && index.has(e.tradingDate))
    .map((e) => ({ ...e, index: index.get(e.tradingDate) as number }))

  return {
    mode: view.mode,
    from: view.from,
    to: view.to,
    base: view.base,
    dates,
    rows,
    series,
    events,
    sources: [...new Set(input.series.map((s) => s.source))],
  }
}
