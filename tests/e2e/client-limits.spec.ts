import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * Who a client is, against the production build under `next start` itself (the unit tests play the part of
 * the peer-address stamp; this checks the stamp): a server of its own with low per-client limits, so draining
 * them touches no other test's server.
 */
const PORT = Number(process.env.E2E_PORT ?? 3217) + 200
const BASE = `http://127.0.0.1:${PORT}`
const LIMIT = 5
let server: ChildProcess | undefined

test.beforeAll(async () => {
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next')
  server = spawn(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
    env: {
      ...process.env,
      PRICE_PROVIDER: 'snapshot',
      API_REQUESTS_PER_MINUTE: String(LIMIT),
      PAGE_REQUESTS_PER_MINUTE: String(LIMIT),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: 'ignore',
  })
  for (let i = 0; i < 200; i++) {
    const ready = await fetch(`${BASE}/api/events`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`next start on ${PORT} did not answer`)
})

test.afterAll(() => {
  server?.kill('SIGTERM')
})

test('forged forwarded headers and a forged peer header all count as one client under next start', async ({
  request,
}) => {
  const forms: Record<string, string>[] = [
    { 'x-forwarded-for': '203.0.113.1' },
    { 'x-real-ip': '203.0.113.2' },
    { 'x-forwarded-for': '203.0.113.3, 127.0.0.1' },
    { forwarded: 'for=203.0.113.4' },
    { 'x-ai-shock-peer-address': '203.0.113.5' },
    { 'x-forwarded-for': '<junk>' },
  ]
  const statuses: number[] = []
  // /api/events is not limited; /api/prices is. Two rounds of every form: 12 requests, 12 different ids.
  for (let round = 0; round < 2; round++) {
    for (const headers of forms)
      statuses.push(
        (await request.get(`${BASE}/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31`, { headers })).status(),
      )
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT)
  const refused = await request.get(`${BASE}/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31`, {
    headers: { 'x-forwarded-for': '198.51.100.99' },
  })
  expect(refused.status()).toBe(429)
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThanOrEqual(1)
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
})

test('the page has its own per-client limit, answered with a small HTML 429', async ({ request }) => {
  const statuses: number[] = []
  for (let i = 0; i < LIMIT + 2; i++)
    statuses.push(
      (await request.get(`${BASE}/?symbols=NVDA`, { headers: { 'x-forwarded-for': `203.0.113.${50 + i}` } })).status(),
    )
  expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT)
  const refused = await request.get(`${BASE}/`)
  expect(refused.status()).toBe(429)
  expect(refused.headers()['content-type']).toContain('text/html')
  expect(refused.headers()['retry-after']).toMatch(/^\d+$/)
  expect(await refused.text()).toContain('Too many requests')
})
