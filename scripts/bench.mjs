/**
 * Benchmarks of the production build, all in one run on this machine (`npm run bench`):
 *
 *   npm run bench                        # builds into .next-bench first (never the shared .next)
 *   npm run bench -- --no-build          # reuses the last .next-bench build
 *   BENCH_RUNS=13 npm run bench          # medians of 13 loads per page and CPU rate (default 5)
 *
 * Prints the machine, the command and markdown tables. Every comparison is made in the same run:
 *
 * 1. The app beside the pages a reader could build instead (scripts/bench-peers.mjs: the inline-SVG limit,
 *    uPlot, lightweight-charts, Recharts alone), drawing the same five series over the same sessions from the
 *    embedded snapshot, at 1x and 4x CPU throttling: chart drawn, hover tooltip, total blocking time, JS and HTML
 *    bytes (scripts/bench-browser.mjs says how each is measured). Loads are interleaved page by page, so a burst of
 *    load from elsewhere on the machine hits every page alike.
 * 2. Where the app's first view spends its time: one Chromium trace per CPU rate (HTML, each script's download,
 *    compile and evaluation, main-thread work before and after Recharts is requested, idle gaps).
 * 3. Cached /api/prices raw, gzip and br, beside a plain Node static server sending the same bytes compressed
 *    ahead of time and `next start` serving them as a file from public/ (written under a temporary name before
 *    the server starts, and removed after), with a Buffer-based load generator (scripts/http-load.mjs).
 * 4. PNG export at 2x (click to download event); the event study in-process and over /api/reaction.
 *
 * Exits non-zero only when a measurement could not be made; missed targets are marked in the tables.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import {
  BENCH_SYMBOLS,
  BENCH_VIEW_PATH,
  hoverPoint,
  launchBenchBrowser,
  measureLoad,
  traceFirstView,
} from './bench-browser.mjs'
import { PEER_KINDS, PEER_LABELS, buildPeerPages, pageHeadersOf, startStaticServer } from './bench-peers.mjs'
import { loadUrl } from './http-load.mjs'
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
const SYMBOLS = BENCH_SYMBOLS
const PRICES_PATH = `/api/prices?symbols=${SYMBOLS.join(',')}&from=2024-07-01&to=2025-06-30`
const DASHBOARD_PATH = BENCH_VIEW_PATH
const REACTION_DAY0 = '2025-01-27'
const MAX_SYMBOLS_PER_REACTION_REQUEST = 20

const RUNS_FROM_ENV = Number(process.env.BENCH_RUNS ?? 5)
if (!Number.isInteger(RUNS_FROM_ENV) || RUNS_FROM_ENV < 1 || RUNS_FROM_ENV > 101)
  throw new Error('BENCH_RUNS must be a whole number from 1 to 101')
const RUNS = { pages: RUNS_FROM_ENV, png: 5, analysis: 50, reaction: 10 }
const THROTTLES = [1, 4]
const HTTP = { connections: 10, durationMs: 4_000 }
const TARGETS = {
  firstLoadKiB: 250,
  chartVsSvg: 1.5,
  tooltipVsLightweight: 1,
  tbt1x: 50,
  tbt4x: 250,
  gzipVsRaw: 1.2,
  apiP50Ms: 5,
  pngMs: 400,
}
/**
 * The whole run's bound: the build (4-6 minutes on a busy 2-core machine), the fixed parts (HTTP, traces, PNG),
 * and up to 10 s per load over 2 CPU rates and 5 pages.
 */
const RUN_DEADLINE_MS = 15 * 60_000 + RUNS.pages * 2 * (PEER_KINDS.length + 1) * 10_000
/** The benchmark is one client (127.0.0.1) sending thousands of requests: it measures speed, not the limits. */
const NO_CLIENT_LIMITS = { API_REQUESTS_PER_MINUTE: '1000000', PAGE_REQUESTS_PER_MINUTE: '1000000' }

const ms = (value) =>
  !Number.isFinite(value) ? 'n/a' : value < 1 ? '< 1 ms' : `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`
const num = (value) =>
  !Number.isFinite(value) ? 'n/a' : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')
const kib = (bytes) =>
  bytes / 1024 < 10 ? (bytes / 1024).toFixed(1) : Math.round(bytes / 1024).toLocaleString('en-US')
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN)
const x = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a')
const mark = (ok) => (ok ? '✅ pass' : '❌ FAIL')

