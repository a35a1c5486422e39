/**
 * A local stand-in for Yahoo's chart v8 endpoint, replaying the recorded payloads in tests/fixtures/yahoo.
 *
 *   npm run mock:yahoo                      # http://127.0.0.1:4010 (MOCK_YAHOO_PORT, 0 = random port)
 *   npm run mock:yahoo -- --port 0 --mode slow --slow-ms 2000 --payloads ./more-payloads
 *
 * Routes:
 *   GET  /v8/finance/chart/:symbol   the chart API (the live provider makes exactly this one request)
 *   POST /__mode/:mode[?slowMs=N]    switch the failure mode for all following requests
 *   GET  /__mode                     current mode and slow delay
 *   POST /__fault/:fault             serve a fault of tests/hostile-upstream (synthetic payloads) to every chart
 *                                    request until /__reset or POST /__fault/none
 *   GET  /__requests                 chart requests seen so far, with counts per symbol
 *   POST /__reset                    forget requests, restore the starting mode and delay
 *   GET  /  or /__health             liveness, for Playwright's webServer check
 *
 * Symbols resolve to payload files by `chart.result[0].meta.symbol`: AAPL (two recordings: the one with the
 * most bars inside [period1, period2) wins, else the larger), LUCYW (null currency, no bars), plus any file
 * in the extra payload directories. Unknown symbols get Yahoo's 404 body. Payloads are replayed whole, not
 * cut to the requested period, as the recordings are.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isHostileFault, serveHostileChart, type HostileFault } from '../hostile-upstream/server'

export const MOCK_YAHOO_MODES = [
  'ok',
  'error500',
  'rate429',
  'slow',
  'malformed',
  'invalid',
  'nulls',
  'empty',
  'notfound',
] as const

export type MockYahooMode = (typeof MOCK_YAHOO_MODES)[number]

export function isMockYahooMode(value: string): value is MockYahooMode {
  return (MOCK_YAHOO_MODES as readonly string[]).includes(value)
}

type QuoteField = 'open' | 'high' | 'low' | 'close' | 'volume'

/** Which quote values the 'nulls' mode blanks out, by row index of the served payload. */
export const MOCK_NULL_ROWS: ReadonlyArray<{ row: number; fields: readonly QuoteField[] }> = [
  { row: 1, fields: ['close'] },
  { row: 2, fields: ['high', 'low'] },
  { row: 3, fields: ['volume'] },
]

export const MOCK_RETRY_AFTER_SECONDS = 2
export const DEFAULT_SLOW_MS = 5000
export const DEFAULT_MOCK_YAHOO_PORT = 4010

export const NOT_FOUND_BODY = {
  chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
}

export interface RecordedRequest {
  /** Decoded path segment, e.g. `^GSPC` for `/v8/finance/chart/%5EGSPC`. */
  symbol: string
  mode: MockYahooMode
  /** Epoch milliseconds when the request arrived. */
  time: number
  period1: number | null
  period2: number | null
  /** Set when a hostile fault answered instead of the recordings. */
  fault?: HostileFault
}

export interface MockYahooOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  mode?: MockYahooMode
  slowMs?: number
  fixturesDir?: string
  /** More directories of recorded chart bodies (same format as the fixtures), served by their meta.symbol. */
  payloadDirs?: string[]
  /** Print one line per chart request. */
  log?: boolean
}

