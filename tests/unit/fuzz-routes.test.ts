import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { z } from 'zod'
import { GET as getEvents } from '@/app/api/events/route'
import { GET as getPrices } from '@/app/api/prices/route'
import { GET as getReaction } from '@/app/api/reaction/route'
import { resetEnvForTests } from '@/lib/server/env'
import { events } from '@/lib/events'
import { resetPriceServiceForTests } from '@/lib/prices'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'
import { snapshotBars, snapshotSymbols } from '@/lib/snapshot'

/**
 * Property: whatever query string arrives, every route answers below 500, in the documented shape, with no
 * stack trace, quickly. Runs on the embedded snapshot, so nothing leaves the process.
 *
 * Generators are cheap on purpose (mostly picks from fixed pools) so that >= 1000 runs per route fit in a few
 * seconds; the pools hold the inputs worth trying (real names mixed with garbage, absurd numbers and dates,
 * injection strings, control characters, broken percent-encoding, 10k-character values).
 */

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 2_500)
const MAX_MS_PER_REQUEST = 2_000
const savedProvider = process.env.PRICE_PROVIDER

// ---------- shapes ----------

const errorShape = z
  .object({
    error: z
      .object({
        code: z.enum(['bad_request', 'not_found', 'rate_limited', 'upstream_error', 'upstream_timeout']),
        message: z.string().min(1).max(2_000),
        issues: z.array(z.object({ path: z.string(), message: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .strict()

const isoDate = z.iso.date()
// `z.number()` refuses NaN/Infinity, and JSON turns them into null, which it refuses too.
const finite = z.number()

const pricesShape = z.object({
  series: z.array(
    z.object({
      symbol: z.string().min(1),
      name: z.string(),
      currency: z.string().nullable(),
      source: z.enum(['snapshot', 'yahoo']),
      bars: z.array(
        z.object({
          date: isoDate,
          open: finite,
          high: finite,
          low: finite,
          close: finite,
          adjClose: finite,
          volume: z.number().int().nonnegative(),
        }),
      ),
    }),
  ),
  warnings: z.array(z.string()),
})

const eventsShape = z.object({
  events: z.array(
    z.object({
      id: z.string().min(1),
      date: isoDate,
      time: z.string().nullable(),
      session: z.string(),
      tradingDate: isoDate,
      title: z.string().min(1),
      summary: z.string().min(1),
      category: z.string(),
      symbols: z.array(z.string()),
      sources: z.array(z.object({ title: z.string(), url: z.url() })),
      verified: z.boolean(),
    }),
  ),
})

const reactionShape = z.object({
  day0: isoDate,
  benchmark: z.string().min(1),
  method: z.object({
    benchmark: z.string(),
    estimation: z.object({ sessions: z.number().int() }),
    gap: z.number().int(),
    windows: z.array(z.tuple([finite, finite])),
  }),
  rows: z
    .array(
      z.object({
        symbol: z.string().min(1),
        prevClose: finite,
        close: finite,
        return: finite,
        abnormalReturn: finite,
        tAR: finite.nullable(),
        car: z.array(z.object({ window: z.tuple([finite, finite]), car: finite.nullable(), t: finite.nullable() })),
        marketCapChange: finite.nullable(),
        recovery: z.object({ date: isoDate, sessions: z.number().int().positive() }).nullable(),
      }),
    )
    .min(1),
  warnings: z.array(z.string()),
})

/** What a stack trace or a source location looks like; a 400 may quote the caller's input, so not "at " alone. */
const STACK = /\n\s*at |\bat \S+ \(\S+:\d+:\d+\)|node_modules|\.[cm]?[jt]sx?:\d+/

// ---------- generators ----------

const SYMBOLS = snapshotSymbols()
const EVENT_IDS = events.map((e) => e.id)
const LONG = ['A'.repeat(10_000), '9'.repeat(10_000), 'NVDA,'.repeat(2_000), '%41'.repeat(3_400), 'é'.repeat(10_000)]

const INJECTIONS = [
  "' OR 1=1 --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  '%00',
  'NVDA%00',
  '\r\nSet-Cookie: a=b',
  '%0d%0aLocation:%20http://evil',
  '__proto__',
  'constructor',
  'toString',
  'http://evil.example',
  '//evil.example',
  '@evil.example',
  '`id`',
  '$(id)',
  ';ls',
  '|cat /etc/passwd',
  '%',
  '%zz',
  '%E0%A4%A',
  '%FF%FE',
  '%C0%AE%C0%AE%2F',
  '\uFEFFNVDA',
  '\u202Eadsm',
  'ＮＶＤＡ',
  '🚀,💥',
  'null',
  'undefined',
  '[]',
  '{}',
  'true',
]

const NUMBERS = [
  '1e308',
  '-1e308',
  '1e-308',
  '-0',
  '0',
  'NaN',
  'Infinity',
  '-Infinity',
  '9007199254740993',
  '-9007199254740993',
  '1'.repeat(400),
  '0x10',
  '0b11',
  '1_000',
  '12.5',
  '+120',
  ' 120 ',
  '120abc',
  '',
]

const DATES = [
  '0000-00-00',
  '9999-12-31',
  '2025-02-29',
  '2024-02-29',
  '2025-01-27',
  '2025-01-20',
  '2025-01-25',
  '2024-07-01',
  '2025-06-30',
  '1990-01-01',
  '1989-12-31',
  '2025-13-01',
  '2025-00-10',
  '2025-1-2',
  ' 2025-01-02',
  '2025-01-02T00:00:00Z',
  '2025/01/02',
  '20250102',
  '+02025-01-02',
  '-2025-01-02',
  'yesterday',
  'now',
]

const asciiControl = fc.string({
  unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)),
  maxLength: 6,
})

const garbage = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...DATES),
  fc.constantFrom(...LONG),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  asciiControl,
  fc.double().map(String),
  fc.bigInt().map(String),
)

const dateValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DATES) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 1985, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  },
  { weight: 1, arbitrary: garbage },
)

