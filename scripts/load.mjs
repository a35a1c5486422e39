/**
 * Load checks against the production build (`npm run load`). Builds nothing: build first with
 *
 *   NEXT_DIST_DIR=.next-bench npx next build && npm run load
 *
 * (NEXT_DIST_DIR selects the build; `.next-bench` when unset). Everything runs on 127.0.0.1 with child
 * processes this script starts and stops itself:
 *
 *   a. throughput: cached /api/prices (5 symbols x 1 year, embedded snapshot), 50 connections for 10 s;
 *   b. single-flight: 100 identical concurrent cold requests with the live provider against the mock Yahoo
 *      server in slow mode; the mock must see exactly one upstream request per symbol;
 *   c. bounded memory: thousands of distinct live requests through a deliberately small cache, with the
 *      server's RSS sampled before, during and after;
 *   d. spoofed client ids: 100 requests, each with a different forwarded id, against a low per-client limit,
 *      with forwarded headers untrusted (the default) and with TRUST_PROXY_HOPS=1;
 *   e. the server-wide upstream budget under many client ids: cold requests from hundreds of ids (trusted
 *      X-Forwarded-For, so each is its own client) against a low budget, healthy and failing (5xx) upstream,
 *      counted at the mock.
 *   f. several instances sharing Redis (scripts/load-cluster.mjs): upstream requests per symbol for a cold burst
 *      over 1 and 3 instances, cached throughput with and without Redis, and what a Redis outage costs.
 *   g. the page from memory (lib/server/page-cache.ts): a burst on one new page URL costs one render; the page's
 *      throughput rendered every time (PAGE_CACHE_MIB=0) and from memory, side by side; many distinct URLs
 *      through a small cache stay within its bytes.
 *
 * Exits non-zero when any check fails. The mock serves chart payloads re-encoded from the embedded snapshot's
 * real bars (tests/mock-yahoo/payload-from-bars.ts), written to a temp dir that is removed at the end.
 */
import { readdirSync } from 'node:fs'
import autocannon from 'autocannon'
import {
  benchDistDir,
  describeMachine,
  installCleanup,
  makeTempDir,
  removeTempDir,
  rssKiB,
  runPool,
  runTsx,
  startMockYahoo,
  startNextServer,
} from './perf-harness.mjs'
import { checkCluster } from './load-cluster.mjs'

const SYMBOLS = ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY']
const YEAR = { from: '2024-07-01', to: '2025-06-30' }
const PRICES_PATH = `/api/prices?symbols=${SYMBOLS.join(',')}&from=${YEAR.from}&to=${YEAR.to}`

const THROUGHPUT = { connections: 50, durationSeconds: 10 }
const COLD = { requests: 100, slowMs: 1_500 }
/**
 * Small enough that one pass over the distinct live windows below (about 700) overflows it several times,
 * large enough to be a real LRU. The default cap, 2 000 windows, cannot be passed with the snapshot's
 * 26 symbols in a quick run.
 */
const MEMORY = {
  requests: 3_000,
  concurrency: 8,
  cacheMaxWindows: 100,
  deadlineMs: 120_000,
  sampleEveryMs: 250,
  oldSpaceMiB: 192,
}
/**
 * Checks a-c measure throughput, single-flight and memory, not the limits: every per-client limit and the
 * server-wide budget are set far above what they send (the load generator is one client, 127.0.0.1).
 */
const NO_LIMITS = {
  LIVE_REQUESTS_PER_MINUTE: '1000000',
  API_REQUESTS_PER_MINUTE: '1000000',
  PAGE_REQUESTS_PER_MINUTE: '1000000',
  UPSTREAM_REQUESTS_PER_MINUTE: '1000000',
}
const SPOOF = { requests: 100, apiLimit: 20 }
const PAGE = { burst: 50, connections: 10, durationSeconds: 5, distinct: 120, smallCacheMiB: 8 }
const PAGE_PATH = `/?symbols=${SYMBOLS.join(',')}`
const BUDGET = { perMinute: 40, clients: 200, symbolsPerFailingRequest: 20, failingRequests: 10 }
// Checks a-e take about 7 minutes on a loaded machine; f (several instances) about 4 more, g about 1.
const RUN_DEADLINE_MS = 13 * 60_000

