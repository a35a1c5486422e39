import type http from 'node:http'
import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate } from 'node:zlib'

/**
 * What Next.js sends, read as it goes out: the page cache (lib/server/page-cache.ts) keeps a rendered page this
 * way, and the chunk cache (lib/server/chunk-cache.ts) a chunk of the page's JavaScript. Both store the answer as
 * it was sent, its body decoded from the coding Next.js' compression gave it for that one request.
 */

/** Response headers that describe one transfer: not stored, and an answer from memory sets its own. */
export const TRANSFER_HEADERS: ReadonlySet<string> = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
])

export const headerValues = (value: number | string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]

const DECODERS: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
  identity: async (b) => b,
}

/** One answer as it went out. */
export interface SentAnswer {
  status: number
  headers: http.OutgoingHttpHeaders
  /** As sent: compressed when the answer was. */
  body: Buffer
}

/** The body of `sent` without its content coding, or undefined for a coding this server does not decode. */
export async function decodedBody(sent: SentAnswer): Promise<Buffer | undefined> {
  const coding = (headerValues(sent.headers['content-encoding'])[0] ?? 'identity').trim().toLowerCase()
  const decode = DECODERS[coding]
  return decode ? decode(sent.body) : undefined
}

/** `headers` with Accept-Encoding in their Vary: an answer from memory differs by the coding it is sent in. */
export function withAcceptEncodingInVary(headers: [string, string[]][]): [string, string[]][] {
  const vary = headers.find(([name]) => name.toLowerCase() === 'vary')
  if (!vary) return [...headers, ['Vary', ['Accept-Encoding']]]
  if (vary[1].some((v) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(v))) return headers
  return headers.map(([name, values]) =>
    name === vary[0] ? [name, [[...values, 'Accept-Encoding'].join(', ')]] : [name, values],
  )
}

type Chunk = string | Uint8Array
const toBuffer = (chunk: Chunk, encoding: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk)

/**
 * Watches what is sent on `res` and calls `done` once, when it has all gone out: with the status, the headers and
 * the body as sent, or with undefined when the answer ended early, its headers could not be read back (given to
 * writeHead as a raw array) or its body passed `maxBytes`. Sends exactly what it would have sent unwatched.
 */
function watchResponse(res: http.ServerResponse, maxBytes: number, done: (sent: SentAnswer | undefined) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let status = 0
  let headers: http.OutgoingHttpHeaders | undefined
  const collect = (chunk: unknown, encoding: unknown) => {
    if (size > maxBytes || (typeof chunk !== 'string' && !(chunk instanceof Uint8Array))) return
    const bytes = toBuffer(chunk, encoding)
    size += bytes.byteLength
    chunks.push(bytes)
  }
  const { writeHead, write, end } = res
  res.writeHead = function watchedWriteHead(this: http.ServerResponse, ...args: unknown[]) {
    const result = Reflect.apply(writeHead, this, args) as http.ServerResponse
    status = this.statusCode
    // Headers given to writeHead as an object are merged into getHeaders(); a raw array is not readable back.
    const given = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null)
    headers = Array.isArray(given) ? undefined : { ...this.getHeaders(), ...(given as object | undefined) }
    return result
  } as typeof res.writeHead
  res.write = function watchedWrite(this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0])
    return Reflect.apply(write, this, [chunk, ...rest]) as boolean
  } as typeof res.write
  res.end = function watchedEnd(this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') collect(chunk, rest[0])
    return Reflect.apply(end, this, [chunk, ...rest]) as http.ServerResponse
  } as typeof res.end
  let called = false
  const once = (sent: SentAnswer | undefined) => {
    if (called) return
    called = true
    done(sent)
  }
  res.once('finish', () => {
    once(!headers || size > maxBytes ? undefined : { status, headers, body: Buffer.concat(chunks) })
  })
  res.once('close', () => {
    if (!res.writableFinished) once(undefined)
  })
}

/**
 * Keeps what is sent on `res` for `key`. While it goes out, `pending` holds a promise of what will be kept, so
 * concurrent requests can wait for it or leave it alone. Once it has all gone out, `make` turns it into the kept
 * form (undefined: not one to keep) and `store` stores that; then the key leaves `pending`, whatever happened.
 */
export function keepAnswer<K, T>(
  pending: Map<K, Promise<T | undefined>>,
  key: K,
  res: http.ServerResponse,
  maxBytes: number,
  make: (sent: SentAnswer) => Promise<T | undefined>,
  store: (kept: T) => void,
): void {
  let settle: (kept: T | undefined) => void = () => {}
  pending.set(
    key,
    new Promise<T | undefined>((resolve) => {
      settle = resolve
    }),
  )
  const finish = (kept: T | undefined) => {
    try {
      if (kept !== undefined) store(kept)
    } finally {
      pending.delete(key)
      settle(kept)
    }
  }
  watchResponse(res, maxBytes, (sent) => {
    if (!sent) return finish(undefined)
    make(sent).then(finish, () => finish(undefined))
  })
}

/**
 * Sends an answer kept in memory: a 200 with its headers, the coding its body is in, its length, and `marker:
 * hit` so a client can tell it came from memory. A HEAD gets the same headers and no body.
 */
export function sendKept(
  res: http.ServerResponse,
  kept: { headers: readonly (readonly [string, readonly string[]])[]; coding: string; body: Buffer },
  marker: string,
  head: boolean,
): void {
  res.statusCode = 200
  for (const [name, values] of kept.headers) res.setHeader(name, values)
  if (kept.coding !== 'identity') res.setHeader('Content-Encoding', kept.coding)
  res.setHeader('Content-Length', kept.body.byteLength)
  res.setHeader(marker, 'hit')
  res.end(head ? undefined : kept.body)
}
