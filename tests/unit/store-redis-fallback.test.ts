/**
 * Redis trouble must never reach a caller as an error or a long wait: down at start, lost mid-run, or slow, the
 * store answers from this instance's memory within its named timeout, says so in its health, logs it once, and
 * uses Redis again once it is back.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisStore, REDIS_BACKOFF_AFTER_FAILURE_MS, REDIS_CONNECT_TIMEOUT_MS, REDIS_COMMAND_TIMEOUT_MS } from '@/lib/store/redis/store'
import type { SharedStore } from '@/lib/store/types'
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

function open(url: string, warnings: string[] = [], namespace = `fallback-${randomBytes(4).toString('hex')}`) {
  const store = createRedisStore({ url, namespace, warn: (m) => warnings.push(m), backoffAfterFailureMs: 200 })
  opened.push(store)
  return store
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

describe.skipIf(!redisState.available)('Redis store fallback', () => {
  it('Redis down at start: answers from memory without waiting past the connect timeout, and reports it', async () => {
    const warnings: string[] = []
    const store = open(`redis://127.0.0.1:${await freePort()}`, warnings)
    const first = await timed(() => store.cache.get('w'))
    expect(first.value).toBeUndefined()
    expect(first.ms).toBeLessThan(REDIS_CONNECT_TIMEOUT_MS + 500)
    await store.cache.set('w', 'kept-locally', { ttlMs: 10_000 })
    const again = await timed(() => store.cache.get('w'))
    expect(again.value?.value).toBe('kept-locally')
    expect(again.ms).toBeLessThan(50)
    expect(await store.lock.acquire('w', 1_000)).toBeTypeOf('string')
    expect((await store.limiter({ name: 'client', points: 1, windowMs: 60_000 }).take('c')).allowed).toBe(true)
    const health = await store.probe()
    expect(health).toMatchObject({ kind: 'redis', reachable: false })
    expect(health.degradedReason).toBeTruthy()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/Redis unavailable/)
  })

  it('Redis lost mid-run: calls keep answering quickly, and the store shares again once Redis is back', async () => {
    if (!redis) throw new Error('redis-server not started')
    const warnings: string[] = []
    const namespace = `midrun-${randomBytes(4).toString('hex')}`
    const a = open(redis.url, warnings, namespace)
    const b = open(redis.url, [], namespace)
    await a.cache.set('before', 'shared', { ttlMs: 60_000 })
    expect((await b.cache.get('before'))?.value).toBe('shared')
    expect(await a.probe()).toEqual({ kind: 'redis', reachable: true })

    await redis.kill()
    const during = await timed(async () => {
      const results = []
      for (let i = 0; i < 20; i++) results.push(await a.cache.get('before'))
      return results
    })
    // The local copy written with the value answers while Redis is gone.
    expect(during.value.every((v) => v?.value === 'shared')).toBe(true)
    expect(during.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS * 2 + 200)
    expect((await a.probe()).reachable).toBe(false)
    expect(warnings.filter((w) => /unavailable/.test(w))).toHaveLength(1)

    await redis.restart()
    expect(await eventually(async () => (await a.probe()).reachable && (await b.probe()).reachable, 10_000)).toBe(true)
    await a.cache.set('after', 'shared-again', { ttlMs: 60_000 })
    expect((await b.cache.get('after'))?.value).toBe('shared-again')
    expect(warnings.some((w) => /reachable again/.test(w))).toBe(true)
  })

  it('a slow Redis costs one named timeout, then the instance leaves it alone for a while', async () => {
    if (!redis) throw new Error('redis-server not started')
    const store = createRedisStore({ url: redis.url, namespace: `slow-${randomBytes(4).toString('hex')}`, warn: () => {} })
    opened.push(store)
    await store.cache.set('w', 'v', { ttlMs: 60_000 })
    const blocker = new Redis(redis.url)
    try {
      await blocker.ping()
      expect(store.health().reachable).toBe(true)
      // DEBUG SLEEP blocks the whole server, as a Redis stuck on a slow command or a full network would.
      const sleeping = blocker.call('DEBUG', 'SLEEP', String((REDIS_COMMAND_TIMEOUT_MS + 1_000) / 1_000))
      await new Promise((r) => setTimeout(r, 50))
      const slow = await timed(() => store.cache.get('w'))
      expect(slow.value?.value).toBe('v')
      expect(slow.ms).toBeGreaterThanOrEqual(REDIS_COMMAND_TIMEOUT_MS - 20)
      expect(slow.ms).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS + 300)
      const next = await timed(() => store.cache.get('w'))
      expect(next.ms).toBeLessThan(50)
      expect(store.health().reachable).toBe(false)
      await sleeping
    } finally {
      blocker.disconnect()
    }
    expect(await eventually(async () => (await store.probe()).reachable, REDIS_BACKOFF_AFTER_FAILURE_MS + 5_000)).toBe(true)
  })
})