const failures = []
function check(ok, message) {
  console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${message}`)
  if (!ok) failures.push(message)
}

const mib = (kib) => `${(kib / 1024).toFixed(1)} MiB`

async function checkThroughput() {
  console.log(
    `\n## a. cached /api/prices: ${SYMBOLS.length} symbols x 1 year, ${THROUGHPUT.connections} connections, ${THROUGHPUT.durationSeconds} s`,
  )
  const server = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_LIMITS } })
  try {
    const url = `${server.url}${PRICES_PATH}`
    const warm = await fetch(url)
    const body = await warm.text()
    console.log(`  GET ${PRICES_PATH}: ${warm.status}, ${body.length} bytes`)
    const result = await autocannon({ url, connections: THROUGHPUT.connections, duration: THROUGHPUT.durationSeconds })
    console.log(
      `  requests/s ${result.requests.average.toFixed(0)} (total ${result.requests.total}), latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    )
    console.log(`  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`)
    check(warm.ok, 'the warm-up request answered 200')
    check(
      result.errors === 0 && result.timeouts === 0 && result.non2xx === 0,
      'no errors, timeouts or non-2xx answers under load',
    )
  } finally {
    await server.stop()
  }
}

async function checkSingleFlight(mock) {
  console.log(
    `\n## b. single-flight: ${COLD.requests} identical concurrent cold requests, live provider, mock answering after ${COLD.slowMs} ms`,
  )
  await fetch(`${mock.url}/__reset`, { method: 'POST' })
  await fetch(`${mock.url}/__mode/slow?slowMs=${COLD.slowMs}`, { method: 'POST' })
  const server = await startNextServer({
    env: { PRICE_PROVIDER: 'yahoo', YAHOO_BASE_URL: mock.url, ...NO_LIMITS },
  })
  try {
    const url = `${server.url}${PRICES_PATH}`
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: COLD.requests }, async () => {
        const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
        const json = await response.json()
        return {
          ms: performance.now() - started,
          status: response.status,
          sources: (json.series ?? []).map((s) => s.source),
          symbols: (json.series ?? []).map((s) => s.symbol),
        }
      }),
    )
    const elapsed = performance.now() - started
    const seen = await (await fetch(`${mock.url}/__requests`)).json()
    const ok = answers.filter(
      (a) => a.status === 200 && a.symbols.length === SYMBOLS.length && a.sources.every((s) => s === 'yahoo'),
    ).length
    const times = answers.map((a) => a.ms)
    console.log(
      `  ${COLD.requests} requests answered in ${elapsed.toFixed(0)} ms (first answer after ${Math.min(...times).toFixed(0)} ms); ` +
        `${ok} were 200 with all ${SYMBOLS.length} series from the live source`,
    )
    const arrivals = seen.requests.map((r) => r.time)
    console.log(
      `  upstream requests seen by the mock: total ${seen.total}, per symbol ${JSON.stringify(seen.bySymbol)}, ` +
        `arriving over ${Math.max(...arrivals) - Math.min(...arrivals)} ms`,
    )
    check(ok === COLD.requests, `all ${COLD.requests} requests answered 200 with live data`)
    check(
      SYMBOLS.every((s) => seen.bySymbol[s] === 1) && seen.total === SYMBOLS.length,
      `exactly one upstream request per symbol (${SYMBOLS.length} in all)`,
    )
    // Were they concurrent? Served one after another, 100 waits on a 1.5 s upstream would take 150 s.
    check(
      elapsed < COLD.slowMs * 4,
      `the batch took ${elapsed.toFixed(0)} ms (< 4 upstream delays), so the requests overlapped`,
    )
  } finally {
    await server.stop()
  }
}

