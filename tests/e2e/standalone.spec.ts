import { createConnection } from 'node:net'
import { expect, test } from '@playwright/test'
import {
  resetMock,
  setMockMode,
  startMockYahoo,
  startStandalone,
  type ServerProcess,
} from '../support/standalone-server'

// The standalone server (what the Dockerfile runs), started here with its own mock upstream; no browser needed.
test.describe.configure({ mode: 'serial' })

const LIVE_QUERY = '/api/prices?symbols=AAPL&from=2020-08-31&to=2020-11-06'

let mock: ServerProcess
test.beforeAll(async () => {
  mock = await startMockYahoo()
})
test.afterAll(async () => {
  await mock?.stop()
})

function liveServer(extra: Record<string, string> = {}) {
  return startStandalone({
    PRICE_PROVIDER: 'yahoo',
    YAHOO_BASE_URL: mock.url,
    LIVE_REQUESTS_PER_MINUTE: '1000',
    ...extra,
  })
}

/** Whether a new TCP connection is refused (fetch would reuse a pooled keep-alive connection instead). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

test('health: ready on memory when REDIS_URL is unset, degraded but ready when Redis cannot be reached', async () => {
  const plain = await startStandalone({ PRICE_PROVIDER: 'snapshot' })
  try {
    const res = await fetch(`${plain.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'ok',
      ready: true,
      snapshot: { loaded: true },
      store: { kind: 'memory', reachable: true },
    })
  } finally {
    await plain.stop()
  }
  // Nothing listens on port 9 of loopback (discard): a Redis that is down at start.
  const noRedis = await startStandalone({ PRICE_PROVIDER: 'snapshot', REDIS_URL: 'redis://127.0.0.1:9' })
  try {
    const res = await fetch(`${noRedis.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      ready: true,
      store: { kind: 'redis', reachable: false },
    })
    const prices = await fetch(`${noRedis.url}/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31`)
    expect(prices.status).toBe(200)
    expect(noRedis.output()).toMatch(/Redis unavailable/)
  } finally {
    await noRedis.stop()
  }
})

test('a non-canonical prices URL redirects once to the canonical one, which answers (no loop through Next.js)', async () => {
  const server = await startStandalone({ PRICE_PROVIDER: 'snapshot' })
  try {
    const other = await fetch(`${server.url}/api/prices?from=2025-01-02&to=2025-01-31&symbols=nvda,spy`, {
      redirect: 'manual',
    })
    expect(other.status).toBe(308)
    expect(other.headers.get('location')).toBe('/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31')
    const canonical = await fetch(`${server.url}/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-01-31`, {
      redirect: 'manual',
    })
    expect(canonical.status).toBe(200)
    expect(canonical.headers.get('cache-control')).toContain('immutable')
  } finally {
    await server.stop()
  }
})

test('SIGTERM: requests in flight finish, new connections are refused, the process exits', async () => {
  await resetMock(mock)
  await setMockMode(mock, 'slow', 2_000)
  const server = await liveServer({ SHUTDOWN_GRACE_MS: '8000' })
  try {
    const inFlight = fetch(`${server.url}${LIVE_QUERY}`, { signal: AbortSignal.timeout(15_000) })
    await new Promise((r) => setTimeout(r, 500))
    const signalled = Date.now()
    server.signal('SIGTERM')
    await expect.poll(() => refused(server.port), { timeout: 3_000 }).toBe(true)
    const res = await inFlight
    expect(res.status).toBe(200)
    const body = (await res.json()) as { series: { source: string; bars: unknown[] }[] }
    expect(body.series[0]?.bars.length).toBeGreaterThan(40)
    const code = await server.exited
    expect(code).toBe(143)
    expect(Date.now() - signalled).toBeLessThan(8_000)
    expect(server.output()).toMatch(/\[shutdown\] SIGTERM/)
  } finally {
    await server.stop()
    await setMockMode(mock, 'ok')
  }
})

test('SIGTERM: a request that never finishes cannot hold the process past the grace period', async () => {
  await resetMock(mock)
  await setMockMode(mock, 'slow', 30_000)
  const server = await liveServer({ SHUTDOWN_GRACE_MS: '1500', YAHOO_TIMEOUT_MS: '60000' })
  try {
    const hung = fetch(`${server.url}${LIVE_QUERY}`, { signal: AbortSignal.timeout(20_000) }).then(
      (r) => r.status,
      () => 'closed',
    )
    await new Promise((r) => setTimeout(r, 500))
    const signalled = Date.now()
    server.signal('SIGTERM')
    const code = await server.exited
    const took = Date.now() - signalled
    expect(code).toBe(143)
    expect(took).toBeGreaterThanOrEqual(1_400)
    expect(took).toBeLessThan(4_000)
    // The client learns at once that the connection is gone; it is not left waiting.
    expect(await hung).toBe('closed')
  } finally {
    await server.stop()
    await setMockMode(mock, 'ok')
  }
})
