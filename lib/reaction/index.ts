import 'server-only'
import {
  AnalysisError,
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_WINDOWS,
  SHARES_NOT_SOURCED,
  eventStudy,
  getSharesOutstanding,
  marketCapChange,
  recovery,
  type AnalysisErrorCode,
  type CarResult,
  type EventStudyResult,
} from '../analysis'
import { ApiError } from '../api/errors'
import { ESTIMATION_MIN } from '../api/reaction-query'
import { usMarketClosureName } from '../calendar'
import { weekday } from '../dates'
import { getEventById, type EventWithTradingDate } from '../events'
import { getPriceService, type PricesRequest } from '../prices'
import { getSymbolInfo, guessTimeZone, normalizeSymbol } from '../symbols'
import type { IsoDate, PriceSeries, PriceSource } from '../types'
import { DEFAULT_BENCHMARK } from './benchmarks'
import { formatWindow } from './format'
import { reactionPriceRange } from './range'
import type { ReactionEvent, ReactionRequest, ReactionResult, ReactionRow } from './types'

export type * from './types'
export { reactionPriceRange } from './range'
export { BENCHMARK_CHOICES, DEFAULT_BENCHMARK } from './benchmarks'

const US_TIME_ZONE = 'America/New_York'
/** Most dates listed in one warning; the rest are counted. */
const MAX_DATES_IN_WARNING = 5
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

const METHOD_TEXT = {
  abnormalReturn: 'AR = R - (alpha + beta x R_benchmark), alpha and beta fitted by OLS over the estimation window',
  tStatistic: 't = AR / s for one day, CAR / (s x sqrt(L)) for a window of L sessions; s = residual standard error',
  marketCapChange: 'sourced shares outstanding x (close - previous close), raw closes',
  recovery: 'first session after day 0 whose close is at or above the close of day -1',
} as const

interface Failure {
  symbol: string
  code: AnalysisErrorCode
  message: string
}

/** Day 0 and, when it came from the catalog, the event it belongs to. */
function resolveDay0(request: ReactionRequest): { day0: IsoDate; event?: EventWithTradingDate } {
  if (request.event !== undefined) {
    const event = getEventById(request.event)
    if (!event) {
      const id = request.event.length > 100 ? `${request.event.slice(0, 100)}…` : request.event
      throw new ApiError('not_found', `Unknown event "${id}": no event in the catalog has this id.`)
    }
    return { day0: event.tradingDate, event }
  }
  if (request.date !== undefined) return { day0: request.date }
  throw new ApiError('bad_request', 'Give day 0 as a date or as an event id.')
}

/** Why a date has no session, in the reader's words; empty when there is nothing to add. */
function whyNoSession(date: IsoDate, series: PriceSeries): string {
  const first = series.bars[0]?.date
  const last = series.bars[series.bars.length - 1]?.date
  if (first === undefined) return ` There are no ${series.symbol} prices in the data for the period around it.`
  if (last !== undefined && (date < first || date > last)) {
    return ` The ${series.symbol} data loaded for this study runs from ${first} to ${last}.`
  }
  const day = weekday(date)
  if (day === 0 || day === 6) return ` ${date} is a ${WEEKDAY_NAMES[day]}.`
  if (guessTimeZone(series.symbol) === US_TIME_ZONE) {
    try {
      const closure = usMarketClosureName(date)
      if (closure) return ` US markets were closed that day (${closure}).`
    } catch {
      // Outside the calendar's years: the nearest sessions already say enough.
    }
  }
  return ''
}

/** When a shorter estimation window would fit the data, say how short: the caller can ask for it. */
function shorterEstimationHint(error: AnalysisError, gap: number): string {
  const available = error.details.available
  if (typeof available !== 'number') return ''
  const longest = available - gap - 1
  return longest >= ESTIMATION_MIN ? ` An estimation window of ${longest} sessions or fewer (estimation=${longest}) fits the data.` : ''
}

function sharesMissingReason(symbol: string, currency: string | null): string {
  const listed = SHARES_NOT_SOURCED.find((entry) => entry.symbol === symbol)
  if (listed) return listed.reason
  if (getSymbolInfo(symbol)?.groups.includes('benchmarks')) {
    return `${symbol} is a fund (ETF): the change in its assets is not a company's market value, so none is computed.`
  }
  if (guessTimeZone(symbol) !== US_TIME_ZONE || (currency !== null && currency !== 'USD')) {
    return `${symbol} is not a US listing; share counts are kept for US-listed companies only.`
  }
  return `No sourced share count is kept for ${symbol}.`
}

