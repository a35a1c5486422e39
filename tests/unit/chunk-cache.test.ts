import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
// The compression middleware `next start` puts in front of every response (next/dist/server/lib/router-server.js).
import compressionFactory from 'next/dist/compiled/compression'
import { COMPILE_HINT, createChunkCache, isChunkPath, type ChunkCache } from '@/lib/server/chunk-cache'
import { createPageCache, type PageCache } from '@/lib/server/page-cache'
import { decodedGet as get } from '../support/decoded-get'

/**
 * The chunk cache in front of a stand-in for Next.js' static files: a real HTTP server that sends synthetic
 * chunks (made up here) with the headers `next start` gives a chunk, through Next's own compression middleware,
 * in several writes. And with the page cache, as instrumentation.ts wires them: a page of Next.js' shape, once
 * stored, tells the chunk cache which chunks it names.
 */

const A = '/_next/static/chunks/a1.js'
const BOOT = '/_next/static/chunks/boot.js'
const MAPPED = '/_next/static/chunks/mapped.js'
const chunkText = (path: string) =>
  `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["${path}",1,(e,r,t)=>{"use strict";t.x=${JSON.stringify('synthetic '.repeat(300))}}]);` +
  (path === MAPPED ? '\n//# sourceMappingURL=mapped.js.map' : '')

interface Files {
  [path: string]: { status?: number; type?: string; cookie?: boolean; text?: string }
}

let server: http.Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

interface Harness {
  base: string
  /** Requests that reached the stand-in for Next.js, by path. */
  served: () => Record<string, number>
  chunks: ChunkCache
  /** With `withPages`, the page cache in front, as instrumentation.ts wires the two. */
  pages?: PageCache
}

let nonces = 0
const freshNonce = () => `nonce${String(++nonces).padStart(6, '0')}AAAAAAAAAA==`

/**
 * The stand-in for Next.js answers `files`; with `withPages` also `/`, a synthetic page in the shape Next.js
 * writes (an async chunk tag for A in <head>, the bootstrap tag for BOOT in <body>), behind the page cache.
 */