const symbolItem = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SYMBOLS, 'nvda', ' SPY ', 'ZZZZ', '^GSPC', 'BRK-B') },
  { weight: 1, arbitrary: garbage },
)
const symbolsValue = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.array(symbolItem, { minLength: 0, maxLength: 6 }), fc.constantFrom(',', ',', ', ', ';', ' '))
      .map(([items, sep]) => items.join(sep)),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...SYMBOLS), { minLength: 18, maxLength: 24 }).map((s) => s.join(',')),
  },
  { weight: 1, arbitrary: garbage },
)

const numberValue = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer({ min: -1_000, max: 1_000 }).map(String),
  fc.constantFrom('20', '60', '120', '500', '501', '19', '10'),
)
const windowsValue = fc.oneof(
  fc
    .array(
      fc.tuple(fc.integer({ min: -25, max: 25 }), fc.integer({ min: -25, max: 25 })).map(([a, b]) => `${a}:${b}`),
      { maxLength: 10 },
    )
    .map((w) => w.join(',')),
  garbage,
)

type Pair = readonly [string, string]

/** A key/value pair for a parameter the route knows, or for one it does not. */
const pair = (key: string, value: fc.Arbitrary<string>): fc.Arbitrary<Pair> => value.map((v): Pair => [key, v])

/** Key names: mostly real ones (so the route goes deep), with garbage, case variants and near-misses. */
function pairsFor(known: ReadonlyArray<[string, fc.Arbitrary<string>]>): fc.Arbitrary<Pair[]> {
  const realPairs = known.map(([key, value]) => pair(key, value))
  const otherKey = fc.oneof(
    fc.constantFrom('SYMBOLS', 'symbol', 'from[]', 'to ', '', '=', '&', 'mode', 'base', 'callback', '__proto__'),
    garbage,
  )
  const extra = fc.tuple(otherKey, garbage)
  return fc
    .tuple(
      // Each real parameter present with probability ~3/4, sometimes twice (repeated or conflicting).
      fc.tuple(...realPairs.map((p) => fc.option(p, { freq: 4 }))),
      fc.array(fc.oneof(...realPairs), { maxLength: 2 }),
      fc.array(extra, { maxLength: 3 }),
    )
    .map(([base, repeats, extras]) => [...base.filter((p): p is Pair => p !== null), ...repeats, ...extras])
}

