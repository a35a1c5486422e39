import { expect, test } from '@playwright/test'
import { COMPILE_HINT } from '@/lib/server/chunk-cache'
import { deferFrameworkScripts } from '@/lib/server/defer-scripts'
import type { PageCacheStats } from '@/lib/server/page-cache'
import { deferredChunkSources } from '../support/page-chunks'

/**
 * The page from memory (lib/server/page-cache.ts), against the production build under `next start` with the
 * embedded snapshot: a URL renders once, and every later answer is that page with a fresh nonce and its
 * framework chunks loaded after the first paint (lib/server/defer-scripts.ts), which must still hydrate and run
 * under the page's policy; those chunks then come from memory with a compile hint (lib/server/chunk-cache.ts).
 */

// A query the page ignores keeps each test's URL its own, so the first request of it is the render.
const viewOf = (tag: string) =>
  `/?symbols=NVDA,AMD,SPY&from=2025-01-06&to=2025-02-14&mode=percent&t=${tag}-${Date.now()}`
const nonceIn = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1] ?? ''

test('a page from memory is the rendered page, with a fresh nonce in the policy and on every script, its chunks after paint', async ({
  request,
}) => {
  const url = viewOf('bytes')
  const rendered = await request.get(url)
  expect(rendered.headers()['x-page-cache']).toBeUndefined()
  const fromMemory = await request.get(url)
  expect(fromMemory.headers()['x-page-cache']).toBe('hit')
  const [n1, n2] = [
    nonceIn(rendered.headers()['content-security-policy']),
    nonceIn(fromMemory.headers()['content-security-policy']),
  ]
  expect(n1).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  expect(n2).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  expect(n2).not.toBe(n1)

  const [html1, html2] = [await rendered.text(), await fromMemory.text()]
  expect(html2).not.toContain(n1)
  // The real build's page is the shape the rewrite knows: its chunks are named once, by the loader, and nothing
  // else differs.
  const deferred = deferFrameworkScripts(html1, n1)
  expect(deferred, 'the rendered page is not the shape lib/server/defer-scripts.ts rewrites').toBeDefined()
  expect(html2).toBe(deferred!.html.replaceAll(n1, n2))
  const head2 = html2.slice(0, html2.indexOf('</head>'))
  expect(head2).not.toMatch(/<script src="\/_next\/[^"]*" async=""/)
  expect(head2).not.toContain('rel="preload" as="script"')
  const chunks = [...html1.matchAll(/<script src="(\/_next\/[^"]+)"[^>]*\basync=""[^>]*><\/script>/g)].map((m) => m[1])
  expect(chunks.length).toBeGreaterThan(3)
  // The loader names exactly the chunks the render's tags did, in their order.
  expect(deferredChunkSources(html2)).toEqual(chunks)
  const nonced = [...html2.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((m) => m[1])
  expect(nonced.length).toBeGreaterThan(3)
  expect(new Set(nonced)).toEqual(new Set([n2]))
  // Everything else a page answer carries is the same.
  for (const name of ['content-type', 'cache-control', 'x-frame-options', 'referrer-policy', 'x-content-type-options'])
    expect(fromMemory.headers()[name], name).toBe(rendered.headers()[name])
  expect(fromMemory.headers()['content-security-policy']).toBe(
    rendered.headers()['content-security-policy']?.replace(n1, n2),
  )
})

test('a page from memory hydrates and works under its policy, with no violation', async ({ page, request }) => {
  const url = viewOf('browser')
  await request.get(url)
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __violations: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const response = await page.goto(url)
  expect(response?.headers()['x-page-cache']).toBe('hit')
  const preview = page.getByTestId('chart-preview')
  await expect(preview).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  // No chunk was asked for while the page was being parsed: the first went out after the document was complete.
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const chunks = performance
      .getEntriesByType('resource')
      .filter((r) => /\/_next\/static\/chunks\/.*\.js$/.test(r.name))
      .map((r) => r.startTime)
    return { parsed: nav.domContentLoadedEventStart, firstChunk: Math.min(...chunks), chunks: chunks.length }
  })
  expect(timing.chunks).toBeGreaterThan(3)
  expect(timing.firstChunk).toBeGreaterThanOrEqual(timing.parsed)
  const plot = preview.getByTestId('chart-plot')
  await plot.scrollIntoViewIfNeeded()
  const box = await plot.boundingBox()
  if (!box) throw new Error('no plot box')
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2)
  await expect(page.locator('[data-chart-tooltip]')).toContainText('AMD')
  // A preset is an in-page transition once the page has hydrated: its data comes from the API, not this cache.
  const historyBefore = await page.evaluate(() => history.length)
  await page.getByRole('link', { name: 'H1 2025' }).click()
  await expect(page).toHaveURL(/from=2025-01-02&to=2025-06-30/)
  expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
  expect(errors).toEqual([])
})