async function start(
  files: Files,
  { maxBytes, withPages = false }: { maxBytes?: number; withPages?: boolean } = {},
): Promise<Harness> {
  const served: Record<string, number> = {}
  const chunks = createChunkCache(maxBytes ? { maxBytes } : {})
  const pages = withPages
    ? createPageCache({
        maxBytes: 8 * 1024 * 1024,
        today: () => '2025-01-27',
        admit: async () => undefined,
        nonce: freshNonce,
        deferScripts: true,
        chunks,
      })
    : undefined
  const compression = compressionFactory()
  server = http.createServer((req, res) => {
    ;(pages ?? chunks).handle(req, res, () => {
      const path = req.url ?? ''
      served[path] = (served[path] ?? 0) + 1
      compression(req, res, () => {
        if (withPages && path === '/') {
          const n = freshNonce()
          res.setHeader('Content-Type', 'text/html; charset=utf-8')
          res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${n}' 'strict-dynamic'`)
          res.end(
            `<!DOCTYPE html><html><head><script src="${A}" async="" nonce="${n}"></script></head>` +
              `<body><p>chart</p><script src="${BOOT}" nonce="${n}" async=""></script></body></html>`,
          )
          return
        }
        const file = files[path]
        if (!file) {
          res.statusCode = 404
          return res.end('not found')
        }
        if (req.headers['if-none-match'] === 'W/"synthetic"') {
          res.statusCode = 304
          return res.end()
        }
        res.statusCode = file.status ?? 200
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        res.setHeader('ETag', 'W/"synthetic"')
        res.setHeader('Accept-Ranges', 'bytes')
        res.setHeader('X-Frame-Options', 'DENY')
        res.setHeader('Content-Type', file.type ?? 'application/javascript; charset=UTF-8')
        if (file.cookie) res.setHeader('Set-Cookie', 'a=b')
        const text = file.text ?? chunkText(path)
        const third = Math.floor(text.length / 3)
        res.write(text.slice(0, third))
        res.write(text.slice(third, 2 * third))
        res.end(text.slice(2 * third))
      })
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, served: () => served, chunks, pages }
}

/** The harness with `path` admitted and already fetched once through Next.js, so the cache holds it. */
async function startKept(path: string): Promise<Harness> {
  const h = await start({ [path]: {} })
  h.chunks.admit([path])
  await get(`${h.base}${path}`)
  await h.chunks.settled()
  return h
}

describe('the chunk cache', () => {
  it('answers an admitted chunk from memory after Next.js sent it once, with the compile hint as its first line', async () => {
    const h = await start({ [A]: {} })
    h.chunks.admit([A])
    const first = await get(`${h.base}${A}`, { 'accept-encoding': 'gzip' })
    await h.chunks.settled()
    expect(first.headers['x-chunk-cache']).toBeUndefined()
    expect(first.body.toString()).toBe(chunkText(A))

    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['', undefined],
    ] as const) {
      const hit = await get(`${h.base}${A}`, accept ? { 'accept-encoding': accept } : {})
      expect(hit.status).toBe(200)
      expect(hit.headers['x-chunk-cache']).toBe('hit')
      expect(hit.headers['content-encoding']).toBe(coding)
      expect(Number(hit.headers['content-length'])).toBe(hit.raw.byteLength)
      expect(hit.body.toString()).toBe(COMPILE_HINT + chunkText(A))
      // Next.js' own headers stay (its immutable caching among them), but a range it would not honour.
      expect(hit.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(hit.headers['etag']).toBe('W/"synthetic"')
      expect(hit.headers['x-frame-options']).toBe('DENY')
      expect(hit.headers['content-type']).toBe('application/javascript; charset=UTF-8')
      expect(hit.headers['accept-ranges']).toBeUndefined()
      expect(hit.headers['vary']).toMatch(/accept-encoding/i)
    }
    const head = await get(`${h.base}${A}`, { 'accept-encoding': 'gzip' }, 'HEAD')
    expect(head.headers['x-chunk-cache']).toBe('hit')
    expect(head.raw.byteLength).toBe(0)
    expect(h.served()).toEqual({ [A]: 1 })
    expect(h.chunks.stats()).toMatchObject({ entries: 1, paths: 1, stored: 1, hits: 5 })
  })

  it('leaves every path it was not told to Next.js, and refuses a path of any other form', async () => {
    const h = await start({ [A]: {}, [BOOT]: {} })
    h.chunks.admit([
      BOOT,
      '/_next/static/chunks/../../secret.js',
      '/_next/static/chunks/a1.js?dpl=1',
      '/_next/static/css/a.css',
      '/_next/static/chunks/.hidden.js',
      '/etc/passwd',
    ])
    expect(h.chunks.stats().paths).toBe(1)
    for (const path of ['/_next/static/chunks/../../secret.js', '/_next/static/css/a.css', '/etc/passwd'])
      expect(isChunkPath(path)).toBe(false)
    for (let i = 0; i < 3; i++) await get(`${h.base}${A}`)
    await get(`${h.base}${BOOT}?dpl=1`)
    await h.chunks.settled()
    expect(h.served()).toEqual({ [A]: 3, [`${BOOT}?dpl=1`]: 1 })
    expect(h.chunks.stats()).toMatchObject({ entries: 0, hits: 0 })
  })

  it('sends a conditional or range request, and a client that takes no coding it has, to Next.js', async () => {
    const h = await startKept(A)
    const revalidated = await get(`${h.base}${A}`, { 'if-none-match': 'W/"synthetic"' })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers['x-chunk-cache']).toBeUndefined()
    const ranged = await get(`${h.base}${A}`, { range: 'bytes=0-9' })
    expect(ranged.headers['x-chunk-cache']).toBeUndefined()
    const none = await get(`${h.base}${A}`, { 'accept-encoding': 'identity;q=0' })
    expect(none.headers['x-chunk-cache']).toBeUndefined()
    expect(h.served()).toEqual({ [A]: 4 })
  })

  it('keeps a chunk that names its source map without the hint, so the map still points at the right lines', async () => {
    const h = await startKept(MAPPED)
    const hit = await get(`${h.base}${MAPPED}`, { 'accept-encoding': 'br' })
    expect(hit.headers['x-chunk-cache']).toBe('hit')
    expect(hit.body.toString()).toBe(chunkText(MAPPED))
  })

  it('keeps nothing but a 200 JavaScript answer without a cookie, and asks Next.js again after one', async () => {
    const paths = {
      '/_next/static/chunks/missing.js': undefined,
      '/_next/static/chunks/error.js': { status: 500 },
      '/_next/static/chunks/html.js': { type: 'text/html; charset=utf-8' },
      '/_next/static/chunks/cookie.js': { cookie: true },
    }
    const files: Files = {}
    for (const [path, file] of Object.entries(paths)) if (file) files[path] = file
    const h = await start(files)
    h.chunks.admit(Object.keys(paths))
    for (const path of Object.keys(paths)) {
      await get(`${h.base}${path}`)
      await h.chunks.settled()
      const again = await get(`${h.base}${path}`)
      expect(again.headers['x-chunk-cache'], path).toBeUndefined()
      expect(h.served()[path], path).toBe(2)
    }
    expect(h.chunks.stats()).toMatchObject({ entries: 0, stored: 0 })
  })

  it('keeps within its bound: a chunk larger than the whole cache is served by Next.js every time', async () => {
    const h = await start({ [A]: {} }, { maxBytes: 2_000 })
    h.chunks.admit([A])
    for (let i = 0; i < 3; i++) {
      const got = await get(`${h.base}${A}`, { 'accept-encoding': 'gzip' })
      await h.chunks.settled()
      expect(got.body.toString()).toBe(chunkText(A))
    }
    expect(h.served()).toEqual({ [A]: 3 })
    expect(h.chunks.stats()).toMatchObject({ entries: 0, bytes: 0 })
  })

  it('is told the chunks by the page cache when it stores a page whose chunks load after the first paint', async () => {
    const h = await start({ [A]: {}, [BOOT]: {} }, { withPages: true })
    // Before a page is stored, a chunk is Next.js' alone.
    await get(`${h.base}${A}`)
    await h.pages!.settled()
    expect(h.chunks.stats().paths).toBe(0)
    await get(`${h.base}/`, { 'accept-encoding': 'gzip' })
    await h.pages!.settled()
    expect(h.chunks.stats().paths).toBe(2)
    for (const path of [A, BOOT]) await get(`${h.base}${path}`)
    await h.pages!.settled()
    for (const path of [A, BOOT]) {
      const hit = await get(`${h.base}${path}`, { 'accept-encoding': 'br' })
      expect(hit.headers['x-chunk-cache']).toBe('hit')
      expect(hit.body.toString()).toBe(COMPILE_HINT + chunkText(path))
    }
    expect(h.served()).toEqual({ '/': 1, [A]: 2, [BOOT]: 1 })
    expect(h.pages!.stats().chunks).toMatchObject({ entries: 2, paths: 2, hits: 2 })
  })
})
