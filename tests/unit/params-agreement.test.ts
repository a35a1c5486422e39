import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GET as getEvents } from '@/app/api/events/route'
import { GET as getPrices } from '@/app/api/prices/route'
import { pricesQuerySchema } from '@/lib/api/prices-query'
import { searchParamsToObject } from '@/lib/api/query'
import { reactionQuerySchema } from '@/lib/api/reaction-query'
import { eventsQuerySchema } from '@/lib/api/schemas'
import { pricesUrl } from '@/lib/client/urls'
import { events } from '@/lib/events'
import { EARLIEST_DATE, MAX_RANGE_DAYS, todayIso } from '@/lib/params'
import { reactionUrl } from '@/lib/reaction/client-hooks'
import {
  CHART_MODES,
  DEFAULT_VIEW,
  loadRange,
  parseViewState,
  rangeProblem,
  viewToQuery,
  type ViewState,
} from '@/lib/view/state'

/**
 * The page and the API read the same fields with the same rules (lib/params.ts). Whatever a link holds, the view
 * the page makes of it must only lead to requests the API accepts: otherwise the page shows a view whose data the
 * API refuses (or, before the shared parsers, asks the upstream for the year 0099).
 */

/** The /api/events query a view's event list stands for: its range and ticked categories. */
function eventsUrl(view: ViewState): string {
  const params = new URLSearchParams({ from: view.from, to: view.to })
  if (view.categories.length > 0) params.set('category', view.categories.join(','))
  return `/api/events?${params.toString()}`
}

function queryOf(url: string): Record<string, string | string[]> {
  return searchParamsToObject(new URL(url, 'http://localhost').searchParams)
}

/** Every request the client makes for this view, in each chart mode (a click on a mode is the same view). */
function requestsOf(view: ViewState): { url: string; accepted: boolean; issues: string }[] {
  const out: { url: string; accepted: boolean; issues: string }[] = []
  const check = (
    url: string | null,
    schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  ) => {
    if (url === null) return
    const result = schema.safeParse(queryOf(url))
    out.push({ url, accepted: result.success, issues: result.error?.issues.map((i) => i.message).join('; ') ?? '' })
  }
  for (const mode of CHART_MODES) {
    const range = loadRange({ ...view, mode })
    check(pricesUrl(view.symbols, range.from, range.to), pricesQuerySchema)
  }
  // The panel asks for the selected event, or its default one: both ids have the catalog's shape.
  for (const event of [view.event ?? events[0]!.id, events[0]!.id]) {
    check(reactionUrl({ symbols: view.symbols, event, benchmark: view.benchmark }), reactionQuerySchema)
  }
  check(eventsUrl(view), eventsQuerySchema)
  return out
}

