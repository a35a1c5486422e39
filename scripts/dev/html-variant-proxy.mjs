// Dev helper (not part of the app): a proxy in front of a running `next start` that serves the page ("/") in one of
// three forms, so the bench's measurements (scripts/bench-ab.mjs) can compare them side by side. Every other path
// is forwarded as it is. The page is asked for without compression in every mode, so the modes differ only in what
// they measure.
//   node scripts/dev/html-variant-proxy.mjs <port> <upstream base URL> pass|hold|cache
// - pass:  the page as the server streams it (the control: the same proxy hop as the others);
// - hold:  Next's `async` chunk tags become `<link rel="preload">` (downloaded as before, not run), and a nonced
//          loader where the bootstrap tag was inserts them all after the first frame has been drawn;
// - cache: the whole page is kept in memory after its first render and served from there, with a fresh CSP nonce
//          written into the policy header and every nonce attribute, as a page cache in the server would.
// Then: RUNS=7 node scripts/bench-ab.mjs http://127.0.0.1:<pass port> http://127.0.0.1:<other port>
import crypto from 'node:crypto'
import http from 'node:http'

const [port, upstream, mode] = process.argv.slice(2)
if (!port || !upstream || !['pass', 'hold', 'cache'].includes(mode)) {
  console.error('usage: node scripts/dev/html-variant-proxy.mjs <port> <upstream base URL> pass|hold|cache')
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

async function fromCache(req, res, headers) {
  let entry = cache.get(req.url)
  if (!entry) {
    const page = await fetchWhole(req, headers)
    const nonce = /'nonce-([^']+)'/.exec(page.headers['content-security-policy'] ?? '')?.[1]
    if (!nonce) throw new Error('the page came without a nonce in its policy')
    entry = { ...page, nonce }
    cache.set(req.url, entry)
  }
  const fresh = crypto.randomBytes(16).toString('base64')
  const body = entry.body.replaceAll(entry.nonce, fresh)
  const out = { ...entry.headers, 'content-length': Buffer.byteLength(body) }
  delete out['transfer-encoding']
  out['content-security-policy'] = out['content-security-policy'].replaceAll(entry.nonce, fresh)
  res.writeHead(entry.status, out)
  res.end(body)
}

http
  .createServer((req, res) => {
    const headers = { ...req.headers, host: target.host }
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
  .listen(Number(port), '127.0.0.1', () => console.log(`${mode} on http://127.0.0.1:${port} for ${upstream}`))
