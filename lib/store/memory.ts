import { LRUCache } from 'lru-cache'
import type {
  CountLimiter,
  CountLimiterOptions,
  FlightLock,
  LimitDecision,
  SharedCache,
  SharedStore,
  StoreHealth,
} from './types'

/** Byte cap of the in-memory window cache: a year of daily bars is about 30 KB of JSON, so this holds a few thousand. */
export const MEMORY_CACHE_MAX_BYTES = 64 * 1024 * 1024
/** Keys remembered per limiter; an evicted key starts again with a full allowance (bounds memory under a flood of ids). */
export const MEMORY_LIMITER_MAX_KEYS = 10_000

export interface MemoryStoreOptions {
  maxBytes?: number
  /** Clock in ms; tests pass a fake one to expire entries without waiting. */
  now?: () => number
}

interface Entry {
  value: string
  freshUntil: number
}

/** Bytes an entry costs: UTF-16 in V8 is up to two bytes a character, plus the key. */
function entryBytes(key: string, value: string): number {
  return 2 * (key.length + value.length)
}

export function createMemoryCache(options: MemoryStoreOptions = {}): SharedCache {
  const now = options.now ?? Date.now
  const maxBytes = options.maxBytes ?? MEMORY_CACHE_MAX_BYTES
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry, key) => Math.max(1, entryBytes(key, entry.value)),
    ttlAutopurge: false,
    perf: { now },
    ttlResolution: 0,
  })
  return {
    async get(key) {
      const entry = entries.get(key)
      return entry ? { value: entry.value, stale: now() >= entry.freshUntil } : undefined
    },
    async set(key, value, { ttlMs, staleMs = 0 }) {
      if (entryBytes(key, value) > maxBytes) return
      entries.set(key, { value, freshUntil: now() + ttlMs }, { ttl: ttlMs + staleMs })
    },
    async delete(key) {
      entries.delete(key)
    },
  }
}

export const LOCAL_LOCK_TOKEN_PREFIX = 'local:'

export function createMemoryLock(options: Pick<MemoryStoreOptions, 'now'> = {}): FlightLock {
  const now = options.now ?? Date.now
  const held = new Map<string, { token: string; expiresAt: number }>()
  let counter = 0
  return {
    async acquire(key, ttlMs) {
      const current = held.get(key)
      if (current && current.expiresAt > now()) return { outcome: 'held' }
      // Prefixed so a store that holds both kinds (Redis with this as its fallback) knows where to release it.
      const token = `${LOCAL_LOCK_TOKEN_PREFIX}${process.pid}-${++counter}`
      held.set(key, { token, expiresAt: now() + ttlMs })
      return { outcome: 'acquired', token, fallback: false }
    },
    async release(key, token, { keepForMs = 0 } = {}) {
      if (held.get(key)?.token !== token) return
      if (keepForMs > 0) held.set(key, { token: 'done', expiresAt: now() + keepForMs })
      else held.delete(key)
    },
  }
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * A token bucket per key: `points` tokens, refilled at `points` per window. Unlike a fixed window it never lets
 * a key spend twice the allowance across a window boundary, and a key idle for one window is back to full.
 */
export function createMemoryLimiter(options: CountLimiterOptions & Pick<MemoryStoreOptions, 'now'>): CountLimiter {
  const { points, windowMs } = options
  const now = options.now ?? Date.now
  const refillPerMs = points / windowMs
  // An entry idle for a whole window equals a full bucket, so it may expire then without changing anything.
  const buckets = new LRUCache<string, Bucket>({ max: MEMORY_LIMITER_MAX_KEYS, ttl: windowMs, perf: { now } })

  function current(key: string): Bucket {
    const t = now()
    const bucket = buckets.get(key)
    if (!bucket) return { tokens: points, updatedAt: t }
    // A clock that steps back (NTP) must not drain or overfill anyone.
    const elapsed = Math.max(0, t - bucket.updatedAt)
    return { tokens: Math.min(points, bucket.tokens + elapsed * refillPerMs), updatedAt: t }
  }

  return {
    async take(key, cost = 1): Promise<LimitDecision> {
      const bucket = current(key)
      if (bucket.tokens >= cost) {
        buckets.set(key, { tokens: bucket.tokens - cost, updatedAt: bucket.updatedAt })
        return { allowed: true, remaining: Math.floor(bucket.tokens - cost) }
      }
      buckets.set(key, bucket)
      return {
        allowed: false,
        remaining: 0,
        retryAfterMs: Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerMs)),
      }
    },
    async remaining(key) {
      return Math.floor(current(key).tokens)
    },
  }
}

export function createMemoryStore(options: MemoryStoreOptions = {}): SharedStore {
  const health: StoreHealth = { kind: 'memory', reachable: true }
  return {
    kind: 'memory',
    cache: createMemoryCache(options),
    lock: createMemoryLock(options),
    limiter: (limiterOptions) => createMemoryLimiter({ ...limiterOptions, now: options.now }),
    health: () => health,
    probe: async () => health,
    close: async () => {},
  }
}
