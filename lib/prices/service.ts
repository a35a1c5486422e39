import { DomainError } from '../errors'
import { addDays, daysBetween, weekday } from '../dates'
import { CapacityError } from '../limits/errors'
import { createMemoryByteCache, createMemorySingleFlight, createMemoryUpstreamBudget } from '../limits/memory'
import type { ByteCache, SingleFlight, UpstreamBudget } from '../limits/types'
import { createFairQueue, type UpstreamQueue } from '../limits/upstream-queue'
import { describeRejectedBars } from '../providers/bar-rules'
import { ProviderError, type DailyBarsResult, type PriceProvider, type ProviderErrorKind } from '../providers/types'
import type { IsoDate, PriceSeries, PriceSource } from '../types'

/** Live data for a window that ended before today cannot change except for later dividend adjustments. */
export const CLOSED_RANGE_TTL_MS = 24 * 60 * 60 * 1000
/** Live data whose window reaches today may gain a bar at any time. */
export const OPEN_RANGE_TTL_MS = 5 * 60 * 1000
/** A live failure is remembered this long, so a dead upstream is not asked again by every request. */
export const FAILURE_TTL_MS = 30 * 1000
/**
 * Heap bytes one cached bar takes (an object with a date string and six numbers, in an array), measured with
 * Node 20 on 200 ten-year windows (`--expose-gc`, heapUsed before and after): 201 bytes; rounded up for
 * volumes too large to be small integers. A ten-year window is about 2,520 bars, so about 0.55 MiB.
 */
export const BAR_HEAP_BYTES = 224
/** The rest of one cached window: name, currency, time zone, the key, the LRU's bookkeeping. */
export const WINDOW_OVERHEAD_BYTES = 1_024
/** Default memory for cached live windows per process (PRICE_CACHE_MAX_MIB): about 230 ten-year windows. */
export const DEFAULT_WINDOW_CACHE_BYTES = 128 * 1024 * 1024
/**
 * The largest answer: weekday sessions summed over the symbols, 50 symbol-years (5 symbols x 10 years, 20 x 2.5,
 * 12 x about 4). About 1.7 MB of JSON; the 20 x 10 years the API's field limits would allow is 8.8 MB.
 */
export const MAX_SESSIONS_PER_ANSWER = 50 * 261
/**
 * Upstream calls at once per process. the fair queue holds the rest, so
 * a fifth call could time out without having been sent; our own queue, fair between clients, waits instead.
 */
export const UPSTREAM_CONCURRENCY = 4
/** Longest wait in our queue before the request is answered from a fallback or with 503. */
export const UPSTREAM_QUEUE_MAX_WAIT_MS = 10_000
export const UPSTREAM_QUEUE_MAX = 256
export const UPSTREAM_QUEUE_MAX_PER_CLIENT = 32
/** Queue id for callers that give none (scripts, tests). */
export const SHARED_CALLER_ID = 'shared'
/** Retries of a failed upstream call where a retry can help (5xx, network, a short 429). */
export const MAX_RETRIES = 2
export const RETRY_BASE_DELAY_MS = 250
/** A Retry-After longer than this is not waited for: the caller gets the fallback instead. */
export const MAX_RETRY_AFTER_MS = 2_000

/** `live`: every symbol from the live provider; `auto`: the snapshot where it covers the range, live for the rest. */
export type ProviderMode = 'auto' | 'snapshot' | 'live'

/** Who a request is for, as far as the live source is concerned. */
export interface LiveCaller {
  /** The client's id (lib/limits/client-identity.ts): its place in the fair queue. */
  id: string
  /**
   * Called once for every symbol whose live window is not cached; rejects with a DomainError ('throttled') to refuse
   * the request. Cache hits and snapshot answers never call it.
   */
  admit: () => Promise<void>
}

export interface PricesRequest {
  symbols: string[]
  from: IsoDate
  to: IsoDate
  signal?: AbortSignal
  caller?: LiveCaller
  /**
   * Told which fetch of each live window the answer was made from (a key that changes whenever the window is
   * fetched again), so a rendered copy of the answer can be keyed by the data it holds (lib/prices/render.ts).
   */
  onLiveWindow?: (version: string) => void
}

export interface PricesResult {
  series: PriceSeries[]
  warnings: string[]
}

