import type { FlightLock } from './types'

/** How often a waiting instance looks for the value the lock holder is fetching. */
export const FLIGHT_POLL_MS = 50
/**
 * After a fetch, its lock is kept this long (under no token) instead of freed. A caller on another instance whose
 * read of the stored value went unanswered (a cache read that timed out answers "not there") would otherwise find
 * the lock free and fetch again: seen once on a loaded machine as two upstream requests for one window, both
 * under the shared lock. Two command timeouts and a margin; costs nothing when the value was stored (the next
 * reader finds it), and at most this long a wait when the holder answered without storing.
 */
export const FLIGHT_KEEP_AFTER_FETCH_MS = 3_000

export interface SharedFlightOptions<T> {
  lock: FlightLock
  key: string
  /**
   * The work: fetch upstream and store the result where `peek` finds it (a window cache). Only the lock holder
   * runs it, unless the wait for the holder runs out.
   */
  run: () => Promise<T>
  /** The value another instance stored, if it is there and fresh; may throw a remembered failure. */
  peek: () => Promise<T | undefined>
  /** Longer than `run` can take with its retries, so a live holder never loses its lock; frees a crashed one. */
  lockTtlMs: number
  /** Bound on waiting for another instance's fetch; then this instance runs the work itself (under the same budget). */
  maxWaitMs: number
  /** FLIGHT_KEEP_AFTER_FETCH_MS unless given. */
  keepAfterFetchMs?: number
  pollMs?: number
  sleep?: (ms: number) => Promise<void>
}

/**
 * Where a caller's value came from: `fetched` under the shared lock; `fetched-fallback` under this instance's own
 * lock (the shared store judged down: single-instance behaviour); `peer` another holder's stored value;
 * `fetched-after-wait` the bounded wait ran out (the holder was alive but too slow, or the store never answered).
 */
export type SharedFlightSource = 'fetched' | 'fetched-fallback' | 'peer' | 'fetched-after-wait'

type FlightCounts = Record<SharedFlightSource | 'unanswered', number>
/**
 * Per process, for /api/health: which path each flight took, so a split flight can be told apart from a lost lock.
 * On globalThis because Next.js may bundle this module once per route, and /api/health must see the prices' counts.
 */
const COUNTS = Symbol.for('ai-shock.shared-flight-counts')
const holder = globalThis as typeof globalThis & { [COUNTS]?: FlightCounts }
const counts: FlightCounts = (holder[COUNTS] ??= {
  fetched: 0,
  'fetched-fallback': 0,
  peer: 0,
  'fetched-after-wait': 0,
  unanswered: 0,
})

/** How many flights took each path in this process (`unanswered`: lock attempts the store did not answer in time). */
export function sharedFlightCounts(): Readonly<FlightCounts> {
  return { ...counts }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function done<T>(value: T, from: SharedFlightSource): { value: T; from: SharedFlightSource } {
  counts[from]++
  return { value, from }
}

/**
 * Runs under a lock just taken. `peek` is asked once more first: a holder that stored its value and let go between
 * our last look and our lock would otherwise be followed by a second, needless fetch.
 */
async function runUnderLock<T>(
  options: SharedFlightOptions<T>,
  token: string,
  fallback: boolean,
): Promise<{ value: T; from: SharedFlightSource }> {
  let keepForMs = 0
  try {
    const stored = await options.peek()
    if (stored !== undefined) return done(stored, 'peer')
    const value = await options.run()
    keepForMs = options.keepAfterFetchMs ?? FLIGHT_KEEP_AFTER_FETCH_MS
    return done(value, fallback ? 'fetched-fallback' : 'fetched')
  } finally {
    // Freed at once when the work failed, so a waiter takes over without waiting.
    await options.lock.release(options.key, token, { keepForMs })
  }
}

/**
 * Single-flight across instances: one caller (whoever takes the lock) runs the work while the others look for its
 * result with `peek`, for at most `maxWaitMs`, and then run it themselves rather than hang. A waiter takes over as
 * soon as the holder lets go without a result (it failed, or its write was lost). A lock attempt the store did not
 * answer is treated as "someone may hold it": the caller keeps waiting, since fetching then is exactly how one
 * flight becomes several. Within one process callers should also share one promise per key, so each instance has
 * at most one waiter per key.
 */
export async function sharedSingleFlight<T>(
  options: SharedFlightOptions<T>,
): Promise<{ value: T; from: SharedFlightSource }> {
  const first = await options.lock.acquire(options.key, options.lockTtlMs)
  if (first.outcome === 'acquired') return runUnderLock(options, first.token, first.fallback)
  if (first.outcome === 'unanswered') counts.unanswered++

  const sleep = options.sleep ?? defaultSleep
  const pollMs = options.pollMs ?? FLIGHT_POLL_MS
  const deadline = Date.now() + options.maxWaitMs
  // Bounded by the deadline, and by a count in case the clock stands still.
  for (let polls = 0; Date.now() < deadline && polls * pollMs <= options.maxWaitMs; polls++) {
    await sleep(pollMs)
    const value = await options.peek()
    if (value !== undefined) return done(value, 'peer')
    const takeover = await options.lock.acquire(options.key, options.lockTtlMs)
    if (takeover.outcome === 'acquired') return runUnderLock(options, takeover.token, takeover.fallback)
    if (takeover.outcome === 'unanswered') counts.unanswered++
  }
  return done(await options.run(), 'fetched-after-wait')
}
