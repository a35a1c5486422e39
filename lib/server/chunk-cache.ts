import type http from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import { LRUCache } from 'lru-cache'
import { negotiateEncoding } from '../http/accept-encoding'
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
 * The page's own chunks from memory, each with a compile hint. A page from memory names its framework chunks in
 * its loader (lib/server/defer-scripts.ts): every one of them runs as the page starts, and their module factories
 * are called at once when the bootstrap chunk runs. V8 compiles a function lazily, on the main thread, the first
 * time it is called, so most of the bootstrap's evaluation (about 200 ms of one task at 4x CPU) and part of
 * hydration was compiling. A script whose first line is the magic comment `//# allFunctionsCalledOnLoad` is
 * compiled eagerly instead, on the background thread that streams it (Chrome 136 and later; other engines read
 * a comment). Measured side by side (docs/performance.md, the eleventh pass), that cut the blocking time of the
 * first view at 4x by about a third.
 *
 * So this cache keeps those chunks, and only those: the first request of one, after a page naming it was
 * stored, goes to Next.js as always and is watched; what Next.js sent is kept with the hint as its first line,
 * compressed once with gzip and brotli, and later requests get it from memory in the coding they accept. That also
 * spares `next start` compressing each chunk again for every request.
 *
 * - Only a path a stored page named, of the form Next.js writes (`/_next/static/chunks/<name>.js`, no query), and
 *   only a 200 JavaScript answer without a cookie is kept, with the headers Next.js sent (its immutable caching
 *   among them) but those of the transfer and `Accept-Ranges`.
 * - A conditional or range request always goes to Next.js, which knows the file.
 * - A chunk that names a source map is kept without the hint: a line put before it would move every line the map
 *   points at.
 * - Bounded by bytes (all three codings count) and by the number of paths it is told; least recently used first out.
 */

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
export const CHUNK_CACHE_HEADER = 'X-Chunk-Cache'
/** The bound of the cache (the dashboard's chunks are about 0.7 MB raw, 1.1 MB in all three codings). */
export const CHUNK_CACHE_BYTES = 16 * 1024 * 1024
/** A chunk larger than this (decoded) is served by Next.js, never kept. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024
/** The most paths it is told to answer (one build has a fixed set; a page names a dozen). */
export const MAX_CHUNK_PATHS = 512

const CHUNK_PATH = /^\/_next\/static\/chunks\/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}\.js$/
const CONDITIONAL_HEADERS = [
  'range',
  'if-range',
  'if-none-match',
  'if-modified-since',
  'if-match',
  'if-unmodified-since',
]
const NOT_KEPT: ReadonlySet<string> = new Set([...TRANSFER_HEADERS, 'accept-ranges'])
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=/
const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

export interface CachedChunk {
  headers: [string, string[]][]
  identity: Buffer
  gzip: Buffer
  br: Buffer
}

export interface ChunkCacheStats {
  entries: number
  bytes: number
  maxBytes: number
  /** Paths it has been told to answer. */
  paths: number
  hits: number
  stored: number
}

export interface ChunkCache {
  /** The chunks a stored page names: the ones this cache may answer (others, and a bad path, are ignored). */
  admit(paths: readonly string[]): void
  /** Whether `req` is one this cache handles: a GET or HEAD of a path it was told, with no query. */
  answers(req: Pick<http.IncomingMessage, 'method' | 'url'>): boolean
  /**
   * Answers a request it `answers` from memory, or hands it to `pass` (Next.js), watching the answer to keep;
   * any other request goes straight to `pass`. Never throws.
   */
  handle(req: http.IncomingMessage, res: http.ServerResponse, pass: () => void): void
  stats(): ChunkCacheStats
  /** For tests: resolves once every answer being kept has been stored (or dropped). */
  settled(): Promise<void>
}

/** Whether `path` is a chunk path of the form Next.js writes, with nothing that could leave the folder. */
export const isChunkPath = (path: string): boolean => CHUNK_PATH.test(path)

