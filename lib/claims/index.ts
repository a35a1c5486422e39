import 'server-only'
import { eventStudy, studentTwoSidedP, type EventWindow } from '../analysis'
import { US_MARKET_CALENDAR, previousSession } from '../calendar'
import { sessionsBetween } from '../calendar/trading-calendar'
import { DATA_WINDOW } from '../snapshot/data-window'
import { daysBetween } from '../dates'
import { getEventById, sessionLabel, type EventWithTradingDate } from '../events'
import { formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '../format'
import { EVENT_WINDOW_SESSIONS, sessionsAround } from '../view/presets'
import { getPriceService } from '../prices'
import { computeReaction, type ReactionCar, type ReactionResult, type ReactionRow } from '../reaction'
import { formatShareCount, formatWindow } from '../reaction/format'
import { getSymbolInfo, guessTimeZone } from '../symbols'
import type { Bar } from '../types'
import { DEFAULT_VIEW, viewToQuery, type ViewState } from '../view/state'
import { NEWS_SOURCES, STARGATE_ANNOUNCED, VIDEO_QUOTES } from './sources'
import type { CheckedClaim, ClaimEvidence } from './types'
import {
  BORDERLINE_P,
  CLAIMED_DAYS_AFTER,
  CLAIMED_ONE_DAY_DROP,
  CLAIMED_VALUE_LOST_USD,
  IMMEDIATELY_DAYS,
  RECOVERY_BORDERLINE_SESSIONS,
  RECOVERY_HORIZON_SESSIONS,
  SIGNIFICANCE_P,
  SOON_AFTER_DAYS,
  announcedSumsVerdict,
  daysAfterVerdict,
  groupMoveVerdict,
  isBorderline,
  isSignificant,
  notTheWholeMarketVerdict,
  oneDayDropVerdict,
  recoveryVerdict,
  sameDateVerdict,
  soonAfterVerdict,
  valueLostVerdict,
  type AbnormalMove,
  type Direction,
  type RecoveryCheck,
} from './verdicts'

export type { CheckedClaim, ClaimEvidence, ClaimSource, NewsSource, Verdict, VideoSource } from './types'
export { VERDICTS } from './types'

/** Catalog ids the claims are about; a renamed id fails loudly here instead of checking the wrong event. */
export const SELLOFF_EVENT_ID = '2025-01-27-nvda-record-loss'
export const R1_EVENT_ID = '2025-01-20-deepseek-r1'
export const STARGATE_EVENT_ID = '2025-01-21-stargate'
export const MUSK_EVENT_ID = '2025-01-21-musk-no-money'
export const JANUS_EVENT_ID = '2025-01-27-janus-pro'
const R1_PAPER_EVENT_ID = '2025-01-22-r1-arxiv'

/** The market the claims' abnormal returns are measured against. */
export const CLAIMS_BENCHMARK = 'SPY'
const BENCHMARK = CLAIMS_BENCHMARK
/** "AI chips" in Reuters' story: the semiconductor ETF. */
const CHIP_SYMBOLS = [{ symbol: 'SMH', group: 'AI chips' }] as const
/** The US AI companies that buy NVIDIA's chips (the hyperscalers and Oracle), and the suppliers, for contrast. */
export const CHIP_BUYERS = ['MSFT', 'META', 'GOOGL', 'AMZN', 'ORCL'] as const
export const CHIP_SUPPLIERS = ['NVDA', 'AVGO', 'TSM', 'SMH'] as const
/** "The stock market": the S&P 500 and Nasdaq-100 ETFs; NVDA and the chip ETF are shown beside them. */
export const MARKET_SYMBOLS = ['SPY', 'QQQ'] as const
const RECOVERY_CONTEXT = ['NVDA', 'SMH'] as const
/** Stargate's listed equity funders and technology partners with data: Oracle, SoftBank, Arm, Microsoft, NVIDIA. */
export const STARGATE_PARTNERS = ['ORCL', '9984.T', 'ARM', 'MSFT', 'NVDA'] as const
const SELLOFF_SYMBOLS = [
  ...new Set([
    'NVDA',
    ...CHIP_SYMBOLS.map((s) => s.symbol),
    ...CHIP_BUYERS,
    ...CHIP_SUPPLIERS,
    ...MARKET_SYMBOLS,
    ...RECOVERY_CONTEXT,
  ]),
]
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

const DAY0_AR_RULE =
  `day-0 abnormal return, market model against ${BENCHMARK} over the default estimation window, prediction-error t, ` +
  `significant when the two-sided p ≤ ${SIGNIFICANCE_P} (Student's t, df = M − 2)`

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

/** The day-0 abnormal return with its p-value; df follows the market model (M − 2). */
function moveOf(row: ReactionRow): AbnormalMove & { t: number | null } {
  return { abnormalReturn: row.abnormalReturn, t: row.tAR, p: studentTwoSidedP(row.tAR, row.estimation.sessions - 2) }
}

function link(patch: Partial<ViewState>): string {
  const view: ViewState = { ...DEFAULT_VIEW, categories: [...DEFAULT_VIEW.categories], ...patch }
  return `/?${viewToQuery(view)}`
}

const pText = (p: number | null) => (p === null ? 'p undefined' : p < 0.001 ? 'p < 0.001' : `p ${formatNumber(p, 3)}`)
const tText = (t: number | null | undefined) => `t ${t === null || t === undefined ? 'undefined' : formatNumber(t, 2)}`
/** `−13.23% (t −5.62, p < 0.001)`. */
const withTp = (value: number, m: { t: number | null; p: number | null }) =>
  `${formatPercent(value, 2)} (${tText(m.t)}, ${pText(m.p)})`

const usdBillions = (usd: number) => `$${formatNumber(usd / 1e9, 0)} billion`

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** US sessions from the first session that could react to `a` to the one for `b` (0 when the same). */
function sessionsApart(a: EventWithTradingDate, b: EventWithTradingDate): number {
  if (a.tradingDate === b.tradingDate) return 0
  const [from, to] = a.tradingDate < b.tradingDate ? [a.tradingDate, b.tradingDate] : [b.tradingDate, a.tradingDate]
  const n = sessionsBetween(US_MARKET_CALENDAR, from, to).length - 1
  return a.tradingDate < b.tradingDate ? n : -n
}

function borderlineMoves(rows: readonly { symbol: string; move: AbnormalMove }[]): string | null {
  const near = rows.filter((r) => isBorderline(r.move.p))
  if (near.length === 0) return null
  return `${listText(near.map((r) => `${r.symbol} (${pText(r.move.p)})`))} ${near.length === 1 ? 'is' : 'are'} near the ${SIGNIFICANCE_P} line (between ${BORDERLINE_P[0]} and ${BORDERLINE_P[1]}); a slightly different model could move ${near.length === 1 ? 'it' : 'them'} across it.`
}

/** Video: "On January 21, Donald Trump announced the Stargate Project." */
function stargateDateClaim(): CheckedClaim {
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const claimed = '2025-01-21'
  const verdict = sameDateVerdict(claimed, stargate.date)
  return {
    id: 'stargate-announced-jan-21',
    claim: 'Trump announced the Stargate Project on 21 January',
    source: VIDEO_QUOTES.stargateAnnounced,
    verdict,
    rule: 'The claimed date against the dated catalog entry (US Eastern date of the White House event): the same date is supported, another is wrong.',
    borderline: null,
    summary:
      `The catalog dates the White House launch to ${formatFullDate(stargate.date)} (${sessionLabel(stargate.session)}` +
      `${stargate.time ? `, ${stargate.time}` : ''}), ${stargate.date === claimed ? 'as claimed' : `not ${formatFullDate(claimed)}`}; ` +
      `markets could first react on ${formatFullDate(stargate.tradingDate)}.`,
    evidence: [
      { label: 'Announced (catalog)', value: `${formatFullDate(stargate.date)}, ${sessionLabel(stargate.session)}` },
      { label: 'First US session to react', value: formatFullDate(stargate.tradingDate) },
      { label: 'Sources', value: stargate.sources.map((s) => s.title.split(':')[0]).join(' · ') },
    ],
    link: link({
      symbols: ['ORCL', 'ARM', 'NVDA', BENCHMARK],
      ...sessionsAround(stargate.tradingDate, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: previousSession(US_MARKET_CALENDAR, stargate.tradingDate),
      event: STARGATE_EVENT_ID,
    }),
  }
}

/** Video: "$100 billion at first, $500 billion by 2029." */
function stargateSumsClaim(): CheckedClaim {
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const year = Number(stargate.date.slice(0, 4))
  const claimed = { immediateUsd: 100_000_000_000, totalUsd: 500_000_000_000, endYear: 2029 }
  const verdict = announcedSumsVerdict(claimed, { ...STARGATE_ANNOUNCED, year })
  const inferred = year + STARGATE_ANNOUNCED.years
  return {
    id: 'stargate-100b-500b-2029',
    claim: 'Stargate starts with $100 billion and reaches $500 billion by 2029',
    source: VIDEO_QUOTES.stargateSums,
    verdict,
    rule: 'Both sums against the announcement; the end year is supported only if the announcement names it, partly supported if it merely follows from the announced span.',
    borderline: null,
    summary:
      `The announcement said ${usdBillions(STARGATE_ANNOUNCED.immediateUsd)} "immediately" and up to ${usdBillions(STARGATE_ANNOUNCED.totalUsd)} ` +
      `"over the next ${STARGATE_ANNOUNCED.years} years" from ${formatFullDate(stargate.date)}: the sums match, but no end year was named; ` +
      `${claimed.endYear} is ${claimed.endYear === inferred ? 'what four years from January 2025 gives' : 'not what the span gives'}.`,
    evidence: [
      {
        label: 'Claimed',
        value: `${usdBillions(claimed.immediateUsd)} first, ${usdBillions(claimed.totalUsd)} by ${claimed.endYear}`,
      },
      {
        label: 'Announced',
        value: `${usdBillions(STARGATE_ANNOUNCED.immediateUsd)} immediately, up to ${usdBillions(STARGATE_ANNOUNCED.totalUsd)} over ${STARGATE_ANNOUNCED.years} years`,
      },
      {
        label: 'End year in the announcement',
        value:
          STARGATE_ANNOUNCED.endYearNamed === null
            ? `none (the span ends in ${inferred})`
            : String(STARGATE_ANNOUNCED.endYearNamed),
      },
      { label: 'Announcement', value: STARGATE_ANNOUNCED.source.title },
    ],
    link: link({
      symbols: ['ORCL', '9984.T', BENCHMARK],
      ...sessionsAround(stargate.tradingDate, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: previousSession(US_MARKET_CALENDAR, stargate.tradingDate),
      event: STARGATE_EVENT_ID,
    }),
  }
}

/** Video: "Elon Musk immediately attacked Trump, claiming they don't even have $100 billion." */
function muskClaim(): CheckedClaim {
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const musk = requireEvent(MUSK_EVENT_ID)
  const days = daysBetween(stargate.date, musk.date)
  const verdict =
    days >= 0 && days <= IMMEDIATELY_DAYS ? 'supported' : days > IMMEDIATELY_DAYS ? 'partly supported' : 'wrong'
  return {
    id: 'musk-immediately',
    claim: "Musk immediately said Stargate's backers don't have the money",
    source: VIDEO_QUOTES.muskNoMoney,
    verdict,
    rule: `Timing against the dated catalog entries: "immediately" is within ${plural(IMMEDIATELY_DAYS, 'calendar day')} of the announcement. The wording is compared, not scored.`,
    borderline: null,
    summary:
      `Musk posted on ${formatFullDate(musk.date)} (${sessionLabel(musk.session)}${musk.time ? `, ${musk.time}` : ''}), ${days === 0 ? 'the same day as' : `${plural(days, 'day')} after`} ` +
      `the announcement. What he wrote was aimed at the backers, not at Trump, and the figure he gave was SoftBank's "well under $10B secured", not $100 billion.`,
    evidence: [
      { label: 'Stargate announced', value: `${formatFullDate(stargate.date)} (${sessionLabel(stargate.session)})` },
      { label: 'Musk on X', value: `${formatFullDate(musk.date)} (${sessionLabel(musk.session)})` },
      { label: 'What the catalog records', value: musk.summary },
    ],
    link: link({
      symbols: ['ORCL', '9984.T', 'TSLA', BENCHMARK],
      ...sessionsAround(musk.tradingDate, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: previousSession(US_MARKET_CALENDAR, musk.tradingDate),
      event: MUSK_EVENT_ID,
    }),
  }
}

function orderEvidence(
  r1: EventWithTradingDate,
  stargate: EventWithTradingDate,
  janus: EventWithTradingDate,
): ClaimEvidence[] {
  return [
    {
      label: 'DeepSeek-R1 released',
      value: `${formatFullDate(r1.date)} (${sessionLabel(r1.session)}); first US session ${formatFullDate(r1.tradingDate)}`,
    },
    {
      label: 'Stargate announced',
      value: `${formatFullDate(stargate.date)} (${sessionLabel(stargate.session)}); first US session ${formatFullDate(stargate.tradingDate)}`,
    },
    {
      label: 'Janus-Pro released',
      value: `${formatFullDate(janus.date)} (${sessionLabel(janus.session)}); first US session ${formatFullDate(janus.tradingDate)}`,
    },
    {
      label: 'Spacing',
      value:
        `R1 → Stargate ${plural(daysBetween(r1.date, stargate.date), 'day')} (${plural(sessionsApart(r1, stargate), 'session')}); ` +
        `Stargate → Janus-Pro ${plural(daysBetween(stargate.date, janus.date), 'day')} (${plural(sessionsApart(stargate, janus), 'session')}); ` +
        `R1 → Janus-Pro ${plural(daysBetween(r1.date, janus.date), 'day')}`,
    },
  ]
}

/** Video: "Just two days later, DeepSeek released R1". */
function r1TimingClaim(): CheckedClaim {
  const r1 = requireEvent(R1_EVENT_ID)
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const janus = requireEvent(JANUS_EVENT_ID)
  const paper = getEventById(R1_PAPER_EVENT_ID)
  const daysAfter = daysBetween(stargate.date, r1.date)
  const verdict = daysAfterVerdict(daysAfter)
  const relation =
    daysAfter === 0
      ? 'on the same day as'
      : daysAfter < 0
        ? `${plural(-daysAfter, 'day')} before`
        : `${plural(daysAfter, 'day')} after`
  return {
    id: 'r1-two-days-after-stargate',
    claim: 'DeepSeek released R1 two days after Stargate was announced',
    source: VIDEO_QUOTES.r1TwoDaysLater,
    verdict,
    rule: `Calendar days from the Stargate announcement to the R1 release in the dated catalog: ${CLAIMED_DAYS_AFTER} is supported, another positive gap partly, the same day not supported, R1 first wrong.`,
    borderline: null,
    summary:
      `DeepSeek released R1 on ${formatFullDate(r1.date)}, ${relation} Stargate was announced on ${formatFullDate(stargate.date)}` +
      `${daysAfter === CLAIMED_DAYS_AFTER ? ', as claimed' : ''}: the order is the other way round` +
      `${paper ? `; the R1 paper reached arXiv on ${formatFullDate(paper.date)}, which may be the date the video had in mind` : ''}.`,
    evidence: [
      ...orderEvidence(r1, stargate, janus),
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

/** Video: "and right after that, Janus Pro". */
function janusClaim(): CheckedClaim {
  const r1 = requireEvent(R1_EVENT_ID)
  const stargate = requireEvent(STARGATE_EVENT_ID)
  const janus = requireEvent(JANUS_EVENT_ID)
  const days = daysBetween(r1.date, janus.date)
  const verdict = soonAfterVerdict(days)
  return {
    id: 'janus-pro-right-after-r1',
    claim: 'DeepSeek released Janus-Pro right after R1',
    source: VIDEO_QUOTES.janusSoonAfter,
    verdict,
    rule: `Calendar days from R1 to Janus-Pro in the dated catalog: "right after" is within ${SOON_AFTER_DAYS} days; later is partly supported; before R1 is wrong.`,
    borderline:
      days === SOON_AFTER_DAYS ? `Janus-Pro came exactly ${plural(days, 'day')} after R1, on the rule's limit.` : null,
    summary:
      `Janus-Pro came out on ${formatFullDate(janus.date)}, ${plural(days, 'day')} after R1 (${formatFullDate(r1.date)}) and on the day of the NVIDIA selloff; ` +
      `Stargate fell between the two, ${plural(daysBetween(r1.date, stargate.date), 'day')} after R1.`,
    evidence: orderEvidence(r1, stargate, janus),
    link: link({
      symbols: ['NVDA', BENCHMARK],
      ...sessionsAround(janus.tradingDate, EVENT_WINDOW_SESSIONS),
      mode: 'percent',
      base: previousSession(US_MARKET_CALENDAR, janus.tradingDate),
      event: JANUS_EVENT_ID,
    }),
  }
}

/** Video: "NVIDIA's share price crashed 17%". */
function nvdaDropClaim(selloff: ReactionResult): CheckedClaim {
  const nvda = requireRow(selloff, 'NVDA')
  const move = moveOf(nvda)
  const verdict = oneDayDropVerdict(nvda.return)
  const roundedDrop = Math.round(-nvda.return * 100)
  const dropPoints = -nvda.return * 100
  return {
    id: 'nvda-fell-17-percent',
    claim: 'NVIDIA fell 17% in one day',
    source: VIDEO_QUOTES.nvdaFell17,
    verdict,
    rule: 'The close-to-close return on adjusted closes, rounded to a whole percent as people quote it, against the claimed 17%; within 2 points is partly supported.',
    borderline:
      Math.abs((dropPoints % 1) - 0.5) < 0.05
        ? `The fall (${formatPercent(nvda.return, 2)}) is close to halfway between two whole percents.`
        : null,
    summary:
      `NVDA closed at ${formatPrice(nvda.close)} on ${formatFullDate(selloff.day0)}, ${formatPercent(nvda.return, 2)} from ` +
      `${formatPrice(nvda.prevClose)} on ${formatFullDate(nvda.prevDate)}, which rounds to a ${roundedDrop}% fall ` +
      `(claimed: ${Math.round(CLAIMED_ONE_DAY_DROP * 100)}%).`,
    evidence: [
      {
        label: `Close on ${formatFullDate(nvda.prevDate)} (day −1)`,
        value: formatPrice(nvda.prevClose, nvda.currency),
      },
      { label: `Close on ${formatFullDate(selloff.day0)} (day 0)`, value: formatPrice(nvda.close, nvda.currency) },
      { label: 'One-day return (close to close, adjusted)', value: formatPercent(nvda.return, 2) },
      { label: 'Rounded to a whole percent', value: `${roundedDrop}% fall` },
      {
        label: `Abnormal return against ${selloff.benchmark} (market model)`,
        value: withTp(nvda.abnormalReturn, move),
      },
    ],
    link: link({
      symbols: ['NVDA', BENCHMARK],
      ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS),
      mode: 'percent',
      base: nvda.prevDate,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

/** Video: "wiping out more than $500 billion of value". */
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
    source: VIDEO_QUOTES.nvda500b,
    verdict,
    rule: 'Sourced shares outstanding × the fall in the raw close on day 0; the loss must exceed $500B by more than 1% (share-count rounding) to be supported, and come within 10% of it to be partly supported.',
    borderline:
      change !== null && Math.abs(-change - CLAIMED_VALUE_LOST_USD) / CLAIMED_VALUE_LOST_USD < 0.05
        ? 'The loss is within 5% of the claimed threshold.'
        : null,
    summary,
    evidence: [
      {
        label: 'Shares outstanding',
        value: shares
          ? `${formatShareCount(shares.shares)} (${SHARES_AS_OF[shares.asOfKind]} ${shares.asOf})`
          : 'no sourced count',
      },
      ...(shares ? [{ label: 'Share count source', value: shares.source.title }] : []),
      {
        label: `Close, ${formatFullDate(nvda.prevDate)} → ${formatFullDate(selloff.day0)}`,
        value: `${formatPrice(nvda.prevClose)} → ${formatPrice(nvda.close)} (${formatPrice(fall)} lower)`,
      },
      { label: 'Market value change (shares × change in close)', value: formatMoneyCompact(change, nvda.currency) },
    ],
    link: link({
      symbols: ['NVDA'],
      ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS),
      mode: 'price',
      base: nvda.prevDate,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

function groupRows(result: ReactionResult, symbols: readonly string[]) {
  return symbols.map((symbol) => {
    const row = requireRow(result, symbol)
    return { symbol, row, move: moveOf(row) }
  })
}

function describeMove(
  r: { symbol: string; row: ReactionRow; move: AbnormalMove & { t: number | null } },
  direction: Direction,
): string {
  const mark = isSignificant(r.move, direction)
    ? 'significant'
    : isSignificant(r.move, direction === 'up' ? 'down' : 'up')
      ? 'significant the other way'
      : 'not significant'
  return `${r.symbol} ${formatPercent(r.row.return, 2)}, abnormal ${withTp(r.row.abnormalReturn, r.move)}: ${mark}`
}

/** Video: the selloff hurt the US AI companies that buy NVIDIA's chips. */
function buyersClaim(selloff: ReactionResult): CheckedClaim {
  const buyers = groupRows(selloff, CHIP_BUYERS)
  const suppliers = groupRows(selloff, CHIP_SUPPLIERS)
  const verdict = groupMoveVerdict(
    buyers.map((b) => b.move),
    'down',
  )
  const hit = buyers.filter((b) => isSignificant(b.move, 'down')).map((b) => b.symbol)
  const up = buyers.filter((b) => isSignificant(b.move, 'up')).map((b) => b.symbol)
  const suppliersHit = suppliers.filter((s) => isSignificant(s.move, 'down')).length
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  return {
    id: 'chip-buyers-hurt',
    claim: "DeepSeek's news hurt the US AI companies that buy NVIDIA's chips",
    source: VIDEO_QUOTES.buyersHurt,
    verdict,
    rule: `Group rule on the buyers (${CHIP_BUYERS.join(', ')}): supported when every ${DAY0_AR_RULE} is significantly negative, partly when some are, wrong when all are significantly positive. The suppliers are shown for contrast.`,
    borderline: borderlineMoves(buyers),
    summary:
      `On ${formatFullDate(selloff.day0)} ${hit.length === 0 ? 'none' : listText(hit)} of the ${buyers.length} buyers had a significantly negative abnormal return` +
      `${up.length > 0 ? ` and ${listText(up)} a significantly positive one` : ''}; the buyers' mean abnormal return was ${formatPercent(mean(buyers.map((b) => b.row.abnormalReturn)), 2)} ` +
      `against ${formatPercent(mean(suppliers.map((s) => s.row.abnormalReturn)), 2)} for the suppliers, ${suppliersHit} of ${suppliers.length} of which fell significantly. The selloff hit the sellers of chips far harder than their buyers.`,
    evidence: [
      ...buyers.map((b) => ({ label: `Buyer: ${b.symbol} (${b.row.name})`, value: describeMove(b, 'down') })),
      ...suppliers.map((s) => ({ label: `Supplier: ${s.symbol} (${s.row.name})`, value: describeMove(s, 'down') })),
      {
        label: 'Market model',
        value: `${selloff.method.estimation.sessions} sessions, ${selloff.method.estimation.from} to ${selloff.method.estimation.to}, against ${selloff.benchmark}`,
      },
    ],
    link: link({
      symbols: [...CHIP_BUYERS, 'NVDA', BENCHMARK],
      ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS),
      mode: 'percent',
      base: selloff.rows[0]?.prevDate ?? selloff.day0,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

export interface RecoveryMeasure extends RecoveryCheck {
  symbol: string
  prevDate: string
  prevClose: number
  /** Close at day +horizon, or the last close when the data end sooner, with its date. */
  horizonClose: { date: string; close: number; sessions: number } | null
  /** The lowest close after day 0 within the data, with its date and its distance from day −1's close. */
  trough: { date: string; close: number; fromPrevClose: number } | null
}

/** Recovery, the close at the horizon and the deepest later trough, from raw closes (pure; tested on the snapshot). */
export function measureRecovery(
  symbol: string,
  bars: readonly Bar[],
  day0: string,
  horizon: number = RECOVERY_HORIZON_SESSIONS,
): RecoveryMeasure | null {
  const k0 = bars.findIndex((b) => b.date === day0)
  const prev = bars[k0 - 1]
  if (k0 < 1 || !prev) return null
  let recovery: RecoveryMeasure['recovery'] = null
  let trough: RecoveryMeasure['trough'] = null
  for (let k = k0 + 1; k < bars.length; k++) {
    const bar = bars[k] as Bar
    if (recovery === null && bar.close >= prev.close) recovery = { date: bar.date, sessions: k - k0 }
    if (trough === null || bar.close < trough.close)
      trough = { date: bar.date, close: bar.close, fromPrevClose: bar.close / prev.close - 1 }
  }
  const hk = Math.min(k0 + horizon, bars.length - 1)
  const hBar = hk > k0 ? bars[hk] : undefined
  return {
    symbol,
    prevDate: prev.date,
    prevClose: prev.close,
    recovery,
    heldAtHorizon: hBar ? hBar.close >= prev.close : null,
    horizonClose: hBar ? { date: hBar.date, close: hBar.close, sessions: hk - k0 } : null,
    trough,
  }
}

/** Video: "I expect the stock market to recover." */
function recoveryClaim(selloff: ReactionResult, measures: readonly RecoveryMeasure[]): CheckedClaim {
  const market = measures.filter((m) => (MARKET_SYMBOLS as readonly string[]).includes(m.symbol))
  const context = measures.filter((m) => !(MARKET_SYMBOLS as readonly string[]).includes(m.symbol))
  const verdict = recoveryVerdict(market)
  const near = market.filter(
    (m) => m.recovery && Math.abs(m.recovery.sessions - RECOVERY_HORIZON_SESSIONS) <= RECOVERY_BORDERLINE_SESSIONS,
  )
  const phrase = (m: RecoveryMeasure) =>
    m.recovery
      ? `${m.symbol} regained its ${formatFullDate(m.prevDate)} close on ${formatFullDate(m.recovery.date)} (${plural(m.recovery.sessions, 'session')})` +
        `${m.horizonClose ? ` and was ${m.heldAtHorizon ? 'above' : 'below'} it again at session +${m.horizonClose.sessions} (${formatFullDate(m.horizonClose.date)})` : ''}`
      : `${m.symbol} did not regain its ${formatFullDate(m.prevDate)} close within the data`
  const trough = (m: RecoveryMeasure) =>
    m.trough ? `${formatPercent(m.trough.fromPrevClose, 1)} on ${formatFullDate(m.trough.date)}` : 'n/a'
  const lastDate = measures.reduce(
    (latest, m) => (m.trough && m.trough.date > latest ? m.trough.date : latest),
    selloff.day0,
  )
  return {
    id: 'market-would-recover',
    claim: 'The stock market would recover',
    source: VIDEO_QUOTES.marketRecovers,
    verdict,
    rule:
      `For ${MARKET_SYMBOLS.join(' and ')} ("the stock market"), from day 0 (${formatFullDate(selloff.day0)}): supported when each regained its day −1 close within ` +
      `${RECOVERY_HORIZON_SESSIONS} sessions (about three months; the video names no horizon) and was still at or above it at session +${RECOVERY_HORIZON_SESSIONS}; ` +
      'partly when it regained it but lost it again by then, or regained it only later; not supported when it never did in the data.',
    borderline:
      near.length > 0
        ? `${listText(near.map((m) => m.symbol))} regained it within ${RECOVERY_BORDERLINE_SESSIONS} sessions of the horizon's end.`
        : null,
    summary:
      `${listText(market.map(phrase))}. The April 2025 tariff selloff took ${listText(market.map((m) => `${m.symbol} to ${trough(m)}`))} below its pre-selloff close; ` +
      `NVDA itself ${context.find((m) => m.symbol === 'NVDA')?.recovery ? `needed ${plural(context.find((m) => m.symbol === 'NVDA')?.recovery?.sessions ?? 0, 'session')}` : 'did not recover within the data'}.`,
    evidence: [
      ...measures.map((m) => ({
        label: `${m.symbol} back to its ${formatFullDate(m.prevDate)} close of ${formatPrice(m.prevClose)}`,
        value: `${m.recovery ? `${formatFullDate(m.recovery.date)} (${plural(m.recovery.sessions, 'session')})` : 'not within the data'}; lowest later close ${trough(m)}`,
      })),
      { label: 'Horizon', value: `${RECOVERY_HORIZON_SESSIONS} sessions after day 0; data through ${DATA_WINDOW.to}` },
    ],
    link: link({
      symbols: [...MARKET_SYMBOLS, ...RECOVERY_CONTEXT],
      from: sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS).from,
      to: sessionsAround(lastDate, STORY_WEEK_SESSIONS).to,
      mode: 'percent',
      base: market[0]?.prevDate ?? selloff.day0,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

/** Reuters: the selloff hit AI chips, not the whole market. */
function chipsNotMarketClaim(
  selloff: ReactionResult,
  marketOwn: AbnormalMove & { t: number | null; df: number },
): CheckedClaim {
  const rows = groupRows(
    selloff,
    CHIP_SYMBOLS.map((s) => s.symbol),
  )
  const first = rows[0]
  if (!first) throw new Error('The chips claim needs at least one symbol.')
  const verdict = notTheWholeMarketVerdict(
    rows.map((r) => r.move),
    marketOwn,
  )
  const marketReturn = first.row.marketReturn
  const near = [
    ...rows.map((r) => ({ symbol: r.symbol, move: r.move as AbnormalMove })),
    { symbol: `${BENCHMARK} (own history)`, move: marketOwn as AbnormalMove },
  ]
  const nvda = selloff.rows.find((r) => r.symbol === 'NVDA')
  return {
    id: 'chips-not-the-whole-market',
    claim: 'The selloff hit AI chip stocks, not the whole market',
    source: NEWS_SOURCES.reutersSelloff,
    verdict,
    rule:
      `The chips by the group rule (${DAY0_AR_RULE}); the market by ${BENCHMARK}'s own day-0 return against its own estimation window ` +
      `(constant-mean model, prediction-error t, df = M − 1): "not the whole market" holds when that is not significantly negative (p > ${SIGNIFICANCE_P}).`,
    borderline: borderlineMoves(near),
    summary:
      `On ${formatFullDate(selloff.day0)} ${listText(rows.map((r) => `${r.symbol} returned ${formatPercent(r.row.return, 2)}, an abnormal ${withTp(r.row.abnormalReturn, r.move)}`))}, ` +
      `while ${BENCHMARK} returned ${formatPercent(marketReturn, 2)}: against its own history that is ${tText(marketOwn.t)}, ${pText(marketOwn.p)}, ` +
      `${isSignificant(marketOwn, 'down') ? 'a significant fall of the whole market' : 'not a significant fall of the market as a whole'}` +
      `${nvda ? `, and NVDA's own ${formatPercent(nvda.return, 2)} is part of it` : ''}.`,
    evidence: [
      ...rows.map((r) => ({ label: `${r.symbol} (${r.row.name})`, value: describeMove(r, 'down') })),
      { label: `${BENCHMARK} day 0`, value: formatPercent(marketReturn, 2) },
      {
        label: `${BENCHMARK} against its own history`,
        value: `${tText(marketOwn.t)}, ${pText(marketOwn.p)} (df ${marketOwn.df})`,
      },
      {
        label: 'Market model',
        value: `${selloff.method.estimation.sessions} sessions, ${selloff.method.estimation.from} to ${selloff.method.estimation.to}, against ${selloff.benchmark}`,
      },
    ],
    link: link({
      symbols: [...CHIP_SYMBOLS.map((s) => s.symbol), 'NVDA', BENCHMARK],
      ...sessionsAround(selloff.day0, EVENT_WINDOW_SESSIONS),
      mode: 'percent',
      base: first.row.prevDate,
      event: SELLOFF_EVENT_ID,
    }),
  }
}

/** Fast Company: Stargate lifted its partners. */
function stargateClaim(stargate: ReactionResult): CheckedClaim {
  const rows = groupRows(stargate, STARGATE_PARTNERS)
  const verdict = groupMoveVerdict(
    rows.map((r) => r.move),
    'up',
  )
  const foreign = rows.filter((r) => guessTimeZone(r.symbol) !== guessTimeZone(stargate.benchmark))
  const exchangeOf = (symbol: string) => getSymbolInfo(symbol)?.exchange ?? guessTimeZone(symbol)
  const dayMinus1 = STARGATE_WINDOWS[0] as EventWindow
  const dayPlus1 = STARGATE_WINDOWS[2] as EventWindow
  const lifted = rows.filter((r) => isSignificant(r.move, 'up')).map((r) => r.symbol)
  const notLifted = rows.filter((r) => !isSignificant(r.move, 'up')).map((r) => r.symbol)
  const carP = (c: ReactionCar | undefined, row: ReactionRow) =>
    studentTwoSidedP(c?.t ?? null, row.estimation.sessions - 2)
  const faded = rows.filter((r) => {
    const c = carOf(r.row, dayPlus1)
    return (
      isSignificant(r.move, 'up') &&
      !(c?.car !== null && c?.car !== undefined && c.car > 0 && (carP(c, r.row) ?? 1) <= SIGNIFICANCE_P)
    )
  })
  const movedEarly = rows.filter((r) => {
    const c = carOf(r.row, dayMinus1)
    return c?.car !== null && c?.car !== undefined && c.car > 0 && (carP(c, r.row) ?? 1) <= SIGNIFICANCE_P
  })
  const caveats = [
    ...foreign.map(
      (r) =>
        `${r.symbol}'s ${exchangeOf(r.symbol)} session is set against ${stargate.benchmark} of the same date, which trades hours later, so its abnormal return is only indicative`,
    ),
    ...movedEarly.map(
      (r) =>
        `${r.symbol} had already moved significantly on ${formatFullDate(r.row.prevDate)}, before the announcement`,
    ),
    ...(faded.length > 0
      ? [
          `${listText(faded.map((r) => r.symbol))}'s ${formatWindow(dayPlus1)} was not significant, so the lift did not last into the next session`,
        ]
      : []),
  ]
  return {
    id: 'stargate-lifted-partners',
    claim: 'Stargate lifted its partners’ shares',
    source: NEWS_SOURCES.fastCompanyStargate,
    verdict,
    rule: `Group rule on the listed partners with data (${STARGATE_PARTNERS.join(', ')}): supported when every ${DAY0_AR_RULE} is significantly positive, partly when some are, wrong when all are significantly negative. Day 0 is the first session after the announcement.`,
    borderline: borderlineMoves(rows),
    summary:
      `On ${formatFullDate(stargate.day0)} ${listText(lifted)} had significantly positive abnormal returns` +
      `${notLifted.length > 0 ? ` but ${listText(notLifted)} did not (${listText(rows.filter((r) => notLifted.includes(r.symbol)).map((r) => withTp(r.row.abnormalReturn, r.move)))})` : ''}` +
      `${caveats.length > 0 ? `; ${caveats.join('; ')}` : ''}.`,
    evidence: [
      ...rows.map((r) => {
        const c = carOf(r.row, dayPlus1)
        return {
          label: `${r.symbol} (${r.row.name})`,
          value: `day 0 ${formatPercent(r.row.return, 2)}; abnormal ${withTp(r.row.abnormalReturn, r.move)}; ${formatWindow(dayPlus1)} ${c?.car === null || c?.car === undefined ? 'n/a' : withTp(c.car, { t: c.t, p: carP(c, r.row) })}`,
        }
      }),
      {
        label: 'Benchmark',
        value: `${stargate.benchmark} for all ${rows.length}; no local index for Tokyo is in the data`,
      },
    ],
    link: link({
      symbols: [...STARGATE_PARTNERS, BENCHMARK],
      ...sessionsAround(stargate.day0, STORY_WEEK_SESSIONS),
      mode: 'percent',
      base: rows[0]?.row.prevDate ?? stargate.day0,
      event: STARGATE_EVENT_ID,
    }),
  }
}

/** SPY's day-0 return against its own estimation window: the constant-mean event study of the benchmark. */
function marketOwnMove(bars: readonly Bar[], day0: string): AbnormalMove & { t: number | null; df: number } {
  const study = eventStudy({
    stock: bars,
    market: bars,
    day0,
    model: 'constant-mean',
    windows: [],
    labels: { stock: BENCHMARK, market: BENCHMARK },
  })
  return { abnormalReturn: study.abnormalReturn, t: study.tAR, p: study.pAR, df: study.df }
}

/**
 * The claims of the explainer video (in the order it makes them) and two from news coverage, each checked against
 * the price data (through the price service), the event-study functions and the event catalog. No number here is
 * typed in: only the claims' own figures are.
 */
export async function evaluateClaims(): Promise<CheckedClaim[]> {
  const selloffDay0 = requireEvent(SELLOFF_EVENT_ID).tradingDate
  const recoverySymbols = [...MARKET_SYMBOLS, ...RECOVERY_CONTEXT]
  const [selloff, stargate, prices] = await Promise.all([
    computeReaction({ symbols: SELLOFF_SYMBOLS, event: SELLOFF_EVENT_ID, benchmark: BENCHMARK }),
    computeReaction({
      symbols: STARGATE_PARTNERS,
      event: STARGATE_EVENT_ID,
      benchmark: BENCHMARK,
      windows: STARGATE_WINDOWS,
    }),
    getPriceService().getPrices({ symbols: recoverySymbols, from: DATA_WINDOW.from, to: DATA_WINDOW.to }),
  ])
  const barsOf = (symbol: string) => prices.series.find((s) => s.symbol === symbol)?.bars ?? []
  const measures = recoverySymbols
    .map((s) => measureRecovery(s, barsOf(s), selloffDay0))
    .filter((m): m is RecoveryMeasure => m !== null)
  const marketOwn = marketOwnMove(barsOf(BENCHMARK), selloffDay0)
  return [
    stargateDateClaim(),
    stargateSumsClaim(),
    muskClaim(),
    r1TimingClaim(),
    janusClaim(),
    nvdaDropClaim(selloff),
    nvdaValueClaim(selloff),
    buyersClaim(selloff),
    recoveryClaim(selloff, measures),
    chipsNotMarketClaim(selloff, marketOwn),
    stargateClaim(stargate),
  ]
}
