/**
 * Browser measurements of `npm run bench`, the same for the app and every peer page (scripts/bench-peers.mjs), in
 * headless Chromium at 1440x900, a fresh context (empty cache) for every run, optionally with the CPU throttled
 * (CDP Emulation.setCPUThrottlingRate):
 *
 * - chart drawn: ms from navigation start to the first animation frame in which every series line is on screen
 *   (the app: its server-drawn chart or the Recharts one, with the event markers, counting only lines and markers
 *   that are rendered, since the server's chart holds two layouts and shows one; SVG and Recharts pages: their
 *   lines in the DOM; canvas pages: two frames after the library was handed the data, i.e. it has painted);
 * - tooltip: ms from navigation start until a mouse move over the plot produces a visible readout. From the
 *   moment the HTML is committed the pointer moves back and forth over the same point of the plot as a real mouse
 *   does: an event every 8 ms, each sent without waiting for the page to take the one before (`movePointer`).
 *   Playwright's `mouse.move`, used until the thirteenth pass, waits for that. It paced the pointer by the page's
 *   own input handling, and when the first frame came mid-parse, the next move, and so the readout, came about
 *   60 ms later than with a moving mouse (docs/performance.md). At every animation frame, and every 16 ms from
 *   the bench, the page is asked whether a readout is visible: any element that is
 *   `[role="tooltip"]`, `[data-chart-tooltip]` or Recharts' `.recharts-tooltip-wrapper`, not hidden (display,
 *   visibility, opacity), with a size, whose text holds a percentage. So it works for the app's Recharts tooltip
 *   and for the island's own (which marks itself with either attribute) alike;
 * - total blocking time: the part over 50 ms of every long task (PerformanceObserver, from navigation start) until
 *   the page has been quiet (no long task) for 1 s after the tooltip. This counts the tasks before the first paint
 *   too (the first is the navigation's commit and the start of the parse, for every page alike), so it is stricter
 *   than Lighthouse's, which starts at the first contentful paint: that figure is reported beside it as
 *   `tbtAfterFcp` (each task clipped to start no sooner than the first contentful paint, as Lighthouse does);
 * - JS transferred: encoded (compressed) body bytes of every script resource loaded in that time;
 * - first contentful paint: the browser's own paint timing (Paint Timing API) of the first frame with content,
 *   the time it was presented. "Chart drawn" is taken at the start of the frame that holds the lines; that frame
 *   still has to be laid out, painted, rastered and shown, so the chart is on screen no sooner than this.
 */

import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from './chromium.mjs'

/** The five series of the bench view, in the order the dashboard draws them. */
export const BENCH_SYMBOLS = ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY']
/** The default view's dates, mode and base, with the five series; the peer pages draw exactly its sessions. */
export const BENCH_VIEW_PATH = `/?symbols=${BENCH_SYMBOLS.join(',')}`

/** Debian's Chromium (or CHROMIUM_PATH) as every bench script runs it (scripts/chromium.mjs). */
export function launchBenchBrowser() {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
}

