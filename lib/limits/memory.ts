import { LRUCache } from 'lru-cache'
import type { ByteCache, ClientLimiter, LimitDecision, SingleFlight, UpstreamBudget } from './types'

/**
 * What one remembered client costs: its id (up to a 64-character address or a hashed key, as UTF-16) plus
 * the bucket object and the LRU's own bookkeeping, rounded up.
 */
const BUCKET_OVERHEAD_BYTES = 160

export interface TokenBucketOptions {
  /** Units per window; also the largest burst. */
  limit: number
  windowMs: number
  /** Clock in ms; tests pass a fake one. */
  now?: () => number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

/** Refills `bucket` for the time since it was last touched. A clock stepping back (NTP) drains or fills nobody. */
function refill(bucket: Bucket | undefined, t: number, limit: number, refillPerMs: number): Bucket {
  if (!bucket) return { tokens: limit, updatedAt: t }
  const elapsed = Math.max(0, t - bucket.updatedAt)
  return { tokens: Math.min(limit, bucket.tokens + elapsed * refillPerMs), updatedAt: Math.max(t, bucket.updatedAt) }
}

function decide(bucket: Bucket, cost: number, refillPerMs: number): { next: Bucket; decision: LimitDecision } {
  if (bucket.tokens >= cost) {
    const next = { tokens: bucket.tokens - cost, updatedAt: bucket.updatedAt }
    return { next, decision: { ok: true, retryAfterSeconds: 0, remaining: Math.floor(next.tokens) } }
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerMs / 1000))
  return { next: bucket, decision: { ok: false, retryAfterSeconds, remaining: Math.floor(bucket.tokens) } }
}

/**
 * Token buckets per client, held in memory. Unlike a fixed window a bucket never lets a client spend twice the
 * limit across a window boundary, and a client idle for one window is back to full, so a bucket untouched for
 * a window can be forgotten without changing any answer. The map is capped by bytes: under a flood of distinct
 * ids the least recently seen are forgotten (they start full again), which is why ids must not be
 * client-chosen (see client-identity.ts) and why the server-wide budget exists.
 */
export function createMemoryClientLimiter(options: TokenBucketOptions & { maxBytes: number }): ClientLimiter {
  const { limit, windowMs } = options
  const now = options.now ?? Date.now
  const refillPerMs = limit / windowMs
  const buckets = new LRUCache<string, Bucket>({
    maxSize: options.maxBytes,
    sizeCalculation: (_bucket, key) => key.length * 2 + BUCKET_OVERHEAD_BYTES,
    ttl: windowMs,
    perf: { now },
  })
  return {
    limit,
    windowMs,
    async take(clientId, cost = 1) {
      const { next, decision } = decide(refill(buckets.get(clientId), now(), limit, refillPerMs), cost, refillPerMs)
      buckets.set(clientId, next)
      return decision
    },
  }
}

/** One token bucket for the whole process. */
export function createMemoryUpstreamBudget(options: TokenBucketOptions): UpstreamBudget {
  const { limit, windowMs } = options
  const now = options.now ?? Date.now
  const refillPerMs = limit / windowMs
  let bucket: Bucket | undefined
  return {
    limit,
    windowMs,
    async take(cost = 1) {
      const { next, decision } = decide(refill(bucket, now(), limit, refillPerMs), cost, refillPerMs)
      bucket = next
      return decision
    },
    async remaining() {
      return Math.floor(refill(bucket, now(), limit, refillPerMs).tokens)
    },
  }
}

export interface MemoryByteCacheOptions<V> {
  maxBytes: number
  /** Bytes one value holds in memory (for byte arrays, their length; for objects, a measured estimate). */
  sizeOf: (value: V, key: string) => number
  /** Optional cap on entries as well (kept for PRICE_CACHE_MAX_WINDOWS). */
  maxEntries?: number
  now?: () => number
}

export function createMemoryByteCache<V extends object>(options: MemoryByteCacheOptions<V>): ByteCache<V> {
  const cache = new LRUCache<string, V>({
    maxSize: options.maxBytes,
    // A key is held as a string too; at least 1, which lru-cache requires.
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(options.sizeOf(value, key) + key.length * 2)),
    ...(options.maxEntries ? { max: options.maxEntries } : {}),
    ttlAutopurge: false,
    // Expired entries are kept (until evicted by size) so a failing upstream can be answered from the last copy.
    noDeleteOnStaleGet: true,
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  })
  return {
    maxBytes: options.maxBytes,
    async get(key, { allowStale = false } = {}) {
      const fresh = cache.get(key)
      if (fresh !== undefined) return { value: fresh, stale: false }
      if (!allowStale) return undefined
      const stale = cache.get(key, { allowStale: true })
      return stale === undefined ? undefined : { value: stale, stale: true }
    },
    async set(key, value, { ttlMs }) {
      cache.set(key, value, { ttl: ttlMs })
    },
    async delete(key) {
      cache.delete(key)
    },
    async clear() {
      cache.clear()
    },
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize }),
  }
}

export function createMemorySingleFlight(): SingleFlight {
  const pending = new Map<string, Promise<unknown>>()
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const existing = pending.get(key)
      if (existing) return existing as Promise<T>
      const started = fn().finally(() => pending.delete(key))
      pending.set(key, started)
      return started
    },
    inFlight: () => pending.size,
  }
}
