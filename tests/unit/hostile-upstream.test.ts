import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { GET as getPrices } from '@/app/api/prices/route'
import { resetEnvForTests } from '@/lib/server/env'
import { resetPriceServiceForTests } from '@/lib/prices'
import { createPriceService } from '@/lib/prices/service'
import { MAX_PLAUSIBLE_PRICE } from '@/lib/providers/bar-rules'
import { createSnapshotProvider } from '@/lib/providers/snapshot'
import { ProviderError, type ProviderErrorKind } from '@/lib/providers/types'
import { createYahooProvider } from '@/lib/providers/yahoo'
import { MAX_CHART_BODY_BYTES } from '@/lib/providers/yahoo/client'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'
import { startHostileUpstream, type HostileFault, type HostileUpstream } from '../hostile-upstream/server'
import { saveAppEnv } from './support/app-env'

/**
 * Every fault of the hostile upstream (tests/hostile-upstream, synthetic payloads) driven through the provider,
 * the price service and `GET /api/prices` (JSON and CSV). The page's server render is driven in
 * tests/e2e/hostile.spec.ts against the production build.
 */

const restoreAppEnv = saveAppEnv()
let upstream: HostileUpstream

beforeAll(async () => {
  upstream = await startHostileUpstream({ port: 0 })
})
afterAll(async () => {
  await upstream.close()
  restoreAppEnv()
})

// Generous: reading a 4 MiB capped body from a 200 MB stream or a gzip bomb is CPU-bound, and CI machines are shared.
const TIMEOUT_MS = 8000
// NVDA (a curated New York listing) in early 2023: outside the embedded snapshot, on the NYSE calendar.
const REQUEST = { symbol: 'NVDA', from: '2023-01-03', to: '2023-03-31' } as const

const provider = (fault: HostileFault) =>
  createYahooProvider({ baseUrl: `${upstream.url}/${fault}`, timeoutMs: TIMEOUT_MS })

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

/** The importer's rules, restated from the outside: what every served bar must satisfy. */
const servedBar = z
  .object({
    date: z.iso.date(),
    open: z.number().positive().lt(MAX_PLAUSIBLE_PRICE),
    high: z.number().positive().lt(MAX_PLAUSIBLE_PRICE),
    low: z.number().positive().lt(MAX_PLAUSIBLE_PRICE),
    close: z.number().positive().lt(MAX_PLAUSIBLE_PRICE),
    adjClose: z.number().positive().lt(MAX_PLAUSIBLE_PRICE),
    volume: z.number().int().nonnegative(),
  })
  .refine(
    (b) => b.high >= Math.max(b.open, b.close) && Math.min(b.open, b.close) >= b.low,
    'high/low outside open/close',
  )
  .refine((b) => ![0, 6].includes(new Date(`${b.date}T00:00:00Z`).getUTCDay()), 'a weekend date')

// Row faults: the payload is usable, the broken rows are dropped and named in one warning.
const ROW_FAULTS: Array<[HostileFault, string]> = [
  ['extreme-1e300', 'with a price outside'],
  ['extreme-tiny', 'with a price outside'],
  ['extreme-1e19', 'with a price outside'],
  ['negative-price', 'with a price of zero or below'],
  ['zero-price', 'with a price of zero or below'],
  ['price-1e308', 'with a price outside'],
  ['high-below-low', 'with high below low'],
  ['fractional-volume', 'with a fractional or negative volume'],
  ['negative-volume', 'with a fractional or negative volume'],
  ['duplicate-timestamps', 'repeating a session already given'],
  ['wrong-gmtoffset', 'on a day NYSE does not trade'],
]

// Faults that make the whole answer unusable, and how the provider names them. None is worth a retry.
const FINAL_FAULTS: Array<[HostileFault, ProviderErrorKind]> = [
  ['wrong-zone', 'bad_payload'],
  ['unknown-zone', 'bad_payload'],
  ['many-timestamps', 'bad_payload'],
  ['million-timestamps', 'bad_payload'],
  ['huge-body', 'bad_payload'],
  ['gzip-bomb', 'bad_payload'],
  ['bad-gzip', 'bad_payload'],
  ['bad-json', 'bad_payload'],
  ['csv-injection', 'bad_payload'],
  ['redirect-cross-origin', 'upstream'],
  ['redirect-loop', 'upstream'],
]