/** Mostly well-formed encoding, sometimes raw text with its `&`, `=`, `%`, `#` left in. */
const encodingArb = fc.constantFrom<'encode' | 'raw'>('encode', 'encode', 'encode', 'raw')

function toQuery(pairs: readonly Pair[], encodings: readonly ('encode' | 'raw')[]): string {
  return pairs
    .map(([k, v], i) =>
      encodings[i % Math.max(1, encodings.length)] === 'raw'
        ? `${k}=${v}`
        : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
    )
    .join('&')
}

/** Garbage and real names in any mix, and (a third of the time) a well-formed query with some noise around it. */
const queryArb = (known: ReadonlyArray<[string, fc.Arbitrary<string>]>, wellFormed: fc.Arbitrary<Pair[]>) =>
  fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(pairsFor(known), fc.array(encodingArb, { minLength: 1, maxLength: 4 }))
        .map(([pairs, enc]) => toQuery(pairs, enc)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          wellFormed,
          fc.array(fc.tuple(fc.constantFrom('mode', 'base', 'utm_source', 'x'), garbage), { maxLength: 2 }),
        )
        .map(([pairs, noise]) => toQuery([...pairs, ...noise], ['encode'])),
    },
  )

// Sessions of the snapshot: valid day-0 candidates and range ends, so well-formed queries reach the analysis.
const SESSIONS = (snapshotBars('SPY') ?? []).map((b) => b.date)
const LATE_SESSIONS = SESSIONS.filter((d) => d >= '2025-01-15' && d <= '2025-06-20')
const validSymbols = fc.array(fc.constantFrom(...SYMBOLS), { minLength: 1, maxLength: 5 }).map((s) => s.join(','))
const validRange = fc
  .tuple(fc.constantFrom(...SESSIONS), fc.constantFrom(...SESSIONS))
  .map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]))

/** The pairs whose value is set; an absent optional parameter is simply left out of the query. */
const compact = (entries: ReadonlyArray<readonly [string, string | null | undefined]>): Pair[] =>
  entries.filter((e): e is Pair => e[1] !== null && e[1] !== undefined)

const pricesWellFormed: fc.Arbitrary<Pair[]> = fc
  .tuple(validSymbols, validRange, fc.option(fc.constantFrom('json', 'csv')))
  .map(([symbols, [from, to], format]) =>
    compact([
      ['symbols', symbols],
      ['from', from],
      ['to', to],
      ['format', format],
    ]),
  )

const eventsWellFormed: fc.Arbitrary<Pair[]> = fc
  .tuple(
    fc.option(validRange),
    fc.option(fc.subarray(['deepseek', 'stargate', 'market', 'policy', 'company', 'earnings'], { minLength: 1 })),
  )
  .map(([range, categories]) =>
    compact([
      ['from', range?.[0]],
      ['to', range?.[1]],
      ['category', categories?.join(',')],
    ]),
  )

const reactionWellFormed: fc.Arbitrary<Pair[]> = fc
  .tuple(
    validSymbols,
    fc.oneof(
      fc.constantFrom(...LATE_SESSIONS).map((d): Pair => ['date', d]),
      fc.constantFrom(...EVENT_IDS).map((id): Pair => ['event', id]),
    ),
    fc.option(fc.constantFrom('SPY', 'QQQ', 'SOXX', 'NVDA')),
    fc.option(fc.integer({ min: 20, max: 150 }).map(String)),
    fc.option(fc.integer({ min: 0, max: 15 }).map(String)),
    fc.option(fc.constantFrom('0:0', '0:1,-1:1', '-5:5,0:20', '-20:-1')),
    fc.option(fc.constantFrom('json', 'csv')),
  )
  .map(([symbols, day0, benchmark, estimation, gap, windows, format]) =>
    compact([
      ['symbols', symbols],
      day0,
      ['benchmark', benchmark],
      ['estimation', estimation],
      ['gap', gap],
      ['windows', windows],
      ['format', format],
    ]),
  )

