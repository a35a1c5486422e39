import { randomBytes } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'

/**
 * The header that carries the TCP peer's address to route handlers and server components, which under
 * `next start` see only a web `Request` and never the socket. Whatever a client sends under this name is
 * replaced when the request arrives.
 */
export const PEER_ADDRESS_HEADER = 'x-ai-shock-peer-address'

const STAMP = Symbol.for('ai-shock.peer-address-stamp')
const TRUSTED_FOR_TESTS = Symbol.for('ai-shock.peer-address-trusted-for-tests')

type StampedGlobal = typeof globalThis & { [STAMP]?: { token: string }; [TRUSTED_FOR_TESTS]?: boolean }

/**
 * Why not X-Forwarded-For: `next start` sets it from the socket only when the request has none
 * (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client that sends its own
 * keeps it, and an id taken from it is the client's choice.
 *
 * How: every HTTP server's 'request' event is wrapped so the header is written from `socket.remoteAddress`
 * before any listener runs. The value starts with a random token made at start-up, because `next start`
 * listens before it has run instrumentation.ts: a request that arrived in that moment was never stamped, and
 * whatever its client wrote under this name must not pass for a stamp. (Node's `IncomingMessage#headers`
 * getter is not configurable, so stamping on read instead is not possible.)
 */
export function installPeerAddressStamp(): void {
  const global = globalThis as StampedGlobal
  if (global[STAMP]) return
  const token = randomBytes(16).toString('hex')
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const originalEmit = proto.emit
    proto.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      const req = args[0]
      if (event === 'request' && req instanceof http.IncomingMessage) {
        req.headers[PEER_ADDRESS_HEADER] = `${token} ${req.socket.remoteAddress ?? ''}`
      }
      return Reflect.apply(originalEmit, this, [event, ...args]) as boolean
    }
  }
  global[STAMP] = { token }
}

/**
 * The peer address a stamped request carries, or undefined when it carries none this process wrote (the stamp
 * is not installed, or the request arrived before it was).
 */
export function stampedPeerAddress(headers: Headers): string | undefined {
  const global = globalThis as StampedGlobal
  const value = headers.get(PEER_ADDRESS_HEADER)
  if (value === null) return undefined
  if (global[TRUSTED_FOR_TESTS]) return value
  const token = global[STAMP]?.token
  if (!token || !value.startsWith(`${token} `)) return undefined
  return value.slice(token.length + 1)
}

/**
 * For unit tests that call route handlers with a `Request` they built: they play the part of the stamp, and
 * the header's value is taken as the peer address as it stands.
 */
export function markPeerAddressStampForTests(trusted: boolean): void {
  ;(globalThis as StampedGlobal)[TRUSTED_FOR_TESTS] = trusted
}
