/**
 * Runs once when the server starts, before it answers any request (Next.js calls `register()` during start-up;
 * node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/instrumentation.md).
 *
 * 1. Checks the environment: a bad value stops the server with a message naming the variable and exit code 1,
 *    instead of a server that starts and answers every request with a 500.
 * 2. Installs the method guard (lib/server/method-guard.ts): every method other than GET and HEAD gets a JSON 405
 *    before Next.js sees it.
 * 3. Route handlers see no socket: the peer stamp writes the TCP peer's address into a header no client can forge
 *    (lib/limits/peer-address.ts), which per-client limits use unless TRUST_PROXY_HOPS says otherwise.
 * 4. Graceful shutdown (lib/server/shutdown.ts): on SIGTERM readiness turns to draining, and SHUTDOWN_GRACE_MS
 *    bounds how long requests still in flight may keep the process alive.
 * 5. Pre-encoded answers (lib/http/pre-encoded.ts): a cached API body the route sends already compressed keeps
 *    its Content-Encoding and Content-Length, which Next.js would otherwise drop (and then compress it again).
 * 6. Opens the shared store (lib/store), so the first requests after a start already find Redis connected.
 * 7. With the embedded snapshot in production, the page cache (lib/server/page-cache.ts): a URL's page is
 *    rendered once a day and then sent from memory with a fresh nonce, after the client's page allowance, its
 *    framework chunks loaded after the first paint unless PAGE_SCRIPTS=eager (lib/server/defer-scripts.ts), and
 *    then those chunks too, with a compile hint (lib/server/chunk-cache.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { readEnv } = await import('./lib/server/env')
  const checked = readEnv()
  if (!checked.ok) {
    console.error(
      `\nThe server did not start: invalid environment.\n${checked.problems.map((p) => `  - ${p}`).join('\n')}\n`,
    )
    process.exit(1)
  }
  // Before the method guard and the peer stamp, so it runs after both (lib/server/page-cache.ts says why).
  const { PRICE_PROVIDER, PAGE_CACHE_MIB, PAGE_SCRIPTS } = checked.env
  if (PRICE_PROVIDER === 'snapshot' && PAGE_CACHE_MIB > 0 && process.env.NODE_ENV === 'production') {
    const [{ installPageCache }, { createChunkCache }, { admitPageRequest }, { createNonce }, { todayIso }] =
      await Promise.all([
        import('./lib/server/page-cache'),
        import('./lib/server/chunk-cache'),
        import('./lib/api/client-limits'),
        import('./lib/server/csp'),
        import('./lib/params'),
      ])
    const deferScripts = PAGE_SCRIPTS === 'after-paint'
    installPageCache({
      maxBytes: PAGE_CACHE_MIB * 1024 * 1024,
      today: todayIso,
      admit: admitPageRequest,
      nonce: createNonce,
      deferScripts,
      // The chunks such a page names, from memory with a compile hint (lib/server/chunk-cache.ts).
      chunks: deferScripts ? createChunkCache() : undefined,
    })
  }
  const { installMethodGuard } = await import('./lib/server/method-guard')
  installMethodGuard()
  const { installPeerAddressStamp } = await import('./lib/limits/peer-address')
  installPeerAddressStamp()
  const { installPreEncodedResponses } = await import('./lib/http/pre-encoded')
  installPreEncodedResponses()
  // On SIGTERM: readiness turns to draining, and a bound ends a process whose requests never finish.
  const { installGracefulShutdown } = await import('./lib/server/shutdown')
  installGracefulShutdown({ graceMs: checked.env.SHUTDOWN_GRACE_MS })
  // Open the shared store now, so the first requests after a start already find Redis connected.
  const { getSharedStore } = await import('./lib/store')
  await getSharedStore().probe()
}