const formatValue = fc.oneof(fc.constantFrom('json', 'csv', 'CSV', 'xml', ''), garbage)

const PRICES_PARAMS: Array<[string, fc.Arbitrary<string>]> = [
  ['symbols', symbolsValue],
  ['from', dateValue],
  ['to', dateValue],
  ['format', formatValue],
]
const EVENTS_PARAMS: Array<[string, fc.Arbitrary<string>]> = [
  ['from', dateValue],
  ['to', dateValue],
  [
    'category',
    fc.oneof(
      fc
        .array(
          fc.constantFrom(
            'deepseek',
            'stargate',
            'market',
            'policy',
            'company',
            'earnings',
            'DeepSeek',
            ' stargate ',
            'nope',
          ),
          { maxLength: 4 },
        )
        .map((c) => c.join(',')),
      garbage,
    ),
  ],
]
const REACTION_PARAMS: Array<[string, fc.Arbitrary<string>]> = [
  ['symbols', symbolsValue],
  ['date', dateValue],
  [
    'event',
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EVENT_IDS, '2025-01-27-nope') },
      { weight: 1, arbitrary: garbage },
    ),
  ],
  [
    'benchmark',
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('SPY', 'QQQ', 'SOXX', 'NVDA', '9984.T', 'ZZZZ', 'spy') },
      { weight: 1, arbitrary: garbage },
    ),
  ],
  ['estimation', numberValue],
  ['gap', numberValue],
  ['windows', windowsValue],
  ['format', formatValue],
]

// ---------- the check ----------

type Handler = (request: Request) => Promise<Response>

interface RouteStats {
  durations: number[]
  statuses: Map<number, number>
}

