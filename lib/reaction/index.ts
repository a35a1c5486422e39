import 'server-only'
import { LRUCache } from 'lru-cache'
import {
  AnalysisError,
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_PATH,
  DEFAULT_WINDOWS,
  SHARES_NOT_SOURCED,
  eventStudy,
  getSharesOutstanding,
  marketCapChange,
  portfolio,
  recovery,
  type AnalysisErrorCode,
  type CarResult,
  type CloseTimes,
  type EventStudyResult,
  type ModelKind,
  type Pairing,
  type PortfolioFirm,
} from '../analysis'
import { DomainError } from '../errors'
import { env } from '../server/env'
import { ESTIMATION_MIN } from '../analysis/parameters'
import { CalendarRangeError, isUsTradingDay, usMarketClosureName } from '../calendar'
import { weekday } from '../dates'
import { effectiveTradingDate, getEventById, type EventWithTradingDate } from '../events'
import { snapshotCoverage } from '../snapshot'
import {
  closeInstant,
  closesBeforeBenchmarkOpens,
  eventInstant,
  exchangeName,
  firstSessionClosingAfter,
  readerSessionToMarketSession,
} from './exchanges'
import { getPriceService, type PricesRequest } from '../prices'
import { getSymbolInfo, guessTimeZone, normalizeSymbol } from '../symbols'
import type { IsoDate, PriceSeries, PriceSource } from '../types'
import { DEFAULT_BENCHMARK } from './benchmarks'
import { formatWindow } from './format'
import { reactionPriceRange } from './range'
import type { PairingChoice, ReactionEvent, ReactionRequest, ReactionResult, ReactionRow } from './types'

export type * from './types'
export { reactionPriceRange } from './range'
export { BENCHMARK_CHOICES, DEFAULT_BENCHMARK } from './benchmarks'

const US_TIME_ZONE = 'America/New_York'
/** Most dates listed in one warning; the rest are counted. */
const MAX_DATES_IN_WARNING = 5
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

const METHOD_TEXT: Readonly<Record<ModelKind, string>> = {
  market:
    'AR = R - (alpha + beta x R_benchmark), alpha and beta fitted by OLS over the estimation window; s^2 = SSR / (M - 2)',
  'market-adjusted':
    'AR = R - R_benchmark, nothing fitted; s^2 = variance of the estimation-window ARs (divisor M - 1)',
  'constant-mean': 'AR = R - mean(R over the estimation window); s^2 = variance of R there (divisor M - 1)',
}
const T_TEXT =
  't = AR / sqrt(Var(AR)) for one day and CAR / sqrt(Var(CAR)) for a window, with the prediction-error variance ' +
  '(MacKinlay 1997), which adds the estimation error of the fitted parameters to s^2; p two-sided from Student t(df)'
const OTHER_TEXT = {
  marketCapChange: 'sourced shares outstanding x (close - previous close), raw closes',
  recovery: 'first session after day 0 whose close is at or above the close of day -1',
  pairing:
    'auto: a listing whose exchange closes before the benchmark opens (Tokyo against New York) is time-matched, ' +
    'each of its sessions paired with the benchmark session that closed before it; others pair sessions of the same date',
} as const

interface Failure {
  symbol: string
  code: AnalysisErrorCode
  message: string
}

interface Day0Choice {
  /** Day 0 on the US calendar (the event's trading date, or the reader's date). */
  day0: IsoDate
  event?: EventWithTradingDate
  /** The instant the event happened; null when a plain date is day 0 on every calendar. */
  instant: number | null
  rule: string
}

/** Day 0 and, when it came from the catalog, the event it belongs to. */
function resolveDay0(request: ReactionRequest): Day0Choice {
  if (request.event !== undefined) {
    const event = getEventById(request.event)
    if (!event) {
      const id = request.event.length > 100 ? `${request.event.slice(0, 100)}…` : request.event
      throw new DomainError('not_found', `Unknown event "${id}": no event in the catalog has this id.`)
    }
    return {
      day0: event.tradingDate,
      event,
      instant: eventInstant(event.date, event.session),
      rule: "the event's time: each listing's first session that closes after it",
    }
  }
  if (request.date !== undefined) {
    if (request.session !== undefined) {
      const session = readerSessionToMarketSession(request.session)
      let day0 = request.date
      try {
        day0 = effectiveTradingDate(request.date, session)
      } catch (error) {
        if (!(error instanceof CalendarRangeError)) throw error
      }
      return {
        day0,
        instant: eventInstant(request.date, session),
        rule: `your event on ${request.date}, ${request.session} (US hours): each listing's first session that closes after it`,
      }
    }
    return { day0: request.date, instant: null, rule: "the date given, on every listing's own calendar" }
  }
  throw new DomainError('invalid_request', 'Give day 0 as a date or as an event id.')
}

