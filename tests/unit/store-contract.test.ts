/**
 * One contract, two stores: every case runs against the in-memory store (with a fake clock) and the Redis store
 * (against a real redis-server started for this file, with real time and short TTLs).
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryStore } from '@/lib/store/memory'
import { createRedisStore, STORE_FORMAT_VERSION } from '@/lib/store/redis/store'
import type { LockAttempt, SharedStore } from '@/lib/store/types'
import { redisAvailability, startRedisServer, type TestRedis } from '../support/redis-server'

const redisState = redisAvailability()
let redis: TestRedis | undefined

beforeAll(async () => {
  if (redisState.available) redis = await startRedisServer()
})
afterAll(async () => {
  await redis?.stop()
})

interface Harness {
  store: (options?: { maxBytes?: number }) => SharedStore
  /** Lets `ms` pass for the store: a fake clock for memory, real time for Redis. */
  wait: (ms: number) => Promise<void>
}

function memoryHarness(): Harness {
  let clock = 1_000_000
  return {
    store: (options) => createMemoryStore({ now: () => clock, maxBytes: options?.maxBytes }),
    wait: async (ms) => {
      clock += ms
    },
  }
}

const opened: SharedStore[] = []
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()))
})

function redisHarness(): Harness {
  return {
    store: (options) => {
      if (!redis) throw new Error('redis-server not started')
      const store = createRedisStore({
        url: redis.url,
        namespace: `contract-${randomBytes(4).toString('hex')}`,
        maxBytes: options?.maxBytes,
        warn: () => {},
      })
      opened.push(store)
      return store
    },
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
  }
}

/** Random text that gzip cannot shrink much, so the byte cap is tested on bytes that really are stored. */
/** The token of a lock just taken; fails the test when the attempt did not take it. */
function tokenOf(attempt: LockAttempt): string {
  expect(attempt.outcome).toBe('acquired')
  return attempt.outcome === 'acquired' ? attempt.token : ''
}

const incompressible = (chars: number) => randomBytes(chars).toString('base64').slice(0, chars)

const implementations: Array<[string, () => Harness, boolean]> = [
  ['memory', memoryHarness, false],
  ['redis', redisHarness, !redisState.available],
]

describe.each(implementations)('%s store', (_name, makeHarness, skip) => {
  const test = skip ? it.skip : it

  test('a value is fresh within its TTL, stale after it, and gone after the stale grace', async () => {
    const h = makeHarness()
    const store = h.store()
    // Seconds, not tenths: against a real Redis on a loaded 2-core machine a set and a get took over 400 ms.
    await store.cache.set('w', 'value-1', { ttlMs: 1_500, staleMs: 2_000 })
    expect(await store.cache.get('w')).toEqual({ value: 'value-1', stale: false })
    await h.wait(1_800)
    expect(await store.cache.get('w')).toEqual({ value: 'value-1', stale: true })
    await h.wait(2_200)
    expect(await store.cache.get('w')).toBeUndefined()
    expect(await store.cache.get('never-set')).toBeUndefined()
  })

  test('the cache stays under its byte cap: old entries go, the newest stays, an oversized value is not kept', async () => {
    const h = makeHarness()
    const store = h.store({ maxBytes: 40_000 })
    const values = Array.from({ length: 40 }, () => incompressible(4_000))
    for (const [i, value] of values.entries()) await store.cache.set(`k${i}`, value, { ttlMs: 60_000 })
    const kept = []
    for (let i = 0; i < values.length; i++) if (await store.cache.get(`k${i}`)) kept.push(i)
    expect(kept.length).toBeGreaterThan(0)
    // Each value holds at least 3 000 bytes of entropy (4 000 base64 characters), compressed or not.
    expect(kept.length).toBeLessThanOrEqual(Math.floor(40_000 / 3_000))
    expect(kept).toContain(values.length - 1)
    expect(kept).not.toContain(0)
    expect((await store.cache.get(`k${values.length - 1}`))?.value).toBe(values[values.length - 1])

    await store.cache.set('huge', incompressible(100_000), { ttlMs: 60_000 })
    expect(await store.cache.get('huge')).toBeUndefined()
    expect(await store.cache.get(`k${values.length - 1}`)).toBeDefined()
  })

  test('a lock is held by one caller until released or expired', async () => {
    const h = makeHarness()
    const store = h.store()
    const first = tokenOf(await store.lock.acquire('NVDA:2025', 500))
    expect(await store.lock.acquire('NVDA:2025', 500)).toEqual({ outcome: 'held' })
    tokenOf(await store.lock.acquire('AMD:2025', 500))
    await store.lock.release('NVDA:2025', 'not-the-token')
    expect(await store.lock.acquire('NVDA:2025', 500)).toEqual({ outcome: 'held' })
    await store.lock.release('NVDA:2025', first)
    const second = tokenOf(await store.lock.acquire('NVDA:2025', 300))
    await h.wait(450)
    // The holder is presumed dead: the lock expired, someone else may fetch; the old token no longer frees it.
    tokenOf(await store.lock.acquire('NVDA:2025', 5_000))
    await store.lock.release('NVDA:2025', second)
    expect(await store.lock.acquire('NVDA:2025', 500)).toEqual({ outcome: 'held' })
  })

  test('a lock released with keepForMs stays taken that long, under no token, then is free', async () => {
    const h = makeHarness()
    const store = h.store()
    const token = tokenOf(await store.lock.acquire('NVDA:2025', 5_000))
    await store.lock.release('NVDA:2025', token, { keepForMs: 400 })
    expect(await store.lock.acquire('NVDA:2025', 500)).toEqual({ outcome: 'held' })
    // The old token no longer frees it.
    await store.lock.release('NVDA:2025', token)
    expect(await store.lock.acquire('NVDA:2025', 500)).toEqual({ outcome: 'held' })
    await h.wait(550)
    tokenOf(await store.lock.acquire('NVDA:2025', 500))
  })

  test('a limiter grants `points` per window for each key, refuses the next with a retry time, and refills', async () => {
    const h = makeHarness()
    const store = h.store()
    const limiter = store.limiter({ name: 'client', points: 3, windowMs: 1_000 })
    const decisions = []
    for (let i = 0; i < 4; i++) decisions.push(await limiter.take('10.0.0.1'))
    expect(decisions.slice(0, 3).map((d) => d.allowed)).toEqual([true, true, true])
    expect(decisions.slice(0, 3).map((d) => d.remaining)).toEqual([2, 1, 0])
    const refused = decisions[3]
    expect(refused?.allowed).toBe(false)
    if (refused && !refused.allowed) {
      expect(refused.retryAfterMs).toBeGreaterThan(0)
      expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000)
    }
    expect(await limiter.remaining('10.0.0.1')).toBe(0)
    expect((await limiter.take('10.0.0.2')).allowed).toBe(true)
    // A limiter with another name counts separately even for the same key.
    expect((await store.limiter({ name: 'budget', points: 1, windowMs: 1_000 }).take('10.0.0.1')).allowed).toBe(true)
    await h.wait(1_100)
    expect(await limiter.remaining('10.0.0.1')).toBe(3)
    expect((await limiter.take('10.0.0.1')).allowed).toBe(true)
  })

  test('a limiter is a token bucket: it refills evenly, and a refused take of several units spends nothing', async () => {
    const h = makeHarness()
    const store = h.store()
    const limiter = store.limiter({ name: 'budget', points: 3, windowMs: 1_500 })
    expect((await limiter.take('global', 3)).allowed).toBe(true)
    expect(await limiter.remaining('global')).toBe(0)
    // A third of the window gives back a third of the units (one), not all or nothing as a fixed window would.
    await h.wait(600)
    expect(await limiter.remaining('global')).toBe(1)
    const refused = await limiter.take('global', 2)
    expect(refused.allowed).toBe(false)
    if (!refused.allowed) expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000)
    expect(await limiter.remaining('global')).toBe(1)
    expect((await limiter.take('global', 1)).allowed).toBe(true)
  })
})

