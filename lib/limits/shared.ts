import 'server-only'
import { sharedSingleFlight } from '../store/shared-flight'
import type { CountLimiter, LimitDecision as StoreDecision, SharedStore } from '../store'
import { createMemoryByteCache, createMemorySingleFlight } from './memory'
import { LIMIT_WINDOW_MS, type ByteCacheSpec, type LimitsStore, type LimitsStoreOptions } from './index'
import type { ByteCache, ClientLimiter, LimitDecision, SingleFlight, UpstreamBudget } from './types'

/**
 * How long an expired value stays in the shared cache for a failing upstream to fall back on (the in-memory
 * cache keeps them until its byte cap evicts them; Redis needs a bound of its own).
 */
export const SHARED_STALE_KEEP_MS = 24 * 60 * 60 * 1000
/** The one key of the server-wide budget's bucket. */
const BUDGET_KEY = 'global'

export interface SharedFlightTimings {
  /** Longer than one fetch can take with its retries, so a live holder keeps its lock; frees a crashed one. */
  lockTtlMs: number
  /** Longest wait for another instance's fetch before fetching ourselves (under the same budget). */
  maxWaitMs: number
}

function toDecision(decision: StoreDecision): LimitDecision {
  return decision.allowed
    ? { ok: true, retryAfterSeconds: 0, remaining: decision.remaining }
    : {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
        remaining: decision.remaining,
      }
}

function sharedByteCache<V extends object>(
  name: string,
  spec: ByteCacheSpec<V> & { codec: NonNullable<ByteCacheSpec<V>['codec']> },
  store: SharedStore,
): ByteCache<V> {
  const { codec } = spec
  const key = (k: string) => `${name}:${k}`
  // What this instance wrote, for stats(): the shared total lives in Redis and is not worth a round trip.
  let entries = 0
  let bytes = 0
  return {
    maxBytes: spec.maxBytes,
    async get(k, { allowStale = false } = {}) {
      const hit = await store.cache.get(key(k))
      if (!hit || (hit.stale && !allowStale)) return undefined
      const value = codec.decode(hit.value)
      return value === undefined ? undefined : { value, stale: hit.stale }
    },
    async set(k, value, { ttlMs }) {
      const text = codec.encode(value)
      entries++
      bytes += text.length
      await store.cache.set(key(k), text, { ttlMs, staleMs: SHARED_STALE_KEEP_MS })
    },
    delete: (k) => store.cache.delete(key(k)),
    async clear() {
      // Only a test clears a cache; the shared one empties by TTL and its byte cap.
      entries = 0
      bytes = 0
    },
    stats: () => ({ entries, bytes }),
  }
}

function sharedFlight(name: string, store: SharedStore, timings: SharedFlightTimings): SingleFlight {
  // One promise per key within this process, so each instance has at most one waiter on the shared lock.
  const local = createMemorySingleFlight()
  return {
    run(key, fn, options) {
      const peek = options?.peek
      if (!peek) return local.run(key, fn)
      return local.run(key, async () => {
        const { value, from } = await sharedSingleFlight({
          lock: store.lock,
          key: `${name}:${key}`,
          run: fn,
          peek,
          ...timings,
        })
        // Rare and worth knowing: a holder outlived the whole wait, so this window may have been fetched twice.
        if (from === 'fetched-after-wait')
          console.warn(`[flight] ${name}: waited ${timings.maxWaitMs} ms for another instance's fetch, fetched it here`)
        return value
      })
    },
    inFlight: () => local.inFlight(),
  }
}

function clientLimiter(limiter: CountLimiter, limit: number): ClientLimiter {
  return {
    limit,
    windowMs: LIMIT_WINDOW_MS,
    take: async (clientId, cost = 1) => toDecision(await limiter.take(clientId, cost)),
  }
}

/**
 * The limits store over a shared store (Redis): client limits, the upstream budget, the caches that declare a codec
 * and the single-flight of work that says where its result is found are shared by every instance; caches without a
 * codec (rendered answers, byte arrays) stay in this process's memory. When Redis is unreachable the shared store
 * answers from this process's memory, so all of this degrades to the single-instance behaviour, never to an error.
 */
export function createSharedLimitsStore(
  options: LimitsStoreOptions & { flight: SharedFlightTimings },
  store: SharedStore,
): LimitsStore {
  const limiters = new Map<string, ClientLimiter>()
  const caches = new Map<string, ByteCache<object>>()
  const flights = new Map<string, SingleFlight>()
  let budget: UpstreamBudget | undefined
  return {
    kind: 'redis',
    clientLimiter(name) {
      let limiter = limiters.get(name)
      if (!limiter) {
        const points = options.limits[name]
        limiter = clientLimiter(store.limiter({ name: `client-${name}`, points, windowMs: LIMIT_WINDOW_MS }), points)
        limiters.set(name, limiter)
      }
      return limiter
    },
    upstreamBudget() {
      if (!budget) {
        const limit = options.upstreamPerMinute
        const bucket = store.limiter({ name: 'budget', points: limit, windowMs: LIMIT_WINDOW_MS })
        budget = {
          limit,
          windowMs: LIMIT_WINDOW_MS,
          take: async (cost = 1) => toDecision(await bucket.take(BUDGET_KEY, cost)),
          remaining: () => bucket.remaining(BUDGET_KEY),
        }
      }
      return budget
    },
    byteCache<V extends object>(name: string, spec: ByteCacheSpec<V>): ByteCache<V> {
      const existing = caches.get(name)
      if (existing) return existing as ByteCache<V>
      const { codec } = spec
      const cache = codec ? sharedByteCache<V>(name, { ...spec, codec }, store) : createMemoryByteCache<V>(spec)
      caches.set(name, cache as ByteCache<object>)
      return cache
    },
    singleFlight(name) {
      let flight = flights.get(name)
      if (!flight) {
        flight = sharedFlight(name, store, options.flight)
        flights.set(name, flight)
      }
      return flight
    },
  }
}
