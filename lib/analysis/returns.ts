import type { Bar, IsoDate } from '../types'
import { AnalysisError } from './errors'
import { assertAscending } from './sessions'

export interface DatedValue {
  date: IsoDate
  value: number
}

export type PriceField = 'adjClose' | 'close'

function usable(price: number): boolean {
  return Number.isFinite(price) && price > 0
}

/**
 * The two prices a return (or a rebased value) is computed from. Both ends always use the same basis:
 * adjusted close when both bars have one, otherwise raw close for both, because dividing an adjusted price
 * by a raw one would report the adjustment factor as a price move.
 */
export function pricePair(from: Bar, to: Bar, field: PriceField = 'adjClose'): { from: number; to: number } {
  if (field === 'adjClose' && usable(from.adjClose) && usable(to.adjClose)) {
    return { from: from.adjClose, to: to.adjClose }
  }
  if (usable(from.close) && usable(to.close)) return { from: from.close, to: to.close }
  const bad = usable(from.close) ? to : from
  throw new AnalysisError('degenerate', `No usable price on ${bad.date}: the close is ${bad.close}.`, {
    date: bad.date,
    close: bad.close,
  })
}

/** Simple return `P_to / P_from - 1` on adjusted closes (raw closes where an adjusted close is missing). */
export function simpleReturn(from: Bar, to: Bar): number {
  const p = pricePair(from, to)
  return p.to / p.from - 1
}

/**
 * The change from one bar to another as a decimal fraction, by the same rule as every return here (`pricePair`),
 * or null when either bar has no usable price: what a chart or an export shows instead of failing.
 */
export function changeBetween(from: Bar, to: Bar): number | null {
  try {
    const p = pricePair(from, to)
    return p.to / p.from - 1
  } catch (error) {
    if (error instanceof AnalysisError) return null
    throw error
  }
}

/**
 * The base session for a requested base date: the last session on or before it, else the first one after it
 * (a base before the data starts). Bars ascending.
 */
export function baseSession<B extends Pick<Bar, 'date'>>(bars: readonly B[], baseDate: IsoDate): B | undefined {
  let candidate: B | undefined
  for (const bar of bars) {
    if (bar.date <= baseDate) candidate = bar
    else break
  }
  return candidate ?? bars[0]
}

/** Daily simple returns `R_t = P_t / P_{t-1} - 1`; the first bar has no previous close and so no return. */
export function dailyReturns(bars: readonly Bar[]): DatedValue[] {
  assertAscending(bars)
  const out: DatedValue[] = []
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1]
    const cur = bars[i]
    if (prev && cur) out.push({ date: cur.date, value: simpleReturn(prev, cur) })
  }
  return out
}

export interface RebasedSeries {
  requestedBaseDate: IsoDate
  /** The session used as the base: the last one on or before the requested date, else the first one after it. */
  baseDate: IsoDate
  field: PriceField
  /** Change since the base session as a decimal fraction (0.1 = +10%); 0 on the base session. */
  points: DatedValue[]
}

/**
 * Percent change of every session relative to a base session. A base date that is not a session (weekend,
 * holiday) falls back to the last session before it, so "since the close on Friday" reads naturally; a base
 * date before the data starts uses the first session, and `baseDate` says which one was used.
 */
export function rebase(bars: readonly Bar[], baseDate: IsoDate, field: PriceField = 'adjClose'): RebasedSeries {
  assertAscending(bars)
  const base = baseSession(bars, baseDate)
  if (!base) throw new AnalysisError('insufficient_data', 'There are no prices to rebase.', { baseDate })
  const points = bars.map((bar) => {
    const p = pricePair(base, bar, field)
    return { date: bar.date, value: p.to / p.from - 1 }
  })
  return { requestedBaseDate: baseDate, baseDate: base.date, field, points }
}
