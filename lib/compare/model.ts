import {
  AnalysisError,
  eventStudy,
  portfolio,
  recovery,
  type EventStudyResult,
  type EventWindow,
  type PortfolioFirm,
  type PortfolioTestId,
  type Recovery,
} from '../analysis'
import type { Bar, IsoDate } from '../types'

/**
 * Several events lined up on event time. Every number comes from the event-study functions in lib/analysis
 * (eventStudy, portfolio, recovery); this module only chooses their inputs and arranges their outputs.
 *
 * - Event window: days COMPARE_WINDOW (−5..+20 sessions around day 0, on each symbol's own calendar).
 * - Cumulative return and CAR are both measured from the close before the window (day −6): R(t) = P_t / P_−6 − 1
 *   on adjusted closes, CAR(−5, t) from the market model against the benchmark.
 * - Estimation: up to COMPARE_ESTIMATION sessions ending at day −(COMPARE_GAP + 1) = −6, shortened to the data
 *   available (the embedded prices start on 2024-07-01, so the summer-2024 events have short windows, which each
 *   row states); fewer than MIN_COMPARE_ESTIMATION sessions and the row is left out with the reason.
 * - Group: for each symbol, the events are the cross-section: CAAR and its tests over the events (portfolio()).
 */
export const COMPARE_WINDOW: EventWindow = [-5, 20]
export const COMPARE_CAR_WINDOWS: readonly EventWindow[] = [
  [0, 0],
  [0, 1],
  [0, 5],
  [0, 20],
]
export const COMPARE_ESTIMATION = 120
export const COMPARE_GAP = 5
export const MIN_COMPARE_ESTIMATION = 15
/** The group tests shown in the table (all six are in the CSV). */
export const SHOWN_GROUP_TESTS: readonly PortfolioTestId[] = ['cross-sectional-t', 'bmp']

export interface CompareEventInput {
  id: string
  title: string
  label: string
  tradingDate: IsoDate
  origin?: 'reader'
}

export interface ComparePoint {
  day: number
  date: IsoDate | null
  /** Cumulative raw return since the close of day −6 (decimal fraction). */
  cumReturn: number | null
  /** CAR(−5, day). */
  car: number | null
}

export interface CompareRow {
  eventId: string
  symbol: string
  day0: IsoDate
  /** Estimation sessions used (may be fewer than COMPARE_ESTIMATION), and the model's df. */
  estimation: number
  df: number
  return: number
  abnormalReturn: number
  tAR: number | null
  pAR: number | null
  car: EventStudyResult['car']
  /** Largest fall from a running peak of closes within days −6..+20, as a positive fraction. */
  maxDrawdown: number | null
  recovery: Recovery | null
  points: ComparePoint[]
}

export interface CompareSkipped {
  eventId: string
  symbol: string
  reason: string
}

export interface CompareGroup {
  symbol: string
  n: number
  eventIds: string[]
  caar: {
    window: [number, number]
    value: number | null
    tests: { id: PortfolioTestId; statistic: number | null; p: number | null }[]
  }[]
}

export interface Comparison {
  benchmark: string
  events: CompareEventInput[]
  symbols: string[]
  rows: CompareRow[]
  skipped: CompareSkipped[]
  groups: CompareGroup[]
}

function maxDrawdown(closes: readonly number[]): number | null {
  if (closes.length < 2) return null
  let peak = closes[0] as number
  let worst = 0
  for (const c of closes) {
    if (c > peak) peak = c
    worst = Math.max(worst, 1 - c / peak)
  }
  return worst
}

