import http from 'node:http'
import { LRUCache } from 'lru-cache'
import { negotiateEncoding } from '../http/accept-encoding'
import { spliceable, splicedGzip, splicedIdentity, type SplicedText } from '../http/gzip-splice'
import type { ChunkCache, ChunkCacheStats } from './chunk-cache'
import { deferFrameworkScripts } from './defer-scripts'
import { SECURITY_HEADERS } from './method-guard'
import {
  decodedBody,
  headerValues,
  keepAnswer,
  sendKept,
  TRANSFER_HEADERS,
  withAcceptEncodingInVary,
  type SentAnswer,
} from './watched-response'

/**
 * The page `/` from memory. A render of the dashboard costs 130 to 190 ms of server time; with the embedded
 * snapshot the same URL on the same day always renders the same page, except for its CSP nonce. So the first
 * render of a URL is kept, cut at every place its nonce appears, and later requests get the same bytes with a
 * fresh nonce in every one of those places (the header, every script tag, the RSC payload's copies). The gzip
 * variant is assembled per response from pieces compressed once (lib/http/gzip-splice.ts), so a hit costs a CRC
 * pass and a copy, not a render or a compression.
 *
 * What it keeps and when:
 * - Only documents: GET or HEAD of `/`, without the headers of a client-side navigation (those ask Next.js for RSC
 *   data, not HTML). Only a 200 text/html answer with exactly one nonce in its policy and no cookie is stored.
 * - The key is the request's path and query as sent, its Host, and the day: the page refuses a From in the
 *   future, so a new day may be a new page.
 * - Bounded by bytes (every piece, compressed and not, counts), least recently used first out.
 * - Concurrent misses of one key wait for the render already running, so a crowd on one new URL costs one render.
 * - The per-client page allowance is charged on a hit as it is in proxy.ts on a render: a hit never skips it.
 * - With `deferScripts`, the stored page loads the framework's chunks after its first paint
 *   (lib/server/defer-scripts.ts); the render that filled the cache went out as Next.js wrote it. With `chunks`
 *   too, each such page tells the chunk cache the chunks it names, and the requests for those are handed to it
 *   (lib/server/chunk-cache.ts): one hook in front of Next.js for both.
 *
 * It is turned on only where a page is a function of its URL and the day: the embedded snapshot, in production
 * (instrumentation.ts). With a live provider the page also shows the upstream's state and the client's own live
 * allowance, so every request renders.
 */

export const PAGE_CACHE_HEADER = 'X-Page-Cache'

/** With these, Next.js answers a client-side navigation (RSC data), not the page's HTML. */
const NAVIGATION_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
] as const

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/_=-]{16,128})'/g
/** A page larger than this (as sent, or decoded) is served but not kept: the dashboard's is about 0.6 MB. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024
/** How long a request for a URL being rendered waits for that render before rendering it itself. */
const WAIT_FOR_RENDER_MS = 15_000
const MAX_URL_LENGTH = 8 * 1024

export interface CachedPage {
  /** Each value cut where the nonce goes, as the body is. */
  headers: readonly (readonly [name: string, values: readonly (readonly string[])[]])[]
  body: SplicedText
  bytes: number
  /** Its framework chunks load after the first paint (lib/server/defer-scripts.ts). */
  deferred: boolean
  /** Those chunks, when they do: what the chunk cache may answer from memory. */
  chunks: readonly string[]
}

export interface PageCacheOptions {
  maxBytes: number
  /** The day, as the page reads it (lib/params.ts `todayIso`). */
  today: () => string
  /** Charges a hit to its client's page allowance; a Response (the 429) to send instead when it is spent. */
  admit: (headers: Headers) => Promise<Response | undefined>
  /** A fresh nonce, of the same form as the stored one (lib/server/csp.ts `createNonce`). */
  nonce: () => string
  /** Compression level of the stored pieces (zlib's 1 to 9). */
  level?: number
  /** Load the framework's chunks after the first paint (lib/server/defer-scripts.ts). Default: no. */
  deferScripts?: boolean
  /**
   * Answers the chunks a deferred page names from memory, with a compile hint (lib/server/chunk-cache.ts); it is
   * told them as each such page is stored. Without it Next.js serves them.
   */
  chunks?: ChunkCache
}

export interface PageCacheStats {
  entries: number
  bytes: number
  maxBytes: number
  hits: number
  misses: number
  stored: number
  /**
   * Of the pages stored, those whose chunks load after the first paint. With the rewrite on, fewer than `stored`
   * means a render was not the shape it knows (a new Next.js?) and is sent as rendered.
   */
  deferred: number
  /** The chunk cache's figures, when there is one. */
  chunks?: ChunkCacheStats
}

type RequestLike = Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>

