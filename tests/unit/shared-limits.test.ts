/** Issue 8's limits store over Redis: two "instances" (two stores on one redis-server) see one set of limits. */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LimitsStore } from '@/lib/limits'
import { createSharedLimitsStore } from '@/lib/limits/shared'
import { createRedisStore } from '@/lib/store/redis/store'
import type { SharedStore } from '@/lib/store/types'
import { redisAvailability, startRedisServer, type TestRedis } from '../support/redis-server'

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

function twoInstances(): [LimitsStore, LimitsStore] {
  if (!redis) throw new Error('redis-server not started')
  const namespace = `limits-${randomBytes(4).toString('hex')}`
  const make = () => {
    const store = createRedisStore({ url: redis!.url, namespace, warn: () => {} })
    opened.push(store)
    return createSharedLimitsStore(
      { limits: { api: 3, page: 2, live: 2 }, upstreamPerMinute: 4, flight: { lockTtlMs: 5_000, maxWaitMs: 3_000 } },
      store,
    )
  }
  return [make(), make()]
}

interface Window {
  bars: number[]
}
const codec = {
  encode: (v: Window) => JSON.stringify(v),
  decode: (t: string) => {
    const v = JSON.parse(t) as unknown
    return typeof v === 'object' && v !== null && Array.isArray((v as Window).bars) ? (v as Window) : undefined
  },
}

describe.skipIf(!redisState.available)('limits store over Redis', () => {
  it("a client's limit is one allowance across instances, and each limit counts apart", async () => {
    const [a, b] = twoInstances()
    const decisions = [
      await a.clientLimiter('api').take('10.1.1.1'),
      await b.clientLimiter('api').take('10.1.1.1'),
      await a.clientLimiter('api').take('10.1.1.1'),
      await b.clientLimiter('api').take('10.1.1.1'),
    ]
    expect(decisions.map((d) => d.ok)).toEqual([true, true, true, false])
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    expect((await b.clientLimiter('live').take('10.1.1.1')).ok).toBe(true)
    expect((await b.clientLimiter('api').take('10.1.1.2')).ok).toBe(true)
  })

  it('the upstream budget is one bucket for the whole cluster', async () => {
    const [a, b] = twoInstances()
    expect((await a.upstreamBudget().take(3)).ok).toBe(true)
    expect(await b.upstreamBudget().remaining()).toBe(1)
    expect((await b.upstreamBudget().take(2)).ok).toBe(false)
    expect((await b.upstreamBudget().take(1)).ok).toBe(true)
    expect((await a.upstreamBudget().take(1)).ok).toBe(false)
  })

  it('a cache with a codec is shared; one without stays in its instance', async () => {
    const [a, b] = twoInstances()
    const sharedA = a.byteCache<Window>('live-windows', { maxBytes: 1_000_000, sizeOf: () => 100, codec })
    const sharedB = b.byteCache<Window>('live-windows', { maxBytes: 1_000_000, sizeOf: () => 100, codec })
    await sharedA.set('NVDA:2025', { bars: [1, 2, 3] }, { ttlMs: 60_000 })
    expect(await sharedB.get('NVDA:2025')).toEqual({ value: { bars: [1, 2, 3] }, stale: false })
    const localA = a.byteCache<Window>('rendered', { maxBytes: 1_000_000, sizeOf: () => 100 })
    const localB = b.byteCache<Window>('rendered', { maxBytes: 1_000_000, sizeOf: () => 100 })
    await localA.set('k', { bars: [9] }, { ttlMs: 60_000 })
    expect(await localA.get('k')).toBeDefined()
    expect(await localB.get('k')).toBeUndefined()
  })

  it('text another build wrote in a shape this one cannot read is a miss, not a crash', async () => {
    const [a, b] = twoInstances()
    const writer = a.byteCache<{ other: string }>('live-windows', {
      maxBytes: 1_000_000,
      sizeOf: () => 100,
      codec: { encode: (v) => JSON.stringify(v), decode: () => undefined },
    })
    await writer.set('NVDA:2025', { other: 'shape' }, { ttlMs: 60_000 })
    const reader = b.byteCache<Window>('live-windows', { maxBytes: 1_000_000, sizeOf: () => 100, codec })
    expect(await reader.get('NVDA:2025')).toBeUndefined()
  })

  it('single-flight with a peek runs the work once across instances; the others get the stored result', async () => {
    const [a, b] = twoInstances()
    const cacheA = a.byteCache<Window>('live-windows', { maxBytes: 1_000_000, sizeOf: () => 100, codec })
    const cacheB = b.byteCache<Window>('live-windows', { maxBytes: 1_000_000, sizeOf: () => 100, codec })
    let fetches = 0
    const work = (cache: typeof cacheA) => async () => {
      fetches++
      await new Promise((r) => setTimeout(r, 300))
      const value = { bars: [fetches] }
      await cache.set('AMD:2025', value, { ttlMs: 60_000 })
      return value
    }
    const peek = (cache: typeof cacheA) => async () => (await cache.get('AMD:2025'))?.value
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const [store, cache] = i % 2 === 0 ? [a, cacheA] : [b, cacheB]
        return store.singleFlight('live-windows').run('AMD:2025', work(cache), { peek: peek(cache) })
      }),
    )
    expect(fetches).toBe(1)
    expect(results.every((r) => r.bars[0] === 1)).toBe(true)
  })
})

describe('choosing the store from the environment', () => {
  it('REDIS_URL unset: the in-memory store; set: the shared one', async () => {
    const { getLimitsStore, resetLimitsStoreForTests } = await import('@/lib/limits')
    const { resetEnvForTests } = await import('@/lib/server/env')
    const { resetSharedStoreForTests } = await import('@/lib/store')
    const saved = process.env.REDIS_URL
    try {
      delete process.env.REDIS_URL
      resetEnvForTests()
      resetLimitsStoreForTests()
      expect(getLimitsStore().kind).toBe('memory')
      process.env.REDIS_URL = redis?.url ?? 'redis://127.0.0.1:9'
      resetEnvForTests()
      resetLimitsStoreForTests()
      expect(getLimitsStore().kind).toBe('redis')
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL
      else process.env.REDIS_URL = saved
      resetEnvForTests()
      resetLimitsStoreForTests()
      await resetSharedStoreForTests()
    }
  })
})
