import http from 'node:http'
import type { Duplex } from 'node:stream'

/**
 * The app answers GET and HEAD only; every other method gets the API's JSON 405 with `Allow: GET, HEAD`, on
 * pages, API routes and static files alike. That cannot be done inside Next.js alone:
 *
 * - `TRACE` (and `TRACK`, `CONNECT`) are forbidden methods in the fetch standard, so Next's `new Request()` for
 *   proxy.ts throws before any app code runs: a 500 and a stack in the log on every path.
 * - Node's HTTP parser refuses a method it does not know (`FOO`) with an empty 400 before Next sees a request
 *   (`clientError`, code `HPE_INVALID_METHOD`).
 * - Static files under `/_next/static` answer other methods with a 500; route handlers answer OPTIONS with a 204
 *   that advertises every method they export.
 *
 * So the guard sits in front of Next's request listener, in the server process, installed by instrumentation.ts
 * at start-up: it wraps `http.Server.prototype.emit` to answer a refused method before the `request` event
 * reaches Next, and the parser's `clientError` for an unknown method. Every other event, and every other client
 * error (431, 413, ...), goes on to Node's own handling unchanged. The app has no Server Actions or forms that
 * post; adding one means allowing POST here (for its path) first.
 */

export const ALLOWED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD'])
export const ALLOW = 'GET, HEAD'

const BODY = JSON.stringify({
  error: { code: 'method_not_allowed', message: 'This server only answers GET and HEAD.' },
})

/**
 * The headers next.config.js gives every response, for answers sent before Next.js sees the request (this guard,
 * the page cache's 429).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

/**
 * The headers next.config.js gives every response (tests/unit/method-guard.test.ts checks they agree), plus the
 * API's no-content policy: a 405 carries no page. `Connection: close`, since the body of the refused request is
 * never read.
 */
export const REFUSAL_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json',
  'Content-Length': String(Buffer.byteLength(BODY)),
  Allow: ALLOW,
  'Cache-Control': 'no-store',
  Connection: 'close',
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}

/** The whole 405 as bytes, for a socket that has no response object (parser errors, CONNECT). */
const RAW_REFUSAL =
  'HTTP/1.1 405 Method Not Allowed\r\n' +
  Object.entries(REFUSAL_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('') +
  `\r\n${BODY}`

export function refuseMethod(res: http.ServerResponse): void {
  res.writeHead(405, REFUSAL_HEADERS)
  res.end(BODY)
}

function refuseOnSocket(socket: Duplex): void {
  if (socket.writable) socket.end(RAW_REFUSAL)
  else socket.destroy()
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
const INSTALLED = Symbol.for('ai-shock.method-guard')
/** Servers that already have a `connect` listener: Node destroys a CONNECT's socket unanswered without one. */
const answersConnect = new WeakSet<http.Server>()

/** Installs the guard once per process; later calls do nothing. Returns whether this call installed it. */
export function installMethodGuard(): boolean {
  const proto = http.Server.prototype as unknown as { emit: Emit; [INSTALLED]?: boolean }
  if (proto[INSTALLED]) return false
  const original = proto.emit
  proto.emit = function guardedEmit(event, ...args) {
    if (!answersConnect.has(this)) {
      answersConnect.add(this)
      if (this.listenerCount('connect') === 0)
        this.on('connect', (_req: http.IncomingMessage, socket: Duplex) => refuseOnSocket(socket))
    }
    if (event === 'request') {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse]
      if (!ALLOWED_METHODS.has(req.method ?? '')) {
        refuseMethod(res)
        return true
      }
    } else if (event === 'clientError') {
      const [error, socket] = args as [NodeJS.ErrnoException, Duplex]
      if (error.code === 'HPE_INVALID_METHOD') {
        refuseOnSocket(socket)
        return true
      }
    }
    return original.call(this, event, ...args)
  }
  proto[INSTALLED] = true
  return true
}
