import type { FlightLock } from './types'

/** How often a waiting instance looks for the value the lock holder is fetching. */
export const FLIGHT_POLL_MS = 50

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
  pollMs?: number
  sleep?: (ms: number) => Promise<void>
}

export type SharedFlightSource = 'fetched' | 'peer' | 'fetched-after-wait'

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs under a lock just taken. `peek` is asked once more first: a holder that stored its value and let go between
 * our last look and our lock would otherwise be followed by a second, needless fetch.
 */
async function runUnderLock<T>(options: SharedFlightOptions<T>, token: string): Promise<{ value: T; from: SharedFlightSource }> {
  try {
    const stored = await options.peek()
    if (stored !== undefined) return { value: stored, from: 'peer' }
    return { value: await options.run(), from: 'fetched' }
  } finally {
    await options.lock.release(options.key, token)
  }
}

/**
 * Single-flight across instances: one caller (whoever takes the lock) runs the work while the others look for its
 * result with `peek`, for at most `maxWaitMs`, and then run it themselves rather than hang. A waiter takes over as
 * soon as the holder lets go without a result (it failed, or its write was lost). Within one process callers
 * should also share one promise per key, so each instance has at most one waiter per key.
 */
export async function sharedSingleFlight<T>(options: SharedFlightOptions<T>): Promise<{ value: T; from: SharedFlightSource }> {
  const token = await options.lock.acquire(options.key, options.lockTtlMs)
  if (token !== undefined) return runUnderLock(options, token)

  const sleep = options.sleep ?? defaultSleep
  const pollMs = options.pollMs ?? FLIGHT_POLL_MS
  const deadline = Date.now() + options.maxWaitMs
  // Bounded by the deadline, and by a count in case the clock stands still.
  for (let polls = 0; Date.now() < deadline && polls * pollMs <= options.maxWaitMs; polls++) {
    await sleep(pollMs)
    const value = await options.peek()
    if (value !== undefined) return { value, from: 'peer' }
    const takeover = await options.lock.acquire(options.key, options.lockTtlMs)
    if (takeover !== undefined) return runUnderLock(options, takeover)
  }
  return { value: await options.run(), from: 'fetched-after-wait' }
}
