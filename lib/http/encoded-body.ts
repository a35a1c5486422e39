import 'server-only'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import { negotiateEncoding, parseAcceptEncoding, type ContentCoding } from './accept-encoding'
import { ENCODED_AS_HEADER, ENCODED_LENGTH_HEADER } from './pre-encoded'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/**
 * One cached answer in every coding the API sends. Compressing costs far more than sending (gzip of 140 KB is
 * about 7 ms here, brotli at its best quality about 360 ms), so a cached body is compressed once and the
 * variants are kept beside it: a compressed answer then costs what a raw one does.
 */
export interface EncodedBody {
  identity: Uint8Array<ArrayBuffer>
  gzip: Uint8Array<ArrayBuffer>
  /** Made in the background after the first answer (see `upgradeToBrotli`); until then br clients get gzip. */
  br: Uint8Array<ArrayBuffer> | undefined
  /** A hash of the identity bytes: the ETags of the variants are made from it. */
  tag: string
}

// Level 9 costs about twice level 6 for 1% fewer bytes; it is paid once per cached body.
const GZIP_OPTIONS = { level: 9 }
/**
 * Quality 11 makes JSON of prices about 20% smaller than gzip; lower qualities are no smaller than gzip here. Its
 * cost is why it is made off the request path, one body at a time.
 */
const BROTLI_QUALITY = 11

const toBytes = (buffer: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>

/** The identity bytes with their gzip variant (made on libuv's thread pool, not on the event loop). */
export async function encodeBody(identity: Uint8Array<ArrayBuffer>): Promise<EncodedBody> {
  const gzipped = await gzipAsync(identity, GZIP_OPTIONS)
  const tag = createHash('sha256').update(identity).digest('base64url').slice(0, 27)
  return { identity, gzip: toBytes(gzipped), br: undefined, tag }
}

/** What a cache holding `body` pays for it: every variant counts against the byte cap. */
export function encodedByteLength(body: EncodedBody): number {
  return body.identity.byteLength + body.gzip.byteLength + (body.br?.byteLength ?? 0) + body.tag.length * 2
}

let brotliInProgress = false

/**
 * Adds the brotli variant in the background and hands the completed body to `store` (to put back in the cache,
 * which then counts its bytes). One body at a time on this 2-core budget: while one is being made, other bodies
 * stay as they are and are tried again on a later hit. Failures leave the body without brotli, never an error.
 */
export function upgradeToBrotli(body: EncodedBody, store: (upgraded: EncodedBody) => Promise<void>): void {
  if (body.br || brotliInProgress) return
  brotliInProgress = true
  brotliAsync(body.identity, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.identity.byteLength,
    },
  })
    .then((compressed) => store({ ...body, br: toBytes(compressed) }))
    .catch(() => undefined)
    .finally(() => {
      brotliInProgress = false
    })
}

/** For tests: waits until no brotli variant is being made. */
export async function brotliIdleForTests(): Promise<void> {
  while (brotliInProgress) await new Promise((resolve) => setTimeout(resolve, 5))
}

/** A strong ETag per variant: the same bytes in another coding are another representation (RFC 9110, 8.8.3). */
export function etagFor(tag: string, coding: ContentCoding): string {
  return coding === 'identity' ? `"${tag}"` : `"${tag}-${coding}"`
}

/** Whether If-None-Match names `etag` (weak comparison, as RFC 9110 asks for this header), or is `*`. */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const wanted = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === wanted)
}

/** Whether Next's compression would deflate an identity answer: deflate weighed at least as high as identity. */
function deflateAccepted(acceptEncoding: string | null): boolean {
  const entries = parseAcceptEncoding(acceptEncoding)
  if (!entries) return false
  const deflate = entries.find((e) => e.coding === 'deflate') ?? entries.find((e) => e.coding === '*')
  if (!deflate || deflate.q === 0) return false
  const identity = entries.find((e) => e.coding === 'identity')
  return !identity || identity.q <= deflate.q
}

/**
 * The response for a cached body, in the coding the request prefers: `Content-Encoding`, `Content-Length`,
 * `Vary: Accept-Encoding` and a per-coding ETag set here. Next.js drops the first two from a route's Response;
 * the private copies put them back on the wire (lib/http/pre-encoded.ts), and Next's compression then leaves
 * the body alone. An identity answer is sent as is, unless the client accepts deflate (which the cache does not
 * keep) over identity: Next then deflates it on the way out, so its ETag is weak (the same content, other bytes).
 * A request whose If-None-Match names the variant gets 304 with no body. `headers` are the route's own
 * (Content-Type, Cache-Control, ...), kept unchanged.
 */
export function encodedResponse(
  request: Request,
  body: EncodedBody,
  headers: Readonly<Record<string, string>>,
): Response {
  const available: ContentCoding[] = body.br ? ['br', 'gzip'] : ['gzip']
  // Nothing acceptable at all (`identity;q=0` alone): RFC 9110 lets a server ignore the header, and an
  // uncompressed answer is the one every client can read.
  const acceptEncoding = request.headers.get('accept-encoding')
  const coding = negotiateEncoding(acceptEncoding, available) ?? 'identity'
  const bytes = coding === 'br' && body.br ? body.br : coding === 'gzip' ? body.gzip : body.identity
  const mayBeDeflated = coding === 'identity' && deflateAccepted(acceptEncoding)
  const etag = mayBeDeflated ? `W/${etagFor(body.tag, coding)}` : etagFor(body.tag, coding)
  const out = new Headers(headers)
  out.set('Vary', 'Accept-Encoding')
  out.set('ETag', etag)
  if (coding !== 'identity') {
    out.set('Content-Encoding', coding)
    out.set(ENCODED_AS_HEADER, coding)
  }
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
    out.delete('Content-Disposition')
    return new Response(null, { status: 304, headers: out })
  }
  out.set('Content-Length', String(bytes.byteLength))
  // Next's compression removes the length itself when it does deflate the body.
  out.set(ENCODED_LENGTH_HEADER, String(bytes.byteLength))
  return new Response(bytes, { status: 200, headers: out })
}
