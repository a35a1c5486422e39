// Dev helper (not part of the app): what the renderer's main thread does before the page's first animation frame,
// from one Chromium trace of a load in a fresh context. Prints one timeline, in ms from navigation start: every
// task of the main thread (over 0.3 ms) with the work inside it (commit, parse, style, layout, script), and beside
// them when each resource was asked for and came in, the first animation frame and the first contentful paint.
//   node scripts/dev/first-frame-trace.mjs <page URL> [--until <ms>] [--throttle 4]
// Used in docs/performance.md (the thirteenth pass) to see what the app's first frame waits for that the
// inline-SVG page's does not: run it on the app's page and on the bench's peer page side by side.
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.mjs'

const [, , url, ...rest] = process.argv
if (!url) {
  console.error('usage: node scripts/dev/first-frame-trace.mjs <page URL> [--until <ms>] [--throttle N]')
  process.exit(2)
}
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? Number(rest[i + 1] ?? fallback) : fallback
}
const until = option('until', 0)
const throttle = option('throttle', 1)
const SHOWN = new Set([
  'DocumentLoader::CommitNavigation',
  'DecodedDataDocumentParser::AppendBytes',
  'HTMLDocumentParser::MaybeFetchQueuedPreloads',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'EvaluateScript',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'FireAnimationFrame',
  'EventDispatch',
])
const MARKS = new Set(['ResourceSendRequest', 'ResourceReceiveResponse', 'ResourceFinish', 'firstContentfulPaint'])

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  await context.addInitScript(() => requestAnimationFrame(() => performance.mark('first-animation-frame')))
  const page = await context.newPage()
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  }
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'],
  })
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(300)
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents
  // The page's renderer: the process in which the mark was made (a navigation may change process).
  const frameMark = events.find((e) => e.name === 'first-animation-frame')
  if (!frameMark) throw new Error('the trace holds no animation frame of the page')
  const parse = events.find((e) => e.name === 'ParseHTML' && e.pid === frameMark.pid)
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))
  const t0 = start ? start.ts : parse.ts
  const end = until > 0 ? t0 + until * 1000 : frameMark.ts
  const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(7)
  const lines = []
  for (const e of events) {
    if (e.ts > end + 1000) continue
    const onMain = e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X'
    if (onMain && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur > 300)
      lines.push([e.ts, 0, `${ms(e.ts)} task ${(e.dur / 1000).toFixed(1)} ms`])
    else if (onMain && SHOWN.has(e.name) && e.dur > 300) {
      const script = e.args?.data?.url ? ` ${e.args.data.url.split('/').pop().slice(0, 40)}` : ''
      lines.push([e.ts, 1, `${ms(e.ts)}   ${e.name}${script} ${(e.dur / 1000).toFixed(1)} ms`])
    } else if (MARKS.has(e.name) && (e.name !== 'firstContentfulPaint' || e.pid === parse.pid)) {
      const what = e.args?.data?.url ? ` ${e.args.data.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 60)}` : ''
      lines.push([e.ts, 2, `${ms(e.ts)} * ${e.name}${what}`])
    } else if (e === frameMark) lines.push([e.ts, 2, `${ms(e.ts)} * the first animation frame`])
  }
  for (const [, , text] of lines.sort((a, b) => a[0] - b[0] || a[1] - b[1])) console.log(text)
} finally {
  await browser.close()
}
