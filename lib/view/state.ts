import { EVENT_CATEGORY_IDS, type EventCategory } from '../events/categories'
import { daysBetween } from '../dates'
import {
  CHART_MODES,
  MAX_RANGE_DAYS,
  checkRange,
  parseCategories,
  parseDate,
  parseEventId,
  parseMode,
  parseSymbol,
  splitSymbols,
  todayIso,
  type ChartMode,
  type Parsed,
} from '../params'
import { printable, quoted } from '../safe-text'
import {
  DEFAULT_REACTION_VIEW,
  appendReactionQuery,
  parseReactionView,
  type ReactionView,
} from '../reaction/view-params'
import { decodeReaderEvents, encodeReaderEvents, type ReaderEvent } from '../events/reader-events'

export { CHART_MODES, type ChartMode }
export { EVENT_CATEGORY_IDS }
export type EventCategoryId = EventCategory

/** Most symbols drawn at once: past this the chart stops being readable. */
export const MAX_CHART_SYMBOLS = 12

/** The state of the dashboard view. The URL is its only store: every control writes it, any link restores it. */
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
  /** The reaction panel's event-study parameters (lib/reaction/view-params.ts). */
  reaction: ReactionView
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
  reaction: DEFAULT_REACTION_VIEW,
  mine: [],
}

type RawValue = string | string[] | undefined
type RawParams = Record<string, RawValue>

/**
 * The lenient side of lib/params.ts: each field of the view read by the same parser the API uses. A field
 * that fails keeps its default (the caller adds a notice). Symbols are read apart, item by item.
 */
const FIELDS: {
  [K in Exclude<keyof ViewState, 'symbols' | 'reaction' | 'mine'>]: {
    label: string
    read: (raw: string | string[]) => Parsed<ViewState[K]>
  }
} = {
  from: { label: 'From', read: (raw) => parseDate(oneOf(raw), 'From') },
  to: { label: 'To', read: (raw) => parseDate(oneOf(raw), 'To') },
  mode: { label: 'mode', read: (raw) => parseMode(oneOf(raw)) },
  base: { label: 'base date', read: (raw) => parseDate(oneOf(raw), 'the base date') },
  event: { label: 'event', read: (raw) => parseEventId(oneOf(raw)) },
  categories: { label: 'event categories', read: (raw) => parseCategories(raw) },
  benchmark: { label: 'benchmark', read: (raw) => parseSymbol(oneOf(raw), 'the benchmark') },
}

/** A link with a key twice means its first value, as browsers' URLSearchParams.get does. */
function oneOf(raw: string | string[]): string {
  return typeof raw === 'string' ? raw : (raw[0] ?? '')
}

/** Reads `symbols` one item at a time: a bad ticker, or one too many, costs only itself, not the whole list. */
function readSymbols(raw: string, notices: string[]): string[] | null {
  const { symbols, invalid } = splitSymbols(raw.slice(0, MAX_SYMBOLS_READ))
  if (raw.length > MAX_SYMBOLS_READ) notices.push(`Read only the start of a very long symbols list in the link.`)
  if (invalid.length > 0) {
    const shown =
      invalid
        .slice(0, 3)
        .map((s) => quoted(s, 16))
        .join(', ') + (invalid.length > 3 ? ` and ${invalid.length - 3} more` : '')
    notices.push(`Ignored ${invalid.length === 1 ? 'a symbol' : 'symbols'} that a ticker cannot be: ${shown}.`)
  }
  if (symbols.length > MAX_CHART_SYMBOLS)
    notices.push(`Showing the first ${MAX_CHART_SYMBOLS} of ${symbols.length} symbols (the most one chart draws).`)
  // `symbols=` is a view with no symbol (the reader removed them all); only a list of nothing but bad items
  // falls back to the default.
  return symbols.length > 0 || invalid.length === 0 ? symbols.slice(0, MAX_CHART_SYMBOLS) : null
}
/** Past this a `symbols` value is no list of tickers anyone typed; the rest is not even split. */
const MAX_SYMBOLS_READ = 2_000

/** First and last day the chart loads: the visible range plus the base date, whatever the mode. */
function spanWithBase(view: ViewState): { from: string; to: string } {
  return { from: view.base < view.from ? view.base : view.from, to: view.base > view.to ? view.base : view.to }
}

