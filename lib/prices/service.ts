import { LRUCache } from 'lru-cache'
import { ApiError } from '../api/errors'
import { addDays } from '../dates'
import { describeRejectedBars } from '../providers/bar-rules'
import { ProviderError, type DailyBarsResult, type PriceProvider } from '../providers/types'
import type { IsoDate, PriceSeries } from '../types'

/** Live data for a window that ended before today cannot change except for later dividend adjustments. */
export const CLOSED_RANGE_TTL_MS = 24 * 60 * 60 * 1000
/** Live data whose window reaches today may gain a bar at any time. */
export const OPEN_RANGE_TTL_MS = 5 * 60 * 1000
/** A live failure is remembered this long, so a dead upstream is not asked again by every request. */
export const FAILURE_TTL_MS = 30 * 1000
/** Cap on cached live windows (one per symbol and calendar-year span). About 5 KB each. */
export const MAX_CACHED_WINDOWS = 2_000
/** Retries of a failed upstream call where a retry can help (5xx, network, a short 429). */
export const MAX_RETRIES = 2
export const RETRY_BASE_DELAY_MS = 250
/** A Retry-After longer than this is not waited for: the caller gets the fallback instead. */
export const MAX_RETRY_AFTER_MS = 2_000

export type ProviderMode = 'auto' | 'snapshot' | 'yahoo'

export interface PricesRequest {
  symbols: string[]
  from: IsoDate
  to: IsoDate
  signal?: AbortSignal
  /**
   * Called each time this request starts an upstream fetch (one per symbol and window not cached or already in
   * flight); throws an ApiError (429) to refuse it. Cache hits and snapshot answers never call it.
   */
  onLiveRequest?: () => void
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
  /** Overrides MAX_CACHED_WINDOWS; the load test sets it low so a short run fills the cache past its cap. */
  maxCachedWindows?: number
}

/** A live window served from an expired cache entry because the upstream failed. */
type LiveResult = DailyBarsResult & { staleBecause?: ProviderError }

interface LiveFailure {
  error: ProviderError
}

type Outcome = { series: PriceSeries; warnings: string[] } | { error: ProviderError }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export function describeProviderError(error: ProviderError): string {
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
  stats(): { upstreamCalls: number; cachedWindows: number }
}