function incompleteText(car: CarResult, benchmark: string): string {
  switch (car.incomplete) {
    case 'past_end_of_data':
      return `the data ends before day ${car.window[1] > 0 ? '+' : ''}${car.window[1]}`
    case 'before_start_of_data':
      return `the data starts after day ${car.window[0]}`
    case 'benchmark_gap':
      return `${benchmark} has no session on a day of the window`
    default:
      return 'a day of the window is unavailable'
  }
}

function listDates(dates: readonly IsoDate[]): string {
  const shown = dates.slice(0, MAX_DATES_IN_WARNING).join(', ')
  return dates.length > MAX_DATES_IN_WARNING ? `${shown} and ${dates.length - MAX_DATES_IN_WARNING} more` : shown
}

function toRow(series: PriceSeries, study: EventStudyResult, day0: IsoDate): ReactionRow {
  const sourced = getSharesOutstanding(series.symbol)
  const last = series.bars[series.bars.length - 1]
  return {
    symbol: series.symbol,
    name: series.name,
    currency: series.currency,
    source: series.source,
    prevDate: study.prevDate,
    prevClose: study.prevClose,
    close: study.close,
    return: study.return,
    marketReturn: study.marketReturn,
    expectedReturn: study.expectedReturn,
    alpha: study.alpha,
    beta: study.beta,
    s: study.s,
    abnormalReturn: study.abnormalReturn,
    tAR: study.tAR,
    car: study.car,
    estimation: {
      from: study.estimation.from,
      to: study.estimation.to,
      sessions: study.estimation.sessions,
      requested: study.estimation.requested,
      excluded: study.estimation.excluded,
    },
    // Whole currency units: a share count times a price difference in cents carries only float noise below that.
    marketCapChange: sourced ? Math.round(marketCapChange(sourced.shares, study.close, study.prevClose)) : null,
    shares: sourced
      ? { shares: sourced.shares, asOf: sourced.asOf, asOfKind: sourced.asOfKind, source: sourced.source, note: sourced.note }
      : null,
    sharesMissing: sourced ? null : sharesMissingReason(series.symbol, series.currency),
    recovery: recovery(series.bars, day0, series.symbol),
    dataThrough: last?.date ?? day0,
  }
}

/** Things a reader of a row should know that the numbers alone do not say. */
function rowWarnings(row: ReactionRow, study: EventStudyResult, benchmark: string): string[] {
  const warnings: string[] = []
  const excluded = study.estimation.excluded
  if (excluded.length > 0) {
    warnings.push(
      `${row.symbol}: ${excluded.length} of its ${study.estimation.requested} estimation sessions had no ${benchmark} ` +
        `session on the same date and were left out (${listDates(excluded)}); the model uses ${study.estimation.sessions}.`,
    )
  }
  for (const car of study.car) {
    if (!car.complete) warnings.push(`${row.symbol}: ${formatWindow(car.window)} is not available: ${incompleteText(car, benchmark)}.`)
  }
  const zone = guessTimeZone(row.symbol)
  if (zone !== guessTimeZone(benchmark)) {
    warnings.push(
      `${row.symbol} trades on ${zone} hours, ${benchmark} on ${guessTimeZone(benchmark)} hours: their sessions of the same ` +
        `date do not happen at the same time, so ${row.symbol}'s abnormal return against ${benchmark} is only indicative.`,
    )
  }
  return warnings
}

/** The message for a request in which no symbol could be studied. */
function allFailedMessage(failures: readonly Failure[]): string {
  const [first, ...rest] = failures
  if (!first) return 'No symbol could be studied.'
  if (rest.every((f) => f.code === first.code)) {
    return rest.length > 0 ? `${first.message} The same holds for ${rest.map((f) => f.symbol).join(', ')}.` : first.message
  }
  return failures.map((f) => f.message).join(' ')
}

function toReactionEvent(event: EventWithTradingDate): ReactionEvent {
  return { id: event.id, title: event.title, date: event.date, time: event.time, session: event.session, tradingDate: event.tradingDate }
}

/**
 * Market-model event study of each symbol on one day 0 (see "Event-study definitions" in DESIGN.md), with the
 * day-0 change in market value and the recovery. Loads all prices in one call to the price service.
 *
 * Errors: an unknown event or symbol is a 404; a day 0 that is not a session of the benchmark is a 400; a
 * symbol that cannot be studied (day 0 not one of its sessions, too little estimation data) is left out with a
 * warning, unless no symbol can be studied, which is a 400 carrying the analysis message. An upstream fetch
 * refused by `caller.admit` (the per-client limit) rejects with that hook's error, a 429.
 */
