/**
 * A throwaway redis-server for tests: loopback only, a free port, a temp dir, no persistence. Started and stopped
 * by the test that needs it (unit tests, the cluster test, the load script), never shared with anything else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN ?? 'redis-server'
const START_TIMEOUT_MS = 10_000

export interface TestRedis {
  url: string
  port: number
  /** Stops the server (SIGKILL: an outage, not a clean shutdown). */
  kill(): Promise<void>
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>
  stop(): Promise<void>
}

/**
 * Whether tests that need Redis can run here. On CI a missing redis-server is an error (.ci/run installs it);
 * on a developer's machine those tests are skipped, with the reason printed.
 */
export function redisAvailability(): { available: true } | { available: false; reason: string } {
  const probe = spawnSync(REDIS_SERVER_BIN, ['--version'], { encoding: 'utf8' })
  if (probe.status === 0) return { available: true }
  const reason = `${REDIS_SERVER_BIN} not found (apt-get install -y redis-server)`
  if (process.env.CI) throw new Error(`Tests need Redis on CI: ${reason}`)
  console.warn(`Skipping the Redis tests: ${reason}.`)
  return { available: false, reason }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`timed out waiting for ${what}`)
}

export async function startRedisServer(options: { port?: number } = {}): Promise<TestRedis> {
  const port = options.port ?? (await freePort())
  const dir = mkdtempSync(join(tmpdir(), 'test-redis-'))
  let child: ChildProcess | undefined

  async function start() {
    const proc = spawn(
      REDIS_SERVER_BIN,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--protected-mode',
        'yes',
        '--enable-debug-command',
        'local',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    child = proc
    let stderr = ''
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${stderr}`))),
    )
    exited.catch(() => {})
    await Promise.race([waitFor(() => canConnect(port), `redis-server on port ${port}`), exited])
  }

  async function kill() {
    const proc = child
    child = undefined
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve())
      proc.kill('SIGKILL')
    })
  }

  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: start,
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
