import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
// The compression middleware `next start` puts in front of every response (next/dist/server/lib/router-server.js).
import compressionFactory from 'next/dist/compiled/compression'
import { createPageCache, pageCacheKey, policyNonce, type PageCacheOptions } from '@/lib/server/page-cache'
import { decodedGet, type DecodedAnswer } from '../support/decoded-get'

/**
 * The cache in front of a stand-in for Next.js: a real HTTP server whose renderer writes a synthetic page (made up
 * here, with its nonce in the policy header, in script tags and in an inline payload, as Next.js writes them),
 * through Next's own compression middleware, in several chunks.
 */

type Render = (req: http.IncomingMessage, res: http.ServerResponse, nonce: string) => void

let server: http.Server | undefined
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

let nonceCount = 0
const freshNonce = () => `nonce${String(++nonceCount).padStart(6, '0')}AAAAAAAAAA==`

const page = (nonce: string, url: string) => [
  `<!DOCTYPE html><html><head><script src="/a.js" nonce="${nonce}" async></script></head><body>`,
  `<p>${'The chart of ' + url + ' − real prices. '.repeat(400)}</p>`,
  `<script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script></body></html>`,
]

const htmlRender: Render = (req, res, nonce) => {
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
  res.setHeader('Vary', 'rsc, next-router-state-tree')
  res.setHeader('X-Frame-Options', 'DENY')
  const chunks = page(nonce, req.url ?? '')
  for (const chunk of chunks.slice(0, -1)) res.write(chunk)
  res.end(chunks.at(-1))
}

interface Harness {
  base: string
  renders: () => number
  admitted: () => number
  cache: ReturnType<typeof createPageCache>
}