export interface MockYahooServer {
  url: string
  port: number
  /** Live list: cleared in place by `reset()`, so a reference taken earlier stays valid. */
  requests: RecordedRequest[]
  readonly mode: MockYahooMode
  setMode(mode: MockYahooMode, options?: { slowMs?: number }): void
  /** Requests seen for one symbol (case-insensitive). */
  countFor(symbol: string): number
  reset(): void
  close(): Promise<void>
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

interface PayloadEntry {
  file: string
  body: JsonObject
  timestamps: number[]
}

const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/yahoo/', import.meta.url))

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstResult(body: JsonObject): JsonObject | undefined {
  const chart = body.chart
  if (!isObject(chart) || !Array.isArray(chart.result)) return undefined
  const first = chart.result[0]
  return isObject(first) ? first : undefined
}

function loadPayloads(dirs: string[]): Map<string, PayloadEntry[]> {
  const catalog = new Map<string, PayloadEntry[]>()
  for (const dir of dirs) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(dir, name)
      const body = JSON.parse(readFileSync(file, 'utf8')) as Json
      if (!isObject(body)) continue
      const result = firstResult(body)
      const meta = result?.meta
      if (!result || !isObject(meta) || typeof meta.symbol !== 'string') continue
      const timestamps = Array.isArray(result.timestamp)
        ? result.timestamp.filter((t): t is number => typeof t === 'number')
        : []
      const key = meta.symbol.toUpperCase()
      catalog.set(key, [...(catalog.get(key) ?? []), { file, body, timestamps }])
    }
  }
  return catalog
}

function pickPayload(
  entries: PayloadEntry[],
  period1: number | null,
  period2: number | null,
): PayloadEntry | undefined {
  const inRange = (e: PayloadEntry) =>
    period1 === null || period2 === null ? 0 : e.timestamps.filter((t) => t >= period1 && t < period2).length
  let best: PayloadEntry | undefined
  for (const entry of entries) {
    if (
      best === undefined ||
      inRange(entry) > inRange(best) ||
      (inRange(entry) === inRange(best) && entry.timestamps.length > best.timestamps.length)
    ) {
      best = entry
    }
  }
  return best
}

function clone(body: JsonObject): JsonObject {
  return structuredClone(body)
}

function withSymbol(body: JsonObject, symbol: string): JsonObject {
  const copy = clone(body)
  const meta = firstResult(copy)?.meta
  if (isObject(meta)) meta.symbol = symbol
  return copy
}

function withNulls(body: JsonObject): JsonObject {
  const copy = clone(body)
  const indicators = firstResult(copy)?.indicators
  const quotes = isObject(indicators) ? indicators.quote : undefined
  const quote = Array.isArray(quotes) ? quotes[0] : undefined
  if (!isObject(quote)) return copy
  for (const { row, fields } of MOCK_NULL_ROWS) {
    for (const field of fields) {
      const series = quote[field]
      if (Array.isArray(series) && row < series.length) series[row] = null
    }
  }
  return copy
}

/** Timestamps as date strings: fails any schema expecting epoch seconds. */
function withStringTimestamps(body: JsonObject): JsonObject {
  const copy = clone(body)
  const result = firstResult(copy)
  if (!result) return copy
  const stamps = Array.isArray(result.timestamp) ? result.timestamp : [Math.floor(Date.now() / 1000)]
  result.timestamp = stamps.map((t) =>
    typeof t === 'number' ? new Date(t * 1000).toISOString().slice(0, 10) : String(t),
  )
  return copy
}

function emptyFor(template: JsonObject, symbol: string): JsonObject {
  const copy = withSymbol(template, symbol)
  const meta = firstResult(copy)?.meta
  if (isObject(meta)) {
    delete meta.longName
    delete meta.shortName
  }
  return copy
}

interface Reply {
  status: number
  headers?: Record<string, string>
  body: string
}

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json;charset=utf-8', ...headers },
  body: JSON.stringify(value),
})

function readQueryNumber(params: URLSearchParams, key: string): number | null {
  const raw = params.get(key)
  if (raw === null || !/^-?\d+$/.test(raw)) return null
  return Number(raw)
}

