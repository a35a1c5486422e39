/**
 * Graceful shutdown. On SIGTERM (what Docker, Kubernetes and compose send) Next.js's own handler stops
 * accepting connections and waits for the requests in flight; this module adds what it lacks: readiness turns
 * to "draining" at once (so /api/health tells a load balancer to stop sending), and a bound, so a request that
 * never finishes cannot keep the process alive past SHUTDOWN_GRACE_MS.
 */

/** Long enough for a slow live request (the upstream timeout plus its retries), short of Docker's default 10 s stop timeout. */
export const SHUTDOWN_GRACE_MS = 8_000
/** Exit code of a process ended by SIGTERM (128 + 15), what Next.js uses too. */
const SIGTERM_EXIT_CODE = 143

const state = globalThis as typeof globalThis & {
  __aiShockDrainingSince?: string
  __aiShockShutdownInstalled?: boolean
}

/** When draining started (ISO time), or undefined while the instance takes traffic. */
export function drainingSince(): string | undefined {
  return state.__aiShockDrainingSince
}

export function installGracefulShutdown(options: { graceMs?: number; log?: (message: string) => void } = {}): void {
  if (state.__aiShockShutdownInstalled) return
  state.__aiShockShutdownInstalled = true
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS
  const log = options.log ?? ((message: string) => console.log(message))
  const onSignal = (signal: NodeJS.Signals) => {
    if (state.__aiShockDrainingSince) return
    state.__aiShockDrainingSince = new Date().toISOString()
    log(`[shutdown] ${signal}: no new connections; finishing requests in flight for at most ${graceMs} ms`)
    const timer = setTimeout(() => {
      log(`[shutdown] requests still open after ${graceMs} ms; exiting anyway`)
      process.exit(SIGTERM_EXIT_CODE)
    }, graceMs)
    // Next.js exits by itself once the last request is done; the timer must not hold the process up.
    timer.unref()
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