/** Distinct single-symbol requests whose live windows (symbol x calendar-year span) all hold real bars. */
function distinctLiveRequests(symbols, count) {
  const today = new Date().toISOString().slice(0, 10)
  const thisYear = Number(today.slice(0, 4))
  const windows = []
  // The snapshot's bars run 2024-07..2025-06, so every window reaches into 2024 or 2025.
  for (let fromYear = thisYear - 11; fromYear <= 2025; fromYear++) {
    for (let toYear = Math.max(fromYear, 2024); toYear <= thisYear; toYear++) windows.push([fromYear, toYear])
  }
  const requests = []
  const keys = new Set()
  for (let pass = 0; requests.length < count && pass < 28; pass++) {
    // A different day each pass keeps every URL distinct while the window (whole years) stays the same.
    const day = String(pass + 1).padStart(2, '0')
    for (const symbol of symbols) {
      for (const [fromYear, toYear] of windows) {
        const from = `${fromYear}-02-${day}`
        const to = `${toYear}-11-${day}` < today ? `${toYear}-11-${day}` : today
        // The API refuses ranges longer than 3 660 days.
        if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 3_660 || from > to) continue
        if (requests.length >= count) break
        requests.push(`/api/prices?symbols=${encodeURIComponent(symbol)}&from=${from}&to=${to}`)
        keys.add(`${symbol}:${fromYear}:${toYear}`)
      }
    }
  }
  return { requests, windows: keys.size }
}

async function checkMemory(mock, symbols) {
  const { requests, windows } = distinctLiveRequests(symbols, MEMORY.requests)
  console.log(
    `\n## c. memory: ${requests.length} distinct live requests (${windows} distinct cached windows across ${symbols.length} symbols), ` +
      `cache capped at ${MEMORY.cacheMaxWindows} windows, ${MEMORY.concurrency} at a time, server heap --max-old-space-size=${MEMORY.oldSpaceMiB}`,
  )
  // The mock starts in mode ok; a reset also forgets check b's slow mode.
  await fetch(`${mock.url}/__reset`, { method: 'POST' })
  const server = await startNextServer({
    env: {
      PRICE_PROVIDER: 'yahoo',
      YAHOO_BASE_URL: mock.url,
      ...NO_LIMITS,
      PRICE_CACHE_MAX_WINDOWS: String(MEMORY.cacheMaxWindows),
      // With this machine's RAM, V8's default heap limit is several GiB and it postpones full collections
      // until the heap is large, so RSS climbs with garbage (about 470 MiB over this run when measured) and
      // says nothing about retention. A capped old generation collects early: whatever the server keeps
      // must fit under the cap or the process dies, and RSS levels off once the cache is full.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${MEMORY.oldSpaceMiB}`.trim(),
    },
  })
  try {
    // Load the route's code and the live client before the baseline, so the baseline is a working server.
    const warm = await fetch(`${server.url}/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31`)
    await warm.arrayBuffer()
    await fetch(`${mock.url}/__reset`, { method: 'POST' })
    const before = rssKiB(server.pid)
    const samples = []
    let completed = 0
    let bad = 0
    const sampler = setInterval(() => samples.push({ completed, rss: rssKiB(server.pid) }), MEMORY.sampleEveryMs)
    const started = performance.now()
    const sent = await runPool(
      requests.length,
      MEMORY.concurrency,
      async (i) => {
        const response = await fetch(`${server.url}${requests[i]}`, { signal: AbortSignal.timeout(20_000) }).catch(
          () => null,
        )
        if (response) await response.arrayBuffer()
        if (!response || response.status !== 200) bad++
        completed++
      },
      { deadlineMs: MEMORY.deadlineMs },
    )
    clearInterval(sampler)
    const elapsed = (performance.now() - started) / 1000
    const during = rssKiB(server.pid)
    // Idle for a moment: sockets close and the heap settles; what is still held is retained memory.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const after = rssKiB(server.pid)
    const seen = await (await fetch(`${mock.url}/__requests`)).json()

    // RSS once the first pass over all windows is done (the cache has been full since request ~100).
    const firstPass = samples.find((s) => s.completed >= windows)?.rss ?? before
    const peak = Math.max(before, ...samples.map((s) => s.rss), during, after)
    const marks = [0.25, 0.5, 0.75].map((f) => samples[Math.floor((samples.length - 1) * f)]).filter(Boolean)
    console.log(
      `  ${sent} requests in ${elapsed.toFixed(1)} s (${(sent / elapsed).toFixed(0)}/s), ${bad} not 200; upstream requests ${seen.total}`,
    )
    console.log(
      `  RSS before ${mib(before)}; during ${marks.map((m) => `${mib(m.rss)} @${m.completed}`).join(', ')}; ` +
        `after pass 1 (${windows} requests) ${mib(firstPass)}; peak ${mib(peak)}; end ${mib(during)}; 2 s idle ${mib(after)}`,
    )
    console.log(
      `  growth: before -> 2 s idle ${mib(after - before)}; after pass 1 -> 2 s idle ${mib(after - firstPass)}`,
    )

    check(sent === requests.length && bad === 0, `all ${requests.length} requests answered 200`)
    // Every request is a miss only if windows leave the cache: a pass holds ~7x the cap, so nothing survives it.
    check(
      seen.total === sent,
      `every request reached upstream (${seen.total}/${sent}): the cache evicts at its cap instead of growing`,
    )
    // Bounds. What the server should keep is small: the capped cache holds at most 100 windows of ~250 bars
    // (7 fields each, roughly 60 KB of heap), ~6 MiB. Each request also makes ~150 KB of short-lived garbage
    // (payload text, parsed JSON, response), ~450 MiB over the run; kept, it would exhaust the capped heap.
    // - Between the end of the first pass (cache long full) and the end of the run, RSS may move only by the
    //   young generation (two 16 MiB semi-spaces) plus allocator slack: 48 MiB. Single samples spike by about
    //   as much while a collection is due, so the peak is printed but not judged.
    // - Over the whole run the old generation may fill up to its cap from a small baseline heap; off-heap
    //   memory (buffers, sockets) gets 64 MiB on top. More than that means something outside the heap grows.
    const wholeRunBound = (MEMORY.oldSpaceMiB + 64) * 1024
    check(
      after - firstPass < 48 * 1024,
      `no growth once the cache is full: RSS at the end - after pass 1 = ${mib(after - firstPass)} < 48 MiB`,
    )
    check(
      after - before < wholeRunBound,
      `RSS growth over the whole run ${mib(after - before)} < ${mib(wholeRunBound)} (old-space cap + 64 MiB)`,
    )
  } finally {
    await server.stop()
  }
}

