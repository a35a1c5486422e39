// Dev helper (not part of the app): a proxy in front of a running `next start` that serves the page ("/") in one of
// three forms, so the bench's measurements (scripts/bench-ab.mjs) can compare them side by side. Every other path
// is forwarded as it is. The page is asked for without compression in every mode, so the modes differ only in what
// they measure.
//   node scripts/dev/html-variant-proxy.mjs <port> <upstream base URL> pass|hold|cache[+change...]
// - pass:  the page as the server streams it (the control: the same proxy hop as the others);
// - hold:  Next's `async` chunk tags become `<link rel="preload">` (downloaded as before, not run), and a nonced
//          loader where the bootstrap tag was inserts them all after the first frame has been drawn;
// - cache: the whole page is kept in memory after its first render and served from there, with a fresh CSP nonce
//          written into the policy header and every nonce attribute, as a page cache in the server would.
// `cache` takes changes to the kept page, joined by `+` (the tenth pass's experiments, docs/performance.md):
// - inlinecss: the stylesheet's text in a <style> in place of its <link>;
// - static:    the /_next/static/ files kept in memory as the upstream first sent them (gzip), not compressed again;
// - nochunks:  no external script (the inline scripts and the RSC payload stay; nothing hydrates);
// - noscript:  no script at all but the chart's early readout and its data;
// - nobelow:   nothing after the chart: no reaction panel, claims or event list (with noscript, else it mismatches);
// - hideaside, hidefolds: the side panel, or the panels below the chart, out of layout (content-visibility: hidden);
// - linkcss:   the stylesheet named in a `Link: <…>; rel=preload; as=style` header, so it is asked for at commit;
// - scriptsfirst: the head's theme script and the body's early readout moved ahead of the stylesheet link, so the
//              parser never waits for the stylesheet (the body then differs from React's tree: hydration repairs
//              it, so blocking time is not comparable for this change; drawn, first paint and tooltip are).
// - noevents:  the side panel's event list empty (hydration repairs it; blocking time is not comparable);
// (The thirteenth pass's experiments, docs/performance.md.)
// - firstview:  nothing after the chart's figure: no panels, no side panel, no RSC payload, no chunks (a floor for
//              what the first response's size costs; nothing hydrates);
// - nocontrols: the view controls' box above the chart empty (symbols, range, mode);
// - onelayout:  the chart's narrow layout out, so the chart is drawn once (as a single responsive layout would be).
// With nocontrols or onelayout the body differs from React's tree (hydration repairs it): blocking time is not
// comparable; drawn, first paint and tooltip are.
// (The fourteenth pass's experiments, docs/performance.md.)
// Start the upstream with PAGE_SCRIPTS=eager (or PAGE_CACHE_MIB=0): with the defaults it already sends a page from
// memory with its chunks after the first paint (lib/server/defer-scripts.ts), and only the first request of a URL
// as Next.js wrote it.
// Then: RUNS=7 node scripts/bench-ab.mjs http://127.0.0.1:<pass port> http://127.0.0.1:<other port>
import crypto from 'node:crypto'
import http from 'node:http'

const CHANGES = [
  'inlinecss',
  'static',
  'nochunks',
  'noscript',
  'nobelow',
  'hideaside',
  'hidefolds',
  'linkcss',
  'scriptsfirst',
  'noevents',
  'firstview',
  'nocontrols',
  'onelayout',
]
const [port, upstream, modeArg = ''] = process.argv.slice(2)
const [mode, ...changeList] = modeArg.split('+')
const changes = new Set(changeList)
if (
  !port ||
  !upstream ||
  !['pass', 'hold', 'cache'].includes(mode) ||
  (changes.size > 0 && mode !== 'cache') ||
  changeList.some((c) => !CHANGES.includes(c))
) {
  console.error(
    `usage: node scripts/dev/html-variant-proxy.mjs <port> <upstream base URL> pass|hold|cache[+${CHANGES.join('|')}...]`,
  )
  process.exit(2)
}
const target = new URL(upstream)
const isPage = (url) => url === '/' || url.startsWith('/?')

/** A failing upstream is a 502 with its reason, not a crash of the proxy (fetchWhole's failure is caught below). */
function badGateway(res, error) {
  if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
  res.end(String(error))
}

function forward(req, res, headers, onResponse) {
  const up = http.request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
    onResponse,
  )
  up.on('error', (error) => badGateway(res, error))
  req.pipe(up)
}

