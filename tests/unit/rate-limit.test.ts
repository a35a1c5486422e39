import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { GET as getPrices } from '@/app/api/prices/route'
import { GET as getReaction } from '@/app/api/reaction/route'
import { resetEnvForTests } from '@/lib/server/env'
import { resetPriceServiceForTests } from '@/lib/prices'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'
import { startMockYahoo, type MockYahooServer } from '../mock-yahoo/server'
import { saveAppEnv } from './support/app-env'
import { fromPeer } from './support/peer'

describe('live-request limit on the routes', () => {
  const LIMIT = 5
  const restoreAppEnv = saveAppEnv()
  let mock: MockYahooServer
  let now = 0

  const errorBody = z
    .object({ error: z.object({ code: z.literal('rate_limited'), message: z.string().min(1) }).strict() })
    .strict()

  function configure(provider: 'yahoo' | 'auto'): void {
    process.env.PRICE_PROVIDER = provider
    process.env.YAHOO_BASE_URL = mock.url
    process.env.YAHOO_TIMEOUT_MS = '2000'
    process.env.LIVE_REQUESTS_PER_MINUTE = String(LIMIT)
    resetEnvForTests()
    resetPriceServiceForTests({ sleep: async () => {} })
  }

  /** One cold window per year: the service fetches whole calendar years, so each year is its own upstream call. */
  const prices = (year: number, client: string) =>
    getPrices(
      new Request(`http://localhost/api/prices?symbols=AAPL&from=${year}-03-02&to=${year}-03-31`, {
        headers: fromPeer(client),
      }),
    )

  beforeAll(async () => {
    mock = await startMockYahoo({ port: 0 })
  })

  afterAll(async () => {
    await mock.close()
    restoreAppEnv()
  })

  beforeEach(() => {
    mock.reset()
    now = 5_000_000
    configure('yahoo')
    resetLiveRequestLimiterForTests({ now: () => now })
  })

  it('a burst of LIMIT + 5 cold requests from one client: exactly LIMIT through, 5 answered 429 with Retry-After', async () => {
    const years = Array.from({ length: LIMIT + 5 }, (_, i) => 2005 + i)
    const responses = await Promise.all(years.map((year) => prices(year, '203.0.113.7')))
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT)
    expect(statuses.filter((s) => s === 429)).toHaveLength(5)
    for (const res of responses.filter((r) => r.status === 429)) {
      // LIMIT per minute refills one every 60 / LIMIT seconds.
      expect(res.headers.get('retry-after')).toBe(String(60 / LIMIT))
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(errorBody.parse(await res.json()).error.message).toMatch(/Too many requests/)
    }
    // Refused requests never reached the upstream.
    expect(mock.requests).toHaveLength(LIMIT)

    // Another client is unaffected.
    expect((await prices(2020, '198.51.100.4')).status).toBe(200)

    // The throttled client is served again once Retry-After has passed.
    now += (60 / LIMIT) * 1000
    expect((await prices(2004, '203.0.113.7')).status).toBe(200)
    expect((await prices(2003, '203.0.113.7')).status).toBe(429)
  })

  it('cached answers and snapshot answers are never throttled', async () => {
    for (let year = 2005; year < 2005 + LIMIT; year++) expect((await prices(year, '203.0.113.7')).status).toBe(200)
    expect((await prices(2015, '203.0.113.7')).status).toBe(429)
    // Other ranges inside the cached years come from the cache.
    for (let i = 0; i < 3 * LIMIT; i++) {
      const res = await getPrices(
        new Request('http://localhost/api/prices?symbols=AAPL&from=2005-06-01&to=2005-06-30', {
          headers: fromPeer('203.0.113.7'),
        }),
      )
      expect(res.status).toBe(200)
    }
    // Auto mode answers snapshot ranges without the upstream, so the exhausted client is still served.
    configure('auto')
    for (let i = 0; i < 3 * LIMIT; i++) {
      const res = await getPrices(
        new Request('http://localhost/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-02-28', {
          headers: fromPeer('203.0.113.7'),
        }),
      )
      expect(res.status).toBe(200)
    }
    expect(mock.requests).toHaveLength(LIMIT)
  })

  it('the reaction route draws on the same allowance', async () => {
    for (let year = 2005; year < 2005 + LIMIT; year++) await prices(year, '203.0.113.7')
    const res = await getReaction(
      new Request('http://localhost/api/reaction?symbols=AAPL&date=2016-06-01&benchmark=AAPL', {
        headers: fromPeer('203.0.113.7'),
      }),
    )
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe(String(60 / LIMIT))
    expect(errorBody.safeParse(await res.json()).success).toBe(true)
    expect(mock.requests).toHaveLength(LIMIT)
  })
})