/** The 100 ways one client dresses up its id: a new forwarded address per request, in every header form. */
function spoofedHeaders(i, realAddress) {
  const fake = `203.0.${i >> 8}.${i & 255}`
  switch (i % 4) {
    case 0:
      return { 'x-forwarded-for': fake }
    case 1:
      return { 'x-real-ip': fake }
    case 2:
      // What an appending proxy makes of a client-sent header: "spoofed, real".
      return { 'x-forwarded-for': `${fake}, ${realAddress}` }
    default:
      return { forwarded: `for=${fake}`, 'x-forwarded-for': `not-an-address-${i}` }
  }
}

async function countAllowed(server, headersFor) {
  const started = performance.now()
  let allowed = 0
  const statuses = {}
  for (let i = 0; i < SPOOF.requests; i++) {
    const response = await fetch(`${server.url}/api/prices?symbols=NVDA&from=2025-01-02&to=2025-01-31`, {
      headers: headersFor(i),
    })
    await response.arrayBuffer()
    statuses[response.status] = (statuses[response.status] ?? 0) + 1
    if (response.ok) allowed++
  }
  // The bucket refills while the requests go out: one client may get that much more.
  const refill = Math.floor((SPOOF.apiLimit * (performance.now() - started)) / 60_000)
  return { allowed, statuses, oneClient: SPOOF.apiLimit + refill }
}

