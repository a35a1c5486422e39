/**
 * Runs once when the server starts, before it handles a request (Next.js instrumentation hook).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // Route handlers see no socket; this writes the TCP peer's address into a header no client can forge
  // (lib/limits/peer-address.ts), which per-client limits use unless TRUST_PROXY_HOPS says otherwise.
  const { installPeerAddressStamp } = await import('./lib/limits/peer-address')
  installPeerAddressStamp()
  // On SIGTERM: readiness turns to draining, and a bound ends a process whose requests never finish.
  const { installGracefulShutdown, SHUTDOWN_GRACE_MS } = await import('./lib/server/shutdown')
  const grace = Number(process.env.SHUTDOWN_GRACE_MS)
  installGracefulShutdown({ graceMs: Number.isInteger(grace) && grace > 0 ? grace : SHUTDOWN_GRACE_MS })
  // Open the shared store now, so the first requests after a start already find Redis connected.
  const { getSharedStore } = await import('./lib/store')
  await getSharedStore().probe()
}