export async function computeReaction(request: ReactionRequest & Pick<PricesRequest, 'caller'>): Promise<ReactionResult> {
  const symbols = [...new Set(request.symbols.map(normalizeSymbol).filter((s) => s.length > 0))]
  if (symbols.length === 0) throw new ApiError('bad_request', 'Name at least one symbol.')
  const benchmark = normalizeSymbol(request.benchmark ?? DEFAULT_BENCHMARK)
  const estimation = request.estimation ?? DEFAULT_ESTIMATION
  const gap = request.gap ?? DEFAULT_GAP
  const windows = request.windows ?? DEFAULT_WINDOWS
  const { day0, event } = resolveDay0(request)

  const wanted = symbols.includes(benchmark) ? symbols : [...symbols, benchmark]
  const range = reactionPriceRange({ day0, estimation, gap, symbols: wanted })
  const prices = await getPriceService().getPrices({ symbols: wanted, ...range, signal: request.signal, caller: request.caller })
  const bySymbol = new Map(prices.series.map((s) => [s.symbol, s]))

  const bench = bySymbol.get(benchmark)
  if (!bench) {
    throw new ApiError('upstream_error', `The benchmark ${benchmark} could not be loaded, so no abnormal return can be measured. Try again shortly.`)
  }
  const benchLabel = `${benchmark} (the benchmark)`
  // The benchmark against itself: checks day 0 on its calendar and gives the estimation window to show.
  let benchStudy: EventStudyResult | undefined
  try {
    benchStudy = eventStudy({ stock: bench.bars, market: bench.bars, day0, estimation, gap, windows: [], labels: { stock: benchLabel, market: benchLabel } })
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error
    if (error.code === 'day0_not_trading') throw new ApiError('bad_request', error.message + whyNoSession(day0, bench))
    // Anything else (too little estimation data) is reported per symbol below, with the symbol's own counts.
  }

  const rows: ReactionRow[] = []
  const failures: Failure[] = []
  const warnings: string[] = []
  for (const symbol of symbols) {
    const series = bySymbol.get(symbol)
    // The price service has already warned about a symbol it had to leave out.
    if (!series) continue
    try {
      const study = eventStudy({ stock: series.bars, market: bench.bars, day0, estimation, gap, windows, labels: { stock: symbol, market: benchmark } })
      const row = toRow(series, study, day0)
      rows.push(row)
      warnings.push(...rowWarnings(row, study, benchmark))
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error
      const extra =
        error.code === 'day0_not_trading' ? whyNoSession(day0, series) : error.code === 'insufficient_estimation' ? shorterEstimationHint(error, gap) : ''
      failures.push({ symbol, code: error.code, message: error.message + extra })
    }
  }

  if (rows.length === 0) {
    if (failures.length === 0) {
      throw new ApiError('upstream_error', `No prices could be loaded for ${symbols.join(', ')}. Try again shortly.`)
    }
    throw new ApiError('bad_request', allFailedMessage(failures))
  }
  for (const f of failures) warnings.push(`${f.symbol} left out: ${f.message}`)

  const firstRow = rows[0] as ReactionRow
  const estimationShown = benchStudy?.estimation ?? firstRow.estimation
  const sources = new Set<PriceSource>([bench.source, ...rows.map((r) => r.source)])

  return {
    day0,
    benchmark,
    ...(event ? { event: toReactionEvent(event) } : {}),
    method: {
      benchmark,
      benchmarkName: bench.name,
      day0,
      estimation: {
        from: estimationShown.from,
        to: estimationShown.to,
        sessions: estimationShown.sessions,
        requested: estimationShown.requested,
      },
      gap,
      windows: windows.map(([t1, t2]): [number, number] => [t1, t2]),
      model: 'market model (OLS)',
      returns: 'simple, adjusted close',
      abnormalReturn: METHOD_TEXT.abnormalReturn,
      tStatistic: METHOD_TEXT.tStatistic,
      marketCapChange: METHOD_TEXT.marketCapChange,
      recovery: { rule: METHOD_TEXT.recovery, dataThrough: bench.bars[bench.bars.length - 1]?.date ?? null },
    },
    rows,
    sources: [...sources],
    // The price range loaded here is wider than the study needs (room for estimation and recovery), so "data
    // starts/ends after/before the requested ..." notes describe that internal window, not the reader's query.
    warnings: [...new Set([...prices.warnings.filter((w) => !/: data (starts|ends) on /.test(w)), ...warnings])],
  }
}
