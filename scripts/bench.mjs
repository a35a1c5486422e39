/**
 * Benchmarks of the production build, all in one run on this machine (`npm run bench`):
 *
 *   npm run bench                 # builds into .next-bench first (never the shared .next)
 *   npm run bench -- --no-build   # reuses the last .next-bench build
 *
 * Prints the machine, the command and one markdown table with each figure next to its target. Every
 * comparison is made against a baseline served by the same `next start` process in the same run:
 *
 * - first-load JS of `/`: the chunks Next lists in diagnostics/route-bundle-stats.json, gzipped as sent;
 * - navigation to "chart drawn" (every series line and the event markers on screen, whether the server-rendered
 *   first paint or the interactive Recharts chart) in headless Chromium, against the app's not-found page (the
 *   framework's JS, no data, no chart) reaching its load event; and, reported beside it, to "chart interactive"
 *   (the Recharts chart with its focusable markers);
 * - cached /api/prices against the same bytes served as a static file from public/ (written under a
 *   temporary name before the server starts, since `next start` lists public/ once, and removed after);
 * - PNG export at 2x: click on "Download PNG" to the browser's download event, as a reader sees it;
 * - the event study for 25 symbols x 4 windows in-process, and the /api/reaction round trip for the same.
 *
 * Exits non-zero only when a measurement could not be made; missed targets are marked in the table.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import autocannon from 'autocannon'
import {
  PROJECT_ROOT,
  describeMachine,
  installCleanup,
  median,
  onExit,
  runTsx,
  startNextServer,
} from './perf-harness.mjs'

const DIST_DIR = '.next-bench'
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Without these, Chromium tries to reach Google's services, which this machine's closed network refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const SYMBOLS = ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY']
const PRICES_PATH = `/api/prices?symbols=${SYMBOLS.join(',')}&from=2024-07-01&to=2025-06-30`
const DASHBOARD_PATH = `/?symbols=${SYMBOLS.join(',')}`
// Any path without a route gets the not-found page: the same framework JS as every page, no data, no chart.
const BASELINE_PATH = '/bench-static-baseline'
const REACTION_DAY0 = '2025-01-27'
const MAX_SYMBOLS_PER_REACTION_REQUEST = 20

const RUNS = { navigation: 10, png: 5, analysis: 50, reaction: 10 }
const HTTP = { connections: 10, durationSeconds: 5 }
const TARGETS = { firstLoadKiB: 250, chartRatio: 1.5, apiP50Ms: 5, apiThroughputRatio: 0.5, pngMs: 400 }
const RUN_DEADLINE_MS = 4 * 60_000
/** The benchmark is one client (127.0.0.1) sending thousands of requests: it measures speed, not the limits. */
const NO_CLIENT_LIMITS = { API_REQUESTS_PER_MINUTE: '1000000', PAGE_REQUESTS_PER_MINUTE: '1000000' }

const ms = (value) => (value < 1 ? '< 1 ms' : `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`)
const mark = (ok) => (ok ? '✅ pass' : '❌ FAIL')

