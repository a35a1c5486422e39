import * as z from 'zod/mini'
import { EVENT_CATEGORY_IDS, type EventCategory } from './events/categories'
import { isIsoDate } from './dates'
import { decodeReaderEvents, encodeReaderEvents, type ReaderEvent } from './events/reader-events'
import { SYMBOL_PATTERN, normalizeSymbol } from './symbols'

/** The state of the dashboard view. The URL is its only store: every control writes it, any link restores it. */
export const CHART_MODES = ['percent', 'price', 'log'] as const
export type ChartMode = (typeof CHART_MODES)[number]

export { EVENT_CATEGORY_IDS }
export type EventCategoryId = EventCategory

/** Most symbols drawn at once: past this the chart stops being readable. */
export const MAX_CHART_SYMBOLS = 12

export interface ViewState {
  symbols: string[]
  from: string
  to: string
  mode: ChartMode
  /** The session percent changes are measured from. */
  base: string
  /** The selected event's id, if any. */
  event: string | null
  /** Event categories shown; all when the URL does not say. */
  categories: EventCategoryId[]
  /** The market benchmark of the reaction table. */
  benchmark: string
  /** Events the reader added (`mine=`; see lib/events/reader-events.ts for the codec and its limits). */
  mine: ReaderEvent[]
}

/** The last session before R1 (2025-01-20, a holiday) and Stargate: the natural "before" of the story. */
export const DEFAULT_BASE = '2025-01-17'

export const DEFAULT_VIEW: ViewState = {
  symbols: ['NVDA', 'AVGO', 'SMH', 'SPY'],
  from: '2024-12-16',
  to: '2025-02-14',
  mode: 'percent',
  base: DEFAULT_BASE,
  event: null,
  categories: [...EVENT_CATEGORY_IDS],
  benchmark: 'SPY',
  mine: [],
}

// zod/mini: the same checks as zod, in a form the browser bundle can tree-shake (this module runs on both sides).
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)
const text = (max: number, what: string) =>
  z.pipe(
    z.transform(one),
    z.string({ error: `${what} must be text` }).check(z.maxLength(max, `${what} is too long`)),
  )

const symbolsField = z
  .pipe(
    text(400, 'symbols'),
    z.transform((raw: string) => [...new Set(raw.split(',').map(normalizeSymbol).filter(Boolean))]),
  )
  .check(
    z.refine((list: string[]) => list.length <= MAX_CHART_SYMBOLS, `at most ${MAX_CHART_SYMBOLS} symbols at once`),
    z.refine((list: string[]) => list.every((s) => SYMBOL_PATTERN.test(s)), 'a symbol has characters a ticker cannot have'),
  )
const dateField = text(10, 'a date').check(z.refine(isIsoDate, 'not a real date written YYYY-MM-DD'))

const fields = {
  symbols: symbolsField,
  from: dateField,
  to: dateField,
  mode: z.pipe(z.transform(one), z.enum(CHART_MODES, { error: `mode must be one of ${CHART_MODES.join(', ')}` })),
  base: dateField,
  benchmark: z.pipe(
    text(16, 'benchmark'),
    z.transform((raw: string) => normalizeSymbol(raw)),
  ).check(z.refine((s: string) => SYMBOL_PATTERN.test(s), 'not a ticker')),
  event: text(80, 'event').check(z.refine((id: string) => /^[a-z0-9-]{1,80}$/.test(id), 'not an event id')),
  categories: z.pipe(
    z.pipe(
      text(200, 'categories'),
      z.transform((raw: string) => raw.split(',').filter(Boolean)),
    ),
    z.array(z.enum(EVENT_CATEGORY_IDS, { error: `categories are ${EVENT_CATEGORY_IDS.join(', ')}` })),
  ),
} as const

type RawParams = Record<string, string | string[] | undefined>

const LABELS: Record<keyof typeof fields, string> = {
  symbols: 'symbols',
  from: 'From',
  to: 'To',
  mode: 'mode',
  base: 'base date',
  event: 'event',
  categories: 'event categories',
  benchmark: 'benchmark',
}

/**
 * Reads the view from URL parameters, field by field. A bad field falls back to its default and adds a notice,
 * so a mangled link still opens a working dashboard and says what it ignored. Used by the server page and the
 * client alike, so both always agree on what a URL means.
 */
export function parseViewState(params: RawParams | URLSearchParams): { view: ViewState; notices: string[] } {
  let raw: RawParams = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params
  const notices: string[] = []
  const view: ViewState = { ...DEFAULT_VIEW, symbols: [...DEFAULT_VIEW.symbols], categories: [...DEFAULT_VIEW.categories], mine: [] }
  // Symbols are read one by one: a bad ticker, or one too many, costs only itself, not the whole list.
  const rawSymbols = one(raw.symbols)
  if (typeof rawSymbols === 'string' && rawSymbols.length <= 400) {
    const listed = [...new Set(rawSymbols.split(',').map(normalizeSymbol).filter(Boolean))]
    const bad = listed.filter((s) => !SYMBOL_PATTERN.test(s))
    const good = listed.filter((s) => SYMBOL_PATTERN.test(s))
    if (bad.length > 0) notices.push(`Ignored ${bad.length === 1 ? 'a symbol' : 'symbols'} that a ticker cannot be: ${bad.map((b) => `“${b.slice(0, 16)}”`).join(', ')}.`)
    if (good.length > MAX_CHART_SYMBOLS) notices.push(`Showing the first ${MAX_CHART_SYMBOLS} of ${good.length} symbols (the most one chart draws).`)
    raw = { ...raw, symbols: good.slice(0, MAX_CHART_SYMBOLS).join(',') }
    if (good.length === 0 && listed.length > 0) raw = { ...raw, symbols: undefined }
  }
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (raw[key] === undefined) continue
    const result = fields[key].safeParse(raw[key])
    if (!result.success) {
      notices.push(`Ignored the ${LABELS[key]} in the link (${result.error.issues[0]?.message ?? 'invalid'}); using the default.`)
      continue
    }
    Object.assign(view, { [key]: result.data })
  }
  // Reader events have their own codec, kept apart from the field parsers above.
  const mine = decodeReaderEvents(typeof one(raw.mine) === 'string' ? (one(raw.mine) as string) : null)
  view.mine = mine.events
  notices.push(...mine.notices)
  if (view.from > view.to) {
    notices.push(`From (${view.from}) was after To (${view.to}); using the default range.`)
    view.from = DEFAULT_VIEW.from
    view.to = DEFAULT_VIEW.to
  }
  return { view, notices }
}

/** The URL query of a view, in a fixed order so equal views give equal links. */
export function viewToQuery(view: ViewState): string {
  const params = new URLSearchParams()
  params.set('symbols', view.symbols.join(','))
  params.set('from', view.from)
  params.set('to', view.to)
  params.set('mode', view.mode)
  params.set('base', view.base)
  if (view.event) params.set('event', view.event)
  if (view.categories.length !== EVENT_CATEGORY_IDS.length) params.set('categories', view.categories.join(','))
  if (view.benchmark !== DEFAULT_VIEW.benchmark) params.set('benchmark', view.benchmark)
  if (view.mine.length > 0) params.set('mine', encodeReaderEvents(view.mine))
  return params.toString().replaceAll('%2C', ',')
}

/** The range the chart must load: the visible range plus the base date, so percent changes have their anchor. */
export function loadRange(view: ViewState): { from: string; to: string } {
  if (view.mode !== 'percent') return { from: view.from, to: view.to }
  return { from: view.base < view.from ? view.base : view.from, to: view.base > view.to ? view.base : view.to }
}
