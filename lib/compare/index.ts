import 'server-only'
import { DATA_WINDOW } from '../snapshot/data-window'
import { getEventById } from '../events'
import { decodeReaderEvents, isReaderEventId } from '../events/reader-events'
import { readerChartEvents } from '../view/events'
import { events as catalogEvents } from '../events'
import { getPriceService } from '../prices'
import { SYMBOL_PATTERN, normalizeSymbol } from '../symbols'
import { compareEvents, type CompareEventInput, type Comparison } from './model'

export * from './model'
export { buildCompareSvg, compareCsv, compareColour, LIGHT_EXPORT_THEME } from './export'

/** "AI shocks of the year": the DeepSeek selloff against the other big AI-stock days of the data window. */
export const COMPARE_PRESETS = {
  'ai-shocks': {
    label: 'AI shocks of the year',
    events: [
      '2025-01-27-nvda-record-loss',
      '2024-09-03-nvda-279b',
      '2024-08-05-global-selloff',
      '2025-02-26-nvda-q4fy25',
      '2025-04-03-tariff-crash',
    ],
    symbols: ['NVDA', 'SMH', 'QQQ'],
  },
} as const
export type ComparePresetId = keyof typeof COMPARE_PRESETS
export const DEFAULT_COMPARE_PRESET: ComparePresetId = 'ai-shocks'
export const MAX_COMPARE_EVENTS = 8
export const MAX_COMPARE_SYMBOLS = 6
export const DEFAULT_COMPARE_BENCHMARK = 'SPY'

export interface CompareQuery {
  events: string[]
  symbols: string[]
  benchmark: string
  mine: string | null
  /** Set when the events came from a preset (no `events=` in the URL, or `preset=`). */
  preset: ComparePresetId | null
}

type Raw = Record<string, string | string[] | undefined>
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Reads the comparison from the URL leniently: what cannot be used is dropped with a notice. */
export function parseCompareQuery(raw: Raw): { query: CompareQuery; notices: string[] } {
  const notices: string[] = []
  const presetRaw = first(raw.preset)
  const preset = presetRaw && presetRaw in COMPARE_PRESETS ? (presetRaw as ComparePresetId) : null
  if (presetRaw && !preset) notices.push(`Ignored the preset “${presetRaw.slice(0, 40)}”: there is no such preset.`)
  const eventsRaw = first(raw.events)
  let events: string[] = eventsRaw
    ? [
        ...new Set(
          eventsRaw
            .slice(0, 1000)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : []
  if (events.length > MAX_COMPARE_EVENTS) {
    notices.push(`Comparing the first ${MAX_COMPARE_EVENTS} of ${events.length} events.`)
    events = events.slice(0, MAX_COMPARE_EVENTS)
  }
  const symbolsRaw = first(raw.symbols)
  let symbols = symbolsRaw ? [...new Set(symbolsRaw.slice(0, 200).split(',').map(normalizeSymbol).filter(Boolean))] : []
  const badSymbols = symbols.filter((s) => !SYMBOL_PATTERN.test(s))
  if (badSymbols.length > 0)
    notices.push(`Ignored symbols a ticker cannot be: ${badSymbols.map((s) => `“${s.slice(0, 16)}”`).join(', ')}.`)
  symbols = symbols.filter((s) => SYMBOL_PATTERN.test(s))
  if (symbols.length > MAX_COMPARE_SYMBOLS) {
    notices.push(`Comparing the first ${MAX_COMPARE_SYMBOLS} of ${symbols.length} symbols.`)
    symbols = symbols.slice(0, MAX_COMPARE_SYMBOLS)
  }
  const usePreset = preset ?? (events.length === 0 ? DEFAULT_COMPARE_PRESET : null)
  if (usePreset) {
    if (events.length === 0) events = [...COMPARE_PRESETS[usePreset].events]
    if (symbols.length === 0) symbols = [...COMPARE_PRESETS[usePreset].symbols]
  }
  if (symbols.length === 0) symbols = [...COMPARE_PRESETS[DEFAULT_COMPARE_PRESET].symbols]
  const benchmarkRaw = normalizeSymbol(first(raw.benchmark) ?? DEFAULT_COMPARE_BENCHMARK)
  const benchmark = SYMBOL_PATTERN.test(benchmarkRaw) ? benchmarkRaw : DEFAULT_COMPARE_BENCHMARK
  const mine = first(raw.mine) ?? null
  return {
    query: {
      events,
      symbols,
      benchmark,
      mine,
      preset: usePreset && events.join(',') === COMPARE_PRESETS[usePreset].events.join(',') ? usePreset : null,
    },
    notices,
  }
}

/** The URL of a comparison, in a fixed order. */
export function compareHref(q: Pick<CompareQuery, 'events' | 'symbols' | 'benchmark' | 'mine'>): string {
  const params = new URLSearchParams()
  params.set('events', q.events.join(','))
  params.set('symbols', q.symbols.join(','))
  if (q.benchmark !== DEFAULT_COMPARE_BENCHMARK) params.set('benchmark', q.benchmark)
  if (q.mine) params.set('mine', q.mine)
  return `/compare?${params.toString().replaceAll('%2C', ',')}`
}

/** Resolves the query's events (catalog ids and the reader's own) and runs the comparison on the price service. */
export async function loadComparison(query: CompareQuery): Promise<{ comparison: Comparison; notices: string[] }> {
  const notices: string[] = []
  const mine = decodeReaderEvents(query.mine)
  notices.push(...mine.notices)
  const readers = readerChartEvents(mine.events, catalogEvents.length + 1)
  const resolved: CompareEventInput[] = []
  for (const id of query.events) {
    if (isReaderEventId(id)) {
      const e = readers.find((r) => r.id === id)
      if (e) resolved.push({ id: e.id, title: e.title, label: e.label, tradingDate: e.tradingDate, origin: 'reader' })
      else notices.push(`Ignored “${id.slice(0, 20)}”: the link carries no such event of yours.`)
      continue
    }
    const e = getEventById(id)
    if (e) resolved.push({ id: e.id, title: e.title, label: e.label, tradingDate: e.tradingDate })
    else notices.push(`Ignored the event “${id.slice(0, 80)}”: no catalog event has that id.`)
  }
  const wanted = [...new Set([...query.symbols, query.benchmark])]
  const prices = await getPriceService().getPrices({ symbols: wanted, from: DATA_WINDOW.from, to: DATA_WINDOW.to })
  notices.push(...prices.warnings)
  const bySymbol = new Map(prices.series.map((s) => [s.symbol, s.bars]))
  return {
    comparison: compareEvents({
      events: resolved,
      symbols: query.symbols,
      benchmark: query.benchmark,
      barsOf: (s) => bySymbol.get(s),
    }),
    notices,
  }
}