/** The cache key of a request, or undefined when its answer is not a page this cache may keep or give. */
export function pageCacheKey(req: RequestLike, today: string): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
  const url = req.url ?? ''
  if (url.length > MAX_URL_LENGTH) return undefined
  if (url !== '/' && !url.startsWith('/?')) return undefined
  if (NAVIGATION_HEADERS.some((name) => req.headers[name] !== undefined)) return undefined
  // The page draws nothing from the Host header today; keying by it too keeps a later absolute URL in the page
  // from letting one client's Host reach everyone else's answer.
  return `${today}\n${req.headers.host ?? ''}\n${url}`
}

/** The one nonce a page policy names, or undefined for none or several. */
export function policyNonce(policy: string): string | undefined {
  const nonces = new Set([...policy.matchAll(NONCE_IN_POLICY)].map((m) => m[1] as string))
  return nonces.size === 1 ? [...nonces][0] : undefined
}

/** `bytes` cut at every occurrence of `separator`. */
function splitBytes(bytes: Buffer, separator: Buffer): Buffer[] {
  const pieces: Buffer[] = []
  let from = 0
  for (let at = bytes.indexOf(separator, from); at !== -1; at = bytes.indexOf(separator, from)) {
    pieces.push(bytes.subarray(from, at))
    from = at + separator.byteLength
  }
  pieces.push(bytes.subarray(from))
  return pieces
}

/**
 * Makes the stored page from one answer as it was sent: its headers, its body (decoded from the coding it went
 * out in), cut at its nonce. Undefined when the answer is not one to keep.
 */
async function toCachedPage(
  sent: SentAnswer,
  { level = 6, deferScripts = false }: { level?: number; deferScripts?: boolean } = {},
): Promise<CachedPage | undefined> {
  const { status, headers } = sent
  if (status !== 200) return undefined
  if (!/^text\/html\b/i.test(headerValues(headers['content-type'])[0] ?? '')) return undefined
  if (headers['set-cookie'] !== undefined) return undefined
  const policies = headerValues(headers['content-security-policy'])
  if (policies.length !== 1) return undefined
  const nonce = policyNonce(policies[0] as string)
  if (!nonce) return undefined
  const decoded = await decodedBody(sent)
  if (!decoded || decoded.byteLength > MAX_PAGE_BYTES) return undefined
  const deferred = deferScripts ? deferFrameworkScripts(decoded.toString('utf8'), nonce) : undefined
  const body = deferred === undefined ? decoded : Buffer.from(deferred.html, 'utf8')
  const separator = Buffer.from(nonce)
  const spliced = spliceable(splitBytes(body, separator), level)
  const kept: [string, string[][]][] = []
  let bytes = 0
  for (const [name, value] of Object.entries(headers)) {
    if (TRANSFER_HEADERS.has(name.toLowerCase())) continue
    const values = headerValues(value).map((v) => v.split(nonce))
    bytes += name.length + values.flat().reduce((sum, v) => sum + v.length, 0)
    kept.push([name, values])
  }
  bytes += spliced.fixedBytes + spliced.deflated.reduce((sum, d) => sum + d.byteLength, 0)
  return { headers: kept, body: spliced, bytes, deferred: deferred !== undefined, chunks: deferred?.chunks ?? [] }
}

/** The stored page's headers and body with `nonce` written in, in the coding the request accepts. */
function pageWithNonce(
  page: CachedPage,
  nonce: string,
  acceptEncoding: string | undefined,
): { headers: [string, string[]][]; body: Buffer; coding: 'gzip' | 'identity' } {
  const value = Buffer.from(nonce)
  const coding = negotiateEncoding(acceptEncoding, ['gzip']) === 'gzip' ? 'gzip' : 'identity'
  const body = coding === 'gzip' ? splicedGzip(page.body, value) : splicedIdentity(page.body, value)
  const headers: [string, string[]][] = page.headers.map(([name, values]) => [
    name,
    values.map((pieces) => pieces.join(nonce)),
  ])
  return { headers, body, coding }
}

const toFetchHeaders = (headers: http.IncomingHttpHeaders): Headers => {
  const out = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    for (const v of headerValues(value)) out.append(name, v)
  }
  return out
}

/** Sends the allowance's refusal as proxy.ts would, with the headers next.config.js adds to every answer there. */
async function sendRefusal(res: http.ServerResponse, response: Response, head: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  res.statusCode = response.status
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.setHeader('Content-Length', body.byteLength)
  res.end(head ? undefined : body)
}