/** A row's day 0: the first session of its own exchange that closes after the event (or the date itself). */
function rowDay0(symbol: string, series: PriceSeries, choice: Day0Choice): IsoDate | null {
  if (choice.instant === null) return choice.day0
  const zone = guessTimeZone(symbol)
  if (zone === US_TIME_ZONE) return choice.day0
  return firstSessionClosingAfter(
    series.bars.map((b) => b.date),
    zone,
    choice.instant,
  )
}

/** The data's real span: the snapshot's coverage for snapshot data, otherwise what was loaded. */
function dataSpan(series: PriceSeries): { from: IsoDate | undefined; to: IsoDate | undefined; loadedOnly: boolean } {
  const coverage = series.source === 'snapshot' ? snapshotCoverage(series.symbol) : undefined
  if (coverage) return { from: coverage.from, to: coverage.to, loadedOnly: false }
  return { from: series.bars[0]?.date, to: series.bars[series.bars.length - 1]?.date, loadedOnly: true }
}

function spanText(series: PriceSeries): string {
  const span = dataSpan(series)
  if (span.from === undefined) return `there are no ${series.symbol} prices in the data`
  return span.loadedOnly
    ? `the ${series.symbol} data loaded for this study runs from ${span.from} to ${span.to}`
    : `${series.symbol}'s data runs from ${span.from} to ${span.to}`
}

