/**
 * The seam between the app and wherever its limits and caches live. Everything is async so that a shared store
 * (Redis, for several instances) can implement the same interfaces as the in-memory one; nothing outside
 * `lib/limits/` knows which implementation runs (`getLimitsStore()` picks it).
 */

/** The answer of a limiter or budget: whether the units were granted, and when to come back if not. */
export interface LimitDecision {
  ok: boolean
  /** Whole seconds until `cost` units are available again; 0 when `ok`. */
  retryAfterSeconds: number
  /** Whole units left after this decision. */
  remaining: number
}

/** A token bucket per client id: `limit` units, refilled evenly over `windowMs`. */
export interface ClientLimiter {
  readonly limit: number
  readonly windowMs: number
  /** Spends `cost` units (default 1) of `clientId`'s allowance if it has them; spends nothing otherwise. */
  take(clientId: string, cost?: number): Promise<LimitDecision>
}

/** One token bucket for the whole server: every upstream attempt, retries included, spends one unit. */
export interface UpstreamBudget {
  readonly limit: number
  readonly windowMs: number
  take(cost?: number): Promise<LimitDecision>
  /** Whole units available now, for health and load reports. */
  remaining(): Promise<number>
}

export interface CacheHit<V> {
  value: V
  /** True when the entry's TTL has passed (only returned with `allowStale`). */
  stale: boolean
}

/**
 * A cache bounded by the bytes its values take (`sizeOf`), not by how many there are: one 10-year window of
 * bars is about 0.5 MiB, one month about 5 KiB, so an entry count says nothing about memory.
 */
export interface ByteCache<V> {
  readonly maxBytes: number
  /** A live entry; with `allowStale`, also one whose TTL has passed (kept to answer when the upstream fails). */
  get(key: string, options?: { allowStale?: boolean }): Promise<CacheHit<V> | undefined>
  set(key: string, value: V, options: { ttlMs: number }): Promise<void>
  delete(key: string): Promise<void>
  clear(): Promise<void>
  stats(): { entries: number; bytes: number }
}

export interface SingleFlightOptions<T> {
  /**
   * Where another instance's result for `key` is found once it is done (the window cache), if it is there and
   * fresh; may throw a remembered failure. A shared single-flight waits on it instead of running `fn` again; the
   * in-memory one needs no peek (the callers share one promise).
   */
  peek?: () => Promise<T | undefined>
}

/** Runs `fn` once per key at a time: concurrent callers with the same key share its result (or its failure). */
export interface SingleFlight {
  run<T>(key: string, fn: () => Promise<T>, options?: SingleFlightOptions<T>): Promise<T>
  /** Keys with a call in progress, for tests and reports. */
  inFlight(): number
}
