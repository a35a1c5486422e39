import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryStore } from '@/lib/store/memory'
import { createRedisStore } from '@/lib/store/redis/store'
import { sharedSingleFlight, type SharedFlightOptions } from '@/lib/store/shared-flight'
import type { FlightLock, SharedStore } from '@/lib/store/types'
import { freePort, redisAvailability, startRedisServer, type TestRedis } from '../support/redis-server'

const redisState = redisAvailability()
let redis: TestRedis | undefined
const opened: SharedStore[] = []

beforeAll(async () => {
  if (redisState.available) redis = await startRedisServer()
})
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()))
  await redis?.stop()
})

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

const KEY = 'NVDA:2025-01-01:2025-12-31'

/** As the price service uses it: the work fetches and stores in the shared cache, `peek` reads it back. */
async function flight(
  store: SharedStore,
  fetch: () => Promise<string>,
  overrides: Partial<SharedFlightOptions<string>> = {},
) {
  const cached = await store.cache.get(KEY)
  if (cached && !cached.stale) return { value: cached.value, from: 'cache' as const }
  return sharedSingleFlight<string>({
    lock: store.lock,
    key: KEY,
    run: async () => {
      const value = await fetch()
      await store.cache.set(KEY, value, { ttlMs: 60_000 })
      return value
    },
    peek: async () => {
      const hit = await store.cache.get(KEY)
      return hit && !hit.stale ? hit.value : undefined
    },
    lockTtlMs: 5_000,
    maxWaitMs: 3_000,
    ...overrides,
  })
}

function countingUpstream(delayMs: number) {
  let calls = 0
  return {
    calls: () => calls,
    fetch: async () => {
      calls++
      await sleep(delayMs)
      return `bars#${calls}`
    },
  }
}

function instances(count: number): SharedStore[] {
  if (!redis) throw new Error('redis-server not started')
  const namespace = `flight-${randomBytes(4).toString('hex')}`
  const stores = Array.from({ length: count }, () => createRedisStore({ url: redis!.url, namespace, warn: () => {} }))
  opened.push(...stores)
  return stores
}

describe('shared single-flight', () => {
  it('one store: concurrent cold callers cause one fetch and all get its value', async () => {
    const store = createMemoryStore()
    const upstream = countingUpstream(100)
    const results = await Promise.all(Array.from({ length: 20 }, () => flight(store, upstream.fetch, { pollMs: 10 })))
    expect(upstream.calls()).toBe(1)
    expect(new Set(results.map((r) => r.value))).toEqual(new Set(['bars#1']))
    expect((await flight(store, upstream.fetch)).from).toBe('cache')
  })

  it.skipIf(!redisState.available)(
    'three instances sharing Redis: 60 concurrent cold callers cause one fetch',
    async () => {
      const stores = instances(3)
      const upstream = countingUpstream(300)
      const results = await Promise.all(Array.from({ length: 60 }, (_, i) => flight(stores[i % 3]!, upstream.fetch)))
      expect(upstream.calls()).toBe(1)
      expect(results.every((r) => r.value === 'bars#1')).toBe(true)
      expect(results.filter((r) => r.from === 'fetched')).toHaveLength(1)
    },
  )

  it.skipIf(!redisState.available)(
    'a holder that dies without storing frees the others once its lock expires',
    async () => {
      const [a, b] = instances(2)
      // The "dead" holder: takes the lock for 400 ms and never writes a value.
      expect(await a!.lock.acquire(KEY, 400)).toMatchObject({ outcome: 'acquired', fallback: false })
      const upstream = countingUpstream(10)
      const started = Date.now()
      const result = await flight(b!, upstream.fetch)
      expect(result).toEqual({ value: 'bars#1', from: 'fetched' })
      expect(Date.now() - started).toBeGreaterThanOrEqual(350)
      expect(Date.now() - started).toBeLessThan(2_000)
    },
  )

  it('a waiter stops waiting after maxWaitMs and fetches itself rather than hang', async () => {
    const store = createMemoryStore()
    await store.lock.acquire(KEY, 60_000)
    const upstream = countingUpstream(10)
    const started = Date.now()
    const result = await flight(store, upstream.fetch, { maxWaitMs: 300, pollMs: 20 })
    expect(result.from).toBe('fetched-after-wait')
    expect(upstream.calls()).toBe(1)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it('a lock attempt the store did not answer is not a free lock: the caller waits for the holder instead of fetching', async () => {
    // A store that times out on the first two attempts (a stalled Redis, or this process too busy to read it);
    // meanwhile another instance holds the lock and stores its value after 200 ms.
    let attempts = 0
    let stored: string | undefined
    setTimeout(() => (stored = 'bars-from-holder'), 200)
    const lock: FlightLock = {
      acquire: async () => (++attempts <= 2 ? { outcome: 'unanswered' } : { outcome: 'held' }),
      release: async () => {},
    }
    const upstream = countingUpstream(1)
    const result = await sharedSingleFlight({
      lock,
      key: KEY,
      run: upstream.fetch,
      peek: async () => stored,
      lockTtlMs: 5_000,
      maxWaitMs: 3_000,
      pollMs: 20,
    })
    expect(result).toEqual({ value: 'bars-from-holder', from: 'peer' })
    expect(upstream.calls()).toBe(0)
  })

  it('a store that never answers: the wait stays bounded, then the caller fetches itself', async () => {
    const lock: FlightLock = { acquire: async () => ({ outcome: 'unanswered' }), release: async () => {} }
    const upstream = countingUpstream(1)
    const started = Date.now()
    const result = await sharedSingleFlight({
      lock,
      key: KEY,
      run: upstream.fetch,
      peek: async () => undefined,
      lockTtlMs: 5_000,
      maxWaitMs: 300,
      pollMs: 20,
    })
    expect(result.from).toBe('fetched-after-wait')
    expect(upstream.calls()).toBe(1)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  it.skipIf(!redisState.available)(
    'a caller whose read of the stored value goes unanswered waits for it instead of fetching again',
    async () => {
      const [a, b] = instances(2)
      const upstream = countingUpstream(10)
      expect((await flight(a!, upstream.fetch)).from).toBe('fetched')
      // b's first two reads time out (the Redis store answers "not there" then), as on a loaded machine: the
      // lock, kept a while after the fetch, stops b from taking it and fetching the same window again.
      let reads = 0
      const result = await sharedSingleFlight<string>({
        lock: b!.lock,
        key: KEY,
        run: upstream.fetch,
        peek: async () => (++reads <= 2 ? undefined : (await b!.cache.get(KEY))?.value),
        lockTtlMs: 5_000,
        maxWaitMs: 3_000,
        pollMs: 20,
      })
      expect(result).toEqual({ value: 'bars#1', from: 'peer' })
      expect(upstream.calls()).toBe(1)
    },
  )

  it('a failed fetch releases the lock, so the next caller tries again at once', async () => {
    const store = createMemoryStore()
    await expect(flight(store, () => Promise.reject(new Error('upstream 500')))).rejects.toThrow('upstream 500')
    const upstream = countingUpstream(1)
    expect((await flight(store, upstream.fetch)).from).toBe('fetched')
  })

  it.skipIf(!redisState.available)("with Redis down the flight uses the instance's own lock, and says so", async () => {
    const store = createRedisStore({ url: `redis://127.0.0.1:${await freePort()}`, warn: () => {} })
    opened.push(store)
    const upstream = countingUpstream(1)
    expect((await flight(store, upstream.fetch)).from).toBe('fetched-fallback')
  })
})