/** `next build` into .next-bench. Next adds its dist folder's types to tsconfig.json; that edit is undone. */
async function build() {
  const tsconfigPath = path.join(PROJECT_ROOT, 'tsconfig.json')
  const tsconfigBefore = readFileSync(tsconfigPath, 'utf8')
  const started = performance.now()
  const output = []
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it also stops the build workers it starts.
      detached: true,
    })
    child.stdout.on('data', (chunk) => output.push(String(chunk)))
    child.stderr.on('data', (chunk) => output.push(String(chunk)))
    onExit(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL')
    })
    child.on('exit', resolve)
  })
  restoreTsconfig(tsconfigPath, tsconfigBefore)
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output.join('').slice(-4_000)}`)
  return (performance.now() - started) / 1000
}

/** Puts tsconfig.json back when the only change is Next adding `.next-bench` include paths, nothing else. */
function restoreTsconfig(file, before) {
  const after = readFileSync(file, 'utf8')
  if (after === before) return
  try {
    const a = JSON.parse(before)
    const b = JSON.parse(after)
    b.include = (b.include ?? []).filter((entry) => !entry.startsWith(`${DIST_DIR}/`))
    if (JSON.stringify(a) === JSON.stringify(b)) {
      writeFileSync(file, before)
      return
    }
  } catch {
    // Not plain JSON any more: leave it to a person.
  }
  console.log(`note: tsconfig.json changed during the build in more ways than Next adding ${DIST_DIR} paths (another edit?); left as it is`)
}

function firstLoadJs() {
  const stats = JSON.parse(readFileSync(path.join(PROJECT_ROOT, DIST_DIR, 'diagnostics', 'route-bundle-stats.json'), 'utf8'))
  const home = stats.find((entry) => entry.route === '/')
  if (!home) throw new Error('route-bundle-stats.json has no entry for /')
  let gzip = 0
  let raw = 0
  for (const chunk of home.firstLoadChunkPaths) {
    // Listed relative to the project root (".next-bench/static/..."); older builds list them under the dist dir.
    const file = [path.join(PROJECT_ROOT, chunk), path.join(PROJECT_ROOT, DIST_DIR, chunk)].find((p) => existsSync(p))
    if (!file) throw new Error(`first-load chunk not found: ${chunk}`)
    const bytes = readFileSync(file)
    raw += bytes.length
    gzip += gzipSync(bytes).length
  }
  return { gzipKiB: gzip / 1024, rawKiB: raw / 1024, chunks: home.firstLoadChunkPaths.length }
}

async function httpRun(url, { connections = HTTP.connections, durationSeconds = HTTP.durationSeconds } = {}) {
  const warm = await fetch(url)
  await warm.arrayBuffer()
  if (!warm.ok) throw new Error(`${url} answered ${warm.status}`)
  const result = await autocannon({ url, connections, duration: durationSeconds })
  if (result.errors || result.non2xx || result.timeouts) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts under load`)
  }
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average }
}

/**
 * Milliseconds from navigation start until `predicate` (run in the page every animation frame) holds, with
 * when the HTML had arrived and when the load event ended, to show where the time went.
 */
async function timeNavigation(browser, url, predicate, arg, thenPredicate) {
  // A fresh context each time: empty HTTP cache, no service worker, nothing carried over.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 })
    const handle = await page.waitForFunction(predicate, arg, { polling: 'raf', timeout: 30_000 })
    const ready = Number(await handle.jsonValue())
    const then = thenPredicate
      ? Number(await (await page.waitForFunction(thenPredicate, arg, { polling: 'raf', timeout: 30_000 })).jsonValue())
      : undefined
    await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, null, { timeout: 30_000 })
    const nav = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0]
      return { html: entry.responseEnd, load: entry.loadEventEnd }
    })
    return { ready, then, ...nav }
  } finally {
    await context.close()
  }
}

/** Every line and the event markers are on screen: the server-rendered preview or the interactive chart. */
function chartVisible(symbolCount) {
  const preview = document.querySelector('[data-testid="chart-preview"]')
  const lines = preview
    ? preview.querySelectorAll('polyline').length
    : document.querySelectorAll('[data-testid="price-chart"] .recharts-line').length
  const markers = document.querySelectorAll('[data-testid="event-marker-preview"], [data-testid="event-marker"]').length
  return lines === symbolCount && markers > 0 ? performance.now() : false
}

/** The Recharts chart is up: tooltips, zoom and focusable markers work. */
function chartDrawn(symbolCount) {
  const lines = document.querySelectorAll('[data-testid="price-chart"] .recharts-line').length
  const markers = document.querySelectorAll('[data-testid="event-marker"]').length
  return lines === symbolCount && markers > 0 ? performance.now() : false
}

function staticPageLoaded() {
  const nav = performance.getEntriesByType('navigation')[0]
  return nav && nav.loadEventEnd > 0 && document.querySelector('h1, h2') ? nav.loadEventEnd : false
}

async function measureNavigation(browser, base) {
  const chart = []
  const baseline = []
  // One untimed round loads both pages once on the server side (route code, snapshot) before timing.
  await timeNavigation(browser, `${base}${DASHBOARD_PATH}`, chartVisible, SYMBOLS.length, chartDrawn)
  await timeNavigation(browser, `${base}${BASELINE_PATH}`, staticPageLoaded)
  // Interleaved, so a burst of load from elsewhere on the machine hits both series alike.
  for (let i = 0; i < RUNS.navigation; i++) {
    chart.push(await timeNavigation(browser, `${base}${DASHBOARD_PATH}`, chartVisible, SYMBOLS.length, chartDrawn))
    baseline.push(await timeNavigation(browser, `${base}${BASELINE_PATH}`, staticPageLoaded))
  }
  return {
    chart: median(chart.map((c) => c.ready)),
    interactive: median(chart.map((c) => c.then)),
    chartHtml: median(chart.map((c) => c.html)),
    chartLoad: median(chart.map((c) => c.load)),
    baseline: median(baseline.map((b) => b.ready)),
  }
}