export function createPriceService(options: PriceServiceOptions): PriceService {
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10))
  const sleep = options.sleep ?? defaultSleep
  const cache = new LRUCache<string, DailyBarsResult | LiveFailure>({
    max: options.maxCachedWindows ?? MAX_CACHED_WINDOWS,
    ttl: CLOSED_RANGE_TTL_MS,
    // Keep stale windows so a failing upstream can still be answered from the last good copy.
    noDeleteOnStaleGet: true,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })
  const inFlight = new Map<string, Promise<LiveResult>>()
  let liveProvider: PriceProvider | undefined
  let upstreamCalls = 0
  const live = () => (liveProvider ??= options.live())

  /** Live data is fetched by whole calendar years, so neighbouring ranges share one upstream call. */
  function liveWindow(from: IsoDate, to: IsoDate) {
    const end = `${to.slice(0, 4)}-12-31`
    const t = today()
    return { from: `${from.slice(0, 4)}-01-01`, to: end < t ? end : t }
  }

  async function callUpstreamWithRetries(symbol: string, from: IsoDate, to: IsoDate): Promise<DailyBarsResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        upstreamCalls++
        return await live().getDailyBars({ symbol, from, to })
      } catch (error) {
        const providerError =
          error instanceof ProviderError
            ? error
            : new ProviderError('upstream', 'unexpected failure', { provider: 'yahoo', symbol, cause: error })
        const retryAfterMs = (providerError.options.retryAfterSeconds ?? 0) * 1000
        // A redirect, an oversized or undecodable body and a payload failing validation are final (`retryable` false).
        const retryable =
          providerError.retryable && (providerError.kind !== 'rate_limited' || retryAfterMs <= MAX_RETRY_AFTER_MS)
        if (!retryable || attempt >= MAX_RETRIES) throw providerError
        await sleep(Math.max(retryAfterMs, RETRY_BASE_DELAY_MS * 3 ** attempt))
      }
    }
  }

  /** One upstream call per window at a time, however many requests want it (single-flight). */
  async function liveBars(symbol: string, from: IsoDate, to: IsoDate, onLiveRequest?: () => void): Promise<LiveResult> {
    const window = liveWindow(from, to)
    const key = `yahoo:${symbol}:${window.from}:${window.to}`
    const hit = cache.get(key)
    if (hit) {
      if ('error' in hit) throw hit.error
      return hit
    }
    let pending = inFlight.get(key)
    if (!pending) {
      onLiveRequest?.()
      pending = callUpstreamWithRetries(symbol, window.from, window.to)
        .then((result) => {
          const ttl = window.to < today() ? CLOSED_RANGE_TTL_MS : OPEN_RANGE_TTL_MS
          cache.set(key, result, { ttl })
          return result
        })
        .catch((error: ProviderError) => {
          const stale = cache.get(key, { allowStale: true })
          if (stale && !('error' in stale)) return { ...stale, staleBecause: error }
          cache.set(key, { error }, { ttl: FAILURE_TTL_MS })
          throw error
        })
        .finally(() => inFlight.delete(key))
      inFlight.set(key, pending)
    }
    return pending
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
    if (first.date > addDays(from, 7)) warnings.push(`${series.symbol}: data starts on ${first.date}, after the requested ${from}.`)
    if (last.date < addDays(end, -7)) warnings.push(`${series.symbol}: data ends on ${last.date}, before the requested ${end}.`)
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

  async function fromLive(symbol: string, from: IsoDate, to: IsoDate, onLiveRequest?: () => void): Promise<Outcome> {
    try {
      const result = await liveBars(symbol, from, to, onLiveRequest)
      const series = toSeries(result, 'yahoo', from, to)
      const warnings = coverageWarnings(series, from, to)
      const dropped = (result.droppedDates ?? []).filter((d) => d >= from && d <= to)
      if (dropped.length > 0) {
        const shown = dropped.slice(0, 5).join(', ') + (dropped.length > 5 ? ', …' : '')
        warnings.push(`${symbol}: ${dropped.length} session${dropped.length > 1 ? 's' : ''} came with missing values from the live source and ${dropped.length > 1 ? 'were' : 'was'} left out (${shown}).`)
      }
      const rejected = (result.rejectedBars ?? []).filter((r) => r.date >= from && r.date <= to)
      if (rejected.length > 0) warnings.push(describeRejectedBars(symbol, rejected, result.calendarName))
      if (result.staleBecause) {
        warnings.unshift(`${symbol}: ${describeProviderError(result.staleBecause)}; showing live data cached earlier.`)
      }
      return { series, warnings }
    } catch (error) {
      if (error instanceof ProviderError) return { error }
      throw error
    }
  }

  async function resolveSymbol(symbol: string, request: PricesRequest): Promise<Outcome> {
    const { from, to, onLiveRequest } = request
    if (options.mode === 'snapshot') return fromSnapshot(symbol, from, to)
    if (options.mode === 'yahoo') return fromLive(symbol, from, to, onLiveRequest)

    const coverage = options.snapshotCoverage(symbol)
    if (coverage && from >= coverage.from && to <= coverage.to) return fromSnapshot(symbol, from, to)
    const liveOutcome = await fromLive(symbol, from, to, onLiveRequest)
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
    stats: () => ({ upstreamCalls, cachedWindows: cache.size }),

    async getPrices(request) {
      const outcomes = await Promise.all(request.symbols.map((symbol) => resolveSymbol(symbol, request)))
      const notFound = request.symbols.filter((_, i) => {
        const o = outcomes[i]
        return o && 'error' in o && o.error.kind === 'not_found'
      })
      if (notFound.length > 0) {
        const where = options.mode === 'snapshot' ? 'in the embedded snapshot' : 'at the price source'
        // One issue per unknown symbol, so a client can offer to drop exactly those and keep the rest.
        throw new ApiError('not_found', `Unknown symbol${notFound.length > 1 ? 's' : ''} ${where}: ${notFound.join(', ')}`, {
          issues: notFound.map((symbol) => ({ path: 'symbols', message: symbol })),
        })
      }

      const series: PriceSeries[] = []
      const warnings: string[] = []
      const failures: { symbol: string; error: ProviderError }[] = []
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
        const timedOut = failures.every((f) => f.error.kind === 'timeout')
        const names = failures.map((f) => f.symbol).join(', ')
        // Offline, a retry in a moment will not help: say what is true and which symbols the snapshot lacks.
        if (failures.every((f) => f.error.kind === 'unreachable')) {
          throw new ApiError(
            'upstream_error',
            `No data for ${names}: the live price source cannot be reached from this server, and the embedded snapshot does not hold ${failures.length > 1 ? 'them' : 'it'}.`,
            { issues: [{ path: 'source', message: 'unreachable' }, ...failures.map((f) => ({ path: 'symbols', message: f.symbol }))] },
          )
        }
        throw new ApiError(
          timedOut ? 'upstream_timeout' : 'upstream_error',
          `No data could be loaded for ${names}: ${describeProviderError(firstFailure.error)}. Try again shortly.`,
        )
      }
      return { series, warnings }
    },
  }
}
