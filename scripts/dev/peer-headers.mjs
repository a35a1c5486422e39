// Dev helper (not part of the app): what the app's page headers cost a peer page of `npm run bench`. Serves the
// inline-SVG and lightweight-charts pages twice, bare and with the headers of the app's page (pageHeadersOf, as the
// bench now serves every peer), and loads them interleaved with the bench's measurements (scripts/bench-browser.mjs).
//   PRICE_PROVIDER=snapshot PAGE_REQUESTS_PER_MINUTE=1000000 API_REQUESTS_PER_MINUTE=1000000 npx next start -p 3612
//   RUNS=9 node scripts/dev/peer-headers.mjs http://127.0.0.1:3612
import { BENCH_SYMBOLS, BENCH_VIEW_PATH, hoverPoint, launchBenchBrowser, measureLoad } from '../bench-browser.mjs'
import { buildPeerPages, pageHeadersOf, startStaticServer } from '../bench-peers.mjs'
import { median, runTsx } from '../perf-harness.mjs'

const app = process.argv[2]
if (!app) {
  console.error('usage: node scripts/dev/peer-headers.mjs <the app base URL>')
  process.exit(2)
}
const runs = Number(process.env.RUNS ?? 9)
const data = JSON.parse(
  (await runTsx('scripts/bench-peer-data.ts', [BENCH_SYMBOLS.join(',')])).trim().split('\n').pop(),
)
const peers = await buildPeerPages(data)
const response = await fetch(`${app}${BENCH_VIEW_PATH}`)
await response.arrayBuffer()
const pageHeaders = pageHeadersOf(response)
console.log('the app page headers given to the peers:', pageHeaders)
const bare = await startStaticServer(peers.files)
const dressed = await startStaticServer(peers.files, { pageHeaders })
const pages = {
  'svg, bare': { url: `${bare.url}/svg.html`, kind: 'svg' },
  "svg, the app's headers": { url: `${dressed.url}/svg.html`, kind: 'svg' },
  'lightweight-charts, bare': { url: `${bare.url}/lightweight.html`, kind: 'lightweight' },
  "lightweight-charts, the app's headers": { url: `${dressed.url}/lightweight.html`, kind: 'lightweight' },
}
const browser = await launchBenchBrowser()
try {
  const points = {}
  for (const [name, p] of Object.entries(pages)) points[name] = await hoverPoint(browser, p.url, p.kind)
  const results = {}
  for (let i = 0; i < runs; i++)
    for (const [name, p] of Object.entries(pages))
      (results[name] ??= []).push(await measureLoad(browser, p.url, { kind: p.kind, point: points[name] }))
  for (const [name, rows] of Object.entries(results)) {
    const cells = ['drawn', 'fcp', 'tip'].map((m) => `${m} ${Math.round(median(rows.map((r) => r[m])))} ms`)
    console.log(`${name}: ${cells.join('; ')}`)
  }
} finally {
  await browser.close()
  await bare.stop()
  await dressed.stop()
}
