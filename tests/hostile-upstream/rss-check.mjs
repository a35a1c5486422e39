/**
 * Measures the production server's memory and a cached route's latency while the live upstream sends the big
 * faults of the hostile upstream (200 MB bodies, 1 GB gzip bombs, a million timestamps). Needs a build (`npx next
 * build`). Ports: RSS_CHECK_PORT (next start, default 30110) and RSS_CHECK_PORT + 1 (the hostile upstream).
 *
 *   node tests/hostile-upstream/rss-check.mjs
 *
 * Exits non-zero when the peak RSS grows by more than RSS_LIMIT_MIB (default 256) over the warmed-up server, or a
 * fault gets a 200.
 */
import { spawn } from 'node:child_process'
import { rssKiB } from '../../scripts/perf-harness.mjs'

const PORT = Number(process.env.RSS_CHECK_PORT ?? 30110)
const UPSTREAM_PORT = PORT + 1
const LIMIT_MIB = Number(process.env.RSS_LIMIT_MIB ?? 256)
const FAULTS = ['huge-body', 'gzip-bomb', 'million-timestamps']
const ROUNDS = 3
const CONCURRENCY = 4

const children = []
function start(args, env) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.resume()
  child.stderr.resume()
  children.push(child)
  return child
}
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
}
process.on('exit', stopAll)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // not up yet
    }
    await sleep(200)
  }
  throw new Error(`${url} did not answer`)
}

start(['node_modules/tsx/dist/cli.mjs', 'tests/hostile-upstream/server.ts', '--port', String(UPSTREAM_PORT)], {})
const server = start(['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(PORT)], {
  PRICE_PROVIDER: 'auto',
  YAHOO_BASE_URL: `http://127.0.0.1:${UPSTREAM_PORT}`,
  YAHOO_TIMEOUT_MS: '8000',
  LIVE_REQUESTS_PER_MINUTE: '100000',
})
const base = `http://127.0.0.1:${PORT}`
const upstream = `http://127.0.0.1:${UPSTREAM_PORT}`
try {
  await waitFor(`${upstream}/__health`)
  await waitFor(`${base}/api/events`)
  const cached = `${base}/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-02-28`
  // Warm up: the page, the cached route and one clean live window.
  for (const url of [`${base}/`, cached, `${base}/api/prices?symbols=NVDA&from=2001-01-02&to=2001-03-30`])
    await (await fetch(url)).arrayBuffer()
  await sleep(1000)
  const baseline = rssKiB(server.pid)
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(server.pid))), 25)

  const latencies = []
  let year = 2002
  const symbols = ['NVDA', 'MSFT', 'AMD', 'INTC']
  for (const fault of FAULTS) {
    await fetch(`${upstream}/__fault/${fault}`, { method: 'POST' })
    for (let round = 0; round < ROUNDS; round++, year++) {
      let done = false
      const live = Promise.all(
        symbols
          .slice(0, CONCURRENCY)
          .map((s) =>
            fetch(`${base}/api/prices?symbols=${s}&from=${year}-01-02&to=${year}-03-30`).then((r) => r.status),
          ),
      ).finally(() => (done = true))
      while (!done) {
        const t = performance.now()
        await (await fetch(cached)).arrayBuffer()
        latencies.push(performance.now() - t)
      }
      const statuses = await live
      if (statuses.some((s) => s === 200)) throw new Error(`${fault}: a live request answered 200`)
      console.log(
        `${fault} round ${round + 1}: statuses ${statuses.join(',')}, peak RSS so far ${(peak / 1024).toFixed(0)} MiB`,
      )
    }
  }
  clearInterval(sampler)
  latencies.sort((a, b) => a - b)
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(1)
  const grew = (peak - baseline) / 1024
  console.log(
    `baseline RSS ${(baseline / 1024).toFixed(0)} MiB, peak ${(peak / 1024).toFixed(0)} MiB (+${grew.toFixed(0)} MiB) over ${FAULTS.length} faults x ${ROUNDS} rounds x ${CONCURRENCY} concurrent`,
  )
  console.log(
    `cached /api/prices meanwhile: ${latencies.length} requests, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  )
  if (grew > LIMIT_MIB) {
    console.error(`RSS grew by more than ${LIMIT_MIB} MiB`)
    process.exitCode = 1
  }
} finally {
  stopAll()
}
