import 'server-only'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'
import { ApiError } from './api/errors'
import { env } from './env'

/** The limit is stated per minute; a client's allowance refills evenly over this span. */
export const RATE_WINDOW_MS = 60_000
/**
 * Clients remembered at once. An evicted client simply starts again with a full allowance, so the cap bounds
 * memory under a flood of distinct ids at the cost of letting those ids through (see the trust note below).
 */
export const MAX_TRACKED_CLIENTS = 10_000
/** The id used when a request carries no forwarded address (only outside `next start`, e.g. in tests). */
export const ANONYMOUS_CLIENT = 'anonymous'

export interface RateLimiter {
  /** Spends one unit of `client`'s allowance, or throws ApiError 429 with `retryAfterSeconds`. */
  take(client: string): void
  /** Whole units `client` may still spend now. */
  remaining(client: string): number
}

export interface RateLimiterOptions {
  /** Units per window; also the largest burst. */
  limit: number
  windowMs?: number
  maxClients?: number
  /** Clock in ms; tests pass a fake one. */
  now?: () => number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * A token bucket per client: `limit` tokens, refilled at `limit` per window. Unlike a fixed window it never lets
 * a client spend twice the limit across a window boundary, and a client idle for one window is back to full.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { limit } = options
  const windowMs = options.windowMs ?? RATE_WINDOW_MS
  const now = options.now ?? Date.now
  const refillPerMs = limit / windowMs
  // An entry idle for a whole window is equal to a full bucket, so it can expire then without changing anything.
  const buckets = new LRUCache<string, Bucket>({ max: options.maxClients ?? MAX_TRACKED_CLIENTS, ttl: windowMs, perf: { now } })

  function current(client: string): Bucket {
    const t = now()
    const bucket = buckets.get(client)
    if (!bucket) return { tokens: limit, updatedAt: t }
    // A clock that steps back (NTP) must not drain or overfill anyone.
    const elapsed = Math.max(0, t - bucket.updatedAt)
    return { tokens: Math.min(limit, bucket.tokens + elapsed * refillPerMs), updatedAt: t }
  }

  return {
    take(client) {
      const bucket = current(client)
      if (bucket.tokens >= 1) {
        buckets.set(client, { tokens: bucket.tokens - 1, updatedAt: bucket.updatedAt })
        return
      }
      buckets.set(client, bucket)
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000))
      throw new ApiError(
        'rate_limited',
        `Too many requests for live data: at most ${limit} per minute from one client. Try again in ${retryAfterSeconds} s; data already loaded stays available.`,
        { retryAfterSeconds },
      )
    },
    remaining(client) {
      return Math.floor(current(client).tokens)
    },
  }
}

/** A forwarded address as we accept it: short, and only characters of IPv4/IPv6 text (with port or zone). */
const forwardedAddress = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z.:[\]%_-]+$/)

/**
 * Who is asking, for the live-request limit: the first address of `X-Forwarded-For`, else `X-Real-IP`, else
 * `anonymous`.
 *
 * Trust assumption: these headers are only as honest as whatever sets them. `next start` fills
 * `X-Forwarded-For` with the socket's remote address only when the request has none (base-server.js,
 * `??=`), so a client talking to it directly can send its own and pick its id. A deployment that relies on the
 * limit must sit behind a proxy that overwrites `X-Forwarded-For` (or sets `X-Real-IP`) with the address it
 * saw; appending to a client-supplied header is not enough, because the first entry is then the client's.
 */
export function clientId(request: Pick<Request, 'headers'>): string {
  const first = request.headers.get('x-forwarded-for')?.split(',')[0]
  const fromForwarded = forwardedAddress.safeParse(first)
  if (fromForwarded.success) return fromForwarded.data.toLowerCase()
  const fromRealIp = forwardedAddress.safeParse(request.headers.get('x-real-ip') ?? undefined)
  if (fromRealIp.success) return fromRealIp.data.toLowerCase()
  return ANONYMOUS_CLIENT
}

let limiter: RateLimiter | undefined
let testOverrides: Omit<RateLimiterOptions, 'limit'> = {}

/** The process-wide limiter for requests that reach the live upstream, sized from LIVE_REQUESTS_PER_MINUTE. */
export function getLiveRequestLimiter(): RateLimiter {
  return (limiter ??= createRateLimiter({ limit: env().LIVE_REQUESTS_PER_MINUTE, ...testOverrides }))
}

/**
 * The `onLiveRequest` hook for the price service: charges the requesting client once per upstream fetch the
 * request starts. Cache hits and snapshot answers never call it, so they are never throttled.
 */
export function limitLiveRequests(request: Pick<Request, 'headers'>): () => void {
  const client = clientId(request)
  return () => getLiveRequestLimiter().take(client)
}

/** For tests: forgets every client and re-reads LIVE_REQUESTS_PER_MINUTE on next use, with the given clock. */
export function resetLiveRequestLimiterForTests(overrides: Omit<RateLimiterOptions, 'limit'> = {}): void {
  limiter = undefined
  testOverrides = overrides
}