describe('per-client request limit on the API: forwarded headers change nothing unless trusted', () => {
  const LIMIT = 10
  const restoreAppEnv = saveAppEnv()
  const savedLimit = process.env.API_REQUESTS_PER_MINUTE
  const PEER = '198.51.100.30'

  /** A cheap request (embedded snapshot): what is limited here is requests, not upstream calls. */
  const prices = (headers: Record<string, string>) =>
    getPrices(new Request('http://localhost/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31', { headers }))

  function configure(trustProxyHops: number): void {
    process.env.PRICE_PROVIDER = 'snapshot'
    process.env.API_REQUESTS_PER_MINUTE = String(LIMIT)
    process.env.TRUST_PROXY_HOPS = String(trustProxyHops)
    resetEnvForTests()
    resetPriceServiceForTests()
    resetLiveRequestLimiterForTests({ now: () => 7_000_000 })
  }

  /** Every way a client can dress up its id: 100 requests, each with a different one. */
  const spoofedForms = Array.from({ length: 100 }, (_, i): Record<string, string> => {
    const fake = `203.0.${i >> 8}.${i & 255}`
    switch (i % 5) {
      case 0:
        return { 'x-forwarded-for': fake }
      case 1:
        return { 'x-real-ip': fake }
      case 2:
        return { 'x-forwarded-for': `${fake}, ${PEER}` }
      case 3:
        return { forwarded: `for=${fake}` }
      default:
        return { 'x-forwarded-for': `garbage-${i}`, 'x-real-ip': `<${i}>` }
    }
  })

  afterAll(() => {
    if (savedLimit === undefined) delete process.env.API_REQUESTS_PER_MINUTE
    else process.env.API_REQUESTS_PER_MINUTE = savedLimit
    delete process.env.TRUST_PROXY_HOPS
    restoreAppEnv()
  })

  it("trust off: 100 requests with 100 different forwarded ids from one peer get one client's allowance", async () => {
    configure(0)
    const statuses: number[] = []
    for (const headers of spoofedForms) statuses.push((await prices(fromPeer(PEER, headers))).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT)
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - LIMIT)
    const refused = await prices(fromPeer(PEER))
    expect(refused.headers.get('retry-after')).toBe(String(60 / LIMIT))
    expect((await refused.json()).error.code).toBe('rate_limited')
    // Another peer still has its own allowance.
    expect((await prices(fromPeer('198.51.100.31'))).status).toBe(200)
  })

  it('TRUST_PROXY_HOPS=1: the right-most X-Forwarded-For address is the client; what the client wrote left of it is not', async () => {
    configure(1)
    // One proxy (the peer) appends a different real address each time: 100 clients, all served.
    for (let i = 0; i < 100; i++) {
      expect((await prices(fromPeer(PEER, { 'x-forwarded-for': `10.9.9.9, 192.0.2.${i}` }))).status).toBe(200)
    }
    // One real client behind the proxy varying the part it controls: one allowance.
    const statuses: number[] = []
    for (let i = 0; i < 30; i++)
      statuses.push((await prices(fromPeer(PEER, { 'x-forwarded-for': `203.0.113.${i}, 192.0.2.200` }))).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT)
  })

  it('malformed forwarded headers do not share a bucket: each sender pays from its own peer allowance', async () => {
    configure(1)
    const junk = ['', 'unknown', '<script>', ', ,', 'x'.repeat(300), '999.999.999.999']
    const a: number[] = []
    for (let i = 0; i < 30; i++)
      a.push((await prices(fromPeer('198.51.100.40', { 'x-forwarded-for': junk[i % junk.length] ?? '' }))).status)
    expect(a.filter((s) => s === 200)).toHaveLength(LIMIT)
    // A second sender of the same junk, from another address, is not drained by the first.
    const b: number[] = []
    for (let i = 0; i < LIMIT; i++)
      b.push((await prices(fromPeer('198.51.100.41', { 'x-forwarded-for': junk[i % junk.length] ?? '' }))).status)
    expect(b.every((s) => s === 200)).toBe(true)
  })
})