/** Runs in the page before any of its scripts (Playwright's init script, outside the page's CSP). */
function benchInit(kind) {
  const state = { drawn: 0, tip: 0, longTasks: [], lastLongTaskEnd: 0 }
  window.__bench = state
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.longTasks.push([e.startTime, e.duration])
        state.lastLongTaskEnd = Math.max(state.lastLongTaskEnd, e.startTime + e.duration)
      }
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task timing: TBT is reported as unknown.
    state.longTasks = null
  }
  // Only what is rendered counts: the server's chart holds a narrow and a wide layout, and a container query
  // hides one, so a frame in which only the hidden one has been parsed has drawn nothing.
  const shown = (el) => (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true)
  const countShown = (elements, holder) => [...elements].filter((el) => shown(holder(el))).length
  const drawn = () => {
    if (kind === 'app') {
      const preview = document.querySelector('[data-testid="chart-preview"]')
      const lines = preview
        ? countShown(preview.querySelectorAll('polyline, path[data-series]'), (line) => line.closest('svg') ?? line)
        : document.querySelectorAll('[data-testid="price-chart"] .recharts-line').length
      const markers = countShown(
        document.querySelectorAll('[data-testid="event-marker-preview"], [data-testid="event-marker"]'),
        (marker) => marker,
      )
      return lines >= 5 && markers > 0
    }
    if (kind === 'svg') return document.querySelectorAll('[data-bench-plot] polyline').length === 5
    if (kind === 'recharts') return document.querySelectorAll('[data-bench-plot] .recharts-line').length === 5
    return Boolean(window.__chartPainted)
  }
  const tooltipVisible = () => {
    for (const el of document.querySelectorAll('[role="tooltip"], [data-chart-tooltip], .recharts-tooltip-wrapper')) {
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue
      const box = el.getBoundingClientRect()
      if (box.width < 1 || box.height < 1) continue
      if (/\d%/.test(el.textContent || '')) return true
    }
    return false
  }
  state.check = () => {
    const now = performance.now()
    if (!state.drawn && document.body && drawn()) state.drawn = now
    if (!state.tip && document.body && tooltipVisible()) state.tip = now
    return { drawn: state.drawn, tip: state.tip }
  }
  const frame = () => {
    state.check()
    if (!state.drawn || !state.tip) requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

const PLOT_SELECTOR = {
  app: '[data-testid="price-chart"], [data-testid="chart-preview"]',
  peer: '[data-bench-plot]',
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Moves the pointer back and forth by 4 px over `point` every 8 ms until the returned function is called, as a
 * hand on a mouse would: each event goes out without waiting for the page to have taken the one before.
 */
async function movePointer(context, page, point) {
  const cdp = await context.newCDPSession(page)
  let moving = true
  let i = 0
  const done = (async () => {
    while (moving) {
      const x = point.x + (i++ % 2) * 4
      // Not awaited; a move the page never takes (it navigated, or closed) is simply lost, as a real one is.
      cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y: point.y }).catch(() => {})
      await sleep(8)
    }
  })()
  return async () => {
    moving = false
    await done
  }
}

/**
 * With the pointer moving over `point` (`movePointer`), asks the page every 16 ms (it also checks at every
 * animation frame) until a readout is visible or `stopAt` (a Date.now() time) passes; returns the last state.
 */
async function hoverUntilTooltip(context, page, point, stopAt) {
  let state = { drawn: 0, tip: 0 }
  const stopPointer = await movePointer(context, page, point)
  try {
    while (!state.tip && Date.now() < stopAt) {
      await sleep(16)
      state = await checkState(page)
    }
  } finally {
    await stopPointer()
  }
  return state
}

/** The page's bench state; a navigation in progress (no document yet) reads as nothing drawn. */
async function checkState(page) {
  try {
    return await page.evaluate(() => (window.__bench ? window.__bench.check() : { drawn: 0, tip: 0 }))
  } catch {
    return { drawn: 0, tip: 0 }
  }
}

/**
 * Where to hover: a point inside the plot (55% across, 45% down), found once per page on an unthrottled load
 * and used for every run, so the mouse is there from the first moment.
 */
export async function hoverPoint(browser, url, kind) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
    const selector = kind === 'app' ? PLOT_SELECTOR.app : PLOT_SELECTOR.peer
    const box = await page.locator(selector).first().boundingBox({ timeout: 30_000 })
    if (!box) throw new Error(`${url}: no plot (${selector}) to hover`)
    return { x: Math.round(box.x + box.width * 0.55), y: Math.round(box.y + box.height * 0.45) }
  } finally {
    await context.close()
  }
}