/** The chunk to keep from one answer of Next.js, or undefined when it is not one to keep. */
export async function toCachedChunk(sent: SentAnswer): Promise<CachedChunk | undefined> {
  if (sent.status !== 200) return undefined
  if (!/^(application|text)\/javascript\b/i.test(headerValues(sent.headers['content-type'])[0] ?? '')) return undefined
  if (sent.headers['set-cookie'] !== undefined) return undefined
  const decoded = await decodedBody(sent)
  if (!decoded || decoded.byteLength > MAX_CHUNK_BYTES) return undefined
  const hinted = !SOURCE_MAP_COMMENT.test(decoded.toString('utf8'))
  const identity = hinted ? Buffer.concat([Buffer.from(COMPILE_HINT), decoded]) : decoded
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(identity, { level: 9 }),
    brotliAsync(identity, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
      },
    }),
  ])
  const headers: [string, string[]][] = []
  for (const [name, value] of Object.entries(sent.headers)) {
    if (!NOT_KEPT.has(name.toLowerCase())) headers.push([name, headerValues(value)])
  }
  return { headers: withAcceptEncodingInVary(headers), identity, gzip: gzipped, br: brotli }
}

const sizeOf = (chunk: CachedChunk) => chunk.identity.byteLength + chunk.gzip.byteLength + chunk.br.byteLength

export function createChunkCache({ maxBytes = CHUNK_CACHE_BYTES }: { maxBytes?: number } = {}): ChunkCache {
  const chunks = new LRUCache<string, CachedChunk>({
    maxSize: maxBytes,
    sizeCalculation: (chunk) => Math.max(1, sizeOf(chunk)),
    maxEntrySize: maxBytes,
  })
  const paths = new Set<string>()
  /** Paths whose answer is being watched now. */
  const keeping = new Map<string, Promise<CachedChunk | undefined>>()
  const counts = { hits: 0, stored: 0 }

  function serve(req: http.IncomingMessage, res: http.ServerResponse, chunk: CachedChunk, pass: () => void): void {
    const coding = negotiateEncoding(headerValues(req.headers['accept-encoding'])[0], ['br', 'gzip'])
    // Nothing it may send (`identity;q=0` alone): Next.js answers that.
    if (coding === undefined) return pass()
    counts.hits += 1
    sendKept(res, { headers: chunk.headers, coding, body: chunk[coding] }, CHUNK_CACHE_HEADER, req.method === 'HEAD')
  }

  function keep(path: string, res: http.ServerResponse): void {
    keepAnswer(keeping, path, res, MAX_CHUNK_BYTES, toCachedChunk, (chunk) => {
      chunks.set(path, chunk)
      counts.stored += 1
    })
  }

  const answers = (req: Pick<http.IncomingMessage, 'method' | 'url'>) =>
    (req.method === 'GET' || req.method === 'HEAD') && paths.has(req.url ?? '')

  function handle(req: http.IncomingMessage, res: http.ServerResponse, pass: () => void): void {
    let chunk: CachedChunk | undefined
    try {
      if (answers(req)) {
        const path = req.url ?? ''
        const conditional = CONDITIONAL_HEADERS.some((name) => req.headers[name] !== undefined)
        chunk = conditional ? undefined : chunks.get(path)
        if (!conditional && !chunk && req.method === 'GET' && !keeping.has(path)) keep(path, res)
      }
    } catch (error) {
      console.error('[chunk-cache] could not look the chunk up; Next.js answers', error)
      chunk = undefined
    }
    if (!chunk) return pass()
    try {
      serve(req, res, chunk, pass)
    } catch (error) {
      console.error('[chunk-cache] answering from memory failed; Next.js answers instead', error)
      if (res.headersSent) res.destroy()
      else pass()
    }
  }

  return {
    admit(list) {
      for (const path of list) {
        if (paths.size >= MAX_CHUNK_PATHS) return
        if (isChunkPath(path)) paths.add(path)
      }
    },
    answers,
    handle,
    stats: () => ({
      entries: chunks.size,
      bytes: chunks.calculatedSize ?? 0,
      maxBytes,
      paths: paths.size,
      ...counts,
    }),
    settled: async () => {
      while (keeping.size > 0) await Promise.all([...keeping.values()])
    },
  }
}
