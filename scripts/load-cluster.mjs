/**
 * Several instances (`npm run load`, section f; or `node scripts/load-cluster.mjs` alone). Builds nothing: it serves
 * the standalone server of the build in NEXT_DIST_DIR (`.next-bench` when unset), with a redis-server of its own
 * (loopback, temp dir, no persistence) and the mock upstream, all started and stopped here:
 *
 *   f1. a cold burst: 100 identical concurrent requests (5 symbols x 1 year), mock answering after 1.5 s, round-robin
 *       over 1 instance, 3 instances each on its own memory, and 3 instances sharing Redis: upstream requests per symbol;
 *   f2. cached /api/prices on live data (every window already cached), 20 connections for 5 s, one instance on memory
 *       and one on Redis, in the same run: p50, p99, requests/s and the ratio;
 *   f3. a Redis outage under load: 10 requests in flight all the time; Redis killed after 2 s and back after 4 s;
 *       latency before, during and after, and the slowest request.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, cpSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { benchDistDir, findFreePort, makeTempDir, onExit, PROJECT_ROOT, startMockYahoo } from './perf-harness.mjs'

const SYMBOLS = ['NVDA', 'AVGO', 'AMD', 'MSFT', 'SPY']
const PRICES_PATH = `/api/prices?symbols=${SYMBOLS.join(',')}&from=2024-07-01&to=2025-06-30`
const BURST = { requests: 100, slowMs: 1_500 }
const CACHED = { connections: 20, durationSeconds: 5 }
const OUTAGE = { concurrency: 10, killAtMs: 2_000, backAtMs: 4_000, endAtMs: 7_000 }
/** Limits far above what a load run sends from its one loopback client, so they measure the store, not the limits. */
const NO_LIMITS = {
  API_REQUESTS_PER_MINUTE: '1000000',
  LIVE_REQUESTS_PER_MINUTE: '1000000',
  UPSTREAM_REQUESTS_PER_MINUTE: '1000000',
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const started = new Set()
onExit(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})

function spawnTracked(command, args, options) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  started.add(child)
  const tail = []
  const keep = (chunk) => {
    tail.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l.trim()),
    )
    tail.splice(0, Math.max(0, tail.length - 400))
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    child,
    output: () => tail.join('\n'),
    /** Lines written since the last call, then forgotten (what an instance logged during one burst). */
    drain: () => tail.splice(0, tail.length),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      started.delete(child)
    },
  }
}

async function waitFor(check, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await sleep(100)
  }
  throw new Error(`timed out waiting for ${what}`)
}

export async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status !== 0)
    throw new Error('redis-server not found (apt-get install -y redis-server)')
  const port = await findFreePort()
  const dir = makeTempDir('ai-shock-load-redis-')
  let handle
  const start = async () => {
    handle = spawnTracked(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {},
    )
    await waitFor(
      async () => spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.trim() === 'PONG',
      'redis-server',
      10_000,
    )
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => handle.stop('SIGKILL'),
    restart: start,
    stop: () => handle.stop('SIGKILL'),
  }
}

