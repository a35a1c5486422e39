import 'server-only'
import type { EventWindow } from '../analysis'
import { US_MARKET_CALENDAR, previousSession } from '../calendar'
import { daysBetween } from '../dates'
import { getEventById, sessionLabel, type EventWithTradingDate } from '../events'
import { formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '../format'
import { EVENT_WINDOW_SESSIONS, sessionsAround } from '../presets'
import { computeReaction, type ReactionCar, type ReactionResult, type ReactionRow } from '../reaction'
import { formatShareCount, formatWindow } from '../reaction/format'
import { getSymbolInfo, guessTimeZone } from '../symbols'
import { DEFAULT_VIEW, viewToQuery, type ViewState } from '../view-state'
import type { CheckedClaim } from './types'
import {
  BROAD_SELLOFF_RETURN,
  CLAIMED_DAYS_AFTER,
  CLAIMED_ONE_DAY_DROP,
  CLAIMED_VALUE_LOST_USD,
  SIGNIFICANT_T,
  daysAfterVerdict,
  oneDayDropVerdict,
  partnersLiftedVerdict,
  recoveryVerdict,
  sectorSelloffVerdict,
  valueLostVerdict,
} from './verdicts'

export type { CheckedClaim, ClaimEvidence, Verdict } from './types'
export { VERDICTS } from './types'

/** Catalog ids the claims are about; a renamed id fails loudly here instead of checking the wrong event. */
export const SELLOFF_EVENT_ID = '2025-01-27-nvda-record-loss'
export const R1_EVENT_ID = '2025-01-20-deepseek-r1'
export const STARGATE_EVENT_ID = '2025-01-21-stargate'
const R1_PAPER_EVENT_ID = '2025-01-22-r1-arxiv'

/** The market the claims' abnormal returns are measured against. */
export const CLAIMS_BENCHMARK = 'SPY'
const BENCHMARK = CLAIMS_BENCHMARK
/** The claim's groups: the semiconductor ETF for "AI chips", two power producers for "power". */
const SECTOR_SYMBOLS = [
  { symbol: 'SMH', group: 'AI chips' },
  { symbol: 'VST', group: 'power producer' },
  { symbol: 'CEG', group: 'power producer' },
] as const
const RECOVERY_SYMBOLS = ['NVDA', 'SMH', 'SPY'] as const
const STARGATE_PARTNERS = ['ORCL', 'ARM', '9984.T'] as const
const SELLOFF_SYMBOLS = [...new Set(['NVDA', ...SECTOR_SYMBOLS.map((s) => s.symbol), ...RECOVERY_SYMBOLS])]
/** Day -1 on its own shows whether a partner had moved before the announcement. */
const STARGATE_WINDOWS: readonly EventWindow[] = [
  [-1, -1],
  [0, 0],
  [0, 1],
]
/** Sessions shown either side of the R1 and Stargate dates in their links: the two events are one session apart. */
const STORY_WEEK_SESSIONS = 5

const SHARES_AS_OF: Record<NonNullable<ReactionRow['shares']>['asOfKind'], string> = {
  balance_sheet: 'balance-sheet count at',
  count_date: 'count dated',
  filing_date: 'cover count of the report filed',
}

function requireEvent(id: string): EventWithTradingDate {
  const event = getEventById(id)
  if (!event) throw new Error(`The claims need catalog event ${id}, which is missing.`)
  return event
}

function requireRow(result: ReactionResult, symbol: string): ReactionRow {
  const row = result.rows.find((r) => r.symbol === symbol)
  if (!row) throw new Error(`No event-study row for ${symbol} on ${result.day0}: ${result.warnings.join(' ')}`)
  return row
}

function carOf(row: ReactionRow, [t1, t2]: EventWindow): ReactionCar | undefined {
  return row.car.find((c) => c.window[0] === t1 && c.window[1] === t2)
}

function link(patch: Partial<ViewState>): string {
  const view: ViewState = { ...DEFAULT_VIEW, categories: [...DEFAULT_VIEW.categories], ...patch }
  return `/?${viewToQuery(view)}`
}

const tText = (t: number | null | undefined) => `t ${t === null || t === undefined ? 'undefined' : formatNumber(t, 2)}`
/** `−13.23% (t −5.71)`. */
const withT = (value: number | null | undefined, t: number | null | undefined) => `${formatPercent(value, 2)} (${tText(t)})`
/** `−13.23%, t −5.71`, for use inside parentheses. */
const withTInline = (value: number | null | undefined, t: number | null | undefined) => `${formatPercent(value, 2)}, ${tText(t)}`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** (a) "NVIDIA fell 17% in one day". */
function nvdaDropClaim(selloff: ReactionResult): CheckedClaim {
  const nvda = requireRow(selloff, 'NVDA')
  const verdict = oneDayDropVerdict(nvda.return)
  const roundedDrop = Math.round(-nvda.return * 100)
  return {
    id: 'nvda-fell-17-percent',
    claim: 'NVIDIA fell 17% in one day',
    verdict,
    summary:
      `NVDA closed at ${formatPrice(nvda.close)} on ${formatFullDate(selloff.day0)}, ${formatPercent(nvda.return, 2)} from ` +
      `${formatPrice(nvda.prevClose)} on ${formatFullDate(nvda.prevDate)}, which rounds to a ${roundedDrop}% fall ` +
      `(claimed: ${Math.round(CLAIMED_ONE_DAY_DROP * 100)}%).`,
    evidence: [
      { label: `Close on ${formatFullDate(nvda.prevDate)} (day −1)`, value: formatPrice(nvda.prevClose, nvda.currency) },
      { label: `Close on ${formatFullDate(selloff.day0)} (day 0)`, value: formatPrice(nvda.close, nvda.currency) },
      { label: 'One-day return (close to close, adjusted)', value: formatPercent(nvda.return, 2) },
      { label: 'Rounded to a whole percent', value: `${roundedDrop}% fall` },
      { label: `Abnormal return against ${selloff.benchmark} (market model)`, value: withT(nvda.abnormalReturn, nvda.tAR) },
    ],
    link: link({ symbols: ['NVDA', BENCHMARK], ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS), mode: 'percent', base: nvda.prevDate, event: SELLOFF_EVENT_ID }),
  }
}