export interface PriceServiceOptions {
  mode: ProviderMode
  snapshot: PriceProvider
  /** Created on first use: the live client is never built when nothing needs it. */
  live: () => PriceProvider
  snapshotCoverage: (symbol: string) => { from: IsoDate; to: IsoDate } | undefined
  today?: () => IsoDate
  sleep?: (ms: number) => Promise<void>
  /** Clock for cache ages, in ms; tests move it forward to expire entries without waiting a day. */
  now?: () => number
  /** Optional cap on cached windows by count as well; the load test sets it low to overflow the cache. */
  maxCachedWindows?: number
  /** Bytes of cached live windows (DEFAULT_WINDOW_CACHE_BYTES). Ignored when `windowCache` is given. */
  maxCacheBytes?: number
  /** Where live windows are cached; by default an in-memory cache of `maxCacheBytes`. */
  windowCache?: ByteCache<CachedWindow>
  singleFlight?: SingleFlight
  /** The server-wide upstream budget; by default unlimited (tests of other things need no budget). */
  budget?: UpstreamBudget
  queue?: UpstreamQueue
}

/** A cached live window: plain data, so a shared store can serialise it. */
export type CachedWindow =
  | { bars: DailyBarsResult; fetchedAt: number }
  | { failure: { kind: ProviderErrorKind; message: string; provider: PriceSource; retryAfterSeconds?: number } }

/** Bytes one cached window holds in memory (BAR_HEAP_BYTES per bar), for the cache's byte cap. */
export function cachedWindowBytes(value: CachedWindow): number {
  if (!('bars' in value)) return WINDOW_OVERHEAD_BYTES
  return WINDOW_OVERHEAD_BYTES + value.bars.bars.length * BAR_HEAP_BYTES + (value.bars.droppedDates?.length ?? 0) * 48
}

/**
 * A live window as the service uses it: `version` names this fetch of it; `staleBecause` is set when an expired
 * copy is served because the upstream failed or could not be asked.
 */
type LiveResult = DailyBarsResult & { version: string; staleBecause?: ProviderError | CapacityError }

type Outcome = { series: PriceSeries; warnings: string[] } | { error: ProviderError | CapacityError }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function describeProviderError(error: ProviderError | CapacityError): string {
  if (error instanceof CapacityError) return `${error.message}; try again in ${error.retryAfterSeconds} s`
  switch (error.kind) {
    case 'not_found':
      return 'not found'
    case 'no_data':
      return 'no data in this range'
    case 'rate_limited':
      return 'the live source is rate-limiting requests'
    case 'timeout':
      return 'the live source did not answer in time'
    case 'bad_payload':
      return 'the live source sent data that failed validation'
    case 'unreachable':
      return 'the live price source could not be reached from this server (it may be offline)'
    case 'upstream':
      return 'the live source failed'
  }
}

export interface PriceService {
  getPrices(request: PricesRequest): Promise<PricesResult>
  /** Counters for tests and benchmarks. */
  stats(): {
    upstreamCalls: number
    cachedWindows: number
    cachedBytes: number
    queue: { active: number; queued: number; clients: number }
  }
}

/** Weekdays in [from, to]: an upper bound on an exchange's sessions, without asking any calendar. */
export function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  const days = daysBetween(from, to) + 1
  if (days <= 0) return 0
  const fullWeeks = Math.floor(days / 7)
  let count = fullWeeks * 5
  const start = weekday(from)
  for (let i = 0; i < days % 7; i++) {
    const d = (start + i) % 7
    if (d !== 0 && d !== 6) count++
  }
  return count
}

