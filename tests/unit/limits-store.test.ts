import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CapacityError } from '@/lib/limits/errors'
import {
  createMemoryByteCache,
  createMemoryClientLimiter,
  createMemorySingleFlight,
  createMemoryUpstreamBudget,
} from '@/lib/limits/memory'
import { createFairQueue } from '@/lib/limits/upstream-queue'

const MiB = 1024 * 1024

describe('per-client token bucket (memory)', () => {
  let now = 1_000_000
  const clock = () => now
  const limiter = (limit: number, maxBytes = MiB) =>
    createMemoryClientLimiter({ limit, windowMs: 60_000, maxBytes, now: clock })

  it('lets a burst of `limit` through, then refuses and says when to come back', async () => {
    now = 1_000_000
    const l = limiter(30)
    for (let i = 0; i < 30; i++) expect((await l.take('a')).ok).toBe(true)
    const refused = await l.take('a')
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 2, remaining: 0 })
  })

  it('refills evenly: after Retry-After exactly one more unit passes; a refusal spends nothing', async () => {
    now = 1_000_000
    const l = limiter(30)
    for (let i = 0; i < 30; i++) await l.take('a')
    now += 1_000
    expect((await l.take('a')).retryAfterSeconds).toBe(1)
    now += 1_000
    expect((await l.take('a')).ok).toBe(true)
    expect((await l.take('a')).ok).toBe(false)
  })

  it('refills to the limit and no further; a clock stepping back neither refills nor drains', async () => {
    now = 1_000_000
    const l = limiter(5)
    for (let i = 0; i < 5; i++) await l.take('a')
    now += 10 * 60_000
    expect((await l.take('a', 5)).ok).toBe(true)
    expect((await l.take('a')).ok).toBe(false)
    now -= 60_000
    expect((await l.take('a')).ok).toBe(false)
  })

  it('keeps clients apart and charges a cost of several units at once', async () => {
    now = 1_000_000
    const l = limiter(3)
    expect((await l.take('a', 3)).ok).toBe(true)
    expect((await l.take('a')).ok).toBe(false)
    expect(await l.take('b', 2)).toEqual({ ok: true, retryAfterSeconds: 0, remaining: 1 })
  })

  it('holds a bounded number of clients: its memory is capped in bytes', async () => {
    now = 1_000_000
    const l = limiter(1, 16 * 1024)
    for (let i = 0; i < 10_000; i++) await l.take(`ip:10.0.${i >> 8}.${i & 255}`)
    // The first clients were forgotten (they start full again): bounded memory, at the cost of those ids.
    expect((await l.take('ip:10.0.0.0')).ok).toBe(true)
    expect((await l.take('ip:10.0.39.15')).ok).toBe(false)
  })
})

describe('server-wide upstream budget (memory)', () => {
  it('never grants more than limit + refill over any span, whatever the pattern of takes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.record({ advanceMs: fc.integer({ min: 0, max: 5_000 }), cost: fc.integer({ min: 1, max: 5 }) }), {
          minLength: 1,
          maxLength: 300,
        }),
        async (limit, steps) => {
          let now = 0
          const budget = createMemoryUpstreamBudget({ limit, windowMs: 60_000, now: () => now })
          let granted = 0
          for (const step of steps) {
            now += step.advanceMs
            if ((await budget.take(step.cost)).ok) granted += step.cost
          }
          expect(granted).toBeLessThanOrEqual(limit + Math.floor((now * limit) / 60_000))
        },
      ),
    )
  })
})

describe('byte-capped cache (memory)', () => {
  it('evicts by bytes, not entries: a few large values push out many small ones, and the total stays under the cap', async () => {
    const cache = createMemoryByteCache<Uint8Array>({ maxBytes: 1 * MiB, sizeOf: (v) => v.byteLength })
    for (let i = 0; i < 100; i++) await cache.set(`small${i}`, new Uint8Array(1_000), { ttlMs: 60_000 })
    expect(cache.stats().entries).toBe(100)
    for (let i = 0; i < 4; i++) await cache.set(`large${i}`, new Uint8Array(240 * 1024), { ttlMs: 60_000 })
    expect(cache.stats().bytes).toBeLessThanOrEqual(1 * MiB)
    expect(await cache.get('large3')).toBeDefined()
    expect(await cache.get('small0')).toBeUndefined()
  })

  it('does not keep a value larger than the whole cap', async () => {
    const cache = createMemoryByteCache<Uint8Array>({ maxBytes: 1_000, sizeOf: (v) => v.byteLength })
    await cache.set('huge', new Uint8Array(2_000), { ttlMs: 60_000 })
    expect(await cache.get('huge', { allowStale: true })).toBeUndefined()
    expect(cache.stats().bytes).toBe(0)
  })

  it('an expired entry is gone for a normal read but kept for a stale one (the fallback copy)', async () => {
    // lru-cache reads a start time of 0 as "no TTL", so the fake clock starts later.
    let now = 1_000
    const cache = createMemoryByteCache<{ v: number }>({ maxBytes: MiB, sizeOf: () => 100, now: () => now })
    await cache.set('k', { v: 1 }, { ttlMs: 1_000 })
    expect(await cache.get('k')).toEqual({ value: { v: 1 }, stale: false })
    now += 1_001
    expect(await cache.get('k')).toBeUndefined()
    expect(await cache.get('k', { allowStale: true })).toEqual({ value: { v: 1 }, stale: true })
  })
})

