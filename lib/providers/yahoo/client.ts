import YahooFinance from 'yahoo-finance2'
import { addDays } from '../../dates'
import { ProviderError, type DailyBarsRequest, type DailyBarsResult, type PriceProvider } from '../types'
import { reshapeChart } from './reshape'
import { parseChartResponse } from './schema'

export interface YahooProviderOptions {
  /** Sends requests to this origin (e.g. `http://127.0.0.1:4010`) instead of Yahoo; path and query are kept. */
  baseUrl?: string
  /** Per request, including time spent waiting in yahoo-finance2's internal queue. */
  timeoutMs?: number
  fetchImpl?: typeof fetch
}

export const DEFAULT_YAHOO_TIMEOUT_MS = 10_000

type YahooClient = InstanceType<typeof YahooFinance>

const YAHOO_QUERY_HOST = /^query[12]\.finance\.yahoo\.com$/i

// yahoo-finance2 logs validation reports, runtime warnings (it wants Node 22) and notices through this.
const QUIET_LOGGER = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  dir: () => {},
}

/** Yahoo answered, but with an error status or an error object in the body. */
class UpstreamAnswerError extends Error {
  override readonly name = 'UpstreamAnswerError'
  constructor(
    readonly status: number,
    readonly yahooCode: string | undefined,
    readonly description: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`upstream answered ${status}${yahooCode ? ` (${yahooCode})` : ''}`)
  }
}

class MalformedBodyError extends Error {
  override readonly name = 'MalformedBodyError'
}

/** What the per-call fetch saw; the JSON body is kept because it is what we validate. */
interface CallRecord {
  body?: unknown
}

function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input
  if (input instanceof URL) return input.href
  return input.url
}

