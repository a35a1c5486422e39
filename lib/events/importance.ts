import type { Bar, IsoDate } from '../types'

/**
 * How much an event mattered, by one rule that a test re-measures on the embedded snapshot for every catalog
 * entry, so a stored `importance` can never be a matter of taste:
 *
 * - `major` when, on the event's effective trading date, any of its related symbols that trade on the US
 *   calendar moved by at least MAJOR_SYMBOL_MOVE (5%) close to close on adjusted closes, or SPY (the market)
 *   moved by at least MAJOR_MARKET_MOVE (2%);
 * - `major` also for the story's two milestones, the DeepSeek-R1 release and the Stargate announcement, which the
 *   whole dashboard is about, whatever the prices did;
 * - `minor` otherwise.
 *
 * Foreign listings (9984.T) are left out because their session for a US-hours event is a different day; index
 * tickers are not in the price data. The rule measures co-occurrence, not cause: an event that shares its day 0
 * with a bigger one (Janus-Pro on 27 January 2025) is major by the same measure, which the list makes visible.
 */
export const IMPORTANCE_LEVELS = ['major', 'minor'] as const
export type Importance = (typeof IMPORTANCE_LEVELS)[number]

/** A related symbol's one-day move (absolute, decimal fraction) that makes an event major. */
export const MAJOR_SYMBOL_MOVE = 0.05
/** The market's (SPY's) one-day move (absolute, decimal fraction) that makes an event major. */
export const MAJOR_MARKET_MOVE = 0.02
export const IMPORTANCE_MARKET_SYMBOL = 'SPY'
/** Catalog ids that are major by definition: the two events the seed question is about. */
export const MILESTONE_EVENT_IDS: readonly string[] = ['2025-01-20-deepseek-r1', '2025-01-21-stargate']

export const IMPORTANCE_RULE =
  `major: a related US-listed symbol moved at least ${MAJOR_SYMBOL_MOVE * 100}% close to close on the effective ` +
  `trading date, or ${IMPORTANCE_MARKET_SYMBOL} moved at least ${MAJOR_MARKET_MOVE * 100}%, or the event is the ` +
  'DeepSeek-R1 release or the Stargate announcement; minor otherwise'

/** The major badge's explanation: the rule starts with the word itself. */
export const IMPORTANCE_TITLE = IMPORTANCE_RULE.replace(/^major/, 'Major')

/** Close-to-close return on `date` (adjusted closes); null when the date or the session before it is not in the bars. */
export function oneDayReturn(bars: readonly Bar[] | undefined, date: IsoDate): number | null {
  if (!bars) return null
  const i = bars.findIndex((b) => b.date === date)
  const bar = bars[i]
  const prev = bars[i - 1]
  if (i < 1 || !bar || !prev || !(prev.adjClose > 0)) return null
  return bar.adjClose / prev.adjClose - 1
}

export interface ImportanceInput {
  id: string
  tradingDate: IsoDate
  /** Related symbols on the US calendar. */
  usSymbols: readonly string[]
}

export interface ImportanceMeasure {
  importance: Importance
  /** The largest absolute related-symbol move found, with its symbol; null when none has data. */
  largestMove: { symbol: string; value: number } | null
  marketMove: number | null
  milestone: boolean
}

/** Applies the rule above; `barsOf` gives the bars of a symbol (the snapshot in tests, any provider elsewhere). */
export function measureImportance(
  event: ImportanceInput,
  barsOf: (symbol: string) => readonly Bar[] | undefined,
): ImportanceMeasure {
  let largestMove: ImportanceMeasure['largestMove'] = null
  for (const symbol of event.usSymbols) {
    const r = oneDayReturn(barsOf(symbol), event.tradingDate)
    if (r !== null && (largestMove === null || Math.abs(r) > Math.abs(largestMove.value)))
      largestMove = { symbol, value: r }
  }
  const marketMove = oneDayReturn(barsOf(IMPORTANCE_MARKET_SYMBOL), event.tradingDate)
  const milestone = MILESTONE_EVENT_IDS.includes(event.id)
  const major =
    milestone ||
    (largestMove !== null && Math.abs(largestMove.value) >= MAJOR_SYMBOL_MOVE) ||
    (marketMove !== null && Math.abs(marketMove) >= MAJOR_MARKET_MOVE)
  return { importance: major ? 'major' : 'minor', largestMove, marketMove, milestone }
}
