/**
 * Child processes for the tests that need real servers: the standalone production server
 * (`.next/standalone/server.js`, what the Dockerfile runs) and the mock Yahoo server. Each is started on a free
 * loopback port and stopped by the test that started it; only processes started here are ever signalled.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'
import { freePort } from './redis-server'

const ROOT = path.resolve(__dirname, '..', '..')
const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

export interface ServerProcess {
  url: string
  port: number
  pid: number
  child: ChildProcess
  /** Exit code (or 128 + signal number), once the process has ended. */
  exited: Promise<number>
  output(): string
  signal(signal: NodeJS.Signals): void
  stop(): Promise<void>
}

function track(child: ChildProcess, port: number): ServerProcess {
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((l) => l.trim()),
    )
    lines.splice(0, Math.max(0, lines.length - 200))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) =>
      resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : 1)),
    ),
  )
  const alive = () => child.exitCode === null && child.signalCode === null
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid ?? -1,
    child,
    exited,
    output: () => lines.join('\n'),
    signal: (signal) => {
      if (alive()) child.kill(signal)
    },
    async stop() {
      if (!alive()) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
  }
}

async function waitUntilReady(server: ServerProcess, probePath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let ended = false
  void server.exited.then(() => (ended = true))
  while (Date.now() < deadline) {
    if (ended) throw new Error(`server exited before it was ready:\n${server.output()}`)
    try {
      const res = await fetch(`${server.url}${probePath}`, { signal: AbortSignal.timeout(3_000) })
      await res.arrayBuffer()
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await server.stop()
  throw new Error(`server not ready within ${READY_TIMEOUT_MS / 1000} s:\n${server.output()}`)
}

/** The build folder the tests use: NEXT_DIST_DIR, else `.next` (what `npm run build` writes). */
export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next'
}

/**
 * The standalone server needs the client assets beside it (Next.js leaves copying them to the deployer; the
 * Dockerfile does the same copy).
 */
export function prepareStandalone(dir = distDir()): string {
  const standalone = path.join(ROOT, dir, 'standalone')
  const serverJs = path.join(standalone, 'server.js')
  if (!existsSync(serverJs)) throw new Error(`no standalone build at ${serverJs}: run \`npx next build\` first`)
  const staticTarget = path.join(standalone, dir, 'static')
  if (!existsSync(staticTarget)) cpSync(path.join(ROOT, dir, 'static'), staticTarget, { recursive: true })
  return serverJs
}

export async function startStandalone(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<ServerProcess> {
  const serverJs = prepareStandalone()
  const port = options.port ?? (await freePort())
  const child = spawn(process.execPath, [serverJs], {
    cwd: path.dirname(serverJs),
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      ...env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const server = track(child, port)
  await waitUntilReady(server, '/api/health?probe=live')
  return server
}

export async function startMockYahoo(
  options: { slowMs?: number; payloadDirs?: string[] } = {},
): Promise<ServerProcess> {
  const port = await freePort()
  const args = [
    path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    'tests/mock-yahoo/server.ts',
    '--port',
    String(port),
    '--mode',
    'ok',
    '--slow-ms',
    String(options.slowMs ?? 1_500),
  ]
  for (const dir of options.payloadDirs ?? []) args.push('--payloads', dir)
  // Its own process group: tsx runs the server in a grandchild, which a signal to the group also reaches.
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const server = track(child, port)
  const groupStop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-(child.pid ?? 0), 'SIGTERM')
    } catch {
      // Already gone.
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL')
      } catch {
        // Already gone.
      }
    }, STOP_TIMEOUT_MS)
    await server.exited
    clearTimeout(timer)
  }
  const mock = { ...server, stop: groupStop }
  await waitUntilReady(mock, '/__health')
  return mock
}

/** Sets the mock's failure mode for all following requests (`slow` with a delay, `ok`, `error500`, ...). */
export async function setMockMode(mock: ServerProcess, mode: string, slowMs?: number): Promise<void> {
  const query = slowMs === undefined ? '' : `?slowMs=${slowMs}`
  const res = await fetch(`${mock.url}/__mode/${mode}${query}`, { method: 'POST' })
  if (!res.ok) throw new Error(`mock mode ${mode}: ${res.status}`)
}

export async function mockRequests(mock: ServerProcess): Promise<{ total: number; bySymbol: Record<string, number> }> {
  return (await (await fetch(`${mock.url}/__requests`)).json()) as { total: number; bySymbol: Record<string, number> }
}

export async function resetMock(mock: ServerProcess): Promise<void> {
  await fetch(`${mock.url}/__reset`, { method: 'POST' })
}