export function createPriceService(options: PriceServiceOptions): PriceService {
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10))
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? defaultSleep
  // Stale windows are kept (until evicted by the byte cap) so a failing upstream is answered from the last copy.
  const cache =
    options.windowCache ??
    createMemoryByteCache<CachedWindow>({
      maxBytes: options.maxCacheBytes ?? DEFAULT_WINDOW_CACHE_BYTES,
      sizeOf: cachedWindowBytes,
      maxEntries: options.maxCachedWindows,
      now: options.now,
    })
  const flights = options.singleFlight ?? createMemorySingleFlight()
  const budget = options.budget ?? createMemoryUpstreamBudget({ limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 })
  const queue =
    options.queue ??
    createFairQueue({
      concurrency: UPSTREAM_CONCURRENCY,
      maxWaitMs: UPSTREAM_QUEUE_MAX_WAIT_MS,
      maxQueued: UPSTREAM_QUEUE_MAX,
      maxQueuedPerClient: UPSTREAM_QUEUE_MAX_PER_CLIENT,
    })
  let liveProvider: PriceProvider | undefined
  let upstreamCalls = 0
  const live = () => (liveProvider ??= options.live())

  /** Live data is fetched by whole calendar years, so neighbouring ranges share one upstream call. */
  function liveWindow(from: IsoDate, to: IsoDate) {
    const end = `${to.slice(0, 4)}-12-31`
    const t = today()
    return { from: `${from.slice(0, 4)}-01-01`, to: end < t ? end : t }
  }

  /** Every attempt, retries included, spends one unit of the server-wide budget, or fails without being sent. */
  async function spendUpstreamBudget(): Promise<void> {
    const decision = await budget.take(1)
    if (!decision.ok) throw new CapacityError('budget', decision.retryAfterSeconds)
  }

  async function callUpstreamWithRetries(symbol: string, from: IsoDate, to: IsoDate): Promise<DailyBarsResult> {
    for (let attempt = 0; ; attempt++) {
      await spendUpstreamBudget()
      try {
        upstreamCalls++
        return await live().getDailyBars({ symbol, from, to })
      } catch (error) {
        const providerError =
          error instanceof ProviderError
            ? error
            : new ProviderError('upstream', 'unexpected failure', { provider: live().id, symbol, cause: error })
        const retryAfterMs = (providerError.options.retryAfterSeconds ?? 0) * 1000
        // A redirect, an oversized or undecodable body and a payload failing validation are final (`retryable` false).
        const retryable =
          providerError.retryable && (providerError.kind !== 'rate_limited' || retryAfterMs <= MAX_RETRY_AFTER_MS)
        if (!retryable || attempt >= MAX_RETRIES) throw providerError
        await sleep(Math.max(retryAfterMs, RETRY_BASE_DELAY_MS * 3 ** attempt))
      }
    }
  }

  function toProviderError(
    failure: Extract<CachedWindow, { failure: unknown }>['failure'],
    symbol: string,
  ): ProviderError {
    return new ProviderError(failure.kind, failure.message, {
      provider: failure.provider,
      symbol,
      retryAfterSeconds: failure.retryAfterSeconds,
    })
  }

  /**
   * One upstream call per window at a time, however many requests want it (single-flight), queued fairly by
   * client. A failure of the upstream is remembered for FAILURE_TTL_MS; a refusal of our own (budget spent,
   * queue wait too long) is not: it says nothing about the upstream, and the next request may well get through.
   */
  async function liveBars(symbol: string, from: IsoDate, to: IsoDate, caller?: LiveCaller): Promise<LiveResult> {
    const window = liveWindow(from, to)
    const key = `live:${symbol}:${window.from}:${window.to}`
    const hit = await cache.get(key, { allowStale: true })
    if (hit && !hit.stale) {
      if ('failure' in hit.value) throw toProviderError(hit.value.failure, symbol)
      return { ...hit.value.bars, version: `${key}@${hit.value.fetchedAt}` }
    }
    await caller?.admit()
    // Another instance's fetch of the same window, once it has stored it (only a shared single-flight asks).
    const peek = async (): Promise<LiveResult | undefined> => {
      const stored = await cache.get(key)
      if (!stored) return undefined
      if ('failure' in stored.value) throw toProviderError(stored.value.failure, symbol)
      return { ...stored.value.bars, version: `${key}@${stored.value.fetchedAt}` }
    }
    return flights.run(
      key,
      async (): Promise<LiveResult> => {
        const stale =
          hit && 'bars' in hit.value ? { ...hit.value.bars, version: `${key}@${hit.value.fetchedAt}` } : undefined
        try {
          const result = await queue.run(caller?.id ?? SHARED_CALLER_ID, () =>
            callUpstreamWithRetries(symbol, window.from, window.to),
          )
          const ttlMs = window.to < today() ? CLOSED_RANGE_TTL_MS : OPEN_RANGE_TTL_MS
          const fetchedAt = now()
          await cache.set(key, { bars: result, fetchedAt }, { ttlMs })
          return { ...result, version: `${key}@${fetchedAt}` }
        } catch (error) {
          const known = error instanceof ProviderError || error instanceof CapacityError
          if (!known) throw error
          if (stale) return { ...stale, staleBecause: error }
          if (error instanceof ProviderError) {
            const { retryAfterSeconds, provider } = error.options
            await cache.set(
              key,
              { failure: { kind: error.kind, message: error.message, provider, retryAfterSeconds } },
              { ttlMs: FAILURE_TTL_MS },
            )
          }
          throw error
        }
      },
      { peek },
    )
  }

  function toSeries(result: DailyBarsResult, source: PriceSeries['source'], from: IsoDate, to: IsoDate): PriceSeries {
    return {
      symbol: result.symbol,
      name: result.name,
      currency: result.currency,
      source,
      bars: result.bars.filter((b) => b.date >= from && b.date <= to),
    }
  }

  function coverageWarnings(series: PriceSeries, from: IsoDate, to: IsoDate): string[] {
    const first = series.bars[0]
    const last = series.bars[series.bars.length - 1]
    if (!first || !last) return [`${series.symbol}: no bars between ${from} and ${to}.`]
    const warnings: string[] = []
    const end = to < today() ? to : today()
    // More than a week without a bar at either end means the source does not reach that far.
    if (first.date > addDays(from, 7))
      warnings.push(`${series.symbol}: data starts on ${first.date}, after the requested ${from}.`)
    if (last.date < addDays(end, -7))
      warnings.push(`${series.symbol}: data ends on ${last.date}, before the requested ${end}.`)
    return warnings
  }

  async function fromSnapshot(symbol: string, from: IsoDate, to: IsoDate): Promise<Outcome> {
    try {
      const series = toSeries(await options.snapshot.getDailyBars({ symbol, from, to }), 'snapshot', from, to)
      return { series, warnings: coverageWarnings(series, from, to) }
    } catch (error) {
      if (error instanceof ProviderError) return { error }
      throw error
    }
  }

  async function fromLive(
    symbol: string,
    from: IsoDate,
    to: IsoDate,
    caller?: LiveCaller,
    onLiveWindow?: (version: string) => void,
  ): Promise<Outcome> {
    try {
      const result = await liveBars(symbol, from, to, caller)
      onLiveWindow?.(result.version)
      const series = toSeries(result, live().id, from, to)
      const warnings = coverageWarnings(series, from, to)
      const dropped = (result.droppedDates ?? []).filter((d) => d >= from && d <= to)
      if (dropped.length > 0) {
        const shown = dropped.slice(0, 5).join(', ') + (dropped.length > 5 ? ', …' : '')
        warnings.push(
          `${symbol}: ${dropped.length} session${dropped.length > 1 ? 's' : ''} came with missing values from the live source and ${dropped.length > 1 ? 'were' : 'was'} left out (${shown}).`,
        )
      }
      const rejected = (result.rejectedBars ?? []).filter((r) => r.date >= from && r.date <= to)
      if (rejected.length > 0) warnings.push(describeRejectedBars(symbol, rejected, result.calendarName))
      if (result.staleBecause) {
        warnings.unshift(`${symbol}: ${describeProviderError(result.staleBecause)}; showing live data cached earlier.`)
      }
      return { series, warnings }
    } catch (error) {
      if (error instanceof ProviderError || error instanceof CapacityError) return { error }
      throw error
    }
  }

  async function resolveSymbol(symbol: string, request: PricesRequest): Promise<Outcome> {
    const { from, to, caller, onLiveWindow } = request
    if (options.mode === 'snapshot') return fromSnapshot(symbol, from, to)
    if (options.mode === 'live') return fromLive(symbol, from, to, caller, onLiveWindow)

    const coverage = options.snapshotCoverage(symbol)
    if (coverage && from >= coverage.from && to <= coverage.to) return fromSnapshot(symbol, from, to)
    const liveOutcome = await fromLive(symbol, from, to, caller, onLiveWindow)
    if (!coverage) return liveOutcome
    const liveFailed = 'error' in liveOutcome
    if (!liveFailed && liveOutcome.series.bars.length > 0) return liveOutcome
    const fallback = await fromSnapshot(symbol, from, to)
    // A snapshot with nothing in the range would turn a live failure into an empty 200 that reads as "no data".
    if ('error' in fallback || fallback.series.bars.length === 0) return liveOutcome
    const why = liveFailed ? describeProviderError(liveOutcome.error) : 'the live source returned no bars in this range'
    return {
      series: fallback.series,
      warnings: [
        `${symbol}: live data unavailable (${why}); showing the embedded snapshot, which covers ${coverage.from} to ${coverage.to}.`,
        ...fallback.warnings,
      ],
    }
  }

  return {
    stats: () => ({
      upstreamCalls,
      cachedWindows: cache.stats().entries,
      cachedBytes: cache.stats().bytes,
      queue: queue.stats(),
    }),

    async getPrices(request) {
      // Bounded before anything is fetched or rendered: the cost of an answer grows with symbols x sessions.
      const end = request.to < today() ? request.to : today()
      const sessions = request.symbols.length * weekdaysBetween(request.from, end)
      if (sessions > MAX_SESSIONS_PER_ANSWER) {
        const years = (MAX_SESSIONS_PER_ANSWER / 261).toFixed(0)
        throw new DomainError(
          'invalid_request',
          `Too much data in one request: ${request.symbols.length} symbol${request.symbols.length > 1 ? 's' : ''} over ${request.from} to ${request.to} is about ${sessions} sessions; at most ${MAX_SESSIONS_PER_ANSWER} (${years} symbol-years, e.g. 5 symbols over 10 years or 20 over 2.5). Ask for fewer symbols or a shorter range.`,
          { issues: [{ path: 'symbols', message: `symbols x sessions above ${MAX_SESSIONS_PER_ANSWER}` }] },
        )
      }
      const outcomes = await Promise.all(request.symbols.map((symbol) => resolveSymbol(symbol, request)))
      const notFound = request.symbols.filter((_, i) => {
        const o = outcomes[i]
        return o && 'error' in o && o.error instanceof ProviderError && o.error.kind === 'not_found'
      })
      if (notFound.length > 0) {
        const where = options.mode === 'snapshot' ? 'in the embedded snapshot' : 'at the price source'
        // One issue per unknown symbol, so a client can offer to drop exactly those and keep the rest.
        throw new DomainError(
          'not_found',
          `Unknown symbol${notFound.length > 1 ? 's' : ''} ${where}: ${notFound.join(', ')}`,
          {
            issues: notFound.map((symbol) => ({ path: 'symbols', message: symbol })),
          },
        )
      }

      const series: PriceSeries[] = []
      const warnings: string[] = []
      const failures: { symbol: string; error: ProviderError | CapacityError }[] = []
      outcomes.forEach((outcome, i) => {
        const symbol = request.symbols[i] ?? ''
        if ('error' in outcome) {
          failures.push({ symbol, error: outcome.error })
          warnings.push(`${symbol}: left out, ${describeProviderError(outcome.error)}.`)
        } else {
          series.push(outcome.series)
          warnings.push(...outcome.warnings)
        }
      })
      const firstFailure = failures[0]
      if (series.length === 0 && firstFailure) {
        const capacity = failures.map((f) => f.error).filter((e): e is CapacityError => e instanceof CapacityError)
        if (capacity.length === failures.length) {
          // Only our own limits stood in the way: 503 (the server is busy), not a 502 blaming the upstream.
          const retryAfterSeconds = Math.max(...capacity.map((e) => e.retryAfterSeconds))
          throw new DomainError(
            'capacity',
            `No data could be loaded for ${failures.map((f) => f.symbol).join(', ')}: ${describeProviderError(firstFailure.error)}. Data already loaded stays available.`,
            { retryAfterSeconds },
          )
        }
        const isKind = (e: unknown, kind: ProviderErrorKind) => e instanceof ProviderError && e.kind === kind
        const timedOut = failures.every((f) => isKind(f.error, 'timeout'))
        const names = failures.map((f) => f.symbol).join(', ')
        // Offline, a retry in a moment will not help: say what is true and which symbols the snapshot lacks.
        if (failures.every((f) => isKind(f.error, 'unreachable'))) {
          throw new DomainError(
            'upstream_failed',
            `No data for ${names}: the live price source cannot be reached from this server, and the embedded snapshot does not hold ${failures.length > 1 ? 'them' : 'it'}.`,
            {
              issues: [
                { path: 'source', message: 'unreachable' },
                ...failures.map((f) => ({ path: 'symbols', message: f.symbol })),
              ],
            },
          )
        }
        throw new DomainError(
          timedOut ? 'upstream_timeout' : 'upstream_failed',
          `No data could be loaded for ${names}: ${describeProviderError(firstFailure.error)}. Try again shortly.`,
        )
      }
      return { series, warnings }
    },
  }
}