/** The chart is live: the page hydrated and the server-drawn chart's island (tooltip, markers, zoom) measured itself. */
function chartInteractive() {
  return document.querySelector('[data-testid="chart-preview"][data-measured]') ? performance.now() : false
}

/** `next build` into .next-bench. Next adds its dist folder's types to tsconfig.json; that edit is undone. */
async function build() {
  const tsconfigPath = path.join(PROJECT_ROOT, 'tsconfig.json')
  const tsconfigBefore = readFileSync(tsconfigPath, 'utf8')
  const started = performance.now()
  const output = []
  const code = await new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so stopping it also stops the build workers it starts.
        detached: true,
      },
    )
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
  console.log(
    `note: tsconfig.json changed during the build in more ways than Next adding ${DIST_DIR} paths (another edit?); left as it is`,
  )
}

function firstLoadJs() {
  const stats = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, DIST_DIR, 'diagnostics', 'route-bundle-stats.json'), 'utf8'),
  )
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

async function measurePngExport(browser, base) {
  const times = []
  for (let i = 0; i < RUNS.png; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    try {
      const page = await context.newPage()
      await page.goto(`${base}${DASHBOARD_PATH}`, { timeout: 30_000 })
      await page.waitForFunction(chartInteractive, null, { polling: 'raf', timeout: 30_000 })
      // A reader clicks once the page has settled; the export code itself is still loaded on that click.
      await page.waitForLoadState('networkidle', { timeout: 30_000 })
      const button = page.getByRole('button', { name: 'Download PNG' })
      await button.waitFor({ state: 'visible' })
      const download = page.waitForEvent('download', { timeout: 30_000 })
      const started = performance.now()
      await button.click()
      const file = await download
      times.push(performance.now() - started)
      if (!file.suggestedFilename().endsWith('.png'))
        throw new Error(`the PNG export saved ${file.suggestedFilename()}`)
    } finally {
      await context.close()
    }
  }
  return median(times)
}

async function measureReaction(base, symbols) {
  // The route takes at most 20 symbols; the dashboard would send two requests side by side, so does this.
  const half = Math.ceil(symbols.length / 2)
  const groups =
    symbols.length > MAX_SYMBOLS_PER_REACTION_REQUEST ? [symbols.slice(0, half), symbols.slice(half)] : [symbols]
  const once = async () => {
    const started = performance.now()
    const bodies = await Promise.all(
      groups.map(async (group) => {
        const response = await fetch(
          `${base}/api/reaction?symbols=${group.map(encodeURIComponent).join(',')}&date=${REACTION_DAY0}`,
        )
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

/** Chunks of the build that hold Recharts, by content (their names are hashes): for the trace's breakdown. */
function rechartsChunks() {
  const dir = path.join(PROJECT_ROOT, DIST_DIR, 'static', 'chunks')
  const found = new Set()
  const visit = (d, prefix) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(d, entry.name), `${prefix}${entry.name}/`)
      else if (
        entry.name.endsWith('.js') &&
        readFileSync(path.join(d, entry.name), 'utf8').includes('recharts-surface')
      )
        found.add(`/_next/static/chunks/${prefix}${entry.name}`)
    }
  }
  visit(dir, '')
  return found
}

/** HTML bytes as sent without compression, gzipped (level 6, what Next sends), and the inline script in it. */
async function htmlSize(url) {
  const html = await (await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })).text()
  const raw = Buffer.byteLength(html)
  let inline = 0
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    inline += Buffer.byteLength(match[1] ?? '')
  return { raw, gzip: gzipSync(html).length, inline }
}

