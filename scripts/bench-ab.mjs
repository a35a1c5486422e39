/**
 * Side-by-side loads of the same view from two or more running servers (builds of different commits), interleaved
 * run by run so the machine's drift falls on all of them alike, with the browser measurements of `npm run bench`
 * (scripts/bench-browser.mjs: chart drawn, first contentful paint, hover tooltip, total blocking time, and the same from the first contentful paint on). Prints medians and every run.
 *
 *   node scripts/bench-ab.mjs http://127.0.0.1:3100 http://127.0.0.1:3102
 *
 * RUNS (default 7) loads per server and throttle; THROTTLE (default "1,4") the CPU throttling rates. Start each
 * server with PRICE_PROVIDER=snapshot and the client limits out of the way (API_REQUESTS_PER_MINUTE and
 * PAGE_REQUESTS_PER_MINUTE set high), as the bench does, or the page waits on a live provider and its limits.
 */
import { BENCH_VIEW_PATH as VIEW, hoverPoint, launchBenchBrowser, measureLoad } from './bench-browser.mjs'

const bases = process.argv.slice(2)
if (bases.length === 0) {
  console.error('usage: node scripts/bench-ab.mjs <base URL> [<base URL> ...]')
  process.exit(2)
}
const runs = Number(process.env.RUNS ?? 7)
const throttles = (process.env.THROTTLE ?? '1,4').split(',').map(Number)
const browser = await launchBenchBrowser()
try {
  const point = await hoverPoint(browser, `${bases[0]}${VIEW}`, 'app')
  const results = new Map()
  for (const throttle of throttles) {
    for (let i = 0; i < runs; i++) {
      for (const base of bases) {
        const key = `${base} at ${throttle}x`
        if (!results.has(key)) results.set(key, [])
        results.get(key).push(await measureLoad(browser, `${base}${VIEW}`, { kind: 'app', point, throttle }))
      }
    }
  }
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b)
    return Math.round(sorted[Math.floor(sorted.length / 2)])
  }
  for (const [key, rows] of results) {
    const cells = ['drawn', 'fcp', 'tip', 'tbt', 'tbtAfterFcp'].map((m) => {
      const values = rows.map((r) => r[m])
      return `${m} ${median(values)} ms [${values.map(Math.round).join(' ')}]`
    })
    console.log(`${key}: ${cells.join('; ')}`)
  }
} finally {
  await browser.close()
}