/** Why a date has no session, in the reader's words; empty when there is nothing to add. */
function whyNoSession(date: IsoDate, series: PriceSeries): string {
  const first = series.bars[0]?.date
  const last = series.bars[series.bars.length - 1]?.date
  if (first === undefined) return ` There are no ${series.symbol} prices in the data for the period around it.`
  if (last !== undefined && (date < first || date > last)) return ` ${capitalize(spanText(series))}.`
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Why the US market is closed on a date that is not a session: the weekday or the holiday. */
function usClosedReason(date: IsoDate): string {
  const day = weekday(date)
  if (day === 0 || day === 6) return `a ${WEEKDAY_NAMES[day]}`
  try {
    return usMarketClosureName(date) ?? 'the market was closed'
  } catch {
    return 'the market was closed'
  }
}

/** Whether a date is a session of a US listing's calendar; null when the calendar cannot say. */
function isUsSession(date: IsoDate): boolean | null {
  try {
    return isUsTradingDay(date)
  } catch (error) {
    if (error instanceof CalendarRangeError) return null
    throw error
  }
}

/**
 * Day 0 outside the benchmark's data: say whether it is a session after the data ends (or before it starts)
 * or not a session at all, with the data's real span rather than the range this study happened to load.
 */
function outsideDataError(day0: IsoDate, series: PriceSeries): DomainError | null {
  const span = dataSpan(series)
  const first = series.bars[0]?.date
  const last = series.bars[series.bars.length - 1]?.date
  if (first === undefined || last === undefined) return null
  const after = day0 > last
  const before = day0 < (span.from ?? first)
  if (!after && !before) return null
  const us = guessTimeZone(series.symbol) === US_TIME_ZONE
  const session = us ? isUsSession(day0) : null
  const side = after ? 'after the data ends' : 'before the data starts'
  const what =
    session === true
      ? `${day0} is an NYSE session, but it is ${side}`
      : session === false
        ? `${day0} is not an NYSE session (${usClosedReason(day0)}), and it is ${side}`
        : `${day0} is ${side}`
  return new DomainError('invalid_request', `${what}: ${spanText(series)}.`)
}

/** When a shorter estimation window would fit the data, say how short: the caller can ask for it. */
function shorterEstimationHint(error: AnalysisError, gap: number): string {
  const available = error.details.available
  if (typeof available !== 'number') return ''
  const longest = available - gap - 1
  return longest >= ESTIMATION_MIN
    ? ` An estimation window of ${longest} sessions or fewer (estimation=${longest}) fits the data.`
    : ''
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

function toRow(series: PriceSeries, study: EventStudyResult): ReactionRow {
  const sourced = getSharesOutstanding(series.symbol)
  const last = series.bars[series.bars.length - 1]
  return {
    symbol: series.symbol,
    name: series.name,
    currency: series.currency,
    source: series.source,
    day0: study.day0,
    model: study.model,
    pairing: study.pairing,
    prevDate: study.prevDate,
    prevClose: study.prevClose,
    close: study.close,
    return: study.return,
    marketReturn: study.marketReturn,
    marketDate: study.marketDate,
    expectedReturn: study.expectedReturn,
    alpha: study.alpha,
    beta: study.beta,
    ...(study.dimsonSlopes ? { dimsonSlopes: study.dimsonSlopes } : {}),
    s: study.s,
    df: study.df,
    abnormalReturn: study.abnormalReturn,
    sdAR: study.sdAR,
    tAR: study.tAR,
    pAR: study.pAR,
    car: study.car,
    days: study.days,
    path: study.path,
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
      ? {
          shares: sourced.shares,
          asOf: sourced.asOf,
          asOfKind: sourced.asOfKind,
          source: sourced.source,
          note: sourced.note,
        }
      : null,
    sharesMissing: sourced ? null : sharesMissingReason(series.symbol, series.currency),
    recovery: recovery(series.bars, study.day0, series.symbol),
    dataThrough: last?.date ?? study.day0,
  }
}

/** What was done for a listing on another exchange's hours, in the reader's words. */
function calendarWarning(
  row: ReactionRow,
  benchmark: string,
  choice: Day0Choice,
  pairingChoice: PairingChoice,
): string | null {
  const zone = guessTimeZone(row.symbol)
  if (zone === guessTimeZone(benchmark)) return null
  const where = `${row.symbol} trades on ${exchangeName(row.symbol)}, ${benchmark} on ${exchangeName(benchmark)}`
  const day0Text =
    choice.instant === null
      ? `day 0 is ${row.day0} on its own calendar too (a date was given without session=before-open|during|after-close, so the time of the event is not known)`
      : `its day 0 is ${row.day0}, its first session that closes after the event`
  const paired = row.marketDate ? ` (day 0 with ${benchmark}'s ${row.marketDate})` : ''
  switch (row.pairing) {
    case 'time-matched':
      return `${where}: ${day0Text}; each of its sessions is paired with the ${benchmark} session that closed before it${paired}${pairingChoice === 'auto' ? ', because its exchange closes before ' + benchmark + ' opens' : ''}.`
    case 'dimson':
      return `${where}: ${day0Text}; its beta is the sum of the slopes on ${benchmark}'s previous, same-date and next sessions (Dimson 1979).`
    case 'same-date': {
      const early = closesBeforeBenchmarkOpens(row.symbol, benchmark, row.day0)
      return (
        `${where}: ${day0Text}; each of its sessions is paired with ${benchmark}'s session of the same date` +
        (early
          ? `, which had not opened when ${row.symbol} closed, so its abnormal return against ${benchmark} is only indicative (pairing=time-matched avoids this).`
          : '.')
      )
    }
    default:
      return null
  }
}

/** Things a reader of a row should know that the numbers alone do not say. */
function rowWarnings(
  row: ReactionRow,
  study: EventStudyResult,
  benchmark: string,
  choice: Day0Choice,
  pairingChoice: PairingChoice,
): string[] {
  const warnings: string[] = []
  const excluded = study.estimation.excluded
  if (excluded.length > 0) {
    warnings.push(
      `${row.symbol}: ${excluded.length} of its ${study.estimation.requested} estimation sessions had no paired ${benchmark} ` +
        `return and were left out (${listDates(excluded)}); the model uses ${study.estimation.sessions}.`,
    )
  }
  for (const car of study.car) {
    if (!car.complete)
      warnings.push(`${row.symbol}: ${formatWindow(car.window)} is not available: ${incompleteText(car, benchmark)}.`)
  }
  const calendar = calendarWarning(row, benchmark, choice, pairingChoice)
  if (calendar) warnings.push(calendar)
  return warnings
}

/** The message for a request in which no symbol could be studied. */
function allFailedMessage(failures: readonly Failure[]): string {
  const [first, ...rest] = failures
  if (!first) return 'No symbol could be studied.'
  if (rest.every((f) => f.code === first.code)) {
    return rest.length > 0
      ? `${first.message} The same holds for ${rest.map((f) => f.symbol).join(', ')}.`
      : first.message
  }
  return failures.map((f) => f.message).join(' ')
}

function toReactionEvent(event: EventWithTradingDate): ReactionEvent {
  return {
    id: event.id,
    title: event.title,
    date: event.date,
    time: event.time,
    session: event.session,
    tradingDate: event.tradingDate,
  }
}

/** Memoized close instants: the pairing asks for each session's close many times. */
function closeTimesFor(symbol: string, benchmark: string): CloseTimes {
  const memo = (zone: string) => {
    const cache = new Map<IsoDate, number>()
    return (date: IsoDate) => {
      let t = cache.get(date)
      if (t === undefined) {
        t = closeInstant(date, zone)
        cache.set(date, t)
      }
      return t
    }
  }
  return { stock: memo(guessTimeZone(symbol)), market: memo(guessTimeZone(benchmark)) }
}

function pairingFor(choice: PairingChoice, symbol: string, benchmark: string, day0: IsoDate): Pairing {
  if (choice !== 'auto') return choice
  return closesBeforeBenchmarkOpens(symbol, benchmark, day0) ? 'time-matched' : 'same-date'
}

function portfolioFirm(symbol: string, study: EventStudyResult): PortfolioFirm {
  return { symbol, df: study.df, residuals: study.residuals, days: study.days, car: study.car, path: study.path }
}

/**
 * Event study of each symbol on one day 0 (see docs/event-study.md), with the
 * group's AAR, CAAR and tests, the day-0 change in market value and the recovery. Loads all prices in one call
 * to the price service.
 *
 * Errors: an unknown event or symbol is a 404; a day 0 that is not a session of the benchmark, or outside its
 * data, is a 400 that says which; a symbol that cannot be studied is left out with a warning, unless no symbol
 * can be studied, which is a 400 carrying the analysis message. An upstream fetch refused by `caller.admit`
 * (the per-client limit) rejects with that hook's error, a 429.
 */
export async function computeReaction(
  request: ReactionRequest & Pick<PricesRequest, 'caller'>,
): Promise<ReactionResult> {
  const { signal: _signal, caller: _caller, ...question } = request
  const key = `${env().PRICE_PROVIDER}|${JSON.stringify(question)}`
  const known = snapshotAnswers.get(key)
  if (known) return known
  const result = await studyReaction(request)
  if (result.warnings.length === 0 && result.sources.every((s) => s === 'snapshot')) snapshotAnswers.set(key, result)
  return result
}

/**
 * Answers made only from the embedded snapshot, without warnings, are fixed by their question until the next
 * deploy, and the page asks the same ones on every load (its reaction table, two claims): about 50 ms of CPU each
 * time on this machine, most of the page's render. They are kept, by question and provider setting (with live
 * data only the same question must go to the live source). Callers only read them. Entries are 10-40 KB.
 */
const snapshotAnswers = new LRUCache<string, ReactionResult>({ max: 256, ttl: 24 * 60 * 60 * 1000 })

async function studyReaction(request: ReactionRequest & Pick<PricesRequest, 'caller'>): Promise<ReactionResult> {
  const symbols = [...new Set(request.symbols.map(normalizeSymbol).filter((s) => s.length > 0))]
  if (symbols.length === 0) throw new DomainError('invalid_request', 'Name at least one symbol.')
  const benchmark = normalizeSymbol(request.benchmark ?? DEFAULT_BENCHMARK)
  const estimation = request.estimation ?? DEFAULT_ESTIMATION
  const gap = request.gap ?? DEFAULT_GAP
  const windows = request.windows ?? DEFAULT_WINDOWS
  const model = request.model ?? 'market'
  const pairingChoice = request.pairing ?? 'auto'
  const path = request.path ?? DEFAULT_PATH
  if (pairingChoice === 'dimson' && model !== 'market') {
    throw new DomainError('invalid_request', 'pairing=dimson (lead and lag betas) applies to model=market only.')
  }
  const choice = resolveDay0(request)

  const wanted = symbols.includes(benchmark) ? symbols : [...symbols, benchmark]
  const range = reactionPriceRange({ day0: choice.day0, estimation, gap, symbols: wanted })
  const prices = await getPriceService().getPrices({
    symbols: wanted,
    ...range,
    signal: request.signal,
    caller: request.caller,
  })
  const bySymbol = new Map(prices.series.map((s) => [s.symbol, s]))

  const bench = bySymbol.get(benchmark)
  if (!bench) {
    throw new DomainError(
      'upstream_failed',
      `The benchmark ${benchmark} could not be loaded, so no abnormal return can be measured. Try again shortly.`,
    )
  }
  const benchLabel = `${benchmark} (the benchmark)`
  const benchDay0 = rowDay0(benchmark, bench, choice)
  if (benchDay0 === null) {
    throw new DomainError(
      'invalid_request',
      `${benchLabel} has no session after the event in the data: ${spanText(bench)}.`,
    )
  }
  const outside = outsideDataError(benchDay0, bench)
  if (outside) throw outside
  // The benchmark against itself: checks day 0 on its calendar and gives the estimation window to show.
  let benchStudy: EventStudyResult | undefined
  try {
    benchStudy = eventStudy({
      stock: bench.bars,
      market: bench.bars,
      day0: benchDay0,
      estimation,
      gap,
      windows: [],
      labels: { stock: benchLabel, market: benchLabel },
    })
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error
    if (error.code === 'day0_not_trading')
      throw new DomainError('invalid_request', error.message + whyNoSession(benchDay0, bench))
    // Anything else (too little estimation data) is reported per symbol below, with the symbol's own counts.
  }

  const rows: ReactionRow[] = []
  const firms: PortfolioFirm[] = []
  const failures: Failure[] = []
  const warnings: string[] = []
  for (const symbol of symbols) {
    const series = bySymbol.get(symbol)
    // The price service has already warned about a symbol it had to leave out.
    if (!series) continue
    const day0 = rowDay0(symbol, series, choice)
    if (day0 === null) {
      failures.push({
        symbol,
        code: 'insufficient_data',
        message: `${symbol} has no session after the event in the data: ${spanText(series)}.`,
      })
      continue
    }
    const pairing = pairingFor(pairingChoice, symbol, benchmark, day0)
    try {
      const study = eventStudy({
        stock: series.bars,
        market: bench.bars,
        day0,
        estimation,
        gap,
        windows,
        model,
        pairing,
        closeTimes: closeTimesFor(symbol, benchmark),
        path,
        labels: { stock: symbol, market: benchmark },
      })
      const row = toRow(series, study)
      rows.push(row)
      if (symbol !== benchmark) firms.push(portfolioFirm(symbol, study))
      warnings.push(...rowWarnings(row, study, benchmark, choice, pairingChoice))
    } catch (error) {
      if (!(error instanceof AnalysisError)) throw error
      const extra =
        error.code === 'day0_not_trading'
          ? whyNoSession(day0, series)
          : error.code === 'insufficient_estimation'
            ? shorterEstimationHint(error, gap)
            : ''
      failures.push({ symbol, code: error.code, message: error.message + extra })
    }
  }

  if (rows.length === 0) {
    if (failures.length === 0) {
      throw new DomainError(
        'upstream_failed',
        `No prices could be loaded for ${symbols.join(', ')}. Try again shortly.`,
      )
    }
    throw new DomainError('invalid_request', allFailedMessage(failures))
  }
  for (const f of failures) warnings.push(`${f.symbol} left out: ${f.message}`)

  const firstRow = rows[0] as ReactionRow
  const estimationShown = benchStudy?.estimation ?? firstRow.estimation
  const sources = new Set<PriceSource>([bench.source, ...rows.map((r) => r.source)])

  return {
    day0: benchDay0,
    benchmark,
    ...(choice.event ? { event: toReactionEvent(choice.event) } : {}),
    method: {
      benchmark,
      benchmarkName: bench.name,
      day0: benchDay0,
      day0Rule: choice.rule,
      session: choice.event ? null : (request.session ?? null),
      estimation: {
        from: estimationShown.from,
        to: estimationShown.to,
        sessions: estimationShown.sessions,
        requested: estimationShown.requested,
      },
      gap,
      windows: windows.map(([t1, t2]): [number, number] => [t1, t2]),
      path: [path[0], path[1]],
      model,
      pairing: pairingChoice,
      variance: 'prediction-error',
      returns: 'simple, adjusted close',
      abnormalReturn: METHOD_TEXT[model],
      tStatistic: T_TEXT,
      pairingRule: OTHER_TEXT.pairing,
      marketCapChange: OTHER_TEXT.marketCapChange,
      recovery: { rule: OTHER_TEXT.recovery, dataThrough: bench.bars[bench.bars.length - 1]?.date ?? null },
    },
    rows,
    portfolio: portfolio(firms, windows),
    sources: [...sources],
    // The price range loaded here is wider than the study needs (room for estimation and recovery), so "data
    // starts/ends after/before the requested ..." notes describe that internal window, not the reader's query.
    warnings: [...new Set([...prices.warnings.filter((w) => !/: data (starts|ends) on /.test(w)), ...warnings])],
  }
}
