import 'server-only'
import { env } from '../server/env'
import { createMemoryStore } from './memory'
import { createRedisStore } from './redis/store'
import type { SharedStore } from './types'

export type {
  CachedValue,
  CountLimiter,
  CountLimiterOptions,
  FlightLock,
  LimitDecision,
  LockAttempt,
  SharedCache,
  SharedStore,
  StoreHealth,
} from './types'

/**
 * Kept on globalThis: Next.js bundles instrumentation.ts (which connects at start-up) apart from the routes, and
 * a module-level variable would give each bundle its own connection.
 */
const holder = globalThis as typeof globalThis & { __aiShockSharedStore?: SharedStore }

/**
 * The store for this process, chosen once from the environment: Redis when REDIS_URL is set (shared by every
 * instance), else this process's memory. Callers only see the SharedStore interface.
 */
export function getSharedStore(): SharedStore {
  if (!holder.__aiShockSharedStore) {
    const { REDIS_URL, REDIS_CACHE_MAX_BYTES } = env()
    holder.__aiShockSharedStore = REDIS_URL
      ? createRedisStore({ url: REDIS_URL, maxBytes: REDIS_CACHE_MAX_BYTES })
      : createMemoryStore()
  }
  return holder.__aiShockSharedStore
}

/** For tests that change REDIS_URL between cases. */
export async function resetSharedStoreForTests(): Promise<void> {
  const previous = holder.__aiShockSharedStore
  holder.__aiShockSharedStore = undefined
  await previous?.close()
}
