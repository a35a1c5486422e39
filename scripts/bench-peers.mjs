/**
 * The peer pages of `npm run bench`: minimal pages a reader could build instead of the app, from the same data the
 * app's chart draws for the bench's view (scripts/bench-peer-data.ts: same five series, same sessions, the same
 * percent changes from the embedded snapshot), each with a readout on hover (date, value and daily change per
 * series, like the app's tooltip):
 *
 * - `svg`: the inline-SVG limit, no JavaScript at all: the lines as polylines, and per session a hover column whose
 *   readout CSS shows (`:hover`). Nothing can be on screen sooner or be interactive sooner.
 * - `uplot`, `lightweight`: uPlot and TradingView's lightweight-charts (canvas).
 * - `recharts`: Recharts alone (with React), the library the app itself uses, without the rest of the dashboard.
 *
 * The library pages are bundled here with esbuild (minified, production React) into a temp dir, and every page is
 * served, gzip- and brotli-compressed ahead of time, by a plain Node static server: what a CDN would send.
 */
import { createServer } from 'node:http'
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { PROJECT_ROOT, findFreePort, makeTempDir } from './perf-harness.mjs'

export const PEER_KINDS = ['svg', 'uplot', 'lightweight', 'recharts']
export const PEER_LABELS = {
  svg: 'inline SVG, no JS (the limit)',
  uplot: 'uPlot',
  lightweight: 'lightweight-charts',
  recharts: 'Recharts alone',
}
const ENTRY = { uplot: 'uplot.js', lightweight: 'lightweight.js', recharts: 'recharts.jsx' }
/** The plot is as large as the app's at 1440x900, so every page draws about the same number of pixels. */
const PLOT = { width: 1200, height: 520 }
const COLOURS = ['#76b900', '#cc092f', '#ed1c24', '#00a4ef', '#6b7280']

const escapeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c')
const pct = (v) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(2)}%`)

function page(title, head, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body style="margin:0;font:14px system-ui,sans-serif"><h1 style="font-size:18px;margin:12px 20px">${title}</h1>${body}</body></html>`
}

/** The inline-SVG page: polylines and one CSS-hover column per session, no script. */
function svgPage(data) {
  const { width, height } = PLOT
  const pad = { left: 56, right: 16, top: 16, bottom: 28 }
  const all = data.series.flatMap((s) => s.values).filter((v) => v !== null)
  const lo = Math.min(...all)
  const hi = Math.max(...all)
  const n = data.dates.length
  const x = (i) => pad.left + (i * (width - pad.left - pad.right)) / Math.max(1, n - 1)
  const y = (v) => pad.top + ((hi - v) * (height - pad.top - pad.bottom)) / (hi - lo || 1)
  const lines = data.series
    .map((s, k) => {
      const points = s.values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ')
      return `<polyline fill="none" stroke="${COLOURS[k]}" stroke-width="2" points="${points}"/>`
    })
    .join('')
  const step = (width - pad.left - pad.right) / Math.max(1, n - 1)
  const columns = data.dates
    .map((date, i) => {
      const text = [
        date,
        ...data.series.map((s) => `${s.symbol} ${pct(s.values[i])} (${pct(s.changes[i])} on the day)`),
      ]
      const tipX = Math.min(x(i) + 8, width - 330)
      const rows = text
        .map((t, r) => `<text x="${(tipX + 8).toFixed(0)}" y="${pad.top + 18 + r * 16}">${t}</text>`)
        .join('')
      return `<g class="col"><rect x="${(x(i) - step / 2).toFixed(1)}" y="0" width="${step.toFixed(1)}" height="${height}" fill="transparent"/><g class="tip" data-chart-tooltip><line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#888"/><rect x="${tipX.toFixed(0)}" y="${pad.top}" width="320" height="${text.length * 16 + 10}" fill="#fff" stroke="#ccc"/>${rows}</g></g>`
    })
    .join('')
  const style = '<style>.tip{visibility:hidden;font-size:12px}.col:hover .tip{visibility:visible}</style>'
  return page(
    PEER_LABELS.svg,
    style,
    `<svg data-bench-plot width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Five series">${lines}${columns}</svg>`,
  )
}