describe.skipIf(!redisState.available)('redis store specifics', () => {
  it('two instances share one cache, one lock and one count', async () => {
    if (!redis) throw new Error('redis-server not started')
    const namespace = `shared-${randomBytes(4).toString('hex')}`
    const a = createRedisStore({ url: redis.url, namespace, warn: () => {} })
    const b = createRedisStore({ url: redis.url, namespace, warn: () => {} })
    opened.push(a, b)
    await a.cache.set('w', 'from-a', { ttlMs: 10_000 })
    expect(await b.cache.get('w')).toEqual({ value: 'from-a', stale: false })
    expect(await a.lock.acquire('w', 5_000)).toMatchObject({ outcome: 'acquired', fallback: false })
    expect(await b.lock.acquire('w', 5_000)).toEqual({ outcome: 'held' })
    const la = a.limiter({ name: 'budget', points: 2, windowMs: 10_000 })
    const lb = b.limiter({ name: 'budget', points: 2, windowMs: 10_000 })
    expect((await la.take('global')).allowed).toBe(true)
    expect((await lb.take('global')).allowed).toBe(true)
    expect((await la.take('global')).allowed).toBe(false)
    expect(await lb.remaining('global')).toBe(0)
  })

  it('stores large values compressed, under keys that carry the format version', async () => {
    if (!redis) throw new Error('redis-server not started')
    const namespace = `layout-${randomBytes(4).toString('hex')}`
    const store = createRedisStore({ url: redis.url, namespace, warn: () => {} })
    opened.push(store)
    const json = JSON.stringify(
      Array.from({ length: 250 }, (_, i) => ({
        date: `2025-01-${i}`,
        open: 100 + i,
        close: 101 + i,
        volume: 1_000_000 + i,
      })),
    )
    await store.cache.set('year', json, { ttlMs: 10_000 })
    expect((await store.cache.get('year'))?.value).toBe(json)
    const raw = new Redis(redis.url)
    try {
      const keys = await raw.keys(`${namespace}:*`)
      expect(keys).toContain(`${namespace}:${STORE_FORMAT_VERSION}:cache:year`)
      const stored = await raw.strlen(`${namespace}:${STORE_FORMAT_VERSION}:cache:year`)
      expect(stored).toBeLessThan(json.length / 3)
      // A build with another format version reads none of it.
      const other = createRedisStore({ url: redis.url, namespace: `${namespace}-x`, warn: () => {} })
      opened.push(other)
      expect(await other.cache.get('year')).toBeUndefined()
    } finally {
      raw.disconnect()
    }
  })
})