async function checkSpoofing() {
  console.log(
    `\n## d. spoofed client ids: ${SPOOF.requests} requests from one socket (127.0.0.1), each with a different forwarded id, ` +
      `API_REQUESTS_PER_MINUTE=${SPOOF.apiLimit}`,
  )
  const env = { PRICE_PROVIDER: 'snapshot', ...NO_LIMITS, API_REQUESTS_PER_MINUTE: String(SPOOF.apiLimit) }
  const untrusted = await startNextServer({ env })
  let off
  try {
    off = await countAllowed(untrusted, (i) => spoofedHeaders(i, '198.51.100.7'))
  } finally {
    await untrusted.stop()
  }
  const trusted = await startNextServer({ env: { ...env, TRUST_PROXY_HOPS: '1' } })
  let onDistinct
  let onSameReal
  try {
    // Behind one trusted proxy that appends what it saw: 100 real clients ...
    onDistinct = await countAllowed(trusted, (i) => ({ 'x-forwarded-for': `10.1.1.1, 192.0.2.${i}` }))
    // ... and one real client varying what it sends: the proxy appends the address it saw after it.
    onSameReal = await countAllowed(trusted, (i) => {
      const sent = spoofedHeaders(i, '198.51.100.7')
      return { ...sent, 'x-forwarded-for': `${sent['x-forwarded-for'] ?? ''}, 192.0.2.250`.replace(/^, /, '') }
    })
  } finally {
    await trusted.stop()
  }
  console.log(`  trust off (default): ${off.allowed} of ${SPOOF.requests} allowed ${JSON.stringify(off.statuses)}`)
  console.log(
    `  TRUST_PROXY_HOPS=1, 100 distinct right-most addresses: ${onDistinct.allowed} of ${SPOOF.requests} allowed`,
  )
  console.log(
    `  TRUST_PROXY_HOPS=1, one real client spoofing the left part: ${onSameReal.allowed} of ${SPOOF.requests} allowed ${JSON.stringify(onSameReal.statuses)}`,
  )
  check(
    off.allowed >= SPOOF.apiLimit && off.allowed <= off.oneClient,
    `trust off: 100 spoofed ids get one client's allowance (${off.allowed}: ${SPOOF.apiLimit} plus at most ${off.oneClient - SPOOF.apiLimit} refilled during the run)`,
  )
  check(
    onDistinct.allowed === SPOOF.requests,
    `trust on: the proxy's right-most address is the client (${onDistinct.allowed} = ${SPOOF.requests})`,
  )
  check(
    onSameReal.allowed <= onSameReal.oneClient,
    `trust on: what the client writes before the proxy's entry buys nothing (${onSameReal.allowed} <= ${onSameReal.oneClient})`,
  )
}