async function measurePngExport(browser, base) {
  const times = []
  for (let i = 0; i < RUNS.png; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    try {
      const page = await context.newPage()
      await page.goto(`${base}${DASHBOARD_PATH}`, { timeout: 30_000 })
      await page.waitForFunction(chartDrawn, SYMBOLS.length, { polling: 'raf', timeout: 30_000 })
      // A reader clicks once the page has settled; the export code itself is still loaded on that click.
      await page.waitForLoadState('networkidle', { timeout: 30_000 })
      const button = page.getByRole('button', { name: 'Download PNG' })
      await button.waitFor({ state: 'visible' })
      const download = page.waitForEvent('download', { timeout: 30_000 })
      const started = performance.now()
      await button.click()
      const file = await download
      times.push(performance.now() - started)
      if (!file.suggestedFilename().endsWith('.png')) throw new Error(`the PNG export saved ${file.suggestedFilename()}`)
    } finally {
      await context.close()
    }
  }
  return median(times)
}

async function measureReaction(base, symbols) {
  // The route takes at most 20 symbols; the dashboard would send two requests side by side, so does this.
  const half = Math.ceil(symbols.length / 2)
  const groups = symbols.length > MAX_SYMBOLS_PER_REACTION_REQUEST ? [symbols.slice(0, half), symbols.slice(half)] : [symbols]
  const once = async () => {
    const started = performance.now()
    const bodies = await Promise.all(
      groups.map(async (group) => {
        const response = await fetch(`${base}/api/reaction?symbols=${group.map(encodeURIComponent).join(',')}&date=${REACTION_DAY0}`)
        if (!response.ok) throw new Error(`/api/reaction answered ${response.status}: ${await response.text()}`)
        return response.json()
      }),
    )
    return { ms: performance.now() - started, rows: bodies.reduce((n, b) => n + b.rows.length, 0) }
  }
  await once()
  const runs = []
  for (let i = 0; i < RUNS.reaction; i++) runs.push(await once())
  return { ms: median(runs.map((r) => r.ms)), rows: runs[0]?.rows ?? 0, requests: groups.length }
}