/** One measured load of `url`. Returns { drawn, tip, tbt, tbtAfterFcp, fcp, jsKiB, html, load } (ms from navigation start). */
export async function measureLoad(browser, url, { kind, point, throttle = 1, timeoutMs = 60_000 }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    await context.addInitScript(benchInit, kind)
    const page = await context.newPage()
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    }
    const stopAt = Date.now() + timeoutMs
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs })
    let state = await hoverUntilTooltip(context, page, point, stopAt)
    if (!state.tip)
      throw new Error(`${url}: no tooltip within ${timeoutMs / 1000} s (chart drawn: ${state.drawn ? 'yes' : 'no'})`)
    while (!state.drawn && Date.now() < stopAt) {
      await sleep(50)
      state = await checkState(page)
    }
    // Quiet: no long task for 1 s (at most 20 s more), so work that follows the tooltip is counted too.
    const quietUntil = Date.now() + 20_000
    for (;;) {
      const quiet = await page.evaluate(
        () => performance.now() - Math.max(window.__bench.lastLongTaskEnd, window.__bench.tip),
      )
      if (quiet >= 1_000 || Date.now() > quietUntil) break
      await sleep(200)
    }
    const result = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0]
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name))
      const tasks = window.__bench.longTasks
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]
      return {
        drawn: window.__bench.drawn,
        tip: window.__bench.tip,
        tbt: tasks ? tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0) : NaN,
        tbtAfterFcp:
          tasks && fcp
            ? tasks.reduce((sum, [start, d]) => sum + Math.max(0, start + d - Math.max(start, fcp.startTime) - 50), 0)
            : NaN,
        fcp: fcp ? fcp.startTime : NaN,
        jsKiB: scripts.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024,
        html: nav ? nav.responseEnd : NaN,
        load: nav ? nav.loadEventEnd : NaN,
      }
    })
    if (!result.drawn) throw new Error(`${url}: the chart was never drawn`)
    return result
  } finally {
    await context.close()
  }
}

/**
 * Where the app's first view spends its time, from one Chromium trace at `throttle`: when the HTML and each
 * script arrived, how long each script took to compile and to evaluate on the main thread, what the main thread
 * did between those steps (booting React and hydrating, any Recharts chunk a gesture asked for) and where
 * it sat idle. `rechartsUrls` are the chunks that hold Recharts (found by their content by the caller).
 */
export async function traceFirstView(browser, url, { point, throttle = 1, rechartsUrls = new Set() }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    await context.addInitScript(benchInit, 'app')
    const page = await context.newPage()
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    }
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading'],
    })
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 })
    const stopAt = Date.now() + 60_000
    let state = await hoverUntilTooltip(context, page, point, stopAt)
    // The chart's island is live (the page hydrated and the island measured itself): the first view's work is
    // done once the page then stays quiet. Recharts is not part of it: it loads only at a gesture that needs it.
    const interactive = await page
      .waitForFunction(
        () => (document.querySelector('[data-testid="chart-preview"][data-measured]') ? performance.now() : false),
        null,
        { polling: 'raf', timeout: 60_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => NaN)
    await sleep(1_000 * throttle)
    await sleep(500)
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0]
      return {
        timeOrigin: performance.timeOrigin,
        html: { start: nav.requestStart, firstByte: nav.responseStart, end: nav.responseEnd },
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        scripts: performance
          .getEntriesByType('resource')
          .filter((r) => r.initiatorType === 'script' || /\.m?js(\?|$)/.test(r.name))
          .map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd, kiB: r.encodedBodySize / 1024 })),
      }
    })
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    return summariseTrace(trace, timing, { ...state, interactive: Number(interactive) }, rechartsUrls)
  } finally {
    await context.close()
  }
}