describe('single-flight (memory)', () => {
  it('runs one call per key at a time; callers share its result and its failure', async () => {
    const flight = createMemorySingleFlight()
    let calls = 0
    let release: (v: number) => void = () => {}
    const gate = new Promise<number>((resolve) => (release = resolve))
    const all = Array.from({ length: 50 }, () => flight.run('k', () => (calls++, gate)))
    expect(flight.inFlight()).toBe(1)
    release(7)
    expect(await Promise.all(all)).toEqual(Array(50).fill(7))
    expect(calls).toBe(1)
    expect(flight.inFlight()).toBe(0)
    const failing = [flight.run('f', () => Promise.reject(new Error('x'))), flight.run('f', () => Promise.resolve(1))]
    for (const p of failing) await expect(p).rejects.toThrow('x')
  })
})

describe('fair upstream queue', () => {
  const deferred = () => {
    let resolve: () => void = () => {}
    const promise = new Promise<void>((r) => (resolve = r))
    return { promise, resolve }
  }

  it('runs at most `concurrency` calls and serves waiting clients round-robin, not first come first served', async () => {
    const queue = createFairQueue({ concurrency: 1, maxWaitMs: 60_000, maxQueued: 100, maxQueuedPerClient: 50 })
    const order: string[] = []
    const first = deferred()
    const running = queue.run('a', () => first.promise)
    const calls = [
      ...Array.from({ length: 5 }, (_, i) => queue.run('a', async () => void order.push(`a${i}`))),
      queue.run('b', async () => void order.push('b0')),
      queue.run('c', async () => void order.push('c0')),
    ]
    expect(queue.stats()).toEqual({ active: 1, queued: 7, clients: 3 })
    first.resolve()
    await Promise.all([running, ...calls])
    // b and c were queued after all of a's calls, yet each waited for one of a's at most.
    expect(order).toEqual(['a0', 'b0', 'c0', 'a1', 'a2', 'a3', 'a4'])
  })

  it('a call that waits longer than maxWaitMs fails with CapacityError(queue_timeout) and never runs', async () => {
    const queue = createFairQueue({ concurrency: 1, maxWaitMs: 50, maxQueued: 100, maxQueuedPerClient: 50 })
    const blocker = deferred()
    const running = queue.run('a', () => blocker.promise)
    let ran = false
    const waiting = queue.run('b', async () => void (ran = true))
    await expect(waiting).rejects.toSatisfy(
      (e) => e instanceof CapacityError && e.reason === 'queue_timeout' && e.retryAfterSeconds >= 1,
    )
    blocker.resolve()
    await running
    expect(ran).toBe(false)
    expect(queue.stats()).toEqual({ active: 0, queued: 0, clients: 0 })
  })

  it('refuses at once beyond the per-client and total queue bounds', async () => {
    const queue = createFairQueue({ concurrency: 1, maxWaitMs: 60_000, maxQueued: 3, maxQueuedPerClient: 2 })
    const blocker = deferred()
    const running = queue.run('a', () => blocker.promise)
    const a1 = queue.run('a', async () => 1)
    const a2 = queue.run('a', async () => 2)
    await expect(queue.run('a', async () => 3)).rejects.toSatisfy(
      (e) => e instanceof CapacityError && e.reason === 'queue_full',
    )
    const b1 = queue.run('b', async () => 4)
    await expect(queue.run('c', async () => 5)).rejects.toSatisfy(
      (e) => e instanceof CapacityError && e.reason === 'queue_full',
    )
    blocker.resolve()
    expect(await Promise.all([running, a1, a2, b1])).toEqual([undefined, 1, 2, 4])
  })

  it('an aborted waiting call leaves the queue without running', async () => {
    const queue = createFairQueue({ concurrency: 1, maxWaitMs: 60_000, maxQueued: 10, maxQueuedPerClient: 10 })
    const blocker = deferred()
    const running = queue.run('a', () => blocker.promise)
    const controller = new AbortController()
    let ran = false
    const waiting = queue.run('b', async () => void (ran = true), { signal: controller.signal })
    controller.abort(new Error('client went away'))
    await expect(waiting).rejects.toThrow('client went away')
    blocker.resolve()
    await running
    expect(ran).toBe(false)
  })
})
