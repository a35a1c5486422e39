import 'server-only'
import { DomainError } from '../errors'
import { env } from '../server/env'
import { getLimitsStore, resetLimitsStoreForTests, type ClientLimitName } from '../limits'
import { clientIdentity } from '../limits/client-identity'
import type { LiveCaller } from '../prices/service'

/**
 * Where the app's per-client limits are applied. Three buckets per client, each a token bucket refilled over
 * a minute (lib/limits/):
 * - `api`: every request to /api/prices and /api/reaction, cached or not (API_REQUESTS_PER_MINUTE);
 * - `page`: every request for the page `/`, which draws the chart on the server (PAGE_REQUESTS_PER_MINUTE,
 *   applied in proxy.ts so the answer can be a real 429);
 * - `live`: every symbol a request needs from the live source that is not cached (LIVE_REQUESTS_PER_MINUTE).
 * Behind all three, the server-wide upstream budget (UPSTREAM_REQUESTS_PER_MINUTE) holds whatever mix of
 * client ids arrives.
 */

const WHAT: Record<ClientLimitName, string> = {
  api: 'Too many requests',
  page: 'Too many page loads',
  live: 'Too many requests for live data',
}

/** The client a request comes from (lib/limits/client-identity.ts), with the trust configured in env. */
export function requestClientId(headers: Headers): string {
  return clientIdentity(headers, { trustProxyHops: env().TRUST_PROXY_HOPS })
}

/** Spends one unit of `clientId`'s `name` allowance, or throws a 'throttled' DomainError with `retryAfterSeconds`. */
export async function takeClientLimit(name: ClientLimitName, clientId: string): Promise<void> {
  const limiter = getLimitsStore().clientLimiter(name)
  const decision = await limiter.take(clientId)
  if (decision.ok) return
  const { retryAfterSeconds } = decision
  const tail = name === 'live' ? '; data already loaded stays available.' : '.'
  throw new DomainError(
    'throttled',
    `${WHAT[name]}: at most ${limiter.limit} per minute from one client. Try again in ${retryAfterSeconds} s${tail}`,
    { retryAfterSeconds },
  )
}

/** The caller for the price service: its queue id, and the live-request limit charged per uncached symbol. */
export function liveCaller(clientId: string): LiveCaller {
  return { id: clientId, admit: () => takeClientLimit('live', clientId) }
}

/**
 * For the API routes: charges the request to its client's `api` allowance (throws 429 when spent) and returns
 * the caller to pass to the price service.
 */
export async function admitApiRequest(request: Pick<Request, 'headers'>): Promise<LiveCaller> {
  const clientId = requestClientId(request.headers)
  await takeClientLimit('api', clientId)
  return liveCaller(clientId)
}

/** For tests: forgets every client (and every cache in the store) and re-reads the limits, with the given clock. */
export function resetLiveRequestLimiterForTests(overrides: { now?: () => number } = {}): void {
  resetLimitsStoreForTests(overrides)
}

/** The page's 429: a short HTML page (no script, no external style), with Retry-After. */
function pageThrottledResponse(error: DomainError): Response {
  const seconds = error.extra.retryAfterSeconds ?? 1
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Too many requests</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head><body><h1>Too many requests</h1><p>This page was loaded too often from your address in the last minute. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and reload.</p></body></html>`
  return new Response(html, {
    status: 429,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(seconds),
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  })
}

/** For proxy.ts: charges a page load to its client's `page` allowance; a Response (429) when it is spent. */
export async function admitPageRequest(headers: Headers): Promise<Response | undefined> {
  try {
    await takeClientLimit('page', requestClientId(headers))
    return undefined
  } catch (error) {
    if (error instanceof DomainError) return pageThrottledResponse(error)
    throw error
  }
}