async function checkOne(
  path: string,
  handler: Handler,
  query: string,
  success: z.ZodType,
  stats: RouteStats,
): Promise<void> {
  let url: URL
  try {
    url = new URL(`http://localhost${path}?${query}`)
  } catch {
    // Unreachable for query text (the URL parser percent-encodes what it does not accept), but a URL that cannot
    // be built never reaches a route either.
    return
  }
  const started = performance.now()
  let res = await handler(new Request(url))
  if (res.status === 308) {
    // Another spelling of a query is sent once to its canonical URL (one CDN key per answer); that URL must answer
    // itself, never redirect again.
    const location = res.headers.get('location') ?? ''
    expect(location, `${path}?${query}`).toMatch(new RegExp(`^${path}\\?`))
    res = await handler(new Request(new URL(location, url)))
    expect(res.status, `${path}?${query} -> ${location}`).not.toBe(308)
  }
  const text = await res.text()
  const elapsed = performance.now() - started
  stats.durations.push(elapsed)
  stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1)

  const where = `${path}?${query.length > 300 ? `${query.slice(0, 300)}…` : query} -> ${res.status} ${text.slice(0, 300)}`
  expect(res.status, where).toBeLessThan(500)
  expect(text, where).not.toMatch(STACK)
  expect(elapsed, where).toBeLessThan(MAX_MS_PER_REQUEST)

  if (res.status >= 200 && res.status < 300) {
    if ((res.headers.get('content-type') ?? '').startsWith('text/csv')) {
      expect(text.split('\n')[0], where).toMatch(/^[a-z_]+(,[a-z_0-9+-]+)+$/)
      return
    }
    const parsed = success.safeParse(JSON.parse(text))
    expect(parsed.success, `${where}\n${parsed.error?.message ?? ''}`).toBe(true)
  } else {
    expect(res.headers.get('cache-control'), where).toBe('no-store')
    const parsed = errorShape.safeParse(JSON.parse(text))
    expect(parsed.success, `${where}\n${parsed.error?.message ?? ''}`).toBe(true)
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function report(path: string, stats: RouteStats): void {
  const sorted = [...stats.durations].sort((a, b) => a - b)
  const statuses = [...stats.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}x${n}`)
    .join(' ')
  console.info(
    `[fuzz] ${path}: ${sorted.length} requests, p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${(sorted.at(-1) ?? 0).toFixed(2)} ms; ${statuses}`,
  )
}

let consoleError: MockInstance

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  resetPriceServiceForTests()
  resetLiveRequestLimiterForTests()
  // The routes log only errors they did not expect (and answer those 500); any call is a finding.
  consoleError = vi.spyOn(console, 'error')
})

afterAll(() => {
  expect(consoleError).not.toHaveBeenCalled()
  vi.restoreAllMocks()
  if (savedProvider === undefined) delete process.env.PRICE_PROVIDER
  else process.env.PRICE_PROVIDER = savedProvider
  resetEnvForTests()
  resetPriceServiceForTests()
})

describe('fuzzing every route (snapshot provider, nothing leaves the process)', () => {
  const routes: ReadonlyArray<[string, Handler, fc.Arbitrary<string>, z.ZodType]> = [
    ['/api/prices', getPrices, queryArb(PRICES_PARAMS, pricesWellFormed), pricesShape],
    ['/api/events', getEvents, queryArb(EVENTS_PARAMS, eventsWellFormed), eventsShape],
    ['/api/reaction', getReaction, queryArb(REACTION_PARAMS, reactionWellFormed), reactionShape],
  ]

  it.each(routes)(
    '%s: never a 5xx, always the documented shape, no stack, under 2 s',
    async (path, handler, queries, success) => {
      const stats: RouteStats = { durations: [], statuses: new Map() }
      await fc.assert(
        fc.asyncProperty(queries, (query) => checkOne(path, handler, query, success, stats)),
        { numRuns: RUNS_PER_ROUTE },
      )
      report(path, stats)
      expect(stats.durations.length).toBeGreaterThanOrEqual(Math.min(RUNS_PER_ROUTE, 1_000))
      // Deep paths were reached, not only the validators.
      expect(stats.statuses.get(200) ?? 0).toBeGreaterThan(RUNS_PER_ROUTE / 20)
      expect(stats.statuses.get(400) ?? 0).toBeGreaterThan(RUNS_PER_ROUTE / 20)
    },
    60_000,
  )

  it('hand-picked edge cases: leap days, repeats, broken encodings, absurd numbers', async () => {
    const stats: RouteStats = { durations: [], statuses: new Map() }
    const cases: Array<[string, Handler, string, z.ZodType]> = [
      ['/api/prices', getPrices, 'symbols=NVDA&from=2024-02-29&to=9999-12-31', pricesShape],
      ['/api/prices', getPrices, 'symbols=NVDA&symbols=SPY&from=2025-01-02&from=2025-01-03', pricesShape],
      ['/api/prices', getPrices, 'symbols=%00%FF&from=zzz', pricesShape],
      ['/api/prices', getPrices, `symbols=${'NVDA,'.repeat(2_000)}`, pricesShape],
      ['/api/events', getEvents, 'from=0000-00-00&to=9999-12-31', eventsShape],
      ['/api/events', getEvents, 'category=__proto__&category=constructor', eventsShape],
      ['/api/reaction', getReaction, 'symbols=NVDA&date=2025-01-27&estimation=1e308&gap=-0', reactionShape],
      ['/api/reaction', getReaction, 'symbols=NVDA&date=2025-01-27&estimation=20&gap=0&windows=-20:20', reactionShape],
      ['/api/reaction', getReaction, 'symbols=NVDA&date=2024-07-02&estimation=20&gap=0', reactionShape],
      ['/api/reaction', getReaction, 'symbols=NVDA&event=2025-01-27-nvda-record-loss&benchmark=NVDA', reactionShape],
      ['/api/reaction', getReaction, 'symbols=9984.T&date=2025-01-27&benchmark=SPY', reactionShape],
    ]
    for (const [path, handler, query, success] of cases) await checkOne(path, handler, query, success, stats)
  })
})
