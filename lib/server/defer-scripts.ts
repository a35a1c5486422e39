/**
 * The framework's scripts after the first paint. Next.js names every chunk of the page's JavaScript in its HTML:
 * `async` tags in `<head>` (and a low-priority preload of the bootstrap chunk), which the browser fetches and
 * compiles while it is still parsing and painting the page, and the bootstrap tag at the end of `<body>`. On a
 * two-core machine that work competes with the first frame, and the first frame is what shows the server-drawn
 * chart, whose early readout (lib/chart/early-readout-script.ts) answers a hover before any of those scripts has
 * run. Measured side by side (docs/performance.md, the tenth pass), fetching the chunks only after the first
 * paint drew the chart and showed its tooltip about a third sooner, at 1x and 4x CPU.
 *
 * So the page sent from memory (lib/server/page-cache.ts) names its chunks once, in a small loader put where the
 * bootstrap tag was: after the next frame has been painted, when the main thread is next idle (or at most a
 * second later), it inserts every chunk as an `async` script, as Next.js would have, in the same order, with the
 * page's nonce. Until then the page is the server's HTML: its controls are links and forms, the chart's readout
 * works, and nothing a reader does is lost. A tab opened in the background, where no frame is drawn, loads them
 * after a few seconds anyway.
 *
 * The rewrite is exact or nothing: it applies only when the head holds the `async` chunk tags Next.js writes and
 * the body exactly one bootstrap tag, each carrying the page's nonce; any other page is returned as it came.
 */

/** Ms after which the chunks are inserted even if no frame or idle time came (a tab in the background). */
export const DEFER_FALLBACK_MS = 3_000
/** The longest wait for idle time after the first frame (requestIdleCallback's timeout). */
export const DEFER_IDLE_TIMEOUT_MS = 1_000

const SCRIPT_TAG = /<script\b([^>]*)><\/script>/g
const LINK_TAG = /<link\b([^>]*)\/?>/g
const ATTRIBUTE = /\s([a-zA-Z-]+)(?:="([^"]*)")?/g

function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of source.matchAll(ATTRIBUTE)) out.set((m[1] as string).toLowerCase(), m[2] ?? '')
  return out
}

/** An external chunk tag of Next.js: src under /_next/, async, the page's nonce, nothing that changes how it runs. */
function chunkSource(attrs: Map<string, string>, nonce: string): string | undefined {
  const src = attrs.get('src')
  if (!src || !src.startsWith('/_next/') || attrs.get('nonce') !== nonce || !attrs.has('async')) return undefined
  for (const name of attrs.keys()) if (!['src', 'async', 'nonce'].includes(name)) return undefined
  return src
}

/** The loader's text. `sources` are same-origin paths; `<` is escaped so no text can end the script. */
export function deferLoaderScript(sources: readonly string[]): string {
  const list = JSON.stringify(sources).replace(/</g, '\\u003c')
  return (
    `(function(){var s=${list},d=document,c=d.currentScript,n=c&&c.nonce,w=window,done=0;` +
    `function go(){if(done)return;done=1;for(var i=0;i<s.length;i++){var e=d.createElement('script');` +
    `e.src=s[i];e.async=true;if(n)e.nonce=n;d.head.appendChild(e)}}` +
    `function idle(){if(w.requestIdleCallback)w.requestIdleCallback(go,{timeout:${DEFER_IDLE_TIMEOUT_MS}});else setTimeout(go,0)}` +
    `w.requestAnimationFrame(function(){setTimeout(idle,0)});setTimeout(go,${DEFER_FALLBACK_MS})})()`
  )
}

/** A page whose framework chunks load after its first paint, and those chunks, in the order the loader names them. */
export interface DeferredPage {
  html: string
  chunks: readonly string[]
}

/**
 * `html` with its framework chunks loaded after the first paint, or undefined when the page is not the shape
 * this rewrite knows (then it is served as rendered).
 */
export function deferFrameworkScripts(html: string, nonce: string): DeferredPage | undefined {
  const headEnd = html.indexOf('</head>')
  if (headEnd < 0 || !nonce) return undefined
  const head = html.slice(0, headEnd)
  const body = html.slice(headEnd)

  const sources: string[] = []
  const newHead = head
    .replace(SCRIPT_TAG, (tag, attrSource: string) => {
      const src = chunkSource(attributes(attrSource), nonce)
      if (!src) return tag
      sources.push(src)
      return ''
    })
    .replace(LINK_TAG, (tag, attrSource: string) => {
      const attrs = attributes(attrSource)
      const href = attrs.get('href') ?? ''
      // Only the preload of a chunk of Next.js; a preload of anything else (a font, an image) stays.
      return attrs.get('rel') === 'preload' && attrs.get('as') === 'script' && href.startsWith('/_next/') ? '' : tag
    })
  if (sources.length === 0) return undefined

  const bootstraps = [...body.matchAll(SCRIPT_TAG)].flatMap((m) => {
    const src = chunkSource(attributes(m[1] as string), nonce)
    return src ? [{ at: m.index as number, tag: m[0], src }] : []
  })
  if (bootstraps.length !== 1) return undefined
  const [boot] = bootstraps as [{ at: number; tag: string; src: string }]
  const chunks = [...sources, boot.src]
  const loader = `<script nonce="${nonce}">${deferLoaderScript(chunks)}</script>`
  return { html: newHead + body.slice(0, boot.at) + loader + body.slice(boot.at + boot.tag.length), chunks }
}