async function checkBudget(mock, symbols) {
  console.log(
    `\n## e. server-wide upstream budget: UPSTREAM_REQUESTS_PER_MINUTE=${BUDGET.perMinute}, ` +
      `${BUDGET.clients} client ids (TRUST_PROXY_HOPS=1, one X-Forwarded-For address each), every request cold`,
  )
  const start = () =>
    startNextServer({
      env: {
        PRICE_PROVIDER: 'yahoo',
        YAHOO_BASE_URL: mock.url,
        ...NO_LIMITS,
        UPSTREAM_REQUESTS_PER_MINUTE: String(BUDGET.perMinute),
        TRUST_PROXY_HOPS: '1',
      },
    })
  let server = await start()
  try {
    // Healthy upstream: each client asks for windows nobody asked for before (symbol x year).
    await fetch(`${mock.url}/__reset`, { method: 'POST' })
    const started = performance.now()
    const statuses = {}
    await runPool(BUDGET.clients, 10, async (i) => {
      const symbol = symbols[i % symbols.length]
      const year = 2024 - Math.floor(i / symbols.length)
      const response = await fetch(
        `${server.url}/api/prices?symbols=${encodeURIComponent(symbol)}&from=${year}-03-01&to=2025-03-01`,
        {
          headers: { 'x-forwarded-for': `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` },
          signal: AbortSignal.timeout(20_000),
        },
      )
      await response.arrayBuffer()
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
    })
    const seconds = (performance.now() - started) / 1000
    const healthy = await (await fetch(`${mock.url}/__requests`)).json()
    // The bucket starts full and refills at the budget's rate while the run lasts.
    const allowance = BUDGET.perMinute + Math.ceil((BUDGET.perMinute * seconds) / 60)
    console.log(
      `  healthy upstream: ${BUDGET.clients} cold requests in ${seconds.toFixed(1)} s, answers ${JSON.stringify(statuses)}; upstream requests at the mock ${healthy.total} (allowance over the run ${allowance})`,
    )
    check(
      healthy.total <= allowance,
      `healthy upstream: ${healthy.total} upstream requests <= budget ${allowance} over ${seconds.toFixed(1)} s, whatever the client ids`,
    )

    // Failing upstream (5xx, so every window is retried): ten requests of 20 new symbols, ten client ids, on a
    // fresh server whose budget is full.
    await server.stop()
    server = await start()
    await fetch(`${mock.url}/__reset`, { method: 'POST' })
    await fetch(`${mock.url}/__mode/error500`, { method: 'POST' })
    const failStarted = performance.now()
    const failStatuses = {}
    await Promise.all(
      Array.from({ length: BUDGET.failingRequests }, async (_, i) => {
        const wanted = Array.from(
          { length: BUDGET.symbolsPerFailingRequest },
          (_, k) => `Q${String.fromCharCode(65 + i)}${String.fromCharCode(65 + k)}`,
        )
        const response = await fetch(
          `${server.url}/api/prices?symbols=${wanted.join(',')}&from=2019-02-01&to=2019-03-01`,
          {
            headers: { 'x-forwarded-for': `10.200.0.${i}` },
            signal: AbortSignal.timeout(20_000),
          },
        )
        await response.arrayBuffer()
        failStatuses[response.status] = (failStatuses[response.status] ?? 0) + 1
      }),
    )
    const failSeconds = (performance.now() - failStarted) / 1000
    const failing = await (await fetch(`${mock.url}/__requests`)).json()
    console.log(
      `  failing upstream (5xx): ${BUDGET.failingRequests} requests x ${BUDGET.symbolsPerFailingRequest} new symbols in ${failSeconds.toFixed(1)} s, ` +
        `answers ${JSON.stringify(failStatuses)}; upstream requests at the mock ${failing.total} (before the budget: 600 in 1.9 s)`,
    )
    const failAllowance = BUDGET.perMinute + Math.ceil((BUDGET.perMinute * failSeconds) / 60)
    check(
      failing.total <= failAllowance,
      `failing upstream: ${failing.total} upstream requests <= budget ${failAllowance}`,
    )
  } finally {
    await fetch(`${mock.url}/__mode/ok`, { method: 'POST' })
    await server.stop()
  }
}

const pageCacheOf = async (server) => (await (await fetch(`${server.url}/api/health`)).json()).pageCache ?? undefined

