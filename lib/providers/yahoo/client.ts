import { addDays, isoToUtcMs } from '../../dates'
import {
  ProviderError,
  type DailyBarsRequest,
  type DailyBarsResult,
  type PriceProvider,
  type ProviderErrorKind,
} from '../types'
import { ChartPayloadError, reshapeChart } from './reshape'
import { MAX_TIMESTAMPS, parseChartResponse } from './schema'

export interface YahooProviderOptions {
  /** Sends requests to this origin (e.g. `http://127.0.0.1:4010`) instead of Yahoo; a path prefix is kept. */
  baseUrl?: string
  /** Per request: connecting, the headers and the whole body. */
  timeoutMs?: number
  fetchImpl?: typeof fetch
  /** Overrides MAX_CHART_BODY_BYTES (tests). */
  maxBodyBytes?: number
}

import { DEFAULT_YAHOO_TIMEOUT_MS } from './env'

export { DEFAULT_YAHOO_TIMEOUT_MS }

/** The public chart API. `chart` needs no cookie or crumb: one GET per symbol and window. */
export const YAHOO_CHART_ORIGIN = 'https://query1.finance.yahoo.com'

/**
 * Most bytes read from one chart answer, counted after decompression. The longest window the service asks for
 * (eleven calendar years, about 2,800 sessions at ~130 bytes each) is under 0.4 MiB of JSON, and the timestamp cap
 * (5,000 rows) under 0.7 MiB; past 4 MiB the answer is not a chart we asked for, and reading on would only cost
 * memory and the CPU time of inflating it (about 25 ms per MiB on a busy 2-core machine).
 */
export const MAX_CHART_BODY_BYTES = 4 * 1024 * 1024
/** An error answer is read only far enough to find Yahoo's error object in it. */
const MAX_ERROR_BODY_BYTES = 64 * 1024

const NOT_FOUND_TEXT = /not found|no data found|delisted/i

/** A body that would be no use however often it was asked for: refused at once, never retried. */
class FinalBodyError extends Error {
  override readonly name = 'FinalBodyError'
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

/** True for the failures of a stream that a decompressor raises (bad gzip or deflate data). */
function isDecodingFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('Z_')) return true
    if (/incorrect header check|invalid (?:block|distance|stored)|unexpected end of file|decompress/i.test(e.message))
      return true
  }
  return false
}

/**
 * Reads at most `limit` bytes of the decoded body (fetch has already undone gzip/deflate/br, so this counts what
 * would be held in memory). Past the limit the stream is cancelled, which also closes the connection: a 1 MB
 * gzip body inflating to 1 GB costs `limit` bytes, not a gigabyte.
 */