const HEAD_CHUNK = /<script src="([^"]+)" async="" nonce="([^"]+)"><\/script>/g
const BOOTSTRAP = /<script src="([^"]+)" nonce="([^"]+)" async=""><\/script>/
const loader = (sources, nonce) =>
  `<script nonce="${nonce}">(function(){var s=${JSON.stringify(sources)};function go(){for(var i=0;i<s.length;i++)` +
  `{var e=document.createElement('script');e.src=s[i];e.async=true;document.head.appendChild(e)}}` +
  `requestAnimationFrame(function(){setTimeout(go,0)})})()</script>`

/** hold: rewrites the stream as it passes; a tag cut in two by a chunk boundary waits for the rest. */
function holdScripts(upstreamResponse, res) {
  const headers = { ...upstreamResponse.headers }
  delete headers['content-length']
  res.writeHead(upstreamResponse.statusCode, headers)
  const sources = []
  let pending = ''
  let headDone = false
  let bootstrapDone = false
  upstreamResponse.setEncoding('utf8')
  upstreamResponse.on('data', (chunk) => {
    pending += chunk
    if (!headDone) {
      const end = pending.indexOf('</head>')
      if (end < 0) return
      const head = pending.slice(0, end).replace(HEAD_CHUNK, (_tag, src, nonce) => {
        sources.push(src)
        return `<link rel="preload" as="script" href="${src}" nonce="${nonce}"/>`
      })
      pending = head + pending.slice(end)
      headDone = true
    }
    if (!bootstrapDone) {
      const found = pending.match(BOOTSTRAP)
      if (found) {
        sources.push(found[1])
        pending = pending.replace(BOOTSTRAP, loader(sources, found[2]))
        bootstrapDone = true
      } else {
        const cut = pending.lastIndexOf('<')
        if (cut >= 0 && cut > pending.length - 200) {
          res.write(pending.slice(0, cut))
          pending = pending.slice(cut)
          return
        }
      }
    }
    res.write(pending)
    pending = ''
  })
  upstreamResponse.on('end', () => res.end(pending))
}

const cache = new Map()
function fetchWhole(req, headers) {
  return new Promise((resolve, reject) => {
    const up = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: 'GET', headers },
      (r) => {
        const parts = []
        r.on('data', (c) => parts.push(c))
        r.on('end', () =>
          resolve({ status: r.statusCode, headers: r.headers, body: Buffer.concat(parts).toString('utf8') }),
        )
      },
    )
    up.on('error', reject)
    up.end()
  })
}

const EARLY_READOUT = /^<script>\(function\(\)\{\nif\(window\.__earlyReadout\)/
/** The page's stylesheet tag, with its path as the first group. */
const STYLESHEET_LINK = /<link rel="stylesheet" href="([^"]+)"[^>]*\/>/
/** The index just past the `</div>` that closes the `<div` starting at `from`. */
function divEnd(html, from) {
  const tag = /<(\/?)div\b/g
  tag.lastIndex = from
  let depth = 0
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1
    if (depth === 0) return html.indexOf('>', m.index) + 1
  }
  throw new Error('an unclosed <div>')
}
/** `html` with the contents of the `<div` that starts with `open` taken out (`keep`: its own tags stay). */
function cutDiv(html, open, { keep }) {
  const from = html.indexOf(open)
  if (from < 0) throw new Error(`the page has no ${open}`)
  return html.slice(0, from) + (keep ? `${open}</div>` : '') + html.slice(divEnd(html, from))
}
const VIEW_CONTROLS = '<div id="view-controls"'
const NARROW_LAYOUT = '<div class="absolute inset-0 @min-[640px]:hidden">'
const withStyle = (body, css) => body.replace('</head>', () => `<style>${css}</style></head>`)