function summariseTrace(trace, timing, marks, rechartsUrls) {
  const events = trace.traceEvents ?? trace
  // The renderer's main thread: the thread named CrRendererMain that ran the most EvaluateScript.
  const mainThreads = new Map()
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.set(`${e.pid}:${e.tid}`, 0)
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`
    if (e.name === 'EvaluateScript' && mainThreads.has(key)) mainThreads.set(key, mainThreads.get(key) + 1)
  }
  const main = [...mainThreads.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number')
  // Trace clock (µs) to page clock (ms from navigation start): the navigationStart mark of the main frame.
  const navStart = events
    .filter((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main)
    .map((e) => e.ts)
    .sort((a, b) => b - a)[0]
  const toMs = (ts) => (ts - navStart) / 1000

  // Per script: compile and evaluation on the main thread, and the time its functions ran when called from a
  // task (FunctionCall, attributed to the script that holds the function): where booting React and hydrating
  // (react-dom's chunk, the page's chunks) and the first Recharts render (the Recharts chunk) show up.
  const perScript = new Map()
  const byUrl = (u) => {
    if (!perScript.has(u)) perScript.set(u, { compile: 0, evaluate: 0, run: 0 })
    return perScript.get(u)
  }
  for (const e of onMain) {
    const u = e.args?.data?.url || e.args?.fileName || ''
    if (!u) continue
    if (e.name === 'v8.compile' || e.name === 'v8.compileModule') byUrl(u).compile += e.dur / 1000
    if (e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') byUrl(u).evaluate += e.dur / 1000
    if (e.name === 'FunctionCall') byUrl(u).run += e.dur / 1000
  }

  // Top-level tasks (merged, since trace events nest): when the main thread was busy, and where it sat idle.
  const raw = onMain
    .filter((e) => e.name === 'RunTask')
    .map((e) => ({ start: toMs(e.ts), end: toMs(e.ts + e.dur) }))
    .filter((t) => t.end > 0)
    .sort((a, b) => a.start - b.start)
  const tasks = []
  for (const t of raw) {
    const last = tasks[tasks.length - 1]
    if (last && t.start <= last.end) last.end = Math.max(last.end, t.end)
    else tasks.push({ ...t })
  }
  const busyBetween = (from, to) =>
    tasks.reduce((sum, t) => sum + Math.max(0, Math.min(t.end, to) - Math.max(t.start, from)), 0)
  const idleGaps = (from, to) => {
    const gaps = []
    let cursor = from
    for (const t of tasks) {
      if (t.end < from || t.start > to) continue
      if (t.start - cursor > 50) gaps.push({ at: cursor, ms: t.start - cursor })
      cursor = Math.max(cursor, t.end)
    }
    if (to - cursor > 50) gaps.push({ at: cursor, ms: to - cursor })
    return gaps
  }
  const longest = raw
    .map((t) => ({ at: t.start, ms: t.end - t.start }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)

  const scripts = timing.scripts.map((s) => ({
    ...s,
    recharts: rechartsUrls.has(new URL(s.url).pathname),
    ...(perScript.get(s.url) ?? { compile: 0, evaluate: 0, run: 0 }),
  }))
  const firstRecharts = scripts.filter((s) => s.recharts).sort((a, b) => a.start - b.start)[0]
  const end = Number.isFinite(marks.interactive) ? marks.interactive : marks.tip
  // The first view's chunks: every script but Recharts' asked for before the island was live (named in the HTML,
  // as tags or by the loader of a page whose chunks come after the first paint).
  const firstView = scripts.filter((s) => !s.recharts && s.start < end)
  const jsRequested = firstView.length ? Math.min(...firstView.map((s) => s.start)) : NaN
  const jsArrived = Math.max(timing.html.end, ...firstView.map((s) => s.end))
  return {
    html: timing.html,
    jsRequested,
    jsArrived,
    jsChunks: firstView.length,
    rechartsRequested: firstRecharts ? firstRecharts.start : NaN,
    drawn: marks.drawn,
    tip: marks.tip,
    interactive: marks.interactive,
    scripts,
    busy: {
      untilHtml: busyBetween(0, timing.html.end),
      untilJs: busyBetween(timing.html.end, jsArrived),
      afterJs: busyBetween(jsArrived, end),
      total: busyBetween(0, end),
    },
    idle: idleGaps(timing.html.end, end).filter((g) => g.ms > 100),
    longest,
    end,
  }
}