async function main() {
  installCleanup({ deadlineMs: RUN_DEADLINE_MS, label: 'bench' })
  const noBuild = process.argv.includes('--no-build')
  const command = `npm run bench${noBuild ? ' -- --no-build' : ''}`
  const machine = describeMachine()
  console.log(`# ${command}`)
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage} at start`)

  if (!noBuild) console.log(`next build into ${DIST_DIR}: ${(await build()).toFixed(1)} s`)
  const bundle = firstLoadJs()

  // The exact bytes of the API answer, served again as a static file by the server measured below.
  const probe = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_CLIENT_LIMITS }, distDir: DIST_DIR })
  const apiBody = Buffer.from(await (await fetch(`${probe.url}${PRICES_PATH}`)).arrayBuffer())
  await probe.stop()
  const staticName = `__bench-prices-${process.pid}.json`
  const staticFile = path.join(PROJECT_ROOT, 'public', staticName)
  // `next start` lists public/ when it starts, so the file must exist before; it is removed however the run ends.
  onExit(() => rmSync(staticFile, { force: true }))
  writeFileSync(staticFile, apiBody)

  const server = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_CLIENT_LIMITS }, distDir: DIST_DIR })
  let browser
  try {
    const staticCheck = await fetch(`${server.url}/${staticName}`)
    const staticBytes = (await staticCheck.arrayBuffer()).byteLength
    if (!staticCheck.ok || staticBytes !== apiBody.length) throw new Error(`the static copy was not served (${staticCheck.status}, ${staticBytes} bytes)`)

    const api = await httpRun(`${server.url}${PRICES_PATH}`)
    const stat = await httpRun(`${server.url}/${staticName}`)
    // One connection: the time one request costs, without waiting behind the other nine.
    const apiAlone = await httpRun(`${server.url}${PRICES_PATH}`, { connections: 1, durationSeconds: 3 })

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const navigation = await measureNavigation(browser, server.url)
    const png = await measurePngExport(browser, server.url)
    await browser.close()
    browser = undefined

    const analysis = JSON.parse((await runTsx('scripts/bench-analysis.ts', ['--runs', String(RUNS.analysis)])).trim().split('\n').pop())
    const reaction = await measureReaction(server.url, analysis.symbolList)

    const chartRatio = navigation.chart / navigation.baseline
    const rpsRatio = api.rps / stat.rps
    const rows = [
      ['First-load JS of `/`, gzip', `${bundle.gzipKiB.toFixed(1)} KiB (${bundle.chunks} chunks, ${bundle.rawKiB.toFixed(0)} KiB raw)`, `<= ${TARGETS.firstLoadKiB} KiB`, mark(bundle.gzipKiB <= TARGETS.firstLoadKiB)],
      [
        `Navigation to chart drawn (${SYMBOLS.length} lines + event markers on screen, server-rendered first paint), median of ${RUNS.navigation}`,
        `${ms(navigation.chart)} (HTML in ${ms(navigation.chartHtml)}, load event ${ms(navigation.chartLoad)})`,
        '',
        '',
      ],
      [
        `Navigation to chart interactive (Recharts: tooltips, zoom, focusable markers), median of ${RUNS.navigation}`,
        `${ms(navigation.interactive)} (${(navigation.interactive / navigation.baseline).toFixed(2)}x the baseline)`,
        '',
        '',
      ],
      [`Static baseline: the not-found page (framework JS, no data, no chart) to load event, median of ${RUNS.navigation}`, ms(navigation.baseline), '', ''],
      ['Chart drawn / static baseline', `${chartRatio.toFixed(2)}x`, `<= ${TARGETS.chartRatio}x`, mark(chartRatio <= TARGETS.chartRatio)],
      [`Cached \`/api/prices\` (${SYMBOLS.length} symbols x 1 year, ${(apiBody.length / 1024).toFixed(0)} KiB), ${HTTP.connections} connections, p50 / p99`, `${ms(api.p50)} / ${ms(api.p99)}`, `p50 <= ${TARGETS.apiP50Ms} ms`, mark(api.p50 <= TARGETS.apiP50Ms)],
      ['Same bytes as a static file from the same server, p50 / p99', `${ms(stat.p50)} / ${ms(stat.p99)}`, '', ''],
      ['Cached `/api/prices` with 1 connection (no queueing), p50 / p99', `${ms(apiAlone.p50)} / ${ms(apiAlone.p99)}, ${apiAlone.rps.toFixed(0)} req/s`, '', ''],
      [`Cached \`/api/prices\` throughput vs static (${HTTP.connections} connections, ${HTTP.durationSeconds} s each)`, `${api.rps.toFixed(0)} vs ${stat.rps.toFixed(0)} req/s = ${rpsRatio.toFixed(2)}x`, `>= ${TARGETS.apiThroughputRatio}x`, mark(rpsRatio >= TARGETS.apiThroughputRatio)],
      [`PNG export at 2x, click to download, median of ${RUNS.png}`, ms(png), `<= ${TARGETS.pngMs} ms`, mark(png <= TARGETS.pngMs)],
      [`Event study, ${analysis.symbols} symbols x ${analysis.windows} windows vs SPY (in-process), median of ${analysis.runs}`, `${ms(analysis.medianMs)} (p95 ${ms(analysis.p95Ms)})`, '', ''],
      [`\`/api/reaction\` for the same ${reaction.rows} symbols (${reaction.requests} requests in parallel), median of ${RUNS.reaction}`, ms(reaction.ms), '', ''],
    ]
    console.log('')
    console.log('| measure | result | target | |')
    console.log('|---|---|---|---|')
    for (const row of rows) console.log(`| ${row.join(' | ')} |`)
    const judged = rows.filter((r) => r[3] !== '')
    console.log(`\n${judged.filter((r) => r[3].includes('pass')).length} of ${judged.length} targets met.`)
  } finally {
    if (browser) await browser.close()
    await server.stop()
    rmSync(staticFile, { force: true })
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
