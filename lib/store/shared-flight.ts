import type { FlightLock, SharedCache } from './types'

/** How often a waiting instance looks for the value the lock holder is fetching. */
export const FLIGHT_POLL_MS = 50

export interface SharedFlightOptions<T> {
  cache: SharedCache
  lock: FlightLock
  key: string
  /** The upstream call. Only the lock holder makes it, unless the wait for the holder runs out. */
  fetch: () => Promise<T>
  serialize: (value: T) => string
  /** Undefined for text this build cannot read (treated as a miss). */
  deserialize: (text: string) => T | undefined
  /** Fresh lifetime of a fetched value (closed windows, open windows and remembered failures differ). */
  ttlMs: (value: T) => number
  /** How long an expired value is kept for a failing upstream to fall back on. */
  staleMs: number
  /** Longer than a fetch can take with its retries, so a live holder never loses its lock; frees a crashed one. */
  lockTtlMs: number
  /** Bound on waiting for another instance's fetch; then this instance fetches itself (under the same budget). */
  maxWaitMs: number
  pollMs?: number
  sleep?: (ms: number) => Promise<void>
}

export type SharedFlightResult<T> = { value: T; from: 'cache' | 'fetched' | 'peer' | 'fetched-after-wait' }

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function freshValue<T>(options: SharedFlightOptions<T>): Promise<T | undefined> {
  const hit = await options.cache.get(options.key)
  if (!hit || hit.stale) return undefined
  return options.deserialize(hit.value)
}

/**
 * Fetches under a lock just taken. The cache is read once more first: a holder that stored its value and let go
 * between our last read and our lock would otherwise be followed by a second, needless fetch.
 */
async function fetchUnderLock<T>(options: SharedFlightOptions<T>, token: string): Promise<SharedFlightResult<T>> {
  try {
    const stored = await freshValue(options)
    if (stored !== undefined) return { value: stored, from: 'peer' }
    return { value: await fetchAndStore(options), from: 'fetched' }
  } finally {
    await options.lock.release(options.key, token)
  }
}

async function fetchAndStore<T>(options: SharedFlightOptions<T>): Promise<T> {
  const value = await options.fetch()
  await options.cache.set(options.key, options.serialize(value), { ttlMs: options.ttlMs(value), staleMs: options.staleMs })
  return value
}

/**
 * Single-flight across instances: a fresh cached value is returned; otherwise one caller (whoever takes the lock)
 * fetches and stores the value while the others wait for it to appear, for at most `maxWaitMs`, and then fetch
 * themselves rather than hang. Within one process, callers should also share one promise per key, so each
 * instance has at most one waiter per key.
 */
export async function sharedSingleFlight<T>(options: SharedFlightOptions<T>): Promise<SharedFlightResult<T>> {
  const cached = await freshValue(options)
  if (cached !== undefined) return { value: cached, from: 'cache' }

  const token = await options.lock.acquire(options.key, options.lockTtlMs)
  if (token !== undefined) return fetchUnderLock(options, token)

  const sleep = options.sleep ?? defaultSleep
  const pollMs = options.pollMs ?? FLIGHT_POLL_MS
  const deadline = Date.now() + options.maxWaitMs
  // Bounded by the deadline, and by a count in case the clock stands still.
  for (let polls = 0; Date.now() < deadline && polls * pollMs <= options.maxWaitMs; polls++) {
    await sleep(pollMs)
    const value = await freshValue(options)
    if (value !== undefined) return { value, from: 'peer' }
    // The holder finished without storing (it failed, or its write was lost): take over now instead of waiting on.
    const takeover = await options.lock.acquire(options.key, options.lockTtlMs)
    if (takeover !== undefined) return fetchUnderLock(options, takeover)
  }
  return { value: await fetchAndStore(options), from: 'fetched-after-wait' }
}