export async function startMockYahoo(options: MockYahooOptions = {}): Promise<MockYahooServer> {
  const host = options.host ?? '127.0.0.1'
  const initialMode = options.mode ?? 'ok'
  const initialSlowMs = options.slowMs ?? DEFAULT_SLOW_MS
  const catalog = loadPayloads([options.fixturesDir ?? DEFAULT_FIXTURES_DIR, ...(options.payloadDirs ?? [])])

  // Corruption modes need a body even for symbols without a recording; the largest AAPL one serves.
  const fallback = pickPayload(catalog.get('AAPL') ?? [], null, null)
  const emptyTemplate = catalog.get('LUCYW')?.[0]
  if (!fallback || !emptyTemplate) throw new Error('mock-yahoo: AAPL and LUCYW fixtures are required')
  const fallbackBody = fallback.body
  const emptyBody = emptyTemplate.body

  let mode: MockYahooMode = initialMode
  let slowMs = initialSlowMs
  let hostileFault: HostileFault | undefined
  const requests: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()

  function chartReply(symbol: string, period1: number | null, period2: number | null, current: MockYahooMode): Reply {
    const entry = pickPayload(catalog.get(symbol.toUpperCase()) ?? [], period1, period2)
    const base = entry ? entry.body : withSymbol(fallbackBody, symbol)
    switch (current) {
      case 'ok':
      case 'slow':
        return entry ? json(200, entry.body) : json(404, NOT_FOUND_BODY)
      case 'notfound':
        return json(404, NOT_FOUND_BODY)
      case 'error500':
        return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' }
      case 'rate429':
        return {
          status: 429,
          headers: { 'content-type': 'text/plain', 'retry-after': String(MOCK_RETRY_AFTER_SECONDS) },
          body: 'Too Many Requests',
        }
      case 'malformed': {
        const text = JSON.stringify(base)
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: text.slice(0, Math.floor(text.length / 2)),
        }
      }
      case 'invalid':
        return json(200, withStringTimestamps(base))
      case 'nulls':
        return json(200, withNulls(base))
      case 'empty':
        return json(200, emptyFor(emptyBody, symbol))
    }
  }

  function send(res: ServerResponse, reply: Reply): void {
    if (res.destroyed) return
    res.writeHead(reply.status, reply.headers ?? {})
    res.end(reply.body)
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://mock.invalid')
    const method = req.method ?? 'GET'
    const path = url.pathname

    const chartMatch = /^\/v8\/finance\/chart\/([^/]+)$/.exec(path)
    if (chartMatch?.[1] !== undefined) {
      if (method !== 'GET') return send(res, json(405, { error: 'method not allowed' }))
      let symbol: string
      try {
        symbol = decodeURIComponent(chartMatch[1])
      } catch {
        return send(
          res,
          json(400, { chart: { result: null, error: { code: 'Bad Request', description: 'bad symbol' } } }),
        )
      }
      const period1 = readQueryNumber(url.searchParams, 'period1')
      const period2 = readQueryNumber(url.searchParams, 'period2')
      if (hostileFault !== undefined) {
        requests.push({ symbol, mode, time: Date.now(), period1, period2, fault: hostileFault })
        return serveHostileChart(req, res, hostileFault, symbol, url)
      }
      const current = mode
      requests.push({ symbol, mode: current, time: Date.now(), period1, period2 })
      if (options.log) console.log(`[mock-yahoo] ${current} ${symbol} ${period1 ?? '-'}..${period2 ?? '-'}`)
      const reply = chartReply(symbol, period1, period2, current)
      if (current !== 'slow') return send(res, reply)
      const timer = setTimeout(() => {
        timers.delete(timer)
        send(res, reply)
      }, slowMs)
      timers.add(timer)
      // The client gave up (timeout): no point answering later.
      res.on('close', () => {
        clearTimeout(timer)
        timers.delete(timer)
      })
      return
    }

    const modeMatch = /^\/__mode\/([^/]+)$/.exec(path)
    if (modeMatch?.[1] !== undefined && method === 'POST') {
      const next = modeMatch[1]
      if (!isMockYahooMode(next))
        return send(res, json(400, { error: `unknown mode ${next}`, modes: MOCK_YAHOO_MODES }))
      const nextSlow = readQueryNumber(url.searchParams, 'slowMs')
      server.setMode(next, nextSlow === null ? {} : { slowMs: nextSlow })
      return send(res, json(200, { mode, slowMs }))
    }
    if (path === '/__mode' && method === 'GET') return send(res, json(200, { mode, slowMs }))
    const faultMatch = /^\/__fault\/([a-z0-9-]+)$/.exec(path)
    if (faultMatch?.[1] !== undefined && method === 'POST') {
      const next = faultMatch[1]
      if (next !== 'none' && !isHostileFault(next)) return send(res, json(400, { error: `unknown fault ${next}` }))
      hostileFault = next === 'none' ? undefined : next
      return send(res, json(200, { fault: hostileFault ?? 'none' }))
    }
    if (path === '/__requests' && method === 'GET') {
      const bySymbol: Record<string, number> = {}
      for (const r of requests) bySymbol[r.symbol] = (bySymbol[r.symbol] ?? 0) + 1
      return send(res, json(200, { total: requests.length, bySymbol, requests }))
    }
    if (path === '/__reset' && method === 'POST') {
      server.reset()
      return send(res, json(200, { mode, slowMs }))
    }
    if ((path === '/' || path === '/__health') && method === 'GET') {
      return send(res, json(200, { ok: true, mode, symbols: [...catalog.keys()].sort() }))
    }
    return send(
      res,
      json(404, {
        finance: { result: null, error: { code: 'Not Found', description: 'No such route in mock-yahoo' } },
      }),
    )
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

  const server: MockYahooServer = {
    url: `http://${host}:${port}`,
    port,
    requests,
    get mode() {
      return mode
    },
    setMode(next, modeOptions = {}) {
      if (!isMockYahooMode(next)) throw new Error(`mock-yahoo: unknown mode ${String(next)}`)
      mode = next
      if (modeOptions.slowMs !== undefined) slowMs = modeOptions.slowMs
    },
    countFor(symbol) {
      return requests.filter((r) => r.symbol.toUpperCase() === symbol.toUpperCase()).length
    },
    reset() {
      requests.length = 0
      hostileFault = undefined
      mode = initialMode
      slowMs = initialSlowMs
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      return new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()))
        // Keep-alive sockets from fetch would otherwise hold close() open.
        http.closeAllConnections()
      })
    },
  }
  return server
}