/** Medians per page and CPU rate of RUNS.pages interleaved loads. */
async function measurePages(browser, pages) {
  const points = {}
  for (const [kind, page] of Object.entries(pages)) points[kind] = await hoverPoint(browser, page.url, page.probe)
  const results = {}
  for (const throttle of THROTTLES) {
    const samples = Object.fromEntries(Object.keys(pages).map((k) => [k, []]))
    // One untimed load per page first (server-side first requests, Chromium's own warm-up).
    for (const [kind, page] of Object.entries(pages))
      await measureLoad(browser, page.url, { kind: page.probe, point: points[kind], throttle })
    for (let i = 0; i < RUNS.pages; i++) {
      for (const [kind, page] of Object.entries(pages))
        samples[kind].push(await measureLoad(browser, page.url, { kind: page.probe, point: points[kind], throttle }))
    }
    for (const [kind, list] of Object.entries(samples)) {
      results[kind] ??= {}
      results[kind][throttle] = {
        drawn: median(list.map((r) => r.drawn)),
        tip: median(list.map((r) => r.tip)),
        tbt: median(list.map((r) => r.tbt)),
        tbtAfterFcp: median(list.map((r) => r.tbtAfterFcp)),
        fcp: median(list.map((r) => r.fcp)),
        jsKiB: median(list.map((r) => r.jsKiB)),
        html: median(list.map((r) => r.html)),
      }
    }
  }
  return { results, points }
}