test('the chunks a page from memory names come from memory with the compile hint, and the page runs on them', async ({
  page,
  request,
}) => {
  const url = viewOf('chunks')
  await request.get(url)
  const chunks = deferredChunkSources(await (await request.get(url)).text())
  expect(chunks.length).toBeGreaterThan(3)
  for (const chunk of chunks) {
    // The first request of a chunk goes to Next.js and is kept once compressed: ask until it comes from memory.
    let hit = await request.get(chunk)
    for (let i = 0; i < 50 && hit.headers()['x-chunk-cache'] !== 'hit'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      hit = await request.get(chunk)
    }
    expect(hit.headers()['x-chunk-cache'], chunk).toBe('hit')
    // A conditional request is Next.js' own answer, from the file: the kept one is it with the hint before it.
    const fromNext = await request.get(chunk, { headers: { 'if-none-match': '"not-this-one"' } })
    expect(fromNext.headers()['x-chunk-cache']).toBeUndefined()
    expect(await hit.text(), chunk).toBe(COMPILE_HINT + (await fromNext.text()))
    expect(hit.headers()['cache-control']).toBe(fromNext.headers()['cache-control'])
    expect(hit.headers()['content-type']).toMatch(/^application\/javascript/)
    for (const [coding, header] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const coded = await request.get(chunk, { headers: { 'accept-encoding': coding } })
      expect(coded.headers()['content-encoding'], `${chunk} ${coding}`).toBe(header)
    }
  }
  const fromMemory = new Set<string>()
  page.on('response', (r) => {
    if (r.headers()['x-chunk-cache'] === 'hit') fromMemory.add(new URL(r.url()).pathname)
  })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(url)
  await expect(page.getByTestId('chart-preview')).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  expect([...fromMemory].sort()).toEqual([...chunks].sort())
  expect(errors).toEqual([])
})

test('client-side navigations and HEAD: RSC data is never answered from memory; HEAD of a kept page is', async ({
  request,
}) => {
  const url = viewOf('rsc')
  await request.get(url)
  const rsc = await request.get(url, { headers: { rsc: '1' } })
  expect(rsc.headers()['x-page-cache']).toBeUndefined()
  expect(rsc.headers()['content-type']).toContain('text/x-component')
  const head = await request.head(url)
  expect(head.headers()['x-page-cache']).toBe('hit')
  expect(head.headers()['content-type']).toContain('text/html')
})

test('the health answer counts the pages kept and the answers from memory, within the bound', async ({ request }) => {
  const url = viewOf('health')
  await request.get(url)
  await request.get(url)
  const health = (await (await request.get('/api/health')).json()) as {
    pageCache?: PageCacheStats
  }
  expect(health.pageCache).toBeDefined()
  const stats = health.pageCache!
  expect(stats.maxBytes).toBe(64 * 1024 * 1024)
  expect(stats.entries).toBeGreaterThanOrEqual(1)
  expect(stats.bytes).toBeGreaterThan(0)
  expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes)
  expect(stats.hits).toBeGreaterThanOrEqual(1)
  expect(stats.stored).toBeGreaterThanOrEqual(1)
  // Every page the real build renders is one the rewrite knows: its chunks load after the first paint.
  expect(stats.deferred).toBe(stats.stored)
  // And the chunk cache was told the chunks those pages name.
  expect(stats.chunks).toBeDefined()
  expect(stats.chunks!.paths).toBeGreaterThan(3)
  expect(stats.chunks!.bytes).toBeLessThanOrEqual(stats.chunks!.maxBytes)
})
