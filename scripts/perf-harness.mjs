/**
 * Shared plumbing for `scripts/load.mjs` and `scripts/bench.mjs`: free loopback ports, the production server
 * and the mock Yahoo server as child processes, and clean-up that runs however the script ends.
 *
 * Children are started in their own process group (`detached`) so one signal to the group also reaches the
 * grandchildren (tsx runs the mock in a second node process); only groups started here are ever signalled.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const NEXT_BIN = path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')
const TSX_CLI = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

/**
 * Ports this project's benchmarks may use; other tools on the machine keep to other ranges. BENCH_PORTS=MIN-MAX
 * picks another range (several people benchmarking on one machine).
 */
export const PORT_RANGE = (() => {
  const match = /^(\d{4,5})-(\d{4,5})$/.exec(process.env.BENCH_PORTS ?? '')
  const [min, max] = match ? [Number(match[1]), Number(match[2])] : [3400, 3499]
  if (!(min >= 1024 && max <= 65535 && min <= max)) throw new Error('BENCH_PORTS must be MIN-MAX within 1024-65535')
  return { min, max }
})()
const SERVER_READY_TIMEOUT_MS = 60_000
const STOP_GRACE_MS = 5_000

/** The build folder to serve: NEXT_DIST_DIR, else `.next-bench`, so the shared `.next` is never touched. */
export function benchDistDir() {
  return process.env.NEXT_DIST_DIR || '.next-bench'
}

const children = new Set()
const tempDirs = new Set()
const exitHooks = []

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

function cleanUpSync() {
  for (const child of children) killGroup(child, 'SIGKILL')
  children.clear()
  for (const hook of exitHooks.splice(0)) {
    try {
      hook()
    } catch {
      // Keep cleaning up the rest.
    }
  }
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

let handlersInstalled = false

/**
 * Kills every child and removes every temp dir on any exit: normal end, an error, Ctrl-C, or the watchdog.
 * The watchdog bounds the whole run, so a hung server can never keep the script alive.
 */
export function installCleanup({ deadlineMs, label }) {
  if (handlersInstalled) return
  handlersInstalled = true
  process.on('exit', cleanUpSync)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\n${label}: ${signal} received, stopping children`)
      process.exit(130)
    })
  }
  const watchdog = setTimeout(() => {
    console.error(`\n${label}: gave up after ${Math.round(deadlineMs / 1000)} s (watchdog); stopping children`)
    process.exit(2)
  }, deadlineMs)
  watchdog.unref()
}

/** Runs `hook` synchronously at exit, after the children are killed (e.g. remove a file written for the run). */
export function onExit(hook) {
  exitHooks.push(hook)
}

export function makeTempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir) {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

const claimedPorts = new Set()

/** A free loopback port in PORT_RANGE, tried in random order so parallel runs rarely collide. */
export async function findFreePort() {
  const ports = []
  for (let p = PORT_RANGE.min; p <= PORT_RANGE.max; p++) if (!claimedPorts.has(p)) ports.push(p)
  for (let i = ports.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[ports[i], ports[j]] = [ports[j], ports[i]]
  }
  for (const port of ports) {
    if (await portIsFree(port)) {
      claimedPorts.add(port)
      return port
    }
  }
  throw new Error(`no free port in ${PORT_RANGE.min}-${PORT_RANGE.max}`)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function spawnChild(command, args, { env, name }) {
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  // The last lines of output, to explain a failed start.
  const tail = []
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) tail.push(line)
    tail.splice(0, Math.max(0, tail.length - 40))
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.once('exit', () => children.delete(child))
  return {
    child,
    name,
    output: () => tail.join('\n'),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      killGroup(child, 'SIGTERM')
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS)
      await gone
      clearTimeout(timer)
      children.delete(child)
    },
  }
}

/**
 * `next start` of an existing production build on 127.0.0.1, resolved once `/api/events` answers 200.
 * `env` is added to this process's environment (e.g. PRICE_PROVIDER).
 */
export async function startNextServer({ env = {}, distDir = benchDistDir() } = {}) {
  if (!existsSync(path.join(PROJECT_ROOT, distDir, 'BUILD_ID'))) {
    throw new Error(`no production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first`)
  }
  const port = await findFreePort()
  const handle = spawnChild(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { NEXT_DIST_DIR: distDir, ...env },
    name: 'next start',
  })
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  while (Date.now() - started < SERVER_READY_TIMEOUT_MS) {
    if (handle.exited()) throw new Error(`next start exited early:\n${handle.output()}`)
    try {
      const response = await fetch(`${url}/api/events`, { signal: AbortSignal.timeout(5_000) })
      await response.arrayBuffer()
      if (response.ok) return { ...handle, url, port, pid: handle.child.pid }
    } catch {
      // Not listening yet.
    }
    await sleep(150)
  }
  await handle.stop()
  throw new Error(`next start did not answer within ${SERVER_READY_TIMEOUT_MS / 1000} s:\n${handle.output()}`)
}

/** The mock Yahoo chart server (tests/mock-yahoo/server.ts) on a random loopback port. */
export async function startMockYahoo({ mode = 'ok', slowMs = 1_500, payloadDirs = [] } = {}) {
  const args = [TSX_CLI, 'tests/mock-yahoo/server.ts', '--port', '0', '--mode', mode, '--slow-ms', String(slowMs)]
  for (const dir of payloadDirs) args.push('--payloads', dir)
  const handle = spawnChild(process.execPath, args, { env: {}, name: 'mock-yahoo' })
  const started = Date.now()
  while (Date.now() - started < SERVER_READY_TIMEOUT_MS) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(handle.output())
    if (match?.[1]) return { ...handle, url: match[1] }
    if (handle.exited()) throw new Error(`mock-yahoo exited early:\n${handle.output()}`)
    await sleep(100)
  }
  await handle.stop()
  throw new Error(`mock-yahoo did not start:\n${handle.output()}`)
}

/**
 * Runs a TypeScript file of this project with tsx and returns its stdout. `react-server` makes the
 * `server-only` guard in lib/ a no-op, as it is inside Next.js.
 */
export function runTsx(file, args = [], { timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [TSX_CLI, '--conditions=react-server', file, ...args],
      { cwd: PROJECT_ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${file} failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    )
  })
}

/** Resident memory of a process and all its descendants, in KiB (Linux /proc). */
export function rssKiB(pid) {
  let total = 0
  const visit = (id) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8')
      total += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const kids = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim()
        for (const kid of kids ? kids.split(/\s+/) : []) visit(kid)
      }
    } catch {
      // The process ended between two reads.
    }
  }
  visit(pid)
  return total
}

/** CPU model, cores, RAM and Node version, for printing next to every figure. */
export function describeMachine() {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) model = line.split(':').slice(1).join(':').trim()
  } catch {
    // Not Linux: os.cpus() said enough.
  }
  return {
    cpu: model,
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine moves every timing; printed so a reader can judge a run.
    loadAverage: loadavg()[0].toFixed(2),
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs `count` async jobs with at most `concurrency` in flight; stops starting new ones after `deadlineMs`. */
export async function runPool(count, concurrency, job, { deadlineMs = Infinity } = {}) {
  const stopAt = Date.now() + deadlineMs
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < count && Date.now() < stopAt) {
      const index = next++
      await job(index)
      done++
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker))
  return done
}
