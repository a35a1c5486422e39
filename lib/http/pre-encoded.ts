import http from 'node:http'

/**
 * Lets a route handler send bytes it has already compressed. Next.js 16 drops `Content-Encoding` and
 * `Content-Length` from every route handler's Response (next/dist/server/send-response.js, FORBIDDEN_HEADERS:
 * a body that fetch() decoded may still carry its upstream's headers), and its own compression then sees an
 * uncompressed answer: it gzips the gzip again, and a brotli body goes out with no coding named at all.
 *
 * So the route names the coding and length under these private headers too, and this hook, installed by
 * instrumentation.ts at start-up, turns them back into `Content-Encoding` and `Content-Length` on the Node
 * response, before its headers are written. Next's compression leaves a response that names a coding alone
 * (the `compression` package: "already encoded"). The private headers themselves are never sent. Only
 * lib/http/encoded-body.ts sets them, from bytes it compressed itself, and only values of the right form pass.
 */
export const ENCODED_AS_HEADER = 'x-ai-shock-encoded-as'
export const ENCODED_LENGTH_HEADER = 'x-ai-shock-encoded-length'

const CODING = /^(?:gzip|br)$/
const LENGTH = /^\d{1,12}$/

type SetHeader = (
  this: http.ServerResponse,
  name: string,
  value: number | string | readonly string[],
) => http.ServerResponse
const INSTALLED = Symbol.for('ai-shock.pre-encoded-responses')

const single = (value: number | string | readonly string[]): string =>
  Array.isArray(value) ? String(value[value.length - 1] ?? '') : String(value)

/** Installs the hook once per process; later calls do nothing. Returns whether this call installed it. */
export function installPreEncodedResponses(): boolean {
  const proto = http.ServerResponse.prototype as unknown as { setHeader: SetHeader; [INSTALLED]?: boolean }
  if (proto[INSTALLED]) return false
  const original = proto.setHeader
  proto.setHeader = function setHeaderPreEncoded(name, value) {
    const lower = name.toLowerCase()
    if (lower === ENCODED_AS_HEADER) {
      const coding = single(value)
      return CODING.test(coding) ? Reflect.apply(original, this, ['Content-Encoding', coding]) : this
    }
    if (lower === ENCODED_LENGTH_HEADER) {
      const length = single(value)
      return LENGTH.test(length) ? Reflect.apply(original, this, ['Content-Length', length]) : this
    }
    return Reflect.apply(original, this, [name, value])
  }
  proto[INSTALLED] = true
  return true
}