describe('provider against the hostile upstream', () => {
  it('the clean synthetic window passes whole (the faults below break only their rows)', async () => {
    const result = await provider('ok').getDailyBars(REQUEST)
    // 2023-01-03..03-31 has 62 NYSE sessions; the synthetic ramp has a row on every weekday, so its rows on
    // Martin Luther King Jr. Day and Presidents' Day are dropped as days NYSE does not trade.
    expect(result.bars.length).toBe(62)
    expect(result.rejectedBars).toEqual([
      { date: '2023-01-16', reason: 'closed_day' },
      { date: '2023-02-20', reason: 'closed_day' },
    ])
  })

  it.each(ROW_FAULTS)('%s: the broken rows are dropped, the rest are served', async (fault, why) => {
    const clean = await provider('ok').getDailyBars(REQUEST)
    const result = await provider(fault).getDailyBars(REQUEST)
    for (const bar of result.bars) expect(servedBar.safeParse(bar).success, JSON.stringify(bar)).toBe(true)
    const rejected = (result.rejectedBars ?? []).filter((r) => r.reason !== 'closed_day' || fault === 'wrong-gmtoffset')
    expect(rejected.length).toBeGreaterThan(0)
    expect(result.bars.length).toBeLessThan(clean.bars.length)
    // The warning the service shows names it.
    const service = createPriceService({
      mode: 'live',
      snapshot: createSnapshotProvider(),
      live: () => provider(fault),
      snapshotCoverage: () => undefined,
      sleep: async () => {},
    })
    const { warnings } = await service.getPrices({ symbols: ['NVDA'], from: REQUEST.from, to: REQUEST.to })
    const dropped = warnings.filter((w) => w.includes('live bars dropped') || w.includes('live bar dropped'))
    expect(dropped).toHaveLength(1)
    expect(dropped[0]).toContain(why)
  })

  it.each(FINAL_FAULTS)('%s -> %s, never retried', async (fault, kind) => {
    upstream.reset()
    const error = await failure(provider(fault).getDailyBars(REQUEST))
    expect(error.kind).toBe(kind)
    expect(error.retryable).toBe(false)
    expect(error.message).not.toMatch(/https?:|127\.0\.0\.1|localhost|\n\s+at /)

    const service = createPriceService({
      mode: 'live',
      snapshot: createSnapshotProvider(),
      live: () => provider(fault),
      snapshotCoverage: () => undefined,
      sleep: async () => {},
    })
    upstream.reset()
    await expect(service.getPrices({ symbols: ['NVDA'], from: REQUEST.from, to: REQUEST.to })).rejects.toThrow()
    expect(upstream.requests).toHaveLength(1)
    // Nothing was fetched from another origin.
    expect(upstream.requests.every((r) => r.host === `127.0.0.1:${upstream.port}`)).toBe(true)
  })

  it('slow-body: the timeout covers the whole body read', async () => {
    const started = Date.now()
    const error = await failure(
      createYahooProvider({ baseUrl: `${upstream.url}/slow-body`, timeoutMs: 400 }).getDailyBars(REQUEST),
    )
    expect(error.kind).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('huge-body and gzip-bomb: memory stays bounded while the answer is refused', async () => {
    globalThis.gc?.()
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
    try {
      for (const fault of ['huge-body', 'gzip-bomb'] as const) {
        const errors = await Promise.all([1, 2, 3, 4].map(() => failure(provider(fault).getDailyBars(REQUEST))))
        for (const error of errors) expect(error.message).toMatch(/larger than/)
      }
    } finally {
      clearInterval(sampler)
    }
    const grewMiB = (peak - before) / 2 ** 20
    // Four concurrent reads of each are cut at the cap (a few copies of 4 MiB each), not 200 MB or 1 GB.
    console.info(
      `hostile-upstream: RSS grew by ${grewMiB.toFixed(1)} MiB (cap ${MAX_CHART_BODY_BYTES / 2 ** 20} MiB per read)`,
    )
    expect(grewMiB).toBeLessThan(160)
  })
})

describe('GET /api/prices against the hostile upstream', () => {
  function useFault(fault: HostileFault) {
    process.env.PRICE_PROVIDER = 'yahoo'
    process.env.YAHOO_BASE_URL = `${upstream.url}/${fault}`
    process.env.YAHOO_TIMEOUT_MS = String(TIMEOUT_MS)
    process.env.LIVE_REQUESTS_PER_MINUTE = '1000000'
    resetEnvForTests()
    resetPriceServiceForTests({ sleep: async () => {} })
    resetLiveRequestLimiterForTests()
  }
  const query = `symbols=NVDA&from=${REQUEST.from}&to=${REQUEST.to}`
  const get = (format: 'json' | 'csv') =>
    getPrices(new Request(`http://localhost/api/prices?${query}${format === 'csv' ? '&format=csv' : ''}`))

  it.each(ROW_FAULTS)('%s: JSON and CSV hold only valid bars, with the warning', async (fault, why) => {
    useFault(fault)
    const res = await get('json')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { series: { bars: unknown[] }[]; warnings: string[] }
    for (const bar of body.series[0]?.bars ?? [])
      expect(servedBar.safeParse(bar).success, JSON.stringify(bar)).toBe(true)
    expect(body.warnings.join(' ')).toContain(why)

    const csv = await (await get('csv')).text()
    const rows = csv.trim().split('\n').slice(1)
    expect(rows.length).toBe(body.series[0]?.bars.length)
    for (const row of rows) {
      const [, date, open, high, low, close, adj, volume] = row.split(',')
      expect(
        servedBar.safeParse({
          date,
          open: +open!,
          high: +high!,
          low: +low!,
          close: +close!,
          adjClose: +adj!,
          volume: +volume!,
        }).success,
        row,
      ).toBe(true)
    }
  })

  it.each(FINAL_FAULTS)('%s: a JSON 502, no stack, no bar', async (fault) => {
    useFault(fault)
    for (const format of ['json', 'csv'] as const) {
      const res = await get(format)
      expect(res.status).toBe(502)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('upstream_error')
      expect(body.error.message).not.toMatch(/\n\s+at |https?:/)
    }
  })
})