interface CliArgs {
  port: number
  mode: MockYahooMode
  slowMs: number
  payloadDirs: string[]
  log: boolean
}

function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliArgs {
  const args: CliArgs = {
    port: Number(env.MOCK_YAHOO_PORT ?? DEFAULT_MOCK_YAHOO_PORT),
    mode: 'ok',
    slowMs: Number(env.MOCK_YAHOO_SLOW_MS ?? DEFAULT_SLOW_MS),
    payloadDirs: env.MOCK_YAHOO_PAYLOAD_DIR ? [env.MOCK_YAHOO_PAYLOAD_DIR] : [],
    log: env.MOCK_YAHOO_LOG === '1',
  }
  const envMode = env.MOCK_YAHOO_MODE
  if (envMode !== undefined) {
    if (!isMockYahooMode(envMode)) throw new Error(`unknown MOCK_YAHOO_MODE ${envMode}`)
    args.mode = envMode
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = argv[i + 1]
    if (arg === '--log') args.log = true
    else if (value === undefined) throw new Error(`missing value after ${arg}`)
    else if (arg === '--port') args.port = Number(value)
    else if (arg === '--slow-ms') args.slowMs = Number(value)
    else if (arg === '--payloads') args.payloadDirs.push(value)
    else if (arg === '--mode') {
      if (!isMockYahooMode(value)) throw new Error(`unknown mode ${value}`)
      args.mode = value
    } else throw new Error(`unknown argument ${arg}`)
    if (arg !== '--log') i++
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('port must be 0..65535')
  if (!Number.isFinite(args.slowMs) || args.slowMs < 0) throw new Error('slow delay must be >= 0 ms')
  return args
}

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2), process.env)
  const server = await startMockYahoo(args)
  console.log(`mock-yahoo listening on ${server.url} (mode ${server.mode})`)
  const stop = () => {
    server.close().then(
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
    console.error(`mock-yahoo: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