async function readBody(response: Response, limit: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const body = response.body
  if (!body) return { bytes: new Uint8Array(0), truncated: false }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (total + value.byteLength > limit) {
        await reader.cancel().catch(() => {})
        // What was read so far is the start of a body we refuse; the caller only needs to know that.
        return { bytes: new Uint8Array(0), truncated: true }
      }
      chunks.push(value)
      total += value.byteLength
    }
  } catch (error) {
    if (isDecodingFailure(error)) throw new FinalBodyError('the body could not be decompressed', { cause: error })
    throw error
  }
  return { bytes: concat(chunks, total), truncated: false }
}

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(bytes % 2 ** 20 === 0 ? 0 : 1)} MiB` : `${bytes} bytes`
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
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

/** `period1`/`period2` in epoch seconds: one day before `from` (exchanges east of UTC stamp their bars on the previous UTC day) to the day after `to`. */
function chartPeriod(from: DailyBarsRequest['from'], to: DailyBarsRequest['to']) {
  return { period1: isoToUtcMs(addDays(from, -1)) / 1000, period2: isoToUtcMs(addDays(to, 1)) / 1000 }
}

/**
 * The live provider: daily bars from Yahoo's chart v8 API with one plain GET, no retries (the price service
 * decides whether and when to retry), nothing followed off the configured origin, and a bounded read.
 */
export function createYahooProvider(options: YahooProviderOptions = {}): PriceProvider {
  const timeoutMs = options.timeoutMs ?? DEFAULT_YAHOO_TIMEOUT_MS
  const maxBodyBytes = options.maxBodyBytes ?? MAX_CHART_BODY_BYTES
  // Resolved per request so a fetch stubbed after the provider was built is still honoured.
  const fetchImpl: typeof fetch = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init))
  const base = new URL(options.baseUrl ?? YAHOO_CHART_ORIGIN)
  const prefix = base.pathname.replace(/\/+$/, '')

  function chartUrl(request: DailyBarsRequest): string {
    const { period1, period2 } = chartPeriod(request.from, request.to)
    const query = new URLSearchParams({
      period1: String(period1),
      period2: String(period2),
      interval: '1d',
      events: 'div,split',
      includeAdjustedClose: 'true',
    })
    return `${base.origin}${prefix}/v8/finance/chart/${encodeURIComponent(request.symbol)}?${query}`
  }

  return {
    id: 'yahoo',
    async getDailyBars(request: DailyBarsRequest): Promise<DailyBarsResult> {
      const { symbol, from, to } = request
      const timeoutSignal = AbortSignal.timeout(timeoutMs)
      const signal = request.signal ? AbortSignal.any([request.signal, timeoutSignal]) : timeoutSignal
      const fail = (
        kind: ProviderErrorKind,
        message: string,
        extra: { retryAfterSeconds?: number; retryable?: boolean; cause?: unknown } = {},
      ) => new ProviderError(kind, message, { provider: 'yahoo', symbol, ...extra })
      const url = chartUrl(request)

      let body: unknown
      try {
        // `manual`: a redirect is answered, not followed, so no request ever leaves the configured origin.
        const response = await fetchImpl(url, { signal, redirect: 'manual', headers: { accept: 'application/json' } })
        if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
          await response.body?.cancel().catch(() => {})
          throw fail(
            'upstream',
            `Yahoo answered with a redirect${response.status ? ` (HTTP ${response.status})` : ''}, which is not followed`,
            {
              retryable: false,
            },
          )
        }
        if (!response.ok) {
          const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'))
          const { bytes } = await readBody(response, MAX_ERROR_BODY_BYTES).catch(() => ({ bytes: new Uint8Array(0) }))
          const yahooError = readYahooError(parseJson(bytes))
          if (response.status === 404 || yahooError?.code === 'Not Found')
            throw fail('not_found', 'Symbol not found at Yahoo')
          if (response.status === 429) throw fail('rate_limited', 'Yahoo rate limit reached', { retryAfterSeconds })
          throw fail('upstream', `Yahoo answered with HTTP ${response.status}`)
        }
        const tooLarge = () =>
          fail('bad_payload', `Yahoo's answer is larger than ${formatBytes(maxBodyBytes)}`, { retryable: false })
        // A declared length counts the bytes on the wire; only without compression is it the decoded size too.
        const declared = Number(response.headers.get('content-length') ?? NaN)
        if (Number.isFinite(declared) && declared > maxBodyBytes && !response.headers.get('content-encoding')) {
          await response.body?.cancel().catch(() => {})
          throw tooLarge()
        }
        const { bytes, truncated } = await readBody(response, maxBodyBytes)
        if (truncated) throw tooLarge()
        body = parseJson(bytes)
        if (body === undefined) throw fail('bad_payload', 'Yahoo returned a response that is not JSON')
        const yahooError = readYahooError(body)
        if (yahooError) {
          if (yahooError.code === 'Not Found' || NOT_FOUND_TEXT.test(yahooError.description ?? '')) {
            throw fail('not_found', 'Symbol not found at Yahoo')
          }
          throw fail('upstream', `Yahoo returned an error (${yahooError.code.replace(/[^\w .-]/g, '').slice(0, 40)})`)
        }
      } catch (error) {
        if (error instanceof ProviderError) throw error
        if (signal.aborted) {
          throw fail(
            'timeout',
            timeoutSignal.aborted ? `Yahoo did not answer within ${timeoutMs} ms` : 'Yahoo request was cancelled',
            {
              cause: error,
            },
          )
        }
        if (error instanceof FinalBodyError)
          throw fail('bad_payload', 'Yahoo sent a body that could not be decoded', { cause: error })
        throw fail('unreachable', 'Could not reach Yahoo', { cause: error })
      }

      let result: DailyBarsResult
      try {
        result = reshapeChart(parseChartResponse(body, MAX_TIMESTAMPS), symbol)
      } catch (error) {
        const detail = error instanceof ChartPayloadError ? 'was dated in the wrong time zone' : 'failed validation'
        throw fail('bad_payload', `Yahoo returned a chart payload that ${detail}`, { cause: error })
      }
      const inRange = (date: string) => date >= from && date <= to
      return {
        ...result,
        bars: result.bars.filter((bar) => inRange(bar.date)),
        ...(result.rejectedBars ? { rejectedBars: result.rejectedBars.filter((r) => inRange(r.date)) } : {}),
      }
    },
  }
}