const year = fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0'))
const isoish = fc.oneof(
  fc
    .tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  // Near the edges that matter: the floor, today, and a range about as long as the limit.
  fc
    .integer({ min: -400, max: 400 })
    .map((days) => new Date(Date.parse(`${EARLIEST_DATE}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)),
  fc
    .integer({ min: -MAX_RANGE_DAYS - 400, max: 400 })
    .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
)
const tickerChars = fc.constantFrom(...'ABCnvdaz019.-^=ſıﬀ $,\u202E\u0000é'.split(''))
const ticker = fc.oneof(
  fc.constantFrom('NVDA', 'spy', '9984.T', '^GSPC', 'BRK-B', 'EURUSD=X', 'ſpy', '.X', '-A', '=Y'),
  fc.string({ unit: tickerChars, minLength: 0, maxLength: 18 }),
)
const symbolsValue = fc.array(ticker, { maxLength: 25 }).map((list) => list.join(','))
const eventValue = fc.oneof(
  fc.constantFrom(...events.map((e) => e.id)),
  fc.string({ unit: fc.constantFrom(...'abz09-A_'.split('')), maxLength: 120 }),
)
const categoriesValue = fc.oneof(
  fc
    .subarray(['deepseek', 'stargate', 'market', 'policy', 'company', 'earnings', 'DeepSeek', 'bogus', ''])
    .map((l) => l.join(',')),
  fc.string({ maxLength: 30 }),
)
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const linkParams = fc.record({
  symbols: optional(symbolsValue),
  from: optional(isoish),
  to: optional(isoish),
  base: optional(isoish),
  mode: optional(fc.constantFrom('percent', 'price', 'log', 'LOG', '3d', '')),
  event: optional(eventValue),
  categories: optional(categoriesValue),
  category: optional(categoriesValue),
  benchmark: optional(fc.oneof(ticker, fc.string({ maxLength: 30 }))),
})

function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))
}

describe('the page and the API accept the same parameters', () => {
  it('every view the page makes of any link leads only to requests the API accepts (property)', () => {
    fc.assert(
      fc.property(linkParams, (params) => {
        const { view } = parseViewState(clean(params))
        for (const request of requestsOf(view)) {
          expect(request.accepted, `${request.url}: ${request.issues}`).toBe(true)
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    )
  }, 120_000)

  it('the check above can fail: a view the page would refuse is refused by the API', () => {
    const tooLong: ViewState = { ...DEFAULT_VIEW, from: '2000-01-03', to: '2024-12-31' }
    expect(requestsOf(tooLong).some((r) => !r.accepted)).toBe(true)
    const ancient: ViewState = { ...DEFAULT_VIEW, from: '0100-01-01', to: '0100-02-01', base: '0100-01-04' }
    const dated = requestsOf(ancient).filter((r) => !r.url.startsWith('/api/reaction'))
    expect(dated.length).toBe(4)
    expect(dated.every((r) => !r.accepted)).toBe(true)
  })

  it('a link to the years 0100..9999 opens the default range with a notice, and asks the API nothing it refuses', async () => {
    const { view, notices } = parseViewState({ from: '0100-01-01', to: '9999-12-31' })
    expect([view.from, view.to]).toEqual([DEFAULT_VIEW.from, DEFAULT_VIEW.to])
    expect(notices.join(' ')).toMatch(/From .*1990-01-01/)
    expect(notices.join(' ')).toMatch(/spans \d+ days/)
    const range = loadRange(view)
    const res = await getPrices(new Request(`http://localhost${pricesUrl(view.symbols, range.from, range.to)}`))
    expect(res.status).toBe(200)
  })

  it('a base date far from the range is replaced, so percent mode never loads more than the API serves', () => {
    const { view, notices } = parseViewState({ from: '2024-01-02', to: '2024-12-31', base: '1990-01-02' })
    expect(view.base).toBe('2025-01-17')
    expect(notices.join(' ')).toMatch(/base date \(1990-01-02\)/)
    // When the default base is too far as well (a range in 2036), the range's own start is the base.
    const far = parseViewState({ from: '2036-01-02', to: '2036-02-01', base: '2020-01-02' }, '2036-06-01')
    expect(far.view.base).toBe('2036-01-02')
  })

  it('a start in the future is refused by both', () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    expect(parseViewState({ from: tomorrow, to: tomorrow }).notices.join(' ')).toMatch(/in the future/)
    expect(pricesQuerySchema.safeParse({ symbols: 'NVDA', from: tomorrow, to: tomorrow }).success).toBe(false)
    expect(todayIso() < tomorrow).toBe(true)
  })

  it('reads the event categories as `category` or `categories` in both places', async () => {
    expect(parseViewState({ category: 'deepseek' }).view.categories).toEqual(['deepseek'])
    expect(parseViewState({ categories: 'stargate' }).view.categories).toEqual(['stargate'])
    for (const key of ['category', 'categories']) {
      const res = await getEvents(new Request(`http://localhost/api/events?${key}=deepseek`))
      expect(res.status).toBe(200)
      const body = (await res.json()) as { events: { category: string }[] }
      expect(body.events.length).toBeGreaterThan(0)
      expect(new Set(body.events.map((e) => e.category))).toEqual(new Set(['deepseek']))
    }
    const both = await getEvents(new Request('http://localhost/api/events?category=deepseek&categories=market'))
    expect(both.status).toBe(400)
  })

  it('uses one limit for event ids and benchmarks on both sides', () => {
    const id = `a${'-b'.repeat(49)}c` // 100 characters: the longest id either side takes
    expect(id).toHaveLength(100)
    expect(parseViewState({ event: id }).view.event).toBe(id)
    expect(reactionQuerySchema.safeParse({ symbols: 'NVDA', event: id }).success).toBe(true)
    expect(parseViewState({ event: `${id}x` }).view.event).toBeNull()
    expect(reactionQuerySchema.safeParse({ symbols: 'NVDA', event: `${id}x` }).success).toBe(false)
    expect(parseViewState({ benchmark: 'EURUSD=X' }).view.benchmark).toBe('EURUSD=X')
    expect(reactionQuerySchema.safeParse({ symbols: 'NVDA', event: id, benchmark: 'ABCDEFGHIJKLMNOP' }).success).toBe(
      false,
    )
    expect(parseViewState({ benchmark: 'ABCDEFGHIJKLMNOP' }).view.benchmark).toBe('SPY')
  })

  it('a date the From, To or Base fields accept is kept by the URL as typed (property)', () => {
    const day = fc
      .integer({ min: 0, max: 16_000 })
      .map((n) => new Date(Date.parse('1990-01-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(fc.constantFrom('from', 'to', 'base'), day, (field, date) => {
        const view = { ...DEFAULT_VIEW }
        const ordered = field === 'from' ? date <= view.to : field === 'to' ? date >= view.from : true
        if (!ordered || rangeProblem(view, { [field]: date }) !== null) return
        const { view: reopened, notices } = parseViewState(new URLSearchParams(viewToQuery({ ...view, [field]: date })))
        expect(notices).toEqual([])
        expect(reopened[field]).toBe(date)
      }),
      { numRuns: 2000 },
    )
    expect(rangeProblem(DEFAULT_VIEW, { from: '1990-01-02' })).toMatch(/At most 3660 days/)
    expect(rangeProblem(DEFAULT_VIEW, { base: '2014-01-02' })).toMatch(/base date/)
    expect(rangeProblem(DEFAULT_VIEW, { to: '2025-03-01' })).toBeNull()
  })
})
