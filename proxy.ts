import { NextResponse, type NextRequest } from 'next/server'
import { createNonce, pageContentSecurityPolicy } from '@/lib/server/csp'
import { admitPageRequest } from '@/lib/api/client-limits'

/**
 * Gives every page response a Content-Security-Policy with a fresh nonce (see lib/server/csp.ts for why a nonce).
 * The same policy goes on the request, where Next.js looks for the nonce while rendering. API routes and
 * static files are left out by the matcher: their headers, a stricter policy for the API included, come from
 * next.config.js. Only GET and HEAD get this far: every other method is answered before Next.js runs, by the
 * method guard that instrumentation.ts installs (lib/server/method-guard.ts says why it cannot live here).
 */
export async function proxy(request: NextRequest): Promise<Response> {
  // The page draws the chart on the server, so it has its own per-client limit (lib/api/client-limits.ts).
  if (request.nextUrl.pathname === '/') {
    const throttled = await admitPageRequest(request.headers)
    if (throttled) return throttled
  }
  const policy = pageContentSecurityPolicy({ nonce: createNonce(), dev: process.env.NODE_ENV === 'development' })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('content-security-policy', policy)
  return response
}

export const config = {
  matcher: ['/((?!api/|_next/static/|_next/image).*)'],
}