/**
 * Reads the view from URL parameters, field by field. A bad field falls back to its default and adds a notice,
 * so a mangled link still opens a working dashboard and says what it ignored. Used by the server page and the
 * client alike, so both always agree on what a URL means; the rules are the API's (lib/params.ts), so the
 * requests a view makes are ones the API accepts.
 */
export function parseViewState(
  params: RawParams | URLSearchParams,
  today: string = todayIso(),
): { view: ViewState; notices: string[] } {
  const raw: RawParams = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params
  const notices: string[] = []
  const view: ViewState = {
    ...DEFAULT_VIEW,
    symbols: [...DEFAULT_VIEW.symbols],
    categories: [...DEFAULT_VIEW.categories],
    mine: [],
  }

  if (raw.symbols !== undefined) view.symbols = readSymbols(oneOf(raw.symbols), notices) ?? view.symbols
  const reaction = parseReactionView(raw)
  view.reaction = reaction.view
  notices.push(...reaction.notices)

  // The page writes `categories`; the API's name, `category`, is read too, so an API link opens as a view.
  const withAlias: RawParams =
    raw.categories === undefined && raw.category !== undefined ? { ...raw, categories: raw.category } : raw
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const value = withAlias[key]
    if (value === undefined) continue
    const result = FIELDS[key].read(value)
    if (!result.ok) {
      notices.push(`Ignored the ${FIELDS[key].label} in the link (${result.message}); using the default.`)
      continue
    }
    Object.assign(view, { [key]: result.value })
  }
  // Reader events have their own codec (lib/events/reader-events.ts), kept apart from the field parsers above.
  const mine = decodeReaderEvents(raw.mine === undefined ? null : oneOf(raw.mine))
  view.mine = mine.events
  notices.push(...mine.notices)

  const rangeIssue = checkRange(view.from, view.to, today)
  if (rangeIssue) {
    const why =
      view.from > view.to
        ? `From (${view.from}) was after To (${view.to})`
        : view.from > today
          ? `From (${view.from}) is in the future`
          : `The range ${view.from} to ${view.to} spans ${daysBetween(view.from, view.to)} days, more than the ${MAX_RANGE_DAYS} one chart loads`
    notices.push(`${why}; using the default range.`)
    view.from = DEFAULT_VIEW.from
    view.to = DEFAULT_VIEW.to
  }
  // Percent mode loads from the base date to the range, so the base must keep that span within the limit too.
  const loaded = spanWithBase(view)
  if (daysBetween(loaded.from, loaded.to) > MAX_RANGE_DAYS) {
    const withDefault = spanWithBase({ ...view, base: DEFAULT_BASE })
    const fallback = daysBetween(withDefault.from, withDefault.to) <= MAX_RANGE_DAYS ? DEFAULT_BASE : view.from
    notices.push(
      `The base date (${view.base}) is more than ${MAX_RANGE_DAYS} days from the range; measuring from ${fallback} instead.`,
    )
    view.base = fallback
  }
  return { view, notices: notices.map((n) => printable(n, 400)) }
}

/**
 * Why a range typed into the date fields cannot be the view (the same rules as above and the API), or null.
 * Lets a field say so at once, instead of the URL falling back to the default range with a notice.
 */
export function rangeProblem(
  view: ViewState,
  change: { from?: string; to?: string; base?: string },
  today: string = todayIso(),
): string | null {
  const next = { ...view, ...change }
  const issue = checkRange(next.from, next.to, today)
  if (issue && next.from <= next.to)
    return next.from > today
      ? `From (${next.from}) is in the future.`
      : `At most ${MAX_RANGE_DAYS} days from From to To.`
  const loaded = spanWithBase(next)
  if (!issue && daysBetween(loaded.from, loaded.to) > MAX_RANGE_DAYS)
    return `The base date must be within ${MAX_RANGE_DAYS} days of the range.`
  return null
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
  appendReactionQuery(params, view.reaction)
  if (view.mine.length > 0) params.set('mine', encodeReaderEvents(view.mine))
  return params.toString().replaceAll('%2C', ',')
}

/** The range the chart must load: the visible range plus the base date, so percent changes have their anchor. */
export function loadRange(view: ViewState): { from: string; to: string } {
  if (view.mode !== 'percent') return { from: view.from, to: view.to }
  return spanWithBase(view)
}