/** (b) "More than $500 billion of NVIDIA's market value was wiped out". */
function nvdaValueClaim(selloff: ReactionResult): CheckedClaim {
  const nvda = requireRow(selloff, 'NVDA')
  const change = nvda.marketCapChange
  const verdict = valueLostVerdict(change)
  const claimed = `$${CLAIMED_VALUE_LOST_USD / 1e9} billion`
  const fall = nvda.prevClose - nvda.close
  const shares = nvda.shares
  const summary =
    shares && change !== null
      ? `${formatShareCount(shares.shares)} shares (${SHARES_AS_OF[shares.asOfKind]} ${shares.asOf}) times the ${formatPrice(fall)} ` +
        `fall in NVDA's close on ${formatFullDate(selloff.day0)} is ${formatMoneyCompact(change, nvda.currency)} of market value, ` +
        `${-change > CLAIMED_VALUE_LOST_USD ? 'more' : 'less'} than the ${claimed} claimed.`
      : `No sourced share count for NVDA is kept, so the market value lost cannot be computed (${nvda.sharesMissing ?? 'no reason given'}).`
  return {
    id: 'nvda-500-billion',
    claim: "More than $500 billion of NVIDIA's market value was wiped out",
    verdict,
    summary,
    evidence: [
      {
        label: 'Shares outstanding',
        value: shares ? `${formatShareCount(shares.shares)} (${SHARES_AS_OF[shares.asOfKind]} ${shares.asOf})` : 'no sourced count',
      },
      ...(shares ? [{ label: 'Share count source', value: shares.source.title }] : []),
      {
        label: `Close, ${formatFullDate(nvda.prevDate)} → ${formatFullDate(selloff.day0)}`,
        value: `${formatPrice(nvda.prevClose)} → ${formatPrice(nvda.close)} (${formatPrice(fall)} lower)`,
      },
      { label: 'Market value change (shares × change in close)', value: formatMoneyCompact(change, nvda.currency) },
    ],
    link: link({ symbols: ['NVDA'], ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS), mode: 'price', base: nvda.prevDate, event: SELLOFF_EVENT_ID }),
  }
}