async function checkPageCache() {
  console.log(`\n## g. the page from memory: ${PAGE_PATH}`)
  const rendering = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', PAGE_CACHE_MIB: '0', ...NO_LIMITS } })
  const cached = await startNextServer({ env: { PRICE_PROVIDER: 'snapshot', ...NO_LIMITS } })
  try {
    // A burst of identical requests for a URL nobody asked for yet.
    const burstUrl = `${cached.url}${PAGE_PATH}&burst=${Date.now()}`
    const statuses = await Promise.all(
      Array.from({ length: PAGE.burst }, () => fetch(burstUrl).then(async (r) => (await r.arrayBuffer(), r.status))),
    )
    const afterBurst = await pageCacheOf(cached)
    console.log(
      `  ${PAGE.burst} concurrent requests of a new URL: ${statuses.filter((s) => s === 200).length} answered 200; ` +
        `stored ${afterBurst?.stored}, hits ${afterBurst?.hits}, misses ${afterBurst?.misses}`,
    )
    check(
      statuses.every((s) => s === 200),
      `all ${PAGE.burst} burst requests answered 200`,
    )
    check(afterBurst?.stored === 1 && afterBurst?.misses === 1, 'the burst cost one render')

    const rows = []
    for (const [name, server] of [
      ['rendered every time', rendering],
      ['from memory', cached],
    ]) {
      const url = `${server.url}${PAGE_PATH}`
      await (await fetch(url)).arrayBuffer()
      const result = await autocannon({
        url,
        connections: PAGE.connections,
        duration: PAGE.durationSeconds,
        headers: { 'accept-encoding': 'gzip' },
      })
      rows.push({ name, result })
      console.log(
        `  ${name}: requests/s ${result.requests.average.toFixed(0)}, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
          `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
      )
    }
    check(
      rows.every(({ result }) => result.errors === 0 && result.timeouts === 0 && result.non2xx === 0),
      'no errors, timeouts or non-2xx answers under load, rendered or from memory',
    )
    const [slow, fast] = rows.map(({ result }) => result.requests.average)
    console.log(`  from memory / rendered, requests/s: ${(fast / slow).toFixed(1)}x`)
  } finally {
    await Promise.all([rendering.stop(), cached.stop()])
  }

  const small = await startNextServer({
    env: { PRICE_PROVIDER: 'snapshot', PAGE_CACHE_MIB: String(PAGE.smallCacheMiB), ...NO_LIMITS },
  })
  try {
    let bad = 0
    await runPool(PAGE.distinct, 4, async (i) => {
      const r = await fetch(`${small.url}${PAGE_PATH}&distinct=${i}`)
      await r.arrayBuffer()
      if (r.status !== 200) bad++
    })
    const stats = await pageCacheOf(small)
    console.log(
      `  ${PAGE.distinct} distinct URLs through a ${PAGE.smallCacheMiB} MiB cache: ${stats?.entries} kept, ` +
        `${mib((stats?.bytes ?? 0) / 1024)} of ${mib((stats?.maxBytes ?? 0) / 1024)}; server RSS ${mib(rssKiB(small.pid))}`,
    )
    check(bad === 0, `all ${PAGE.distinct} distinct page requests answered 200`)
    check(
      stats !== undefined && stats.bytes <= stats.maxBytes && stats.entries < PAGE.distinct,
      'the page cache stayed within its bytes',
    )
  } finally {
    await small.stop()
  }
}

async function main() {
  // `--only b,c` runs some of the checks, e.g. while working on one of them.
  const onlyArg = process.argv.indexOf('--only')
  const only = new Set(
    onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
  )
  installCleanup({ deadlineMs: RUN_DEADLINE_MS, label: 'load' })
  const machine = describeMachine()
  console.log(`# npm run load (build: ${benchDistDir()})`)
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.platform}; load average ${machine.loadAverage} at start`,
  )

  const payloadDir = makeTempDir('ai-shock-load-payloads-')
  const written = await runTsx('tests/mock-yahoo/payload-from-bars.ts', ['--out', payloadDir])
  console.log(written.trim())
  // One payload per snapshot symbol, named <SYMBOL>.json.
  const symbols = readdirSync(payloadDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort()

  if (only.has('a')) await checkThroughput()
  if (only.has('g')) await checkPageCache()
  if (only.has('d')) await checkSpoofing()
  const mock = await startMockYahoo({ mode: 'ok', payloadDirs: [payloadDir] })
  try {
    if (only.has('b')) await checkSingleFlight(mock)
    if (only.has('c')) await checkMemory(mock, symbols)
    if (only.has('e')) await checkBudget(mock, symbols)
  } finally {
    await mock.stop()
  }
  try {
    // f. several instances, with and without Redis (scripts/load-cluster.mjs).
    if (only.has('f')) await checkCluster({ check, payloadDirs: [payloadDir] })
  } finally {
    removeTempDir(payloadDir)
  }

  console.log(
    failures.length === 0
      ? '\nload: all checks passed'
      : `\nload: ${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`,
  )
  process.exitCode = failures.length === 0 ? 0 : 1
}

main().catch((error) => {
  console.error(`load: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
