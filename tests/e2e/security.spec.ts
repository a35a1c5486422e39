import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { chartLines } from './full-chart'
import { expect, test, type APIResponse, type Page } from '@playwright/test'

const VIEW = '/?symbols=NVDA,AVGO,SPY&from=2025-01-06&to=2025-02-14&mode=percent&base=2025-01-17'

/** A stack frame, a source location or a server path: none may reach a client. */
const STACK = /\n\s*at \S+ \(|\bat \S+ \(\S+:\d+:\d+\)|\/work\/|node_modules\/\S+\.js:\d+|\.tsx?:\d+:\d+/

const COMMON_HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'x-frame-options': /^DENY$/,
  'permissions-policy': /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  'cross-origin-opener-policy': /^same-origin$/,
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name ?? '', values]),
  )
}

function expectCommonHeaders(res: APIResponse, where: string): void {
  const headers = res.headers()
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], `${where}: ${name}`).toMatch(value)
}

function expectApiPolicy(res: APIResponse, where: string): void {
  const csp = directives(res.headers()['content-security-policy'] ?? '')
  expect(csp.get('default-src'), where).toEqual(["'none'"])
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"])
}

/** Collects CSP violations two ways: the DOM event (every violation) and the console report Chromium prints. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = []
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) fromConsole.push(msg.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  return async () => {
    const fromEvents = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )
    return [...fromEvents, ...fromConsole]
  }
}

test.describe('security headers and CSP', () => {
  test('every page and API response carries the security headers; the API allows nothing to load', async ({
    request,
  }) => {
    const page = await request.get(VIEW)
    expect(page.status()).toBe(200)
    expectCommonHeaders(page, '/')
    // Unknown pages too. (The 404 page is prerendered, so it has no nonce and its scripts are refused; its text
    // still shows. Making it dynamic would need an app/not-found.tsx.)
    const missing = await request.get('/no-such-page')
    expect(missing.status()).toBe(404)
    expectCommonHeaders(missing, '/no-such-page')
    expect(missing.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(await missing.text()).not.toMatch(STACK)

    const api: Array<[string, number]> = [
      ['/api/prices?symbols=NVDA,SPY&from=2025-01-24&to=2025-01-28', 200],
      ['/api/prices?symbols=NVDA&from=2025-01-24&to=2025-01-28&format=csv', 200],
      ['/api/events?category=deepseek', 200],
      ['/api/reaction?symbols=NVDA,AVGO&date=2025-01-27', 200],
      ['/api/prices?symbols=http://evil.example&from=zzz', 400],
      ['/api/reaction?symbols=NVDA&event=2025-01-27-no-such-event', 404],
      ['/api/no-such-route', 404],
    ]
    for (const [path, status] of api) {
      const res = await request.get(path)
      expect(res.status(), path).toBe(status)
      expectCommonHeaders(res, path)
      expectApiPolicy(res, path)
      const body = await res.text()
      expect(body, path).not.toMatch(STACK)
      if (path.startsWith('/api/no-such-route')) continue
      if (status >= 400) {
        expect(res.headers()['cache-control'], path).toBe('no-store')
        const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
        expect(typeof parsed.error?.code, path).toBe('string')
        expect(typeof parsed.error?.message, path).toBe('string')
      }
    }
  })

  test('the page policy: a fresh nonce on every response, on every script but the three hashed static ones', async ({
    request,
  }) => {
    const first = await request.get('/')
    const second = await request.get('/')
    const policy = first.headers()['content-security-policy'] ?? ''
    const csp = directives(policy)
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    const scriptSrc = csp.get('script-src') ?? []
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    // `next start` is production: no eval.
    expect(scriptSrc).not.toContain("'unsafe-eval'")
    const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(second.headers()['content-security-policy']).not.toContain(nonce)

    const html = await first.text()
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(3)
    const withoutNonce = scripts.filter(([, attributes]) => !attributes?.includes(`nonce="${nonce}"`))
    // Data (the chart's early-readout texts) runs nothing; every other script without the nonce is one of the
    // static inline scripts (the theme, the date fields' upgrade, the chart's early readout), each allowed by its own
    // sha256 in script-src.
    const executable = withoutNonce.filter(([, attributes]) => !attributes?.includes('type="application/json"'))
    expect(executable.map(([, attributes]) => attributes)).toEqual(['', '', ''])
    for (const [, , body] of executable) {
      const hash = `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`
      expect(scriptSrc).toContain(hash)
    }
    expect(html).not.toMatch(STACK)
  })

  test('the dashboard works under the CSP: chart, marker focus and the three downloads, with no violation', async ({
    page,
  }) => {
    const violations = await watchCsp(page)
    const bodies: Array<{ url: string; text: string }> = []
    page.on('response', async (res) => {
      const type = res.headers()['content-type'] ?? ''
      if (/text\/html|application\/json|text\/csv/.test(type))
        bodies.push({ url: res.url(), text: await res.text().catch(() => '') })
    })

    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3)
    // The chart's island live (hydrated, measured: one layout of its markers left), then a marker's card.
    await expect(page.getByTestId('chart-preview')).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })

    const stargate = page.locator('[data-event-id="2025-01-21-stargate"]')
    await stargate.focus()
    await expect(page.getByTestId('event-card')).toContainText('Stargate')

    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()])
      return readFileSync(await file.path())
    }
    const png = await download('Download PNG')
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.length).toBeGreaterThan(100_000)
    const svg = (await download('Download SVG')).toString('utf8')
    expect(svg).toContain('<svg')
    expect(svg).toContain('NVDA')
    const csv = (await download('Download CSV')).toString('utf8')
    expect(csv.split('\n')[0]).toBe('date,symbol,close,adj_close,change_since_base')

    // The reaction table below the chart loads through the API as well.
    await expect(page.getByText(/abnormal/i).first()).toBeVisible()

    expect(await violations()).toEqual([])
    expect(bodies.length).toBeGreaterThan(0)
    for (const { url, text } of bodies) expect(text, url).not.toMatch(STACK)
  })

  test('a garbage page URL renders the default view with a notice, under the CSP', async ({ page }) => {
    const violations = await watchCsp(page)
    const res = await page.goto('/?symbols=%00%FF&from=zzz')
    expect(res?.status()).toBe(200)
    await expect(page.getByRole('status').filter({ hasText: 'Ignored' }).first()).toBeVisible()
    await expect(chartLines(page)).toHaveCount(4)
    expect(await res?.text()).not.toMatch(STACK)
    expect(await violations()).toEqual([])
  })

  test('the policy is enforced, and the watcher above would see a breach', async ({ page }) => {
    const violations = await watchCsp(page)
    // Simulates an injection into the served HTML: the markup an attacker would need to get in.
    await page.route(/\/\?symbols=/, async (route) => {
      const original = await route.fetch()
      const policy = original.headers()['content-security-policy'] ?? ''
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1] ?? ''
      const injected = [
        '<script>window.__injected = true</script>',
        `<script nonce="${nonce}">try { eval('1'); window.__evalRan = true } catch { window.__evalRan = false }</script>`,
        '<img src="http://127.0.0.2:9/tracker.png" alt="">',
      ].join('')
      await route.fulfill({
        response: original,
        body: (await original.text()).replace('</body>', `${injected}</body>`),
      })
    })
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3)
    const outcome = await page.evaluate(() => {
      const w = window as unknown as { __injected?: boolean; __evalRan?: boolean }
      return { injected: w.__injected ?? false, evalRan: w.__evalRan }
    })
    // The nonced script ran (so the nonce works) but eval inside it was refused; the script without a nonce never ran.
    expect(outcome).toEqual({ injected: false, evalRan: false })
    await expect.poll(async () => (await violations()).length).toBeGreaterThanOrEqual(3)
    const seen = (await violations()).join('\n')
    expect(seen).toMatch(/img-src/)
    expect(seen).toMatch(/eval/)
    expect(seen).toMatch(/script-src/)
  })
})