/** Waits until the cached answer is also sent as brotli (made in the background after the first request). */
async function brotliReady(url) {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(url, { headers: { 'Accept-Encoding': 'br' } })
    await res.arrayBuffer()
    if (res.headers.get('content-encoding') === 'br') return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

function printTrace(label, t) {
  console.log(`\n### Where the first view's time goes, ${label} (one trace)\n`)
  console.log(
    `- HTML: first byte ${ms(t.html.firstByte)}, complete ${ms(t.html.end)}; main thread busy ${ms(t.busy.untilHtml)} until then`,
  )
  console.log(
    `- the first view's ${t.jsChunks} chunks were asked for from ${ms(t.jsRequested)} and had all arrived by ${ms(t.jsArrived)} (Recharts requested at ${ms(t.rechartsRequested)}); main thread busy ${ms(t.busy.untilJs)} between the HTML and then`,
  )
  console.log(
    `- main thread busy ${ms(t.busy.afterJs)} from then until the end (the chart's island live, or the tooltip)`,
  )
  console.log(`- chart drawn ${ms(t.drawn)}; hover tooltip ${ms(t.tip)}; chart island live ${ms(t.interactive)}`)
  console.log(`- longest tasks: ${t.longest.map((l) => `${ms(l.ms)} at ${ms(l.at)}`).join(', ')}`)
  console.log(
    `- idle main thread over 100 ms between the HTML and the end: ${t.idle.length ? t.idle.map((g) => `${ms(g.ms)} at ${ms(g.at)}`).join(', ') : 'none'}`,
  )
  console.log('')
  console.log('| script | gzip KiB | requested | arrived | compile | evaluate | its functions ran |')
  console.log('|---|---|---|---|---|---|---|')
  for (const s of [...t.scripts].sort((a, b) => a.start - b.start)) {
    const name = `${new URL(s.url).pathname.split('/').pop()}${s.recharts ? ' (Recharts)' : ''}`
    console.log(
      `| ${name} | ${kib(s.kiB * 1024)} | ${ms(s.start)} | ${ms(s.end)} | ${ms(s.compile)} | ${ms(s.evaluate)} | ${ms(s.run)} |`,
    )
  }
}

async function main() {
  installCleanup({ deadlineMs: RUN_DEADLINE_MS, label: 'bench' })
  const noBuild = process.argv.includes('--no-build')
  const command = `${process.env.BENCH_RUNS ? `BENCH_RUNS=${process.env.BENCH_RUNS} ` : ''}npm run bench${noBuild ? ' -- --no-build' : ''}`
  const machine = describeMachine()
  console.log(`# ${command}`)
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage} at start`,
  )

  if (!noBuild) console.log(`next build into ${DIST_DIR}: ${(await build()).toFixed(1)} s`)
  const bundle = firstLoadJs()

  // The peer pages, from the same numbers the app's chart draws for DASHBOARD_PATH.
  const peerData = JSON.parse(
    (await runTsx('scripts/bench-peer-data.ts', [SYMBOLS.join(',')])).trim().split('\n').pop(),
  )
  const peers = await buildPeerPages(peerData)

  // The exact bytes of the API answer, served again as a static file by the servers measured below.
  const probe = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_CLIENT_LIMITS }, distDir: DIST_DIR })
  const apiBody = Buffer.from(
    await (await fetch(`${probe.url}${PRICES_PATH}`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer(),
  )
  // The page's own headers (security headers, Cross-Origin-Opener-Policy among them), for the peer pages.
  const pageResponse = await fetch(`${probe.url}${DASHBOARD_PATH}`)
  await pageResponse.arrayBuffer()
  if (!pageResponse.ok) throw new Error(`the dashboard answered ${pageResponse.status}`)
  const pageHeaders = pageHeadersOf(pageResponse)
  await probe.stop()
  const staticName = `__bench-prices-${process.pid}.json`
  const staticFile = path.join(PROJECT_ROOT, 'public', staticName)
  // `next start` lists public/ when it starts, so the file must exist before; it is removed however the run ends,
  // and so is public/ itself when the project has none.
  const publicDir = path.dirname(staticFile)
  const madePublic = !existsSync(publicDir)
  const removeStatic = () => {
    rmSync(staticFile, { force: true })
    if (madePublic) rmSync(publicDir, { recursive: true, force: true })
  }
  onExit(removeStatic)
  mkdirSync(publicDir, { recursive: true })
  writeFileSync(staticFile, apiBody)
  peers.files.set('/prices.json', { type: 'application/json', body: apiBody })

  // The static server first: compressing its files takes seconds, long enough for the Next server's idle
  // keep-alive connection from its readiness check to be closed just as the next request reuses it.
  const statics = await startStaticServer(peers.files, { pageHeaders })
  const server = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_CLIENT_LIMITS }, distDir: DIST_DIR })
  let browser
  try {
    const staticCheck = await fetch(`${server.url}/${staticName}`)
    const staticBytes = (await staticCheck.arrayBuffer()).byteLength
    if (!staticCheck.ok || staticBytes !== apiBody.length)
      throw new Error(`the static copy was not served (${staticCheck.status}, ${staticBytes} bytes)`)

    // 3. The API first, before the browser work (which leaves Chromium processes busy for a moment).
    const apiUrl = `${server.url}${PRICES_PATH}`
    const fileUrl = `${server.url}/${staticName}`
    const nodeUrl = `${statics.url}/prices.json`
    if (!(await brotliReady(apiUrl))) throw new Error('the cached answer was never offered as brotli')
    const gzip = { 'Accept-Encoding': 'gzip' }
    const br = { 'Accept-Encoding': 'br' }
    const api = {
      raw: await loadUrl(apiUrl, HTTP),
      gzip: await loadUrl(apiUrl, { ...HTTP, headers: gzip }),
      br: await loadUrl(apiUrl, { ...HTTP, headers: br }),
      // One connection: the time one request costs, without waiting behind the other nine.
      rawAlone: await loadUrl(apiUrl, { connections: 1, durationMs: 3_000 }),
      gzipAlone: await loadUrl(apiUrl, { connections: 1, durationMs: 3_000, headers: gzip }),
      file: await loadUrl(fileUrl, HTTP),
      fileGzip: await loadUrl(fileUrl, { ...HTTP, headers: gzip }),
      node: await loadUrl(nodeUrl, HTTP),
      nodeGzip: await loadUrl(nodeUrl, { ...HTTP, headers: gzip }),
      nodeBr: await loadUrl(nodeUrl, { ...HTTP, headers: br }),
    }

    // 1. The app beside the peers.
    browser = await launchBenchBrowser()
    const pages = {
      ...Object.fromEntries(PEER_KINDS.map((k) => [k, { url: `${statics.url}${peers.paths[k]}`, probe: k }])),
      app: { url: `${server.url}${DASHBOARD_PATH}`, probe: 'app' },
    }
    const { results, points } = await measurePages(browser, pages)
    const html = {}
    for (const [kind, page] of Object.entries(pages)) html[kind] = await htmlSize(page.url)

    // 2. The trace of the app's first view.
    const rechartsUrls = rechartsChunks()
    const traces = {}
    for (const throttle of THROTTLES)
      traces[throttle] = await traceFirstView(browser, pages.app.url, { point: points.app, throttle, rechartsUrls })

    // 4. PNG export, event study.
    const png = await measurePngExport(browser, server.url)
    await browser.close()
    browser = undefined
    const analysis = JSON.parse(
      (await runTsx('scripts/bench-analysis.ts', ['--runs', String(RUNS.analysis)])).trim().split('\n').pop(),
    )
    const reaction = await measureReaction(server.url, analysis.symbolList)

    const kinds = [...PEER_KINDS, 'app']
    const label = (k) => (k === 'app' ? '**the app**' : PEER_LABELS[k])
    const cell = (k, text) => (k === 'app' ? `**${text}**` : text)
    console.log(
      `\n## The app beside the peers (same five series, same ${peerData.dates.length} sessions; medians of ${RUNS.pages}, a fresh context each)\n`,
    )
    console.log(`| | ${kinds.map(label).join(' | ')} |`)
    console.log(`|---|${kinds.map(() => '---').join('|')}|`)
    const row = (name, f) => console.log(`| ${name} | ${kinds.map((k) => cell(k, f(k))).join(' | ')} |`)
    row('chart lines on screen (ms)', (k) => num(results[k][1].drawn))
    row('same, CPU throttled 4x (ms)', (k) => num(results[k][4].drawn))
    row('first contentful paint, 1x / 4x (ms)', (k) => `${num(results[k][1].fcp)} / ${num(results[k][4].fcp)}`)
    row('hover shows a tooltip (ms)', (k) => num(results[k][1].tip))
    row('same, CPU throttled 4x (ms)', (k) => num(results[k][4].tip))
    row('total blocking time, 1x / 4x (ms)', (k) => `${num(results[k][1].tbt)} / ${num(results[k][4].tbt)}`)
    row(
      'the same from first contentful paint on, as Lighthouse counts it, 1x / 4x (ms)',
      (k) => `${num(results[k][1].tbtAfterFcp)} / ${num(results[k][4].tbtAfterFcp)}`,
    )
    row(
      'JS transferred, gzip (KiB)',
      (k) =>
        `${kib(results[k][1].jsKiB * 1024)}${k === 'app' ? ` (${kib(bundle.gzipKiB * 1024)} in the first load)` : ''}`,
    )
    row(
      'HTML raw / gzip (KiB)',
      (k) =>
        `${kib(html[k].raw)} / ${kib(html[k].gzip)}${html[k].inline > 1024 ? `, of which ${kib(html[k].inline)} inline script` : ''}`,
    )

    const app = results.app
    const lw = results.lightweight
    const judged = [
      [
        'Hover tooltip, the app / lightweight-charts, 1x',
        x(ratio(app[1].tip, lw[1].tip)),
        `<= ${TARGETS.tooltipVsLightweight}x`,
        ratio(app[1].tip, lw[1].tip) <= TARGETS.tooltipVsLightweight,
      ],
      [
        'Hover tooltip, the app / lightweight-charts, 4x',
        x(ratio(app[4].tip, lw[4].tip)),
        `<= ${TARGETS.tooltipVsLightweight}x`,
        ratio(app[4].tip, lw[4].tip) <= TARGETS.tooltipVsLightweight,
      ],
      [
        'Total blocking time of the first view, 1x',
        ms(app[1].tbt),
        `<= ${TARGETS.tbt1x} ms`,
        app[1].tbt <= TARGETS.tbt1x,
      ],
      [
        'Total blocking time of the first view, 4x',
        ms(app[4].tbt),
        `<= ${TARGETS.tbt4x} ms`,
        app[4].tbt <= TARGETS.tbt4x,
      ],
      [
        'Chart drawn, the app / inline SVG, 1x',
        x(ratio(app[1].drawn, results.svg[1].drawn)),
        `<= ${TARGETS.chartVsSvg}x`,
        ratio(app[1].drawn, results.svg[1].drawn) <= TARGETS.chartVsSvg,
      ],
      [
        'First-load JS of `/`, gzip',
        `${bundle.gzipKiB.toFixed(1)} KiB (${bundle.chunks} chunks, ${bundle.rawKiB.toFixed(0)} KiB raw)`,
        `<= ${TARGETS.firstLoadKiB} KiB`,
        bundle.gzipKiB <= TARGETS.firstLoadKiB,
      ],
      [
        `Cached \`/api/prices\` with gzip, p50 / raw p50 (${HTTP.connections} connections)`,
        `${ms(api.gzip.p50)} / ${ms(api.raw.p50)} = ${x(ratio(api.gzip.p50, api.raw.p50))}`,
        `<= ${TARGETS.gzipVsRaw}x`,
        ratio(api.gzip.p50, api.raw.p50) <= TARGETS.gzipVsRaw,
      ],
      [
        `Cached \`/api/prices\`, raw, p50 (${HTTP.connections} connections)`,
        ms(api.raw.p50),
        `<= ${TARGETS.apiP50Ms} ms`,
        api.raw.p50 <= TARGETS.apiP50Ms,
      ],
      [
        `PNG export at 2x, click to download, median of ${RUNS.png}`,
        ms(png),
        `<= ${TARGETS.pngMs} ms`,
        png <= TARGETS.pngMs,
      ],
    ]
    console.log('\n## Targets (ratios within this run)\n')
    console.log('| measure | result | target | |')
    console.log('|---|---|---|---|')
    for (const [name, result, target, ok] of judged) console.log(`| ${name} | ${result} | ${target} | ${mark(ok)} |`)
    console.log(`\n${judged.filter((j) => j[3]).length} of ${judged.length} targets met.`)
    console.log(
      `Other ratios at 1x: chart drawn vs lightweight-charts ${x(ratio(app[1].drawn, lw[1].drawn))}; tooltip vs uPlot ${x(ratio(app[1].tip, results.uplot[1].tip))}, vs Recharts alone ${x(ratio(app[1].tip, results.recharts[1].tip))}, vs inline SVG ${x(ratio(app[1].tip, results.svg[1].tip))}.`,
    )

    console.log(
      `\n## Cached \`/api/prices\` (${SYMBOLS.length} symbols x 1 year, ${kib(apiBody.length)} KiB raw), ${HTTP.connections} connections, ${HTTP.durationMs / 1000} s each\n`,
    )
    console.log('| server | coding | bytes sent | p50 | p99 | req/s | MB/s |')
    console.log('|---|---|---|---|---|---|---|')
    const apiRow = (name, r) =>
      console.log(
        `| ${name} | ${r.coding} | ${kib(r.bytes)} KiB | ${ms(r.p50)} | ${ms(r.p99)} | ${num(r.rps)} | ${num(r.mbPerS)} |`,
      )
    apiRow('the app, `/api/prices`', api.raw)
    apiRow('the app, `/api/prices`', api.gzip)
    apiRow('the app, `/api/prices`', api.br)
    apiRow('the app, 1 connection', api.rawAlone)
    apiRow('the app, 1 connection', api.gzipAlone)
    apiRow('`next start`, same bytes as a file in public/', api.file)
    apiRow('`next start`, same bytes as a file in public/', api.fileGzip)
    apiRow('plain Node server, compressed ahead of time', api.node)
    apiRow('plain Node server, compressed ahead of time', api.nodeGzip)
    apiRow('plain Node server, compressed ahead of time', api.nodeBr)
    console.log(
      `\np50 with gzip / raw p50: the app ${x(ratio(api.gzip.p50, api.raw.p50))} (br ${x(ratio(api.br.p50, api.raw.p50))}); \`next start\` file ${x(ratio(api.fileGzip.p50, api.file.p50))}; plain Node ${x(ratio(api.nodeGzip.p50, api.node.p50))}.`,
    )

    for (const throttle of THROTTLES) printTrace(`CPU ${throttle}x`, traces[throttle])

    console.log('\n## Other figures\n')
    console.log(`- PNG export at 2x, click to download, median of ${RUNS.png}: ${ms(png)}`)
    console.log(
      `- Event study, ${analysis.symbols} symbols x ${analysis.windows} windows vs SPY (in-process), median of ${analysis.runs}: ${ms(analysis.medianMs)} (p95 ${ms(analysis.p95Ms)})`,
    )
    console.log(
      `- \`/api/reaction\` for the same ${reaction.rows} symbols (${reaction.requests} requests in parallel), median of ${RUNS.reaction}: ${ms(reaction.ms)}`,
    )
    console.log(`\nload average ${describeMachine().loadAverage} at the end`)
  } finally {
    if (browser) await browser.close()
    await server.stop()
    await statics.stop()
    removeStatic()
  }
}

main().catch((error) => {
  console.error(
    `bench: ${error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : String(error)}${error?.cause ? ` (${error.cause.message ?? error.cause})` : ''}`,
  )
  process.exit(1)
})