/** The standalone server of the build (what the Dockerfile runs), ready once /api/health answers. */
export async function startStandalone(env) {
  const distDir = benchDistDir()
  const serverJs = path.join(PROJECT_ROOT, distDir, 'standalone', 'server.js')
  if (!existsSync(serverJs))
    throw new Error(`no standalone build at ${serverJs}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first`)
  const staticTarget = path.join(PROJECT_ROOT, distDir, 'standalone', distDir, 'static')
  if (!existsSync(staticTarget)) cpSync(path.join(PROJECT_ROOT, distDir, 'static'), staticTarget, { recursive: true })
  const port = await findFreePort()
  const handle = spawnTracked(process.execPath, [serverJs], {
    cwd: path.dirname(serverJs),
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      ...NO_LIMITS,
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    async () => (await fetch(`${url}/api/health`)).ok,
    `the standalone server on ${port}:\n${handle.output()}`,
  )
  return { ...handle, url }
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** The burst's query; `yearsBack` > 0 asks a longer window (a cold one again: windows are whole calendar years). */
function burstPath(yearsBack = 0) {
  return yearsBack === 0
    ? PRICES_PATH
    : `/api/prices?symbols=${SYMBOLS.join(',')}&from=${2024 - yearsBack}-07-01&to=2025-06-30`
}

async function coldBurst(label, instances, mock, query = PRICES_PATH) {
  await fetch(`${mock.url}/__reset`, { method: 'POST' })
  await fetch(`${mock.url}/__mode/slow?slowMs=${BURST.slowMs}`, { method: 'POST' })
  const t0 = performance.now()
  const statuses = await Promise.all(
    Array.from({ length: BURST.requests }, async (_, i) => {
      const res = await fetch(`${instances[i % instances.length].url}${query}`, { signal: AbortSignal.timeout(60_000) })
      await res.arrayBuffer()
      return res.status
    }),
  )
  const elapsed = performance.now() - t0
  const seen = await (await fetch(`${mock.url}/__requests`)).json()
  const perSymbol = SYMBOLS.map((s) => seen.bySymbol[s] ?? 0)
  const ok = statuses.filter((s) => s === 200).length
  console.log(
    `  ${label}: upstream requests per symbol ${perSymbol.join(' / ')} (total ${seen.total}); ${ok}/${BURST.requests} answered 200 in ${elapsed.toFixed(0)} ms`,
  )
  return { perSymbol, total: seen.total, ok }
}

async function cachedThroughput(label, server) {
  const url = `${server.url}${PRICES_PATH}`
  // Warm: the first request fills the window cache (and Redis) for every symbol.
  for (let i = 0; i < 3; i++) await (await fetch(url)).arrayBuffer()
  const result = await autocannon({ url, connections: CACHED.connections, duration: CACHED.durationSeconds })
  console.log(
    `  ${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms ` +
      `(errors ${result.errors}, non-2xx ${result.non2xx})`,
  )
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.errors + result.non2xx + result.timeouts,
  }
}

async function outage(server, redis) {
  const url = `${server.url}${PRICES_PATH}`
  const samples = []
  const t0 = performance.now()
  let phase = 'before'
  const worker = async () => {
    while (performance.now() - t0 < OUTAGE.endAtMs) {
      // Counted in the phase it was sent in: a request sent just before the kill is an "up" one.
      const sentIn = phase
      const start = performance.now()
      let status = 0
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(15_000) })
        await res.arrayBuffer()
        status = res.status
      } catch {
        status = -1
      }
      samples.push({ phase: sentIn, ms: performance.now() - start, status })
    }
  }
  const workers = Array.from({ length: OUTAGE.concurrency }, worker)
  await sleep(OUTAGE.killAtMs)
  phase = 'during'
  await redis.kill()
  await sleep(OUTAGE.backAtMs - OUTAGE.killAtMs)
  await redis.restart()
  phase = 'after'
  await Promise.all(workers)
  const rows = {}
  for (const name of ['before', 'during', 'after']) {
    const ms = samples
      .filter((s) => s.phase === name)
      .map((s) => s.ms)
      .sort((a, b) => a - b)
    rows[name] = { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN }
    console.log(
      `  ${name.padEnd(6)} Redis ${name === 'during' ? 'down' : 'up  '}: ${ms.length} requests, p50 ${rows[name].p50.toFixed(1)} ms, p99 ${rows[name].p99.toFixed(1)} ms, max ${rows[name].max.toFixed(1)} ms`,
    )
  }
  const bad = samples.filter((s) => s.status !== 200)
  return { rows, bad: bad.length }
}

/** Runs f1-f3; `check(ok, message)` records a pass or a failure in the caller's report. */
export async function checkCluster({ check, payloadDirs }) {
  const mock = await startMockYahoo({ mode: 'ok', payloadDirs })
  const redis = await startRedis()
  const live = { PRICE_PROVIDER: 'yahoo', YAHOO_BASE_URL: mock.url }
  try {
    console.log(
      `\n## f1. cold burst: ${BURST.requests} identical concurrent requests, ${SYMBOLS.length} symbols x 1 year, mock answering after ${BURST.slowMs} ms, round-robin`,
    )
    const one = [await startStandalone(live)]
    const single = await coldBurst('1 instance, memory     ', one, mock)
    await one[0].stop()
    const three = []
    for (let i = 0; i < 3; i++) three.push(await startStandalone(live))
    const unshared = await coldBurst('3 instances, memory    ', three, mock)
    await Promise.all(three.map((s) => s.stop()))
    const shared3 = []
    for (let i = 0; i < 3; i++) shared3.push(await startStandalone({ ...live, REDIS_URL: redis.url }))
    const shared = await coldBurst('3 instances, one Redis ', shared3, mock)
    await Promise.all(shared3.map((s) => s.stop()))
    check(
      single.perSymbol.every((n) => n === 1) && single.ok === BURST.requests,
      '1 instance: one upstream request per symbol, all 200',
    )
    check(
      shared.perSymbol.every((n) => n === 1) && shared.ok === BURST.requests,
      '3 instances sharing Redis: one upstream request per symbol, all 200',
    )
    console.log(
      `  without Redis the 3 instances sent ${unshared.total} upstream requests for ${SYMBOLS.length} symbols`,
    )

    console.log(
      `\n## f2. cached /api/prices on live data (${SYMBOLS.length} windows cached), ${CACHED.connections} connections, ${CACHED.durationSeconds} s`,
    )
    await fetch(`${mock.url}/__mode/ok`, { method: 'POST' })
    const memoryServer = await startStandalone(live)
    const memory = await cachedThroughput('memory', memoryServer)
    await memoryServer.stop()
    const redisServer = await startStandalone({ ...live, REDIS_URL: redis.url })
    const withRedis = await cachedThroughput('Redis ', redisServer)
    console.log(
      `  Redis / memory: req/s ${(withRedis.rps / memory.rps).toFixed(2)}x, p50 ${(withRedis.p50 / Math.max(1, memory.p50)).toFixed(2)}x, p99 ${(withRedis.p99 / Math.max(1, memory.p99)).toFixed(2)}x`,
    )
    check(memory.bad === 0 && withRedis.bad === 0, 'cached answers: no errors or non-2xx, with or without Redis')

    console.log(
      `\n## f3. Redis outage under load: ${OUTAGE.concurrency} requests in flight, Redis killed at ${OUTAGE.killAtMs} ms, back at ${OUTAGE.backAtMs} ms`,
    )
    const result = await outage(redisServer, redis)
    const health = await (await fetch(`${redisServer.url}/api/health`)).json()
    await redisServer.stop()
    check(result.bad === 0, `no failed request during the outage (${result.bad} not 200)`)
    // What the outage may add: on a loaded machine the slowest request with Redis up is already slow, so the
    // bound is relative to it (a request must not wait on a dead Redis: its connection errors at once).
    const added = result.rows.during.max - result.rows.before.max
    check(
      added < 2_000,
      `the slowest request sent during the outage took ${result.rows.during.max.toFixed(0)} ms, ${added.toFixed(0)} ms more than the slowest before (< 2 s more)`,
    )
    console.log(`  health after: ${health.status}, store reachable ${health.store?.reachable}`)
    return { single, unshared, shared, memory, withRedis, outage: result.rows }
  } finally {
    await redis.stop()
    await mock.stop()
  }
}

