/**
 * Runs once when a server instance starts (Next.js instrumentation hook): installs the graceful-shutdown bound
 * and opens the shared store now, so the first requests after a start already find Redis connected.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { installGracefulShutdown, SHUTDOWN_GRACE_MS } = await import('./lib/server/shutdown')
  const grace = Number(process.env.SHUTDOWN_GRACE_MS)
  installGracefulShutdown({ graceMs: Number.isInteger(grace) && grace > 0 ? grace : SHUTDOWN_GRACE_MS })
  const { getSharedStore } = await import('./lib/store')
  await getSharedStore().probe()
}