/** Rewrites Yahoo query-host URLs onto `baseUrl`; without one, requests go out unchanged. */
function createTransport(baseUrl: string | undefined, fetchImpl: typeof fetch): typeof fetch {
  if (!baseUrl) return fetchImpl
  const base = new URL(baseUrl)
  const prefix = base.pathname.replace(/\/+$/, '')
  return (input, init) => {
    const url = new URL(requestUrl(input))
    if (!YAHOO_QUERY_HOST.test(url.hostname)) {
      // With a base URL set (tests, mock) nothing may leak to the real internet, e.g. a cookie/crumb fetch.
      return Promise.reject(new Error('request to an unexpected host while a base URL is set'))
    }
    return fetchImpl(`${base.origin}${prefix}${url.pathname}${url.search}`, init)
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

function readYahooError(body: unknown): { code: string; description?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const chart = (body as { chart?: unknown }).chart
  if (typeof chart !== 'object' || chart === null) return undefined
  const error = (chart as { error?: unknown }).error
  if (typeof error !== 'object' || error === null) return undefined
  const { code, description } = error as { code?: unknown; description?: unknown }
  return {
    code: typeof code === 'string' ? code : 'unknown',
    description: typeof description === 'string' ? description : undefined,
  }
}

/**
 * The fetch handed to yahoo-finance2 for one call. It settles HTTP-level outcomes itself instead of leaving
 * them to the library, because the library prints the full URL with `console.error` on any non-2xx status,
 * drops the status of JSON error bodies (404 "Not Found" becomes a plain `Error`), puts the whole body into
 * its error message on malformed JSON, and never exposes Retry-After.
 */
function createCallFetch(transport: typeof fetch, signal: AbortSignal, record: CallRecord): typeof fetch {
  return async (input, init) => {
    const response = await transport(input, { ...init, signal })
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'))
    const text = await response.text()
    let body: unknown
    let parsed = false
    try {
      body = JSON.parse(text)
      parsed = true
    } catch {
      // Settled below: an error status wins over the body being unreadable.
    }
    const yahooError = parsed ? readYahooError(body) : undefined
    if (!response.ok || yahooError) {
      throw new UpstreamAnswerError(response.status, yahooError?.code, yahooError?.description, retryAfterSeconds)
    }
    if (!parsed) throw new MalformedBodyError('response body is not JSON')
    record.body = body
    return new Response(text, {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    })
  }
}

/** Rejects as soon as `signal` aborts, even while yahoo-finance2 still holds the request in its queue. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  // The library's promise may settle after we stop listening; its outcome no longer matters then.
  promise.catch(() => {})
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) {
      onAbort()
      return
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

const NOT_FOUND_TEXT = /not found|no data found|delisted/i

interface FailureContext {
  symbol: string
  timeoutMs: number
  timeoutSignal: AbortSignal
  signal: AbortSignal
  record: CallRecord
}

function toProviderError(error: unknown, ctx: FailureContext): ProviderError {
  if (error instanceof ProviderError) return error
  const base = { provider: 'yahoo' as const, symbol: ctx.symbol, cause: error }
  const make = (kind: ProviderError['kind'], message: string, extra: { retryAfterSeconds?: number } = {}) =>
    new ProviderError(kind, message, { ...base, ...extra })

  if (ctx.signal.aborted) {
    return ctx.timeoutSignal.aborted
      ? make('timeout', `Yahoo did not answer within ${ctx.timeoutMs} ms`)
      : make('timeout', 'Yahoo request was cancelled')
  }
  if (error instanceof UpstreamAnswerError) {
    if (error.status === 404 || error.yahooCode === 'Not Found' || NOT_FOUND_TEXT.test(error.description ?? '')) {
      return make('not_found', 'Symbol not found at Yahoo')
    }
    if (error.status === 429) {
      return make('rate_limited', 'Yahoo rate limit reached', { retryAfterSeconds: error.retryAfterSeconds })
    }
    const answeredOk = error.status >= 200 && error.status < 300
    return make(
      'upstream',
      answeredOk ? `Yahoo returned an error (${(error.yahooCode ?? 'unknown').slice(0, 40)})` : `Yahoo answered with HTTP ${error.status}`,
    )
  }
  if (error instanceof MalformedBodyError) return make('bad_payload', 'Yahoo returned a response that is not JSON')

  // The cases below are settled by the call fetch above; they stay mapped in case the library changes.
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : ''
  if (name === 'FailedYahooValidationError') return make('bad_payload', 'Yahoo returned a chart payload that failed validation')
  if (name === 'HTTPError') {
    const code = (error as { code?: unknown }).code
    if (code === 404) return make('not_found', 'Symbol not found at Yahoo')
    if (code === 429) return make('rate_limited', 'Yahoo rate limit reached')
    return make('upstream', typeof code === 'number' ? `Yahoo answered with HTTP ${code}` : 'Yahoo request failed')
  }
  if (NOT_FOUND_TEXT.test(message)) return make('not_found', 'Symbol not found at Yahoo')
  // A body arrived, so whatever broke afterwards (the library's own clean-up of `chart.result[0]`) broke on
  // the payload's shape.
  if (ctx.record.body !== undefined) return make('bad_payload', 'Yahoo returned a chart payload that could not be read')
  return make('unreachable', 'Could not reach Yahoo')
}

/**
 * The live provider: daily bars from Yahoo's chart v8 API through yahoo-finance2. No retries here; the price
 * service decides whether and when to retry.
 */
export function createYahooProvider(options: YahooProviderOptions = {}): PriceProvider {
  const timeoutMs = options.timeoutMs ?? DEFAULT_YAHOO_TIMEOUT_MS
  // Resolved per request so a fetch stubbed after the provider was built is still honoured.
  const fetchImpl: typeof fetch = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init))
  const transport = createTransport(options.baseUrl, fetchImpl)

  let client: YahooClient | undefined
  // Built on first use: constructing it runs option validation and a runtime check that logs, and importing
  // this module (e.g. while Next.js collects routes) should cost nothing.
  const getClient = (): YahooClient =>
    (client ??= new YahooFinance({
      fetch: transport,
      versionCheck: false, // otherwise a validation failure triggers a request to the npm registry
      logger: QUIET_LOGGER,
      suppressNotices: ['yahooSurvey'],
      validation: { logErrors: false, logOptionsErrors: false },
    }))

  async function fetchChart(request: DailyBarsRequest, signal: AbortSignal, record: CallRecord): Promise<void> {
    const chart = getClient().chart(
      // yahoo-finance2 appends the symbol to the URL path as is.
      encodeURIComponent(request.symbol),
      {
        // One extra day before `from`: exchanges east of UTC stamp their bars on the previous UTC day
        // (e.g. Sydney opens at 23:00 UTC). The result is sliced to [from, to] in exchange time below.
        period1: addDays(request.from, -1),
        period2: addDays(request.to, 1),
        interval: '1d',
        events: 'div|split',
        return: 'object',
      },
      {
        fetch: createCallFetch(transport, signal, record),
        // The library's schema rejects payloads we can use (null currency, as for LUCYW) and coerces
        // strings into numbers; `schema.ts` validates the JSON as received instead.
        validateResult: false,
      },
    )
    await untilAborted(chart, signal)
  }

  return {
    id: 'yahoo',
    async getDailyBars(request: DailyBarsRequest): Promise<DailyBarsResult> {
      const { symbol, from, to } = request
      const timeoutSignal = AbortSignal.timeout(timeoutMs)
      const signal = request.signal ? AbortSignal.any([request.signal, timeoutSignal]) : timeoutSignal
      const record: CallRecord = {}

      try {
        await fetchChart(request, signal, record)
      } catch (error) {
        throw toProviderError(error, { symbol, timeoutMs, timeoutSignal, signal, record })
      }

      let result: DailyBarsResult
      try {
        result = reshapeChart(parseChartResponse(record.body), symbol)
      } catch (error) {
        throw new ProviderError('bad_payload', 'Yahoo returned a chart payload that failed validation', {
          provider: 'yahoo',
          symbol,
          cause: error,
        })
      }
      return { ...result, bars: result.bars.filter((bar) => bar.date >= from && bar.date <= to) }
    },
  }
}
