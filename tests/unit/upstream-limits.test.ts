import fc from 'fast-check'
import vm from 'node:vm'
import v8 from 'node:v8'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { GET as getPrices } from '@/app/api/prices/route'
import { toApiError } from '@/lib/api/errors'
import { DomainError } from '@/lib/errors'
import { resetEnvForTests } from '@/lib/server/env'
import { createMemoryUpstreamBudget } from '@/lib/limits/memory'
import { createFairQueue } from '@/lib/limits/upstream-queue'
import { getPriceService, resetPriceServiceForTests } from '@/lib/prices'
import { resetRenderedPricesForTests } from '@/lib/prices/render'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'
import {
  BAR_HEAP_BYTES,
  createPriceService,
  MAX_SESSIONS_PER_ANSWER,
  type PriceServiceOptions,
} from '@/lib/prices/service'
import { ProviderError, type DailyBarsRequest, type PriceProvider } from '@/lib/providers/types'
import type { Bar } from '@/lib/types'
import { startMockYahoo, type MockYahooServer } from '../mock-yahoo/server'
import { saveAppEnv } from './support/app-env'
import { fromPeer } from './support/peer'

/**
 * The server-wide upstream budget, the fair queue in front of the upstream, and the bounds on answer size and
 * cache memory: through the price service with a fake upstream (fast, countable), and through the route
 * against the mock Yahoo server.
 */

// Synthetic bars, for the service's plumbing only; no real prices here.
function syntheticBars(from: string, to: string): Bar[] {
  const bars: Bar[] = []
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const d = new Date(t)
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue
    const i = bars.length
    bars.push({
      date: d.toISOString().slice(0, 10),
      open: 10 + i * 0.01,
      high: 11 + i * 0.01,
      low: 9 + i * 0.01,
      close: 10.5 + i * 0.01,
      adjClose: 10.4 + i * 0.01,
      volume: 1_000_000 + i,
    })
  }
  return bars
}

function fakeLive(behaviour: (req: DailyBarsRequest) => Promise<void> | void = () => {}) {
  const calls: DailyBarsRequest[] = []
  const provider: PriceProvider = {
    id: 'yahoo',
    async getDailyBars(req) {
      calls.push(req)
      await behaviour(req)
      return {
        symbol: req.symbol,
        name: req.symbol,
        currency: 'USD',
        exchangeTimezone: 'America/New_York',
        bars: syntheticBars(req.from, req.to),
      }
    },
  }
  return { provider, calls }
}

function liveService(provider: PriceProvider, extra: Partial<PriceServiceOptions> = {}) {
  return createPriceService({
    mode: 'live',
    snapshot: provider,
    live: () => provider,
    snapshotCoverage: () => undefined,
    today: () => '2026-11-28',
    sleep: async () => {},
    ...extra,
  })
}

const caller = (id: string) => ({ id, admit: async () => {} })

