import 'server-only'
import { env } from '../server/env'
import { getSharedStore } from '../store'
import {
  createMemoryByteCache,
  createMemoryClientLimiter,
  createMemorySingleFlight,
  createMemoryUpstreamBudget,
} from './memory'
import { createSharedLimitsStore } from './shared'
import type { ByteCache, ClientLimiter, SingleFlight, UpstreamBudget } from './types'
import { liveAttemptTimeoutMs } from '../providers/registry'

export type {
  ByteCache,
  CacheHit,
  ClientLimiter,
  LimitDecision,
  SingleFlight,
  SingleFlightOptions,
  UpstreamBudget,
} from './types'
export { CapacityError, type CapacityReason } from './errors'

/** The limits are stated per minute; buckets refill evenly over this span. */
export const LIMIT_WINDOW_MS = 60_000
/** Memory for one per-client limiter's buckets (about 190 bytes a client, so some 20,000 clients each). */
export const CLIENT_LIMITER_MAX_BYTES = 4 * 1024 * 1024

/** Added to the shared single-flight's lock and wait bounds for queueing and retry delays. */
export const SHARED_FLIGHT_SLACK_MS = 2_000

/** The per-client limits the app applies (see lib/api/client-limits.ts for where). */
export type ClientLimitName = 'api' | 'page' | 'live'

export interface ByteCacheSpec<V> {
  maxBytes: number
  /** Bytes a value holds in memory. A shared store may use its serialised length instead. */
  sizeOf: (value: V, key: string) => number
  maxEntries?: number
  /** Clock for TTLs, for tests that move time (the in-memory store only). */
  now?: () => number
  /**
   * How a value is written as text and read back (validated: text from a shared store is outside data). A cache
   * with a codec is shared between instances when the store is Redis; one without stays in each process's memory.
   */
  codec?: ByteCacheCodec<V>
}

export interface ByteCacheCodec<V> {
  encode(value: V): string
  /** Undefined for text this build cannot read (another version's shape): a miss, never a crash. */
  decode(text: string): V | undefined
}

/**
 * Everything the app keeps about clients and the upstream, behind one seam. Values put in a byte cache are
 * plain JSON data or byte arrays, so a shared implementation can serialise them.
 */
export interface LimitsStore {
  readonly kind: 'memory' | 'redis'
  clientLimiter(name: ClientLimitName): ClientLimiter
  upstreamBudget(): UpstreamBudget
  /** The cache called `name`, created with `spec` on first use (later specs for the same name are ignored). */
  byteCache<V extends object>(name: string, spec: ByteCacheSpec<V>): ByteCache<V>
  singleFlight(name: string): SingleFlight
}

export interface LimitsStoreOptions {
  limits: Record<ClientLimitName, number>
  upstreamPerMinute: number
  now?: () => number
}

export function createMemoryLimitsStore(options: LimitsStoreOptions): LimitsStore {
  const limiters = new Map<ClientLimitName, ClientLimiter>()
  const caches = new Map<string, ByteCache<object>>()
  const flights = new Map<string, SingleFlight>()
  let budget: UpstreamBudget | undefined
  const { now } = options
  return {
    kind: 'memory',
    clientLimiter(name) {
      let limiter = limiters.get(name)
      if (!limiter) {
        limiter = createMemoryClientLimiter({
          limit: options.limits[name],
          windowMs: LIMIT_WINDOW_MS,
          maxBytes: CLIENT_LIMITER_MAX_BYTES,
          now,
        })
        limiters.set(name, limiter)
      }
      return limiter
    },
    upstreamBudget() {
      return (budget ??= createMemoryUpstreamBudget({
        limit: options.upstreamPerMinute,
        windowMs: LIMIT_WINDOW_MS,
        now,
      }))
    },
    byteCache<V extends object>(name: string, spec: ByteCacheSpec<V>): ByteCache<V> {
      const existing = caches.get(name)
      if (existing) return existing as ByteCache<V>
      const cache = createMemoryByteCache<V>({ ...spec, now: spec.now ?? now })
      caches.set(name, cache as ByteCache<object>)
      return cache
    },
    singleFlight(name) {
      let flight = flights.get(name)
      if (!flight) {
        flight = createMemorySingleFlight()
        flights.set(name, flight)
      }
      return flight
    },
  }
}

// On globalThis, not in module scope: proxy.ts is bundled apart from the routes, and both must count against
// the same buckets in one process.
const STORE = Symbol.for('ai-shock.limits-store')
type StoreGlobal = typeof globalThis & { [STORE]?: LimitsStore }
let testClock: (() => number) | undefined

/** The process's store, chosen and sized from the environment on first use. */
export function getLimitsStore(): LimitsStore {
  const global = globalThis as StoreGlobal
  if (!global[STORE]) {
    const e = env()
    const options: LimitsStoreOptions = {
      limits: { api: e.API_REQUESTS_PER_MINUTE, page: e.PAGE_REQUESTS_PER_MINUTE, live: e.LIVE_REQUESTS_PER_MINUTE },
      upstreamPerMinute: e.UPSTREAM_REQUESTS_PER_MINUTE,
      now: testClock,
    }
    // REDIS_URL set: every instance shares the limits, the budget and the window cache (lib/limits/shared.ts).
    global[STORE] = e.REDIS_URL
      ? createSharedLimitsStore(
          {
            ...options,
            flight: {
              // A fetch is at most 1 + MAX_RETRIES attempts of the live provider's timeout plus the waits between them. Waiting
              // as long as a live holder may hold the lock: a shorter wait split the flight on a loaded machine
              // (a waiter gave up on a holder that was still fetching: two upstream requests per symbol).
              lockTtlMs: 3 * liveAttemptTimeoutMs(e) + SHARED_FLIGHT_SLACK_MS,
              maxWaitMs: 3 * liveAttemptTimeoutMs(e) + SHARED_FLIGHT_SLACK_MS,
            },
          },
          getSharedStore(),
        )
      : createMemoryLimitsStore(options)
  }
  return global[STORE]
}

/** For tests: forgets every bucket and cache; the next use re-reads the environment, with the given clock. */
export function resetLimitsStoreForTests(options: { now?: () => number } = {}): void {
  delete (globalThis as StoreGlobal)[STORE]
  testClock = options.now
}
