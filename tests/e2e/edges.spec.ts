import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { rawRequest } from '../support/raw-http'

/**
 * The HTTP edges of the production build (`next start`): every method other than GET and HEAD gets the JSON 405
 * with `Allow: GET, HEAD`, on pages, API routes and static files; a bad environment stops the server at start.
 */

const PORT = Number(process.env.E2E_PORT ?? 3217)
/** A server this file starts itself, to read its log (the shared one's output goes to Playwright). */
const OWN_PORT = PORT + 200
const STACK = /\n\s+at \S|TypeError|Internal Server Error/

const REFUSED = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'QUERY', 'CONNECT', 'TRACK', 'FOO']

interface Started {
  exit: Promise<number | null>
  output: () => string
  stop: () => void
}

function startServer(port: number, env: Record<string, string>): Started {
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PRICE_PROVIDER: 'snapshot', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { exit, output: () => output, stop: () => child.kill('SIGTERM') }
}

async function waitUntilAnswering(port: number, started: Started): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const ok = await rawRequest(port, 'GET', '/api/events').then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server on ${port} did not answer: ${started.output()}`)
}

test.describe('methods other than GET and HEAD', () => {
  let paths: string[] = []

  test.beforeAll(async () => {
    // A real static chunk of this build, as the page links it.
    const page = await rawRequest(PORT, 'GET', '/')
    const chunk = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(page.body)?.[0]
    expect(chunk, 'a static chunk linked from /').toBeTruthy()
    paths = [
      '/',
      '/?symbols=NVDA',
      '/api/prices?symbols=NVDA',
      '/api/events',
      '/api/reaction',
      '/api/no-such-route',
      '/icon.svg',
      '/favicon.ico',
      '/no-such-page',
      chunk ?? '',
    ]
  })

  test('every path answers every other method with the JSON 405 and Allow: GET, HEAD', async () => {
    for (const path of paths) {
      for (const method of REFUSED) {
        const res = await rawRequest(PORT, method, method === 'CONNECT' ? `127.0.0.1:${PORT}` : path)
        const where = `${method} ${path}`
        expect(res.status, where).toBe(405)
        expect(res.headers.allow, where).toBe('GET, HEAD')
        expect(res.headers['content-type'], where).toBe('application/json')
        expect(res.headers['x-content-type-options'], where).toBe('nosniff')
        expect(JSON.parse(res.body), where).toEqual({
          error: { code: 'method_not_allowed', message: expect.any(String) },
        })
      }
    }
  })

  test('GET and HEAD still serve those paths', async () => {
    for (const path of paths.filter((p) => !p.includes('no-such') && p !== '/favicon.ico' && p !== '/api/reaction')) {
      for (const method of ['GET', 'HEAD']) {
        const res = await rawRequest(PORT, method, path)
        expect(res.status, `${method} ${path}`).toBeLessThan(500)
        expect(res.status, `${method} ${path}`).not.toBe(405)
      }
    }
    expect((await rawRequest(PORT, 'GET', '/no-such-page')).status).toBe(404)
    expect((await rawRequest(PORT, 'GET', '/api/no-such-route')).status).toBe(404)
  })

  test('TRACE, PROPFIND and unknown methods leave no stack in the server log', async () => {
    const server = startServer(OWN_PORT, {})
    try {
      await waitUntilAnswering(OWN_PORT, server)
      for (const method of ['TRACE', 'PROPFIND', 'FOO', 'CONNECT', 'OPTIONS']) {
        for (const path of ['/', '/api/prices', '/icon.svg', '/_next/static/chunks/x.js']) {
          expect(
            (await rawRequest(OWN_PORT, method, method === 'CONNECT' ? `127.0.0.1:${OWN_PORT}` : path)).status,
          ).toBe(405)
        }
      }
      await new Promise((r) => setTimeout(r, 300))
      expect(server.output()).not.toMatch(STACK)
    } finally {
      server.stop()
      await server.exit
    }
  })
})

test("the not-found page is rendered per request and carries that response's nonce", async () => {
  const res = await rawRequest(PORT, 'GET', '/no-such-page')
  expect(res.status).toBe(404)
  const policy = res.headers['content-security-policy'] ?? ''
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
  expect(nonce).toBeTruthy()
  const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  expect(scripts.filter(([, attributes]) => attributes?.includes(`nonce="${nonce}"`)).length).toBeGreaterThan(0)
  // The one script without the nonce is the static theme script, which the policy allows by its hash.
  for (const [tag, attributes, body] of scripts) {
    if (attributes?.includes(`nonce="${nonce}"`)) continue
    expect(policy, tag.slice(0, 80)).toContain(
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
    )
  }
  const again = await rawRequest(PORT, 'GET', '/no-such-page')
  expect(/'nonce-([^']+)'/.exec(again.headers['content-security-policy'] ?? '')?.[1]).not.toBe(nonce)
})

test.describe("the page reads its link with the API's rules", () => {
  test('a link to the years 0100..9999 opens the default range with a notice, not "Jan 1, 100"', async ({ page }) => {
    const asked: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/')) asked.push(r.url())
    })
    const res = await page.goto('/?from=0100-01-01&to=9999-12-31')
    expect(res?.status()).toBe(200)
    const html = (await res?.text()) ?? ''
    expect(html).not.toMatch(/Jan 1, 100\b|0099-/)
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /1990-01-01/ })
        .first(),
    ).toBeVisible()
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2024-12-16')
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-02-14')
    await expect(page.getByTestId('reaction-panel')).toBeVisible()
    for (const url of asked) expect(url).not.toMatch(/from=0|to=9999/)
  })

  test('ſpy in a link is not read as SPY, and the notice says what was ignored', async ({ page }) => {
    await page.goto('/?symbols=%C5%BFpy,NVDA')
    await expect(page.getByRole('status').filter({ hasText: 'ſPY' }).first()).toBeVisible()
    await expect(page.getByRole('link', { name: 'Remove NVDA', exact: true })).toHaveCount(1)
    await expect(page.getByRole('link', { name: 'Remove SPY', exact: true })).toHaveCount(0)
  })
})

test.describe('start-up', () => {
  for (const [name, value] of [
    ['PRICE_PROVIDER', 'bogus'],
    ['YAHOO_TIMEOUT_MS', 'soon'],
    ['YAHOO_BASE_URL', 'ftp://example.test'],
  ] as const) {
    test(`refuses to start with ${name}=${value}, naming the variable, exit code 1`, async () => {
      const server = startServer(OWN_PORT, { [name]: value })
      const code = await Promise.race([
        server.exit,
        new Promise<'running'>((r) => setTimeout(() => r('running'), 30_000)),
      ])
      if (code === 'running') server.stop()
      expect(code).toBe(1)
      expect(server.output()).toContain('The server did not start: invalid environment.')
      expect(server.output()).toMatch(new RegExp(`${name} .*got "${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`))
      expect(server.output()).not.toMatch(/\n\s+at \S/)
    })
  }
})
