import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import {
  DEFER_FALLBACK_MS,
  DEFER_IDLE_TIMEOUT_MS,
  deferFrameworkScripts,
  deferLoaderScript,
} from '@/lib/server/defer-scripts'
import { deferredChunkSources, pageChunkSources } from '../support/page-chunks'

/**
 * The rewrite that loads the framework's chunks after the first paint (lib/server/defer-scripts.ts). The pages
 * here are synthetic, made in the shape `next build` writes (the e2e test page-cache.spec.ts checks the real
 * build's page): a bootstrap preload and `async` chunk tags in <head>, the bootstrap tag after the Turbopack
 * manifest at the end of <body>.
 */
const NONCE = 'c3ludGhldGljTm9uY2UxMg=='
const HEAD_CHUNKS = ['/_next/static/chunks/a1.js', '/_next/static/chunks/b2.js', '/_next/static/chunks/c3.js']
const BOOT = '/_next/static/chunks/boot.js'

function nextPage({ nonce = NONCE, extraHead = '', extraBody = '', bootTags = 1 } = {}) {
  const head =
    `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>` +
    `<link rel="stylesheet" href="/_next/static/chunks/x.css" nonce="${nonce}" data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" nonce="${nonce}" href="${BOOT}"/>` +
    HEAD_CHUNKS.map((src) => `<script src="${src}" async="" nonce="${nonce}"></script>`).join('') +
    `<link rel="preload" href="/font.woff2" as="font" type="font/woff2" crossorigin=""/>` +
    `<script>document.documentElement.dataset.theme='light'</script>` +
    `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${nonce}"></script>` +
    extraHead +
    `</head>`
  const body =
    `<body><main><a href="/?symbols=NVDA">NVDA</a></main>` +
    `<script nonce="${nonce}" id="_R_">(globalThis["TURBOPACK"]||(globalThis["TURBOPACK"]=[])).push({"otherChunks":[]})</script>` +
    `<script src="${BOOT}" nonce="${nonce}" async=""></script>`.repeat(bootTags) +
    `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>` +
    extraBody +
    `</body></html>`
  return head + body
}

describe('deferFrameworkScripts', () => {
  it('takes every chunk out of <head> and names them, then the bootstrap, in one loader where the bootstrap was', () => {
    const page = nextPage()
    const deferred = deferFrameworkScripts(page, NONCE)!
    expect(deferred).toBeDefined()
    const out = deferred.html
    // The chunks it names, for the chunk cache: the head's, then the bootstrap.
    expect(deferred.chunks).toEqual([...HEAD_CHUNKS, BOOT])
    const head = out.slice(0, out.indexOf('</head>'))
    // No chunk is fetched while the page is parsed: no chunk tag, no preload of one.
    expect(head).not.toMatch(/<script src="\/_next\/static\/chunks\/(a1|b2|c3|boot)\.js"/)
    expect(head).not.toContain('rel="preload" as="script"')
    expect(out.match(/<script src="\/_next\/static\/chunks\/boot\.js"/g)).toBeNull()
    expect(deferredChunkSources(out)).toEqual([...HEAD_CHUNKS, BOOT])
    // What is not a chunk of Next.js stays as it was: the stylesheet, a font's preload, inline and nomodule scripts.
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/x.css"',
      '<link rel="preload" href="/font.woff2" as="font"',
      `<script>document.documentElement.dataset.theme='light'</script>`,
      `<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${NONCE}"></script>`,
    ])
      expect(out).toContain(kept)
    // The loader sits where the bootstrap tag was: after the manifest, before the payload.
    const manifest = out.indexOf('id="_R_"')
    const loader = out.indexOf('(function(){var s=')
    const payload = out.indexOf('self.__next_f=self.__next_f')
    expect(manifest).toBeLessThan(loader)
    expect(loader).toBeLessThan(payload)
    expect(out.slice(loader - `<script nonce="${NONCE}">`.length, loader)).toBe(`<script nonce="${NONCE}">`)
    // Nothing else moved: removing the loader and the removed tags from both leaves the same text.
    const strip = (html: string) =>
      html
        .replace(/<script nonce="[^"]+">\(function\(\)\{var s=[\s\S]*?<\/script>/, '')
        .replace(/<script src="\/_next\/static\/chunks\/(a1|b2|c3|boot)\.js"[^>]*><\/script>/g, '')
        .replace(/<link rel="preload" as="script"[^>]*\/>/g, '')
    expect(strip(out)).toBe(strip(page))
  })

  it('returns nothing for a page of another shape, which is then served as rendered', () => {
    expect(deferFrameworkScripts(nextPage(), '')).toBeUndefined()
    expect(deferFrameworkScripts(nextPage().replace('</head>', ''), NONCE)).toBeUndefined()
    // Two bootstrap tags, or none: not the page this knows.
    expect(deferFrameworkScripts(nextPage({ bootTags: 2 }), NONCE)).toBeUndefined()
    expect(deferFrameworkScripts(nextPage({ bootTags: 0 }), NONCE)).toBeUndefined()
    // Chunk tags under another nonce are not the page's own.
    expect(deferFrameworkScripts(nextPage({ nonce: 'b3RoZXJOb25jZU90aGVyMQ==' }), NONCE)).toBeUndefined()
    // A head without chunk tags.
    const bare = nextPage().replace(/<script src="[^"]+" async="" nonce="[^"]+"><\/script>/g, '')
    expect(deferFrameworkScripts(bare, NONCE)).toBeUndefined()
  })

  it('leaves a script tag alone that would run differently: a module, another origin, a defer, an integrity', () => {
    const others = [
      `<script src="/_next/static/chunks/m.js" async="" type="module" nonce="${NONCE}"></script>`,
      `<script src="https://cdn.example/x.js" async="" nonce="${NONCE}"></script>`,
      `<script src="/_next/static/chunks/d.js" defer="" nonce="${NONCE}"></script>`,
      `<script src="/_next/static/chunks/i.js" async="" integrity="sha384-x" nonce="${NONCE}"></script>`,
    ].join('')
    const out = deferFrameworkScripts(nextPage({ extraHead: others }), NONCE)!.html
    expect(out).toContain(others)
    expect(deferredChunkSources(out)).toEqual([...HEAD_CHUNKS, BOOT])
  })

  it('leaves the page naming the same chunks, which pageChunkSources reads from either form', () => {
    const page = nextPage()
    const before = pageChunkSources(page)
    expect(before).toEqual([...HEAD_CHUNKS, '/_next/static/chunks/polyfills.js', BOOT])
    expect(new Set(pageChunkSources(deferFrameworkScripts(page, NONCE)!.html))).toEqual(new Set(before))
  })

  it('writes a loader that no source text can break out of', () => {
    const text = deferLoaderScript(['/_next/x</script><img src=x onerror=alert(1)>.js'])
    expect(text).not.toContain('</script')
    expect(text).not.toContain('<img')
    expect(text).toContain('\\u003c/script>')
  })
})