async function start(
  render: Render = htmlRender,
  options: Partial<PageCacheOptions> & { delayMs?: number } = {},
): Promise<Harness> {
  let renders = 0
  let admitted = 0
  const cache = createPageCache({
    maxBytes: 64 * 1024 * 1024,
    today: () => '2025-01-27',
    admit: async () => {
      admitted += 1
      return undefined
    },
    nonce: freshNonce,
    ...options,
  })
  const compression = compressionFactory()
  server = http.createServer((req, res) => {
    cache.handle(req, res, () => {
      renders += 1
      compression(req, res, () => {
        setTimeout(() => render(req, res, freshNonce()), options.delayMs ?? 0)
      })
    })
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
  return { base, renders: () => renders, admitted: () => admitted, cache }
}

const get = decodedGet

const nonceOf = (got: DecodedAnswer) => policyNonce(String(got.headers['content-security-policy'] ?? ''))
const gzip = { 'accept-encoding': 'gzip, deflate, br' }

describe('the page cache', () => {
  it('renders a URL once, then sends the same page with a fresh nonce in every place the old one was', async () => {
    const h = await start()
    const first = await get(`${h.base}/?symbols=NVDA`, gzip)
    await h.cache.settled()
    const second = await get(`${h.base}/?symbols=NVDA`, gzip)
    const third = await get(`${h.base}/?symbols=NVDA`)
    expect(h.renders()).toBe(1)
    expect(first.headers['x-page-cache']).toBeUndefined()
    expect(second.headers['x-page-cache']).toBe('hit')
    expect(second.headers['content-encoding']).toBe('gzip')
    expect(third.headers['content-encoding']).toBeUndefined()
    expect(Number(third.headers['content-length'])).toBe(third.body.byteLength)

    const [n1, n2, n3] = [nonceOf(first)!, nonceOf(second)!, nonceOf(third)!]
    expect(new Set([n1, n2, n3]).size).toBe(3)
    for (const [got, nonce] of [
      [second, n2],
      [third, n3],
    ] as const) {
      const text = got.body.toString()
      expect(text).not.toContain(n1)
      expect(text.split(nonce)).toHaveLength(4)
      expect(text).toBe(first.body.toString().replaceAll(n1, nonce))
      expect(got.headers['x-frame-options']).toBe('DENY')
      expect(got.headers['vary']).toMatch(/rsc, next-router-state-tree.*Accept-Encoding/i)
    }
    expect(h.admitted()).toBe(2)
    expect(h.cache.stats()).toMatchObject({ entries: 1, hits: 2, misses: 1, stored: 1 })
  })

  it('with deferScripts, sends the kept page with its chunks named by the loader, under the fresh nonce', async () => {
    // A synthetic page in the shape Next.js writes: async chunk tags in <head>, the bootstrap tag in <body>.
    const nextShaped: Render = (_req, res, nonce) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`)
      res.write(
        `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async="" nonce="${nonce}"></script></head>`,
      )
      res.end(
        `<body><p>chart</p><script src="/_next/static/chunks/boot.js" nonce="${nonce}" async=""></script></body></html>`,
      )
    }
    for (const deferScripts of [false, true]) {
      const h = await start(nextShaped, { deferScripts })
      const first = await get(`${h.base}/`, gzip)
      await h.cache.settled()
      const hit = await get(`${h.base}/`, gzip)
      const [n1, n2] = [nonceOf(first)!, nonceOf(hit)!]
      const text = hit.body.toString()
      // The render itself always goes out as Next.js wrote it.
      expect(first.body.toString()).toContain(`<script src="/_next/static/chunks/a.js" async="" nonce="${n1}">`)
      expect(h.cache.stats()).toMatchObject({ stored: 1, deferred: deferScripts ? 1 : 0 })
      if (deferScripts) {
        expect(text).not.toContain('<script src=')
        expect(text).toContain(
          `<script nonce="${n2}">(function(){var s=["/_next/static/chunks/a.js","/_next/static/chunks/boot.js"]`,
        )
        expect(text).not.toContain(n1)
      } else {
        expect(text).toBe(first.body.toString().replaceAll(n1, n2))
      }
      await new Promise<void>((resolve) => server!.close(() => resolve()))
      server = undefined
    }
  })

  it('with deferScripts, keeps a page of another shape as rendered, counts it and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      const h = await start(htmlRender, { deferScripts: true })
      for (const url of ['/?a', '/?b']) {
        const first = await get(`${h.base}${url}`, gzip)
        await h.cache.settled()
        const hit = await get(`${h.base}${url}`, gzip)
        expect(hit.body.toString()).toBe(first.body.toString().replaceAll(nonceOf(first)!, nonceOf(hit)!))
      }
      expect(h.cache.stats()).toMatchObject({ stored: 2, deferred: 0 })
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]?.[0])).toContain('defer-scripts')
    } finally {
      warn.mockRestore()
    }
  })

  it('answers HEAD from memory with the headers of the page and no body', async () => {
    const h = await start()
    await get(`${h.base}/`, gzip)
    await h.cache.settled()
    const head = await get(`${h.base}/`, gzip, 'HEAD')
    const hit = await get(`${h.base}/`, gzip)
    expect(head.headers['x-page-cache']).toBe('hit')
    expect(head.headers['content-type']).toBe(hit.headers['content-type'])
    // The same length a GET gets (a nonce of the same length: the same gzip member size), and no body.
    expect(head.headers['content-length']).toBe(hit.headers['content-length'])
    expect(head.body.byteLength).toBe(0)
    expect(h.renders()).toBe(1)
  })

  it('never answers a client-side navigation, another path, Host or day from memory', async () => {
    let day = '2025-01-27'
    const h = await start(htmlRender, { today: () => day })
    await get(`${h.base}/?symbols=NVDA`, gzip)
    await h.cache.settled()
    const navigations: Record<string, string>[] = [
      { rsc: '1' },
      { 'next-router-prefetch': '1' },
      { 'next-router-state-tree': '%5B%5D' },
    ]
    for (const headers of navigations)
      expect((await get(`${h.base}/?symbols=NVDA`, headers)).headers['x-page-cache']).toBeUndefined()
    expect((await get(`${h.base}/compare`)).headers['x-page-cache']).toBeUndefined()
    expect((await get(`${h.base}/?symbols=NVDA&x=1`)).headers['x-page-cache']).toBeUndefined()
    expect((await get(`${h.base}/?symbols=NVDA`, { host: 'other.example' })).headers['x-page-cache']).toBeUndefined()
    day = '2025-01-28'
    expect((await get(`${h.base}/?symbols=NVDA`)).headers['x-page-cache']).toBeUndefined()
    expect(h.renders()).toBe(8)
  })

  it('keeps only a whole 200 HTML page with one nonce and no cookie', async () => {
    const variants: Record<string, Render> = {
      '/?status=500': (req, res, nonce) => {
        res.statusCode = 500
        htmlRender(req, res, nonce)
      },
      '/?cookie': (req, res, nonce) => {
        res.setHeader('Set-Cookie', 'a=b')
        htmlRender(req, res, nonce)
      },
      '/?json': (_req, res) => {
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('Content-Security-Policy', "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='")
        res.end('{}')
      },
      '/?no-nonce': (_req, res) => {
        res.setHeader('Content-Type', 'text/html')
        res.setHeader('Content-Security-Policy', "script-src 'self'")
        res.end('<p>x</p>')
      },
      '/?two-nonces': (_req, res) => {
        res.setHeader('Content-Type', 'text/html')
        res.setHeader(
          'Content-Security-Policy',
          "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA==' 'nonce-BBBBBBBBBBBBBBBBBBBBBB=='",
        )
        res.end('<p>x</p>')
      },
      '/?redirect': (_req, res) => {
        res.statusCode = 307
        res.setHeader('Location', '/')
        res.end()
      },
    }
    const h = await start((req, res, nonce) => variants[req.url ?? '']!(req, res, nonce))
    for (const url of Object.keys(variants)) {
      await get(`${h.base}${url}`, gzip)
      await h.cache.settled()
      expect((await get(`${h.base}${url}`, gzip)).headers['x-page-cache'], url).toBeUndefined()
    }
    expect(h.cache.stats().entries).toBe(0)
  })

  it('does not keep a page whose client went away before it was all sent', async () => {
    const h = await start((req, res, nonce) => {
      res.setHeader('Content-Type', 'text/html')
      res.setHeader('Content-Security-Policy', `script-src 'nonce-${nonce}'`)
      res.write(`<p nonce="${nonce}">${'x'.repeat(100_000)}`)
      // The rest never comes: the client gives up and the socket closes.
    }, {})
    await new Promise<void>((resolve) => {
      const req = http.get(`${h.base}/?slow`, (res) => {
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', () => resolve())
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await h.cache.settled()
    expect(h.cache.stats().entries).toBe(0)
  })

  it('charges every hit to its client, and sends the allowance’s answer instead of the page when it is spent', async () => {
    let left = 2
    const h = await start(htmlRender, {
      admit: async () =>
        left-- > 0 ? undefined : new Response('slow down', { status: 429, headers: { 'Retry-After': '7' } }),
    })
    await get(`${h.base}/`, gzip)
    await h.cache.settled()
    expect((await get(`${h.base}/`, gzip)).status).toBe(200)
    expect((await get(`${h.base}/`, gzip)).status).toBe(200)
    const refused = await get(`${h.base}/`, gzip)
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBe('7')
    // The headers every answer gets from next.config.js, as the same refusal has when proxy.ts sends it.
    expect(refused.headers['x-frame-options']).toBe('DENY')
    expect(refused.headers['x-content-type-options']).toBe('nosniff')
    expect(refused.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(refused.body.toString()).toBe('slow down')
    expect(h.renders()).toBe(1)
  })

  it('gives a crowd on a new URL one render: the others wait for it and get it from memory', async () => {
    const h = await start(htmlRender, { delayMs: 100 })
    const crowd = await Promise.all(Array.from({ length: 20 }, () => get(`${h.base}/?symbols=AMD`, gzip)))
    expect(h.renders()).toBe(1)
    expect(crowd.every((got) => got.status === 200)).toBe(true)
    expect(crowd.filter((got) => got.headers['x-page-cache'] === 'hit')).toHaveLength(19)
    expect(new Set(crowd.map(nonceOf)).size).toBe(20)
  })

  it('stays within its bytes, the least recently used page out first', async () => {
    // Each synthetic page here is about 7 KB, decoded and compressed together.
    const h = await start(htmlRender, { maxBytes: 20_000 })
    for (const n of [1, 2, 3, 4, 5]) {
      await get(`${h.base}/?n=${n}`, gzip)
      await h.cache.settled()
    }
    const stats = h.cache.stats()
    expect(stats.bytes).toBeLessThanOrEqual(20_000)
    expect(stats.entries).toBeGreaterThan(0)
    expect(stats.entries).toBeLessThan(5)
    expect((await get(`${h.base}/?n=5`)).headers['x-page-cache']).toBe('hit')
    expect((await get(`${h.base}/?n=1`)).headers['x-page-cache']).toBeUndefined()
  })
})

describe('pageCacheKey', () => {
  const req = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) => ({ method, url, headers })
  it('takes GET and HEAD of the page only, keyed by the day, the Host and the URL as sent', () => {
    expect(pageCacheKey(req('GET', '/?symbols=NVDA', { host: 'a.example' }), '2025-01-27')).toBe(
      '2025-01-27\na.example\n/?symbols=NVDA',
    )
    expect(pageCacheKey(req('HEAD', '/'), '2025-01-27')).toBe('2025-01-27\n\n/')
    expect(pageCacheKey(req('POST', '/'), 'd')).toBeUndefined()
    expect(pageCacheKey(req('GET', '/compare'), 'd')).toBeUndefined()
    expect(pageCacheKey(req('GET', '/api/prices?symbols=NVDA'), 'd')).toBeUndefined()
    expect(pageCacheKey(req('GET', '//evil/?x'), 'd')).toBeUndefined()
    expect(pageCacheKey(req('GET', `/?${'a'.repeat(9000)}`), 'd')).toBeUndefined()
    expect(pageCacheKey(req('GET', '/', { rsc: '1' }), 'd')).toBeUndefined()
  })
})
