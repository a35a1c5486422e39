// Dev helper (not part of the app): where the first view's main thread goes, load by load, in fresh contexts.
//   node scripts/dev/first-view-trace.mjs <url> [--runs 5] [--throttle 4] [--strip-class render-when-near]
// For each run: every long task (over 50 ms) with what ran in it (parse, style, layout, script evaluation by file,
// React's work), the total blocking time from the trace, and the style and layout time of the whole load. With
// --strip-class the HTML is served with that class removed, to measure what the class saves side by side.
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.mjs'

const [, , url, ...rest] = process.argv
if (!url) {
  console.error('usage: node scripts/dev/first-view-trace.mjs <url> [--runs N] [--throttle N] [--strip-class NAME]')
  process.exit(2)
}
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? (rest[i + 1] ?? fallback) : fallback
}
const runs = Number(option('runs', 5))
const throttle = Number(option('throttle', 1))
const strip = option('strip-class', null)
const SHOWN = new Set([
  'ParseHTML',
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'PrePaint',
  'MajorGC',
])

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
const totals = []
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    if (strip) {
      const pattern = new RegExp(`\\b${strip}\\b ?`, 'g')
      await page.route(url, async (route) => {
        const response = await route.fetch()
        await route.fulfill({ response, body: (await response.text()).replace(pattern, '') })
      })
    }
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    const events = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value))
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents',
    })
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(4000 * throttle)
    await cdp.send('Tracing.end')
    await complete
    // The renderer's main thread: the one that parsed the HTML.
    const parses = new Map()
    for (const e of events) if (e.name === 'ParseHTML') parses.set(e.tid, (parses.get(e.tid) ?? 0) + 1)
    const tid = [...parses].sort((a, b) => b[1] - a[1])[0]?.[0]
    const main = events.filter((e) => e.tid === tid && e.ph === 'X')
    const start = Math.min(...main.map((e) => e.ts))
    let tbt = 0
    console.log(`\nrun ${run + 1}`)
    for (const task of main.filter((e) => e.name === 'RunTask' && e.dur > 50_000)) {
      tbt += task.dur / 1000 - 50
      const inside = main
        .filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur && e.dur > 3000 && SHOWN.has(e.name))
        .map(
          (e) =>
            `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''} ${Math.round(e.dur / 1000)}`,
        )
      console.log(
        `  ${Math.round((task.ts - start) / 1000)} ms: ${Math.round(task.dur / 1000)} ms | ${inside.join(' | ')}`,
      )
    }
    const sum = (name) => main.filter((e) => e.name === name).reduce((a, e) => a + e.dur / 1000, 0)
    totals.push({ tbt, layout: sum('Layout'), style: sum('UpdateLayoutTree') })
    console.log(
      `  TBT ${Math.round(tbt)} ms, layout ${Math.round(sum('Layout'))} ms, style ${Math.round(sum('UpdateLayoutTree'))} ms`,
    )
    await context.close()
  }
} finally {
  await browser.close()
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
console.log(
  `\nmedians of ${runs}${strip ? ` (class ${strip} removed)` : ''}, CPU ${throttle}x: TBT ${Math.round(median(totals.map((t) => t.tbt)))} ms, layout ${Math.round(median(totals.map((t) => t.layout)))} ms, style ${Math.round(median(totals.map((t) => t.style)))} ms`,
)