/**
 * The loader run against a stand-in for the browser: a document whose head records what is appended, and a
 * window whose animation frames, timers and idle callbacks run only when the test says so.
 */
function runLoader(sources: string[], { idle = true } = {}) {
  const appended: { src: string; async: boolean; nonce: string }[] = []
  const frames: (() => void)[] = []
  const timers: { ms: number; fn: () => void }[] = []
  const idles: { fn: () => void; timeout: number }[] = []
  const document = {
    currentScript: { nonce: NONCE },
    createElement: () => ({ src: '', async: false, nonce: '' }),
    head: { appendChild: (e: { src: string; async: boolean; nonce: string }) => appended.push({ ...e }) },
  }
  const window: Record<string, unknown> = {
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
  }
  if (idle)
    window.requestIdleCallback = (fn: () => void, o: { timeout: number }) => idles.push({ fn, timeout: o.timeout })
  const context = vm.createContext({
    document,
    window,
    setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
  })
  vm.runInContext(deferLoaderScript(sources), context)
  const runTimers = (ms: number) => {
    for (const t of timers.splice(0).filter((t) => t.ms <= ms)) t.fn()
  }
  return { appended, frames, timers, idles, runTimers }
}

describe('the loader', () => {
  it('inserts every chunk, async, with the page nonce and in order, after a frame and then idle time', () => {
    const sources = [...HEAD_CHUNKS, BOOT]
    const l = runLoader(sources)
    expect(l.appended).toEqual([])
    // The frame, then the task after it, then the idle callback with its bound.
    l.frames.splice(0).forEach((f) => f())
    expect(l.appended).toEqual([])
    const afterFrame = l.timers.filter((t) => t.ms === 0)
    expect(afterFrame).toHaveLength(1)
    afterFrame[0]!.fn()
    expect(l.idles).toHaveLength(1)
    expect(l.idles[0]!.timeout).toBe(DEFER_IDLE_TIMEOUT_MS)
    expect(l.appended).toEqual([])
    l.idles[0]!.fn()
    expect(l.appended).toEqual(sources.map((src) => ({ src, async: true, nonce: NONCE })))
    // The fallback timer then finds the work done: nothing is inserted twice.
    l.timers.filter((t) => t.ms === DEFER_FALLBACK_MS).forEach((t) => t.fn())
    expect(l.appended).toHaveLength(sources.length)
  })

  it('loads them anyway when no frame is ever drawn (a tab in the background)', () => {
    const l = runLoader([BOOT])
    const fallback = l.timers.find((t) => t.ms === DEFER_FALLBACK_MS)
    expect(fallback).toBeDefined()
    fallback!.fn()
    expect(l.appended.map((a) => a.src)).toEqual([BOOT])
  })

  it('goes straight on after the frame where the browser has no idle callbacks', () => {
    const l = runLoader([BOOT], { idle: false })
    l.frames.splice(0).forEach((f) => f())
    l.runTimers(0)
    l.runTimers(0)
    expect(l.appended.map((a) => a.src)).toEqual([BOOT])
  })
})