describe('server-wide upstream budget (through the price service)', () => {
  it('no mix of client ids, symbols and upstream failures gets more upstream attempts than the budget (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.array(
          fc.record({
            client: fc.integer({ min: 0, max: 1_000 }),
            symbols: fc.uniqueArray(fc.constantFrom('AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG'), {
              minLength: 1,
              maxLength: 4,
            }),
            year: fc.integer({ min: 2000, max: 2024 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (limit, requests, failureRate) => {
          let n = 0
          const live = fakeLive(() => {
            // Deterministic failures: every k-th call is a 5xx, so retries happen too.
            n++
            if (failureRate > 0 && n % Math.max(1, Math.round(1 / failureRate)) === 0) {
              throw new ProviderError('upstream', 'HTTP 500', { provider: 'yahoo', symbol: 'X' })
            }
          })
          const budget = createMemoryUpstreamBudget({ limit, windowMs: 60_000, now: () => 1_000 })
          const service = liveService(live.provider, { budget })
          await Promise.all(
            requests.map((r) =>
              service
                .getPrices({
                  symbols: r.symbols,
                  from: `${r.year}-02-01`,
                  to: `${r.year}-03-01`,
                  caller: caller(`ip:10.0.0.${r.client}`),
                })
                .catch((error: unknown) => {
                  if (!(error instanceof DomainError)) throw error
                }),
            ),
          )
          expect(live.calls.length).toBeLessThanOrEqual(limit)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('once spent, answers say so with 503 and Retry-After; the refusal is not cached and costs the upstream nothing', async () => {
    let now = 1_000
    const live = fakeLive()
    const budget = createMemoryUpstreamBudget({ limit: 2, windowMs: 60_000, now: () => now })
    const service = liveService(live.provider, { budget })
    const get = (symbol: string) => service.getPrices({ symbols: [symbol], from: '2020-02-03', to: '2020-02-28' })
    await get('AAA')
    await get('BBB')
    const refused = await get('CCC').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(DomainError)
    expect(toApiError(refused).status).toBe(503)
    expect((refused as DomainError).extra.retryAfterSeconds).toBe(30)
    expect((refused as DomainError).message).toMatch(/budget of live requests is used up/)
    expect(live.calls).toHaveLength(2)
    // Cached windows are still served; the refused one is asked for once the budget has refilled.
    await get('AAA')
    now += 30_000
    expect((await get('CCC')).series[0]?.bars.length).toBeGreaterThan(0)
    expect(live.calls).toHaveLength(3)
  })
})

describe('fair queue in front of the upstream (through the price service)', () => {
  it('a failure from waiting in our own queue is not cached: the next request for that window is served', async () => {
    let release: () => void = () => {}
    const blocked = new Promise<void>((resolve) => (release = resolve))
    const live = fakeLive((req) => (req.symbol === 'SLOW' ? blocked : undefined))
    const queue = createFairQueue({ concurrency: 1, maxWaitMs: 50, maxQueued: 10, maxQueuedPerClient: 10 })
    const service = liveService(live.provider, { queue })
    const range = { from: '2020-02-03', to: '2020-02-28' }
    const slow = service.getPrices({ symbols: ['SLOW'], ...range, caller: caller('ip:10.0.0.1') })
    const waited = await service
      .getPrices({ symbols: ['FAST'], ...range, caller: caller('ip:10.0.0.2') })
      .catch((e: unknown) => e)
    expect(waited).toBeInstanceOf(DomainError)
    expect(toApiError(waited).status).toBe(503)
    expect((waited as DomainError).extra.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    release()
    await slow
    // Not remembered as a failure (the old code cached it for 30 s and served it to the next user in 6 ms).
    const again = await service.getPrices({ symbols: ['FAST'], ...range, caller: caller('ip:10.0.0.3') })
    expect(again.series[0]?.bars.length).toBeGreaterThan(0)
    expect(live.calls.map((c) => c.symbol)).toEqual(['SLOW', 'FAST'])
  })
})

describe('bounded answers and byte-capped memory (through the price service)', () => {
  it('refuses an answer above MAX_SESSIONS_PER_ANSWER with a 400 that says why, before asking the upstream', async () => {
    const live = fakeLive()
    const service = liveService(live.provider)
    const symbols = Array.from({ length: 20 }, (_, i) => `S${i}`)
    const error = await service.getPrices({ symbols, from: '2015-01-01', to: '2024-12-31' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(toApiError(error).status).toBe(400)
    expect((error as DomainError).message).toMatch(/Too much data in one request: 20 symbols .* at most 13050/)
    expect(live.calls).toHaveLength(0)
    // 5 symbols over 10 years is allowed.
    const ok = await service.getPrices({ symbols: symbols.slice(0, 5), from: '2015-01-01', to: '2024-12-31' })
    expect(ok.series).toHaveLength(5)
    expect(5 * 2_610).toBeLessThanOrEqual(MAX_SESSIONS_PER_ANSWER)
  })

  it('many distinct ten-year windows: the cache stays under its byte cap and the heap does not grow with them', async () => {
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const cap = 16 * 1024 * 1024
    const live = fakeLive()
    const service = liveService(live.provider, { maxCacheBytes: cap })
    gc()
    const before = process.memoryUsage().heapUsed
    // 150 ten-year windows would hold about 80 MiB if they were all kept.
    for (let i = 0; i < 150; i++) await service.getPrices({ symbols: [`W${i}`], from: '2015-01-01', to: '2024-12-31' })
    gc()
    const growth = process.memoryUsage().heapUsed - before
    const { cachedBytes, cachedWindows } = service.stats()
    expect(cachedBytes).toBeLessThanOrEqual(cap)
    // About 2,600 bars a window at BAR_HEAP_BYTES each: some 28 fit, not 150.
    expect(cachedWindows).toBeLessThan(Math.ceil(cap / (2_600 * BAR_HEAP_BYTES)) + 2)
    expect(growth).toBeLessThan(cap + 8 * 1024 * 1024)
  })
})

describe('through the route, against the mock Yahoo server', () => {
  const restoreAppEnv = saveAppEnv()
  const saved = { budget: process.env.UPSTREAM_REQUESTS_PER_MINUTE }
  let mock: MockYahooServer

  function configure(env: Record<string, string>): void {
    process.env.PRICE_PROVIDER = 'yahoo'
    process.env.YAHOO_BASE_URL = mock.url
    process.env.YAHOO_TIMEOUT_MS = '2000'
    process.env.LIVE_REQUESTS_PER_MINUTE = '1000'
    for (const [k, v] of Object.entries(env)) process.env[k] = v
    resetEnvForTests()
    resetPriceServiceForTests({ sleep: async () => {} })
    void resetRenderedPricesForTests()
  }

  beforeAll(async () => {
    mock = await startMockYahoo({ port: 0 })
  })
  beforeEach(() => mock.reset())
  afterAll(async () => {
    await mock.close()
    if (saved.budget === undefined) delete process.env.UPSTREAM_REQUESTS_PER_MINUTE
    else process.env.UPSTREAM_REQUESTS_PER_MINUTE = saved.budget
    restoreAppEnv()
  })

  it('upstream 5xx, 10 requests x 20 new symbols from 10 client ids: upstream attempts stay within the budget', async () => {
    const BUDGET = 30
    configure({ UPSTREAM_REQUESTS_PER_MINUTE: String(BUDGET) })
    // A clock that stands still: the bucket does not refill while the test runs, so the bound is exact.
    resetLiveRequestLimiterForTests({ now: () => 5_000 })
    mock.setMode('error500')
    const symbols = Array.from({ length: 20 }, (_, i) => `Z${String.fromCharCode(65 + i)}`)
    const started = performance.now()
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        getPrices(
          new Request(`http://localhost/api/prices?symbols=${symbols.join(',')}&from=2019-02-01&to=2019-03-01`, {
            headers: fromPeer(`198.51.100.${i}`),
          }),
        ),
      ),
    )
    // Before the budget: 600 upstream requests in 1.9 s for the same ten requests.
    expect(mock.requests.length).toBeLessThanOrEqual(BUDGET)
    // A clear failure for each (502 where the upstream failed, 503 where only our budget stood in the way).
    for (const res of responses) {
      expect([502, 503]).toContain(res.status)
      if (res.status === 503) expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it("one client within its allowance, against a slow upstream, cannot make another user's request fail", async () => {
    configure({ UPSTREAM_REQUESTS_PER_MINUTE: '1000' })
    const SLOW_MS = 250
    mock.setMode('slow', { slowMs: SLOW_MS })
    // Client A: 24 cold windows (24 years of AAPL), all at once, within its live allowance.
    const a = Array.from({ length: 24 }, (_, i) =>
      getPrices(
        new Request(`http://localhost/api/prices?symbols=AAPL&from=${1990 + i}-03-02&to=${1990 + i}-03-31`, {
          headers: fromPeer('198.51.100.50'),
        }),
      ),
    )
    // Wait until all of A's windows are running or queued (4 at a time go out).
    for (let i = 0; i < 500 && getPriceService().stats().queue.queued < 20; i++)
      await new Promise((resolve) => setTimeout(resolve, 5))
    expect(getPriceService().stats().queue.queued).toBe(20)
    const b = await getPrices(
      new Request('http://localhost/api/prices?symbols=AAPL&from=2020-08-31&to=2020-11-06', {
        headers: fromPeer('198.51.100.51'),
      }),
    )
    expect(b.status).toBe(200)
    // B's window went out in the next free slot, not after A's 20 queued ones (times on this machine vary too
    // much under load to judge by the clock: the order is what fairness promises).
    // Each window is one calendar year (padded a day either side): its midpoint names the year.
    const order = mock.requests.map((r) =>
      new Date((((r.period1 ?? 0) + (r.period2 ?? 0)) / 2) * 1000).getUTCFullYear(),
    )
    expect(order.indexOf(2020)).toBeGreaterThanOrEqual(4)
    expect(order.indexOf(2020)).toBeLessThan(8)
    const statuses = (await Promise.all(a)).map((r) => r.status)
    expect(statuses.every((s) => s === 200)).toBe(true)
  })

  it('a cached answer stays fast while a flood of uncached requests waits on a slow upstream (p99 < 100 ms)', async () => {
    configure({ UPSTREAM_REQUESTS_PER_MINUTE: '100000', LIVE_REQUESTS_PER_MINUTE: '100000' })
    const cached = () =>
      getPrices(
        new Request('http://localhost/api/prices?symbols=AAPL&from=2020-08-31&to=2020-11-06', {
          headers: fromPeer('198.51.100.60'),
        }),
      )
    expect((await cached()).status).toBe(200)
    mock.setMode('slow', { slowMs: 400 })
    let flooding = true
    const flood = Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; flooding && i < 40; i++) {
          const year = 1980 + ((worker * 40 + i) % 40)
          const res = await getPrices(
            new Request(`http://localhost/api/prices?symbols=AAPL&from=${year}-0${1 + (i % 9)}-02&to=${year}-12-01`, {
              headers: fromPeer(`198.51.101.${worker}`),
            }),
          )
          await res.arrayBuffer()
        }
      }),
    )
    const times: number[] = []
    for (let i = 0; i < 100; i++) {
      const t = performance.now()
      const res = await cached()
      await res.arrayBuffer()
      times.push(performance.now() - t)
      expect(res.status).toBe(200)
    }
    flooding = false
    await flood
    times.sort((x, y) => x - y)
    const p99 = times[Math.floor(times.length * 0.99) - 1] ?? Infinity
    // The 100 ms target is measured by `npm run load` on a quiet machine; a test on a shared, noisy machine only
    // checks that the cached answer never waits behind the flood (which would cost the upstream's 400 ms or more).
    console.info(`[flood] cached /api/prices p99 ${p99.toFixed(1)} ms while uncached requests wait`)
    expect(p99).toBeLessThan(400)
  })
})
