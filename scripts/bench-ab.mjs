/**
 * Side-by-side loads of the same view from two or more running servers (builds of different commits), interleaved
 * run by run so the machine's drift falls on all of them alike, with the browser measurements of `npm run bench`
 * (scripts/bench-browser.mjs: chart drawn, first contentful paint, hover tooltip, total blocking time, and the same from the first contentful paint on). Prints medians and every run.
 *
 *   node scripts/bench-ab.mjs http://127.0.0.1:3100 http://127.0.0.1:3102
 *
 * RUNS (default 7) loads per server and throttle; THROTTLE (default "1,4") the CPU throttling rates. With PEER=svg,
 * the bench's inline-SVG page (the chart-drawn target's yardstick, scripts/bench-peers.mjs) is loaded in the same
 * interleaving, served with the first server's page headers, and each server's chart drawn is given as a ratio
 * of it. Start each
 * server with PRICE_PROVIDER=snapshot and the client limits out of the way (API_REQUESTS_PER_MINUTE and
 * PAGE_REQUESTS_PER_MINUTE set high), as the bench does, or the page waits on a live provider and its limits.
 */
import {
  BENCH_SYMBOLS,
  BENCH_VIEW_PATH as VIEW,
  hoverPoint,
  launchBenchBrowser,
  measureLoad,
} from './bench-browser.mjs'
import { buildPeerPages, pageHeadersOf, startStaticServer } from './bench-peers.mjs'
import { runTsx } from './perf-harness.mjs'

const bases = process.argv.slice(2)
if (bases.length === 0) {
  console.error('usage: node scripts/bench-ab.mjs <base URL> [<base URL> ...]')
  process.exit(2)
}
const runs = Number(process.env.RUNS ?? 7)
const throttles = (process.env.THROTTLE ?? '1,4').split(',').map(Number)
if (process.env.PEER && process.env.PEER !== 'svg') {
  console.error('PEER may only be "svg"')
  process.exit(2)
}
const targets = bases.map((base) => ({ name: base, url: `${base}${VIEW}`, kind: 'app' }))
let peerServer
if (process.env.PEER === 'svg') {
  const data = JSON.parse(
    (await runTsx('scripts/bench-peer-data.ts', [BENCH_SYMBOLS.join(',')])).trim().split('\n').pop(),
  )
  const peers = await buildPeerPages(data)
  const response = await fetch(targets[0].url)
  await response.arrayBuffer()
  peerServer = await startStaticServer(peers.files, { pageHeaders: pageHeadersOf(response) })
  targets.unshift({ name: 'inline-SVG page', url: `${peerServer.url}${peers.paths.svg}`, kind: 'svg' })
}
const browser = await launchBenchBrowser()
try {
  // Each page's own point: a variant with less above its chart has its plot higher up.
  const points = new Map()
  for (const target of targets) points.set(target.url, await hoverPoint(browser, target.url, target.kind))
  const results = new Map()
  for (const throttle of throttles) {
    for (let i = 0; i < runs; i++) {
      for (const { name, url, kind } of targets) {
        const key = `${name} at ${throttle}x`
        if (!results.has(key)) results.set(key, [])
        results.get(key).push(await measureLoad(browser, url, { kind, point: points.get(url), throttle }))
      }
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return Math.round(sorted[Math.floor(sorted.length / 2)])
  }
  for (const throttle of throttles) {
    const peerRows = peerServer && results.get(`${targets[0].name} at ${throttle}x`)
    for (const { name } of targets) {
      const rows = results.get(`${name} at ${throttle}x`)
      const cells = ['drawn', 'fcp', 'tip', 'tbt', 'tbtAfterFcp'].map((m) => {
        const values = rows.map((r) => r[m])
        return `${m} ${median(values)} ms [${values.map(Math.round).join(' ')}]`
      })
      if (peerRows) {
        const ratio = median(rows.map((r) => r.drawn)) / median(peerRows.map((r) => r.drawn))
        cells.push(`drawn / inline-SVG page ${ratio.toFixed(2)}x`)
      }
      console.log(`${name} at ${throttle}x: ${cells.join('; ')}`)
    }
  }
} finally {
  await browser.close()
  await peerServer?.stop()
}
