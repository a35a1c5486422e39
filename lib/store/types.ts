/**
 * The seam between the price service and where it keeps what several instances must agree on: cached live
 * windows, who is fetching a window right now, and the counters behind the client limits and the upstream budget.
 * One implementation keeps everything in this process (the default); the other keeps it in Redis, so every
 * instance behind a load balancer shares it. Nothing outside lib/store knows which one runs.
 */

/** A cached value and whether it is past its TTL (kept a while longer so a failing upstream can still be answered). */
export interface CachedValue {
  value: string
  stale: boolean
}

export interface SharedCache {
  get(key: string): Promise<CachedValue | undefined>
  /** Keeps `value` fresh for `ttlMs`, then stale for `staleMs` more; a value larger than the byte cap is not kept. */
  set(key: string, value: string, options: { ttlMs: number; staleMs?: number }): Promise<void>
  delete(key: string): Promise<void>
}

/**
 * What an attempt to take a lock found. `unanswered`: the store did not answer in time, so nobody knows whether
 * the lock is free (a slow answer is not a free lock: treating it as one is how a flight splits). `fallback` is true
 * when the token is from this instance's own fallback lock (Redis configured but judged down), which no other
 * instance sees.
 */
export type LockAttempt =
  { outcome: 'acquired'; token: string; fallback: boolean } | { outcome: 'held' } | { outcome: 'unanswered' }

/** A lock with expiry: the holder of `key` fetches, the others wait for its value. Expiry frees a crashed holder's lock. */
export interface FlightLock {
  acquire(key: string, ttlMs: number): Promise<LockAttempt>
  /**
   * Frees the lock only if `token` still holds it (an expired lock may belong to someone else by now). With
   * `keepForMs` (after a fetch whose value was stored) the lock is kept that long under no token instead, so a
   * caller whose read of the stored value went unanswered waits and reads again rather than fetching once more.
   */
  release(key: string, token: string, options?: { keepForMs?: number }): Promise<void>
}

export type LimitDecision =
  { allowed: true; remaining: number } | { allowed: false; remaining: 0; retryAfterMs: number }

/**
 * A token bucket per key (a client id, or one key for a server-wide budget): `points` units, refilled evenly over
 * `windowMs`. Both implementations follow the same rule, so a limit means the same with or without Redis.
 */
export interface CountLimiter {
  /** Spends `cost` units (default 1) if the key has them; spends nothing otherwise. */
  take(key: string, cost?: number): Promise<LimitDecision>
  remaining(key: string): Promise<number>
}

export interface CountLimiterOptions {
  /** Names the counter in the store (`client`, `budget`), so two limiters never share keys. */
  name: string
  points: number
  windowMs: number
}

export interface StoreHealth {
  /** Which store is configured; `redis` may still be answering from memory while Redis is unreachable. */
  kind: 'memory' | 'redis'
  /** False only when Redis is configured and the last attempt to use it failed. */
  reachable: boolean
  /** Why the instance answers from its in-memory fallback, when it does. */
  degradedReason?: string
  /** Since when (ISO time) the fallback has been in use. */
  degradedSince?: string
}

export interface SharedStore {
  readonly kind: 'memory' | 'redis'
  readonly cache: SharedCache
  readonly lock: FlightLock
  limiter(options: CountLimiterOptions): CountLimiter
  health(): StoreHealth
  /** Checks the store now (a PING for Redis), for /api/health; never throws and never waits past its timeout. */
  probe(): Promise<StoreHealth>
  close(): Promise<void>
}