function libraryPage(kind, data, scriptName, css) {
  const { width, height } = PLOT
  return page(
    PEER_LABELS[kind],
    css ? `<style>${css}</style>` : '',
    `<div style="position:relative"><div data-bench-plot style="width:${width}px;height:${height}px"></div>` +
      `<div data-chart-tooltip hidden style="position:absolute;top:8px;left:70px;background:#fff;border:1px solid #ccc;padding:4px 6px;font-size:12px"></div></div>` +
      `<script id="bench-data" type="application/json">${escapeJson(data)}</script><script src="/${scriptName}" defer></script>`,
  )
}

/** Builds every peer page; returns { files: Map<path, { type, body }>, paths: { kind: path } }. */
export async function buildPeerPages(data) {
  const outdir = makeTempDir('bench-peers-')
  const files = new Map()
  const paths = {}
  files.set('/svg.html', { type: 'text/html; charset=utf-8', body: Buffer.from(svgPage(data)) })
  paths.svg = '/svg.html'
  for (const kind of ['uplot', 'lightweight', 'recharts']) {
    const outfile = path.join(outdir, `${kind}.js`)
    await build({
      entryPoints: [path.join(PROJECT_ROOT, 'scripts', 'bench-peers', ENTRY[kind])],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile,
      logLevel: 'silent',
      absWorkingDir: PROJECT_ROOT,
    })
    const css =
      kind === 'uplot'
        ? readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), 'utf8')
        : ''
    files.set(`/${kind}.js`, { type: 'text/javascript; charset=utf-8', body: readFileSync(outfile) })
    files.set(`/${kind}.html`, {
      type: 'text/html; charset=utf-8',
      body: Buffer.from(libraryPage(kind, data, `${kind}.js`, css)),
    })
    paths[kind] = `/${kind}.html`
  }
  return { files, paths }
}

/**
 * The headers of one of the app's page responses that say how the browser may treat the document, and nothing
 * about this body or this request: what a peer page gets so that it is served as the app serves its page. Every
 * header is copied but those of the body and the connection, the policy (it carries the request's nonce and
 * allows only the app's scripts) and the page cache's own. Among them is `Cross-Origin-Opener-Policy:
 * same-origin`, which makes the browser put the page in a new browsing context group: a navigation from a new
 * tab's blank page, as every bench load is, then cannot reuse the blank page's frame (about 25 ms at 1x here).
 */
export function pageHeadersOf(response) {
  const skip = new Set([
    'cache-control',
    'connection',
    'content-encoding',
    'content-length',
    'content-security-policy',
    'content-type',
    'date',
    'etag',
    'keep-alive',
    'set-cookie',
    'transfer-encoding',
    'vary',
    'x-page-cache',
  ])
  const headers = {}
  for (const [name, value] of response.headers) if (!skip.has(name)) headers[name] = value
  return headers
}

/**
 * A plain Node static server for `files` (path -> { type, body }), each kept raw, gzip (level 9) and brotli
 * (quality 11), compressed once at start: a request costs a lookup and a write. Picks br, then gzip, by a simple
 * reading of Accept-Encoding (the bench sends only plain values). `pageHeaders` go out with every HTML file: the
 * bench passes the app's own page headers (pageHeadersOf), so a peer page is served as the app would serve it.
 */
export async function startStaticServer(files, { pageHeaders = {} } = {}) {
  const entries = new Map()
  for (const [p, f] of files) {
    entries.set(p, {
      type: f.type,
      identity: f.body,
      gzip: gzipSync(f.body, { level: 9 }),
      br: brotliCompressSync(f.body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: f.body.length },
      }),
    })
  }
  const server = createServer((req, res) => {
    const entry = entries.get(new URL(req.url ?? '/', 'http://x').pathname)
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    const accept = String(req.headers['accept-encoding'] ?? '')
    const coding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity'
    const body = entry[coding]
    const headers = {
      'Content-Type': entry.type,
      'Content-Length': String(body.length),
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
    }
    if (coding !== 'identity') headers['Content-Encoding'] = coding
    if (entry.type.startsWith('text/html')) Object.assign(headers, pageHeaders)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  const port = await findFreePort()
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