/** The kept page with the asked-for changes. */
async function changed(page, headers) {
  let body = page
  if (changes.has('inlinecss')) {
    const link = STYLESHEET_LINK.exec(body)
    if (!link) throw new Error('the page has no stylesheet link to inline')
    const css = await fetchWhole({ url: link[1] }, headers)
    body = body.replace(link[0], () => `<style>${css.body}</style>`)
  }
  if (changes.has('nochunks')) body = body.replace(/<script src="[^"]+"[^>]*><\/script>/g, '')
  if (changes.has('noscript'))
    body = body.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (tag) =>
      EARLY_READOUT.test(tag) || tag.startsWith('<script type="application/json" data-chart-readout') ? tag : '',
    )
  if (changes.has('nobelow')) {
    const from = body.indexOf('<details open="" data-testid="fold-reaction"')
    const to = body.indexOf('</main>', from)
    if (from < 0 || to < 0) throw new Error('the page has no panels below the chart to take out')
    body = body.slice(0, from) + body.slice(to)
  }
  if (changes.has('scriptsfirst')) {
    const link = STYLESHEET_LINK.exec(body)
    const theme = /<script>\(function\(\)\{try\{var s=localStorage[\s\S]*?<\/script>/.exec(body)
    const early = /<script>\(function\(\)\{\nif\(window\.__earlyReadout\)[\s\S]*?<\/script>/.exec(body)
    if (!link || !theme || !early) throw new Error('the page lacks the stylesheet link or one of its inline scripts')
    body = body.replace(theme[0], '').replace(early[0], '')
    body = body.replace(link[0], () => theme[0] + early[0] + link[0])
  }
  if (changes.has('noevents')) {
    const open = '<ol class="space-y-2" data-testid="event-list">'
    const from = body.indexOf(open)
    const to = body.indexOf('</ol>', from)
    if (from < 0 || to < 0) throw new Error('the page has no event list to empty')
    body = body.slice(0, from + open.length) + body.slice(to)
  }
  if (changes.has('nocontrols')) {
    const from = body.indexOf(VIEW_CONTROLS)
    if (from < 0) throw new Error('the page has no view controls')
    body = cutDiv(body, body.slice(from, body.indexOf('>', from) + 1), { keep: true })
  }
  if (changes.has('onelayout')) body = cutDiv(body, NARROW_LAYOUT, { keep: false })
  if (changes.has('firstview')) {
    const end = body.indexOf('</figure>')
    if (end < 0) throw new Error('the page has no chart figure')
    body = `${body.slice(0, end + '</figure>'.length)}</div></div></main></body></html>`
  }
  if (changes.has('hideaside')) body = withStyle(body, 'aside{content-visibility:hidden}')
  if (changes.has('hidefolds'))
    body = withStyle(body, '[data-testid=fold-reaction],[data-testid=fold-claims]{content-visibility:hidden}')
  return body
}

/** static: a file under /_next/static/ as the upstream first sent it (compressed), from memory after that. */
const files = new Map()
function fromMemory(req, res) {
  let file = files.get(req.url)
  if (!file) {
    file = new Promise((resolve, reject) => {
      const up = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: 'GET',
          headers: { 'accept-encoding': 'gzip' },
        },
        (r) => {
          const parts = []
          r.on('data', (c) => parts.push(c))
          r.on('end', () => resolve({ status: r.statusCode, headers: r.headers, body: Buffer.concat(parts) }))
        },
      )
      up.on('error', reject)
      up.end()
    })
    files.set(req.url, file)
  }
  file.then(
    (f) => {
      const out = { ...f.headers, 'content-length': f.body.byteLength }
      delete out['transfer-encoding']
      res.writeHead(f.status, out)
      res.end(f.body)
    },
    (error) => badGateway(res, error),
  )
}

async function fromCache(req, res, headers) {
  let entry = cache.get(req.url)
  if (!entry) {
    const page = await fetchWhole(req, headers)
    const nonce = /'nonce-([^']+)'/.exec(page.headers['content-security-policy'] ?? '')?.[1]
    if (!nonce) throw new Error('the page came without a nonce in its policy')
    entry = { ...page, body: await changed(page.body, headers), nonce }
    cache.set(req.url, entry)
  }
  const fresh = crypto.randomBytes(16).toString('base64')
  const body = entry.body.replaceAll(entry.nonce, fresh)
  const out = { ...entry.headers, 'content-length': Buffer.byteLength(body) }
  delete out['transfer-encoding']
  out['content-security-policy'] = out['content-security-policy'].replaceAll(entry.nonce, fresh)
  if (changes.has('linkcss')) {
    const href = STYLESHEET_LINK.exec(body)?.[1]
    if (href) out['link'] = `<${href}>; rel=preload; as=style`
  }
  res.writeHead(entry.status, out)
  res.end(body)
}

http
  .createServer((req, res) => {
    const headers = { ...req.headers, host: target.host }
    if (changes.has('static') && req.url.startsWith('/_next/static/')) {
      fromMemory(req, res)
      return
    }
    if (!isPage(req.url)) {
      forward(req, res, headers, (r) => {
        res.writeHead(r.statusCode, r.headers)
        r.pipe(res)
      })
      return
    }
    headers['accept-encoding'] = 'identity'
    if (mode === 'cache') {
      fromCache(req, res, headers).catch((error) => badGateway(res, error))
      return
    }
    forward(req, res, headers, (r) => {
      if (mode === 'hold') holdScripts(r, res)
      else {
        res.writeHead(r.statusCode, r.headers)
        r.pipe(res)
      }
    })
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`${modeArg} on http://127.0.0.1:${port} for ${upstream}`))