/** (c) "DeepSeek released R1 two days after Stargate was announced". */
function r1TimingClaim(): CheckedClaim {
  const r1 = requireEvent(R1_EVENT_ID)
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const paper = getEventById(R1_PAPER_EVENT_ID)
  const daysAfter = daysBetween(stargate.date, r1.date)
  const verdict = daysAfterVerdict(daysAfter)
  const relation =
    daysAfter === 0
      ? 'on the same day as'
      : daysAfter < 0
        ? `${plural(-daysAfter, 'day')} before`
        : `${plural(daysAfter, 'day')} after`
  const correction = daysAfter === CLAIMED_DAYS_AFTER ? 'as claimed' : `not ${plural(CLAIMED_DAYS_AFTER, 'day')} after`
  return {
    id: 'r1-two-days-after-stargate',
    claim: 'DeepSeek released R1 two days after Stargate was announced',
    verdict,
    summary:
      `DeepSeek released R1 on ${formatFullDate(r1.date)}, ${relation} Stargate was announced on ${formatFullDate(stargate.date)} ` +
      `(${correction}); the first US sessions that could react were ${formatFullDate(r1.tradingDate)} for R1 ` +
      `(${sessionLabel(r1.session)}) and ${formatFullDate(stargate.tradingDate)} for Stargate (${sessionLabel(stargate.session)}).`,
    evidence: [
      { label: 'DeepSeek-R1 released', value: `${formatFullDate(r1.date)} (${sessionLabel(r1.session)})` },
      { label: 'First US session to react to R1', value: formatFullDate(r1.tradingDate) },
      {
        label: 'Stargate announced',
        value: `${formatFullDate(stargate.date)} (${sessionLabel(stargate.session)}${stargate.time ? `, ${stargate.time}` : ''})`,
      },
      { label: 'First US session to react to Stargate', value: formatFullDate(stargate.tradingDate) },
      { label: 'Days from Stargate to R1', value: formatNumber(daysAfter, 0) },
      ...(paper ? [{ label: 'R1 paper on arXiv', value: formatFullDate(paper.date) }] : []),
    ],
    link: link({
      symbols: ['NVDA', 'ORCL', BENCHMARK],
      ...sessionsAround(r1.tradingDate, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: previousSession(US_MARKET_CALENDAR, r1.tradingDate),
      event: R1_EVENT_ID,
    }),
  }
}

/** (d) "The selloff hit AI chips and power producers, not the whole market". */
function sectorClaim(selloff: ReactionResult): CheckedClaim {
  const rows = SECTOR_SYMBOLS.map((s) => ({ ...s, row: requireRow(selloff, s.symbol) }))
  const first = rows[0]
  if (!first) throw new Error('The sector claim needs at least one symbol.')
  const marketReturn = first.row.marketReturn
  const verdict = sectorSelloffVerdict(rows.map((r) => r.row), marketReturn)
  const allSignificant = rows.every((r) => r.row.tAR !== null && Math.abs(r.row.tAR) >= SIGNIFICANT_T)
  const marketText =
    marketReturn > BROAD_SELLOFF_RETURN
      ? `${selloff.benchmark}'s own ${formatPercent(marketReturn, 2)} stayed short of the ${formatPercent(BROAD_SELLOFF_RETURN, 1)} we count as a broad selloff`
      : `${selloff.benchmark} itself fell ${formatPercent(marketReturn, 2)}, a broad selloff by our ${formatPercent(BROAD_SELLOFF_RETURN, 1)} line`
  return {
    id: 'chips-and-power-not-the-market',
    claim: 'The selloff hit AI chips and power producers, not the whole market',
    verdict,
    summary:
      `On ${formatFullDate(selloff.day0)} ${listText(rows.map((r) => `${r.symbol} returned ${formatPercent(r.row.return, 2)}`))} ` +
      `against ${formatPercent(marketReturn, 2)} for ${selloff.benchmark}; their abnormal returns were ` +
      `${listText(rows.map((r) => withT(r.row.abnormalReturn, r.row.tAR)))}` +
      `${allSignificant ? ` (all beyond |t| ${SIGNIFICANT_T})` : ''}, and ${marketText}.`,
    evidence: [
      ...rows.map((r) => ({
        label: `${r.symbol} (${r.group}, ${r.row.name})`,
        value: `${formatPercent(r.row.return, 2)}; abnormal ${withT(r.row.abnormalReturn, r.row.tAR)}`,
      })),
      { label: `${selloff.benchmark} (the market)`, value: formatPercent(marketReturn, 2) },
      {
        label: 'Market model',
        value: `${selloff.method.estimation.sessions} sessions, ${selloff.method.estimation.from} to ${selloff.method.estimation.to}, against ${selloff.benchmark}`,
      },
    ],
    link: link({
      symbols: [...SECTOR_SYMBOLS.map((s) => s.symbol), BENCHMARK],
      ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS),
      mode: 'percent',
      base: first.row.prevDate,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

/** (e) "The market would recover". */
function recoveryClaim(selloff: ReactionResult): CheckedClaim {
  const rows = RECOVERY_SYMBOLS.map((symbol) => requireRow(selloff, symbol))
  const verdict = recoveryVerdict(rows.map((r) => r.recovery))
  const ordered = [...rows].sort((a, b) => (a.recovery?.sessions ?? Infinity) - (b.recovery?.sessions ?? Infinity))
  const phrase = (r: ReactionRow) =>
    r.recovery
      ? `${r.symbol} on ${formatFullDate(r.recovery.date)} (${plural(r.recovery.sessions, 'session')} later)`
      : `${r.symbol} not by ${formatFullDate(r.dataThrough)}, the end of its data`
  const prevDate = rows[0]?.prevDate ?? selloff.day0
  const lastDate = rows.reduce((latest, r) => {
    const d = r.recovery?.date ?? r.dataThrough
    return d > latest ? d : latest
  }, selloff.day0)
  return {
    id: 'market-would-recover',
    claim: 'The market would recover',
    verdict,
    summary: `After the ${formatFullDate(selloff.day0)} selloff, each regained its ${formatFullDate(prevDate)} close as follows: ${listText(ordered.map(phrase))}.`,
    evidence: [
      ...rows.map((r) => ({
        label: `${r.symbol} back to its ${formatFullDate(r.prevDate)} close of ${formatPrice(r.prevClose, r.currency)}`,
        value: r.recovery
          ? `${formatFullDate(r.recovery.date)} (${plural(r.recovery.sessions, 'session')})`
          : `not within the data (through ${formatFullDate(r.dataThrough)})`,
      })),
      { label: 'Rule', value: selloff.method.recovery.rule },
    ],
    link: link({
      symbols: [...RECOVERY_SYMBOLS],
      from: sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS).from,
      to: sessionsAround(lastDate, STORY_WEEK_SESSIONS).to,
      mode: 'percent',
      base: prevDate,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

/** (f) "Stargate lifted its partners". */
function stargateClaim(stargate: ReactionResult): CheckedClaim {
  const rows = STARGATE_PARTNERS.map((symbol) => requireRow(stargate, symbol))
  const verdict = partnersLiftedVerdict(rows)
  const foreign = rows.filter((r) => guessTimeZone(r.symbol) !== guessTimeZone(stargate.benchmark))
  const exchangeOf = (r: ReactionRow) => getSymbolInfo(r.symbol)?.exchange ?? guessTimeZone(r.symbol)
  const dayMinus1 = STARGATE_WINDOWS[0] as EventWindow
  const dayPlus1 = STARGATE_WINDOWS[2] as EventWindow
  const movedEarly = rows.filter((r) => {
    const c = carOf(r, dayMinus1)
    return c?.car !== null && c?.car !== undefined && c.car > 0 && c.t !== null && c.t >= SIGNIFICANT_T
  })
  const describe = (r: ReactionRow) => `${r.symbol} returned ${formatPercent(r.return, 2)} (abnormal ${withTInline(r.abnormalReturn, r.tAR)})`
  const caveats = [
    ...foreign.map(
      (r) =>
        `${r.symbol}'s ${exchangeOf(r)} session is set against ${stargate.benchmark} of the same date, which trades hours later, so its abnormal return is only indicative`,
    ),
    ...movedEarly.map((r) => {
      const c = carOf(r, dayMinus1)
      return `${r.symbol}'s abnormal return was already ${withT(c?.car, c?.t)} on ${formatFullDate(r.prevDate)}, before the announcement`
    }),
  ]
  return {
    id: 'stargate-lifted-partners',
    claim: 'Stargate lifted its partners',
    verdict,
    summary:
      `On ${formatFullDate(stargate.day0)}, the first session after the announcement, ${listText(rows.map(describe))}` +
      `${caveats.length > 0 ? `; ${caveats.join('; ')}` : ''}.`,
    evidence: [
      ...rows.map((r) => {
        const c = carOf(r, dayPlus1)
        return {
          label: `${r.symbol} (${r.name})`,
          value: `day 0 ${formatPercent(r.return, 2)}; abnormal ${withT(r.abnormalReturn, r.tAR)}; ${formatWindow(dayPlus1)} ${withT(c?.car, c?.t)}`,
        }
      }),
      {
        label: 'Benchmark',
        value:
          `${stargate.benchmark} for all ${rows.length}` +
          foreign
            .map(
              (r) =>
                `; for ${r.symbol} it is the pragmatic choice, not a synchronous one: the ${exchangeOf(r)} session of a date ` +
                `closes before the US session of that date opens, and no local index is in the data`,
            )
            .join(''),
      },
    ],
    link: link({
      symbols: [...STARGATE_PARTNERS, BENCHMARK],
      ...sessionsAround(stargate.day0, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: rows[0]?.prevDate ?? stargate.day0,
      event: STARGATE_EVENT_ID,
    }),
  }
}

/**
 * Six public claims about the AI shock, each checked against the price data (through the price service), the
 * event-study functions and the event catalog. No number here is typed in: only the claims' own figures are.
 */
export async function evaluateClaims(): Promise<CheckedClaim[]> {
  const [selloff, stargate] = await Promise.all([
    computeReaction({ symbols: SELLOFF_SYMBOLS, event: SELLOFF_EVENT_ID, benchmark: BENCHMARK }),
    computeReaction({ symbols: STARGATE_PARTNERS, event: STARGATE_EVENT_ID, benchmark: BENCHMARK, windows: STARGATE_WINDOWS }),
  ])
  return [nvdaDropClaim(selloff), nvdaValueClaim(selloff), r1TimingClaim(), sectorClaim(selloff), recoveryClaim(selloff), stargateClaim(stargate)]
}