/** One event and symbol: the event study over the comparison window, or the reason it cannot be run. */
export function compareRow(
  event: CompareEventInput,
  symbol: string,
  stock: readonly Bar[],
  market: readonly Bar[],
): { row: CompareRow; study: EventStudyResult } | CompareSkipped {
  const k0 = stock.findIndex((b) => b.date === event.tradingDate)
  if (k0 < 0)
    return { eventId: event.id, symbol, reason: `${event.tradingDate} is not a session of ${symbol} in the data` }
  const estimation = Math.min(COMPARE_ESTIMATION, k0 - COMPARE_GAP - 1)
  if (estimation < MIN_COMPARE_ESTIMATION) {
    return {
      eventId: event.id,
      symbol,
      reason: `only ${Math.max(0, estimation)} estimation sessions before ${event.tradingDate} in the data (at least ${MIN_COMPARE_ESTIMATION} needed)`,
    }
  }
  let study: EventStudyResult
  try {
    study = eventStudy({
      stock,
      market,
      day0: event.tradingDate,
      estimation,
      gap: COMPARE_GAP,
      windows: COMPARE_CAR_WINDOWS,
      path: COMPARE_WINDOW,
      labels: { stock: symbol },
    })
  } catch (error) {
    if (error instanceof AnalysisError) return { eventId: event.id, symbol, reason: error.message }
    throw error
  }
  const [t1, t2] = COMPARE_WINDOW
  const base = stock[k0 + t1 - 1]
  const points: ComparePoint[] = []
  for (let day = t1; day <= t2; day++) {
    const bar = stock[k0 + day]
    const car = study.path.find((p) => p.day === day)?.car ?? null
    points.push({ day, date: bar?.date ?? null, cumReturn: bar && base ? bar.adjClose / base.adjClose - 1 : null, car })
  }
  const closes = stock.slice(Math.max(0, k0 + t1 - 1), k0 + t2 + 1).map((b) => b.close)
  return {
    study,
    row: {
      eventId: event.id,
      symbol,
      day0: event.tradingDate,
      estimation: study.estimation.sessions,
      df: study.df,
      return: study.return,
      abnormalReturn: study.abnormalReturn,
      tAR: study.tAR,
      pAR: study.pAR,
      car: study.car,
      maxDrawdown: maxDrawdown(closes),
      recovery: recovery(stock, event.tradingDate, symbol),
      points,
    },
  }
}

/** Lines up `events` for each symbol against `benchmark`; `barsOf` gives a symbol's daily bars. */
export function compareEvents(input: {
  events: readonly CompareEventInput[]
  symbols: readonly string[]
  benchmark: string
  barsOf: (symbol: string) => readonly Bar[] | undefined
}): Comparison {
  const market = input.barsOf(input.benchmark) ?? []
  const rows: CompareRow[] = []
  const skipped: CompareSkipped[] = []
  const firmsBySymbol = new Map<string, PortfolioFirm[]>()
  for (const symbol of input.symbols) {
    const stock = input.barsOf(symbol)
    for (const event of input.events) {
      if (!stock) {
        skipped.push({ eventId: event.id, symbol, reason: `no prices for ${symbol}` })
        continue
      }
      const result = compareRow(event, symbol, stock, market)
      if ('reason' in result) {
        skipped.push(result)
        continue
      }
      rows.push(result.row)
      const s = result.study
      const firms = firmsBySymbol.get(symbol) ?? []
      // Each event is one member of the symbol's group, named by the event so the tests can tell them apart.
      firms.push({ symbol: event.id, df: s.df, residuals: s.residuals, days: s.days, car: s.car, path: s.path })
      firmsBySymbol.set(symbol, firms)
    }
  }
  const groups: CompareGroup[] = input.symbols.map((symbol) => {
    const firms = firmsBySymbol.get(symbol) ?? []
    const result = portfolio(firms, COMPARE_CAR_WINDOWS)
    return {
      symbol,
      n: result.n,
      eventIds: result.symbols,
      caar: result.caar.map((w) => ({
        window: w.window,
        value: w.value,
        tests: w.tests.map((t) => ({ id: t.id, statistic: t.statistic, p: t.p })),
      })),
    }
  })
  return { benchmark: input.benchmark, events: [...input.events], symbols: [...input.symbols], rows, skipped, groups }
}