export interface PageCache {
  /**
   * Answers `req` from memory, or hands it to `pass` (Next.js) and keeps what it sends. Never throws: a fault in
   * the cache hands the request on, as if the cache were not there.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, pass: () => void): void
  stats(): PageCacheStats
  /** For tests: resolves once every answer being kept has been stored (or dropped). */
  settled(): Promise<void>
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const level = options.level ?? 6
  const deferScripts = options.deferScripts ?? false
  const pages = new LRUCache<string, CachedPage>({
    maxSize: options.maxBytes,
    sizeCalculation: (page) => Math.max(1, page.bytes),
    // A page larger than the whole cache is served, never kept.
    maxEntrySize: options.maxBytes,
  })
  /** Keys being rendered now, with what the render will store. */
  const rendering = new Map<string, Promise<CachedPage | undefined>>()
  const counts = { hits: 0, misses: 0, stored: 0, deferred: 0 }
  let warnedShape = false

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage): Promise<void> {
    const refused = await options.admit(toFetchHeaders(req.headers))
    const head = req.method === 'HEAD'
    if (refused) return sendRefusal(res, refused, head)
    counts.hits += 1
    const answer = pageWithNonce(page, options.nonce(), headerValues(req.headers['accept-encoding'])[0])
    sendKept(res, { ...answer, headers: withAcceptEncodingInVary(answer.headers) }, PAGE_CACHE_HEADER, head)
  }

  /** Watches what Next.js sends for `key` and stores it once it has all gone out. */
  function keep(key: string, res: http.ServerResponse): void {
    keepAnswer(
      rendering,
      key,
      res,
      MAX_PAGE_BYTES,
      (sent) => toCachedPage(sent, { level, deferScripts }),
      (page) => {
        pages.set(key, page)
        counts.stored += 1
        if (page.deferred) {
          counts.deferred += 1
          options.chunks?.admit(page.chunks)
        } else if (deferScripts && !warnedShape) {
          warnedShape = true
          console.warn(
            '[page-cache] a page is not the shape lib/server/defer-scripts.ts rewrites; its chunks load as Next.js wrote them',
          )
        }
      },
    )
  }

  async function afterRender(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pass: () => void,
    render: Promise<CachedPage | undefined>,
  ): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const page = await Promise.race([
      render,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), WAIT_FOR_RENDER_MS)
      }),
    ])
    clearTimeout(timer)
    if (page && !res.destroyed) return serve(req, res, page)
    counts.misses += 1
    pass()
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse, pass: () => void): void {
    if (options.chunks?.answers(req)) return options.chunks.handle(req, res, pass)
    let key: string | undefined
    try {
      key = pageCacheKey(req, options.today())
    } catch {
      key = undefined
    }
    if (!key) return pass()
    const handOn = (error: unknown) => {
      console.error('[page-cache] answering from memory failed; rendering instead', error)
      if (!res.headersSent) pass()
      else res.destroy()
    }
    const page = pages.get(key)
    if (page) {
      serve(req, res, page).catch(handOn)
      return
    }
    const render = rendering.get(key)
    if (render) {
      afterRender(req, res, pass, render).catch(handOn)
      return
    }
    counts.misses += 1
    if (req.method === 'GET') {
      try {
        keep(key, res)
      } catch (error) {
        console.error('[page-cache] could not watch the render', error)
      }
    }
    pass()
  }

  return {
    handle,
    stats: () => ({
      entries: pages.size,
      bytes: pages.calculatedSize ?? 0,
      maxBytes: options.maxBytes,
      ...counts,
      ...(options.chunks ? { chunks: options.chunks.stats() } : {}),
    }),
    settled: async () => {
      while (rendering.size > 0) await Promise.all([...rendering.values()])
      await options.chunks?.settled()
    },
  }
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean
const INSTALLED = Symbol.for('ai-shock.page-cache')
type CacheGlobal = typeof globalThis & { [INSTALLED]?: PageCache }

/**
 * Puts the cache in front of Next.js' request listener, in the server process (instrumentation.ts). Install it
 * before the method guard and the peer-address stamp: each wraps `emit` around what is there, so this one runs
 * after both (a refused method never reaches it, and a hit's client is read from the stamped peer address).
 */
export function installPageCache(options: PageCacheOptions): boolean {
  const global = globalThis as CacheGlobal
  if (global[INSTALLED]) return false
  const cache = createPageCache(options)
  const proto = http.Server.prototype as unknown as { emit: Emit }
  const original = proto.emit
  proto.emit = function emitWithPageCache(event, ...args) {
    const [req, res] = args
    if (event !== 'request' || !(req instanceof http.IncomingMessage) || !(res instanceof http.ServerResponse))
      return Reflect.apply(original, this, [event, ...args]) as boolean
    let passed = false
    let result = true
    cache.handle(req, res, () => {
      if (passed) return
      passed = true
      result = Reflect.apply(original, this, [event, ...args]) as boolean
    })
    return result
  }
  global[INSTALLED] = cache
  return true
}

/** The installed cache's figures (for /api/health), or undefined when it is off. */
export function pageCacheStats(): PageCacheStats | undefined {
  return (globalThis as CacheGlobal)[INSTALLED]?.stats()
}
