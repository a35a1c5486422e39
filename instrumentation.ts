/**
 * Runs once when the server starts, before it handles a request (Next.js instrumentation hook).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Route handlers see no socket; this writes the TCP peer's address into a header no client can forge
    // (lib/limits/peer-address.ts), which per-client limits use unless TRUST_PROXY_HOPS says otherwise.
    const { installPeerAddressStamp } = await import('./lib/limits/peer-address')
    installPeerAddressStamp()
  }
}
