import 'server-only'
import { env } from '../env'
import { createMemoryStore } from './memory'
import { createRedisStore } from './redis/store'
import type { SharedStore } from './types'

export type { CachedValue, CountLimiter, CountLimiterOptions, FlightLock, LimitDecision, SharedCache, SharedStore, StoreHealth } from './types'

let store: SharedStore | undefined

/**
 * The store for this process, chosen once from the environment: Redis when REDIS_URL is set (shared by every
 * instance), else this process's memory. Callers only see the SharedStore interface.
 */
export function getSharedStore(): SharedStore {
  if (!store) {
    const { REDIS_URL, REDIS_CACHE_MAX_BYTES } = env()
    store = REDIS_URL ? createRedisStore({ url: REDIS_URL, maxBytes: REDIS_CACHE_MAX_BYTES }) : createMemoryStore()
  }
  return store
}

/** For tests that change REDIS_URL between cases. */
export async function resetSharedStoreForTests(): Promise<void> {
  const previous = store
  store = undefined
  await previous?.close()
}
