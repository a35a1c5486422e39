import { daysBetween, isIsoDate } from './dates'
import { EVENT_CATEGORY_IDS, type EventCategory } from './events/categories'
import { quoted } from './safe-text'
import { normalizeSymbol, readSymbol } from './symbols'

/**
 * The field parsers of every query the app reads: the page's URL (lib/view/state.ts, lenient: a bad field falls
 * back to its default with a notice) and the API's query strings (lib/api/*, strict: a bad field is a 400 that
 * names it). One set of rules, so every view the page accepts asks the API only what the API accepts
 * (tests/unit/params-agreement.test.ts checks that as a property). No zod here: the page runs these in the
 * browser too, and each parser is a few lines; the API wraps them in its zod schemas.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message })

/** Most symbols one API request may name. The page draws at most MAX_CHART_SYMBOLS (12) of them. */
export const MAX_SYMBOLS_PER_REQUEST = 20
/** Longest `symbols` value read at all: twenty 15-character tickers and their commas fit. */
export const MAX_SYMBOLS_TEXT = 400
/** Longest `benchmark` value, spaces included (the ticker itself has at most 15 characters). */
export const MAX_BENCHMARK_TEXT = 20
/** Earliest date any query may name; older daily data is not what this app is for. */
export const EARLIEST_DATE = '1990-01-01'
/** Longest range one query may span, in calendar days (about ten years). */
export const MAX_RANGE_DAYS = 3660
/** Longest event id (catalog ids are about 40 characters). */
export const MAX_EVENT_ID_LENGTH = 100
const EVENT_ID = /^[a-z0-9-]+$/
/** Longest list of categories read: every category once, with commas, fits in a quarter of it. */
export const MAX_CATEGORIES_TEXT = 200

export const CHART_MODES = ['percent', 'price', 'log'] as const
export type ChartMode = (typeof CHART_MODES)[number]

export interface SymbolList {
  /** Valid tickers, upper-case, first occurrence kept, in the order given. */
  symbols: string[]
  /** The items that are not tickers, as written (trimmed). */
  invalid: string[]
}

/** Splits `NVDA, spy,,9984.t` into tickers. Each item is checked before it is upper-cased (see lib/symbols.ts). */
export function splitSymbols(raw: string): SymbolList {
  const symbols: string[] = []
  const invalid: string[] = []
  for (const item of raw.split(',')) {
    if (item.trim().length === 0) continue
    const symbol = readSymbol(item)
    if (symbol === null) invalid.push(normalizeSymbol(item))
    else if (!symbols.includes(symbol)) symbols.push(symbol)
  }
  return { symbols, invalid }
}

export function describeInvalidSymbols(invalid: readonly string[]): string {
  const shown = invalid.slice(0, 3).map((s) => quoted(s, 20))
  const more = invalid.length > 3 ? ` and ${invalid.length - 3} more` : ''
  return `not a valid symbol: ${shown.join(', ')}${more} (letters, digits, . - ^ = only)`
}

/** Strict: one to `max` tickers, every item valid. */
export function parseSymbols(raw: string, max = MAX_SYMBOLS_PER_REQUEST): Parsed<string[]> {
  if (raw.length > MAX_SYMBOLS_TEXT) return fail(`symbols is too long (at most ${MAX_SYMBOLS_TEXT} characters)`)
  const { symbols, invalid } = splitSymbols(raw)
  if (invalid.length > 0) return fail(describeInvalidSymbols(invalid))
  if (symbols.length === 0) return fail('symbols must name at least one symbol, e.g. symbols=NVDA,SPY')
  if (symbols.length > max) return fail(`at most ${max} symbols per request, got ${symbols.length}`)
  return ok(symbols)
}

/** One ticker, such as the reaction table's benchmark. */
export function parseSymbol(raw: string, name: string): Parsed<string> {
  if (raw.length > MAX_BENCHMARK_TEXT) return fail(`${name} is too long to be a symbol`)
  const symbol = readSymbol(raw)
  if (symbol === null) return fail(`${name} is not a valid symbol: ${quoted(raw, 20)} (letters, digits, . - ^ = only)`)
  return ok(symbol)
}

/** A real calendar date written YYYY-MM-DD, not before EARLIEST_DATE. */
export function parseDate(raw: string, name: string): Parsed<string> {
  if (raw.length !== 10 || !isIsoDate(raw)) return fail(`${name} must be a real date written YYYY-MM-DD`)
  if (raw < EARLIEST_DATE) return fail(`${name} must not be before ${EARLIEST_DATE}`)
  return ok(raw)
}

export interface RangeIssue {
  field: 'from' | 'to'
  message: string
}

/** What is wrong with a from/to pair, if anything: order, a start in the future, or too long a span. */
export function checkRange(from: string, to: string, today: string): RangeIssue | null {
  if (from > to) return { field: 'from', message: `from (${from}) is after to (${to})` }
  if (from > today) return { field: 'from', message: `from (${from}) is in the future` }
  const days = daysBetween(from, to)
  if (days > MAX_RANGE_DAYS)
    return { field: 'to', message: `the range spans ${days} days; at most ${MAX_RANGE_DAYS} allowed` }
  return null
}

export function parseMode(raw: string): Parsed<ChartMode> {
  const mode = CHART_MODES.find((m) => m === raw)
  return mode ? ok(mode) : fail(`mode must be one of ${CHART_MODES.join(', ')}`)
}

/**
 * The shape of a catalog id (`2025-01-27-nvda-record-loss`). Whether the id exists is a separate question: the
 * API answers 404 naming it, the page falls back to its default event.
 */
export function parseEventId(raw: string): Parsed<string> {
  if (raw.length === 0) return fail('event must name an event id, e.g. event=2025-01-27-nvda-record-loss')
  if (raw.length > MAX_EVENT_ID_LENGTH)
    return fail(`event is too long to be an event id (at most ${MAX_EVENT_ID_LENGTH} characters)`)
  if (!EVENT_ID.test(raw))
    return fail('event must be an event id in lower-case letters, digits and dashes, e.g. 2025-01-27-nvda-record-loss')
  return ok(raw)
}

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(EVENT_CATEGORY_IDS)
const isCategory = (value: string): value is EventCategory => KNOWN_CATEGORIES.has(value)

/**
 * `deepseek,stargate`, case-insensitive; a repeated key is read as one list. An empty value gives an empty
 * list: the API reads that as "every category", the page as "none ticked" (the filter's own state).
 * The page writes this as `categories`, the API as `category`; both read either name.
 */
export function parseCategories(raw: string | readonly string[]): Parsed<EventCategory[]> {
  const values = typeof raw === 'string' ? [raw] : raw
  if (values.reduce((n, v) => n + v.length + 1, 0) > MAX_CATEGORIES_TEXT) return fail('categories is too long')
  const items = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase())
    .filter((value) => value.length > 0)
  const unknown = [...new Set(items.filter((value) => !isCategory(value)))]
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 3).map((value) => quoted(value, 30))
    return fail(`unknown category ${shown.join(', ')}; known categories: ${EVENT_CATEGORY_IDS.join(', ')}`)
  }
  return ok([...new Set(items.filter(isCategory))])
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}