/**
 * Busy processes that keep the cores occupied, so a burst can be measured on a loaded machine on purpose
 * (`--cpu-load K`), the condition under which the cross-instance single-flight once split.
 */
function startCpuLoad(count) {
  return Array.from({ length: count }, () => spawnTracked(process.execPath, ['-e', 'for (;;) {}'], {}))
}

/**
 * The cold burst over three instances sharing Redis, `repeat` times in a row (each time a window nobody has
 * asked for yet), with `cpuLoad` busy processes running: upstream requests per symbol, each time.
 */
export async function repeatSharedBursts({ check, payloadDirs, repeat, cpuLoad = 0 }) {
  const mock = await startMockYahoo({ mode: 'ok', payloadDirs })
  const redis = await startRedis()
  const instances = []
  let burners = []
  try {
    for (let i = 0; i < 3; i++)
      instances.push(await startStandalone({ PRICE_PROVIDER: 'yahoo', YAHOO_BASE_URL: mock.url, REDIS_URL: redis.url }))
    burners = startCpuLoad(cpuLoad)
    console.log(
      `\n## cold bursts over 3 instances sharing Redis, ${repeat} times, ${cpuLoad} busy processes besides (load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    )
    const results = []
    for (let r = 1; r <= repeat; r++) {
      const result = await coldBurst(
        `burst ${r}, ${SYMBOLS.length} windows of ${r + 1} years`,
        instances,
        mock,
        burstPath(r),
      )
      results.push(result)
      instances.forEach((s, n) => {
        const logged = s.drain().filter((line) => /\[(store|flight|diag)\]/.test(line))
        if (logged.length > 0) console.log(`    instance ${n + 1} logged:\n      ${logged.join('\n      ')}`)
      })
      check(
        result.perSymbol.every((n) => n === 1) && result.ok === BURST.requests,
        `burst ${r}: one upstream request per symbol, all 200`,
      )
    }
    for (const [n, server] of instances.entries()) {
      const health = await (await fetch(`${server.url}/api/health`)).json()
      console.log(`  instance ${n + 1} single-flight paths: ${JSON.stringify(health.singleFlight)}`)
    }
    return results
  } finally {
    await Promise.all(burners.map((b) => b.stop('SIGKILL')))
    await Promise.all(instances.map((s) => s.stop()))
    await redis.stop()
    await mock.stop()
  }
}

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
if (invokedDirectly) {
  const { installCleanup, runTsx, removeTempDir } = await import('./perf-harness.mjs')
  installCleanup({ deadlineMs: 10 * 60_000, label: 'load-cluster' })
  const failures = []
  const check = (ok, message) => {
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${message}`)
    if (!ok) failures.push(message)
  }
  const payloadDir = makeTempDir('ai-shock-load-payloads-')
  await runTsx('tests/mock-yahoo/payload-from-bars.ts', ['--out', payloadDir, '--symbols', SYMBOLS.join(',')])
  const option = (name) => {
    const at = process.argv.indexOf(name)
    return at === -1 ? undefined : Number(process.argv[at + 1])
  }
  const bursts = option('--bursts')
  try {
    if (bursts)
      await repeatSharedBursts({ check, payloadDirs: [payloadDir], repeat: bursts, cpuLoad: option('--cpu-load') ?? 0 })
    else await checkCluster({ check, payloadDirs: [payloadDir] })
  } finally {
    removeTempDir(payloadDir)
  }
  console.log(failures.length === 0 ? '\nload-cluster: all checks passed' : `\nload-cluster: ${failures.length} failed`)
  process.exit(failures.length === 0 ? 0 : 1)
}
