import type { Bar, IsoDate } from '../types'
import { AnalysisError } from './errors'
import { ols, type OlsFit } from './ols'
import { dailyReturns, simpleReturn } from './returns'
import { assertAscending, nearestSessions, sessionIndex } from './sessions'

/** `[t1, t2]` in sessions relative to day 0, both ends included. */
export type EventWindow = readonly [number, number]

export const DEFAULT_ESTIMATION = 120
export const DEFAULT_GAP = 10
export const DEFAULT_WINDOWS: readonly EventWindow[] = [
  [0, 0],
  [0, 1],
  [-1, 1],
  [0, 5],
]

export interface MarketModel {
  alpha: number
  beta: number
}

export interface EventStudyInput {
  stock: readonly Bar[]
  /** The benchmark (market) series, e.g. SPY. */
  market: readonly Bar[]
  day0: IsoDate
  /** Sessions in the estimation window. */
  estimation?: number
  /** Sessions left out between the estimation window and day 0. */
  gap?: number
  windows?: readonly EventWindow[]
  /** Names used in error messages, e.g. `{ stock: 'NVDA', market: 'SPY' }`. */
  labels?: { stock?: string; market?: string }
}

export type IncompleteReason = 'past_end_of_data' | 'before_start_of_data' | 'benchmark_gap'

export interface CarResult {
  window: [number, number]
  /** Sum of the daily abnormal returns, or null when any day of the window is unavailable. */
  car: number | null
  /** `CAR / (s * sqrt(L))`; null when `car` is null or the market model fits exactly (s = 0). */
  t: number | null
  /** Date of day t1, or null when that session is not in the data. */
  from: IsoDate | null
  /** Date of day t2, or null when that session is not in the data (yet). */
  to: IsoDate | null
  complete: boolean
  /** Why the window is incomplete; null when complete. */
  incomplete: IncompleteReason | null
}

export interface EventStudyResult {
  day0: IsoDate
  /** Session before day 0 on the stock's calendar (day -1). */
  prevDate: IsoDate
  /** Raw (not dividend-adjusted) closes, the prices a reader sees quoted. */
  prevClose: number
  close: number
  /** Day-0 simple return on adjusted closes. */
  return: number
  marketReturn: number
  /** `alpha + beta * marketReturn`. */
  expectedReturn: number
  alpha: number
  beta: number
  /** Residual standard error of the market model over the estimation window. */
  s: number
  estimation: {
    /** Date of day -(gap + estimation). */
    from: IsoDate
    /** Date of day -(gap + 1). */
    to: IsoDate
    /** Sessions actually used in the regression (M in `s^2 = SSR / (M - 2)`). */
    sessions: number
    requested: number
    gap: number
    /** Stock sessions in the window that were left out because the benchmark had no session that day. */
    excluded: IsoDate[]
  }
  abnormalReturn: number
  /** `abnormalReturn / s`; null when the model fits the estimation window exactly, where t is undefined. */
  tAR: number | null
  car: CarResult[]
}

export interface AbnormalReturnPoint {
  date: IsoDate
  /** Sessions relative to day 0 on the stock's calendar, when a day 0 was given and is a stock session. */
  day: number | null
  stockReturn: number
  /** Null when the benchmark has no session (or no return) on this date. */
  marketReturn: number | null
  expectedReturn: number | null
  abnormalReturn: number | null
}

interface AlignedDay {
  date: IsoDate
  stockReturn: number
  marketReturn: number | null
}

/**
 * Stock returns on the stock's own bars, each paired with the benchmark's return for the same date computed
 * on the benchmark's own bars. Index i of the result belongs to bar i of `stock`; bar 0 has no return.
 */
function alignReturns(stock: readonly Bar[], market: readonly Bar[]): (AlignedDay | undefined)[] {
  const marketByDate = new Map(dailyReturns(market).map((r) => [r.date, r.value] as const))
  return stock.map((bar, i) => {
    const prev = stock[i - 1]
    if (!prev) return undefined
    return { date: bar.date, stockReturn: simpleReturn(prev, bar), marketReturn: marketByDate.get(bar.date) ?? null }
  })
}

function abnormalOf(day: AlignedDay, model: MarketModel): number | null {
  return day.marketReturn === null ? null : day.stockReturn - (model.alpha + model.beta * day.marketReturn)
}

/** Daily abnormal returns `AR_t = R_t - (alpha + beta R_m,t)` for the stock sessions in `[from, to]`. */
export function abnormalReturns(input: {
  stock: readonly Bar[]
  market: readonly Bar[]
  model: MarketModel
  from?: IsoDate
  to?: IsoDate
  day0?: IsoDate
}): AbnormalReturnPoint[] {
  const { stock, market, model, from, to, day0 } = input
  assertAscending(stock, 'stock bars')
  assertAscending(market, 'benchmark bars')
  const k0 = day0 === undefined ? undefined : sessionIndex(stock).get(day0)
  const out: AbnormalReturnPoint[] = []
  alignReturns(stock, market).forEach((day, i) => {
    if (!day || (from !== undefined && day.date < from) || (to !== undefined && day.date > to)) return
    const expected = day.marketReturn === null ? null : model.alpha + model.beta * day.marketReturn
    out.push({
      date: day.date,
      day: k0 === undefined ? null : i - k0,
      stockReturn: day.stockReturn,
      marketReturn: day.marketReturn,
      expectedReturn: expected,
      abnormalReturn: abnormalOf(day, model),
    })
  })
  return out
}

function checkParameters(estimation: number, gap: number, windows: readonly EventWindow[]): void {
  if (!Number.isInteger(estimation) || estimation < 3) {
    throw new RangeError(`estimation must be an integer of at least 3 sessions, got ${estimation}`)
  }
  if (!Number.isInteger(gap) || gap < 0) throw new RangeError(`gap must be a non-negative integer, got ${gap}`)
  for (const [t1, t2] of windows) {
    if (!Number.isInteger(t1) || !Number.isInteger(t2) || t1 > t2) {
      throw new RangeError(`window [${t1}, ${t2}] must be two integers with t1 <= t2`)
    }
  }
}

function notASession(day0: IsoDate, bars: readonly Bar[], label: string, series: 'stock' | 'market'): AnalysisError {
  const { before, after } = nearestSessions(bars, day0)
  return new AnalysisError(
    'day0_not_trading',
    `${day0} is not a trading session of ${label}. The nearest sessions are ` +
      `${before ?? 'none in the data'} (before) and ${after ?? 'none in the data'} (after).`,
    { date: day0, series, before, after },
  )
}

/**
 * Market-model event study (see "Event-study definitions" in DESIGN.md).
 *
 * Days are counted in sessions of the stock's own calendar. Each series' returns are computed on its own
 * bars and then paired by date, so a stock session on which the benchmark did not trade is left out of the
 * estimation (listed in `estimation.excluded`) and makes any CAR window containing it incomplete. Day 0
 * must be a session of both the stock and the benchmark.
 */
export function eventStudy(input: EventStudyInput): EventStudyResult {
  const { stock, market, day0 } = input
  const estimation = input.estimation ?? DEFAULT_ESTIMATION
  const gap = input.gap ?? DEFAULT_GAP
  const windows = input.windows ?? DEFAULT_WINDOWS
  const stockLabel = input.labels?.stock ?? 'the stock'
  const marketLabel = input.labels?.market ?? 'the benchmark'
  checkParameters(estimation, gap, windows)
  assertAscending(stock, 'stock bars')
  assertAscending(market, 'benchmark bars')

  const k0 = sessionIndex(stock).get(day0)
  if (k0 === undefined) throw notASession(day0, stock, stockLabel, 'stock')
  if (!sessionIndex(market).has(day0)) throw notASession(day0, market, marketLabel, 'market')

  // The first estimation return is day -(gap + estimation); it needs the close one session earlier.
  const needed = estimation + gap + 1
  if (k0 < needed) {
    const gapText = gap > 0 ? `, the ${gap}-session gap (days -${gap} to -1)` : ''
    throw new AnalysisError(
      'insufficient_estimation',
      `${stockLabel} has ${k0} sessions before ${day0} in the data` +
        `${stock[0] ? ` (from ${stock[0].date})` : ''}; the event study needs ${needed}: ` +
        `${estimation} estimation sessions (days -${gap + estimation} to -${gap + 1})${gapText} ` +
        `and the close of day -${needed} for the first estimation return.`,
      { available: k0, needed, estimation, gap, firstSession: stock[0]?.date ?? null },
    )
  }

  const days = alignReturns(stock, market)
  const day0Row = days[k0]
  const prevBar = stock[k0 - 1]
  const bar0 = stock[k0]
  if (!day0Row || !prevBar || !bar0) throw new Error('unreachable: k0 >= needed >= 4')
  if (day0Row.marketReturn === null) {
    throw new AnalysisError(
      'insufficient_data',
      `${day0} is the first session of ${marketLabel} in the data, so its day-0 return is unknown.`,
      { date: day0, series: 'market' },
    )
  }

  const firstEst = k0 - gap - estimation
  const lastEst = k0 - gap - 1
  const xs: number[] = []
  const ys: number[] = []
  const excluded: IsoDate[] = []
  for (let k = firstEst; k <= lastEst; k++) {
    const day = days[k]
    if (!day) continue
    if (day.marketReturn === null) excluded.push(day.date)
    else {
      xs.push(day.marketReturn)
      ys.push(day.stockReturn)
    }
  }
  const estFrom = stock[firstEst]?.date ?? ''
  const estTo = stock[lastEst]?.date ?? ''
  if (xs.length < 3) {
    throw new AnalysisError(
      'insufficient_estimation',
      `Only ${xs.length} of the ${estimation} estimation sessions (${estFrom} to ${estTo}) have a ` +
        `${marketLabel} session on the same date; at least 3 are needed to fit the market model.`,
      { available: xs.length, needed: 3, estimation, gap, excluded: excluded.length },
    )
  }

  let fit: OlsFit
  try {
    fit = ols(xs, ys)
  } catch (error) {
    if (error instanceof AnalysisError && error.code === 'degenerate') {
      throw new AnalysisError(
        'degenerate',
        `${marketLabel} returns do not vary over the estimation window (${estFrom} to ${estTo}), ` +
          'so the market model cannot be estimated.',
        { from: estFrom, to: estTo, sessions: xs.length },
      )
    }
    throw error
  }
  const model: MarketModel = { alpha: fit.alpha, beta: fit.beta }
  const tOf = (value: number, length: number): number | null =>
    fit.exact ? null : value / (fit.s * Math.sqrt(length))

  const expectedReturn = model.alpha + model.beta * day0Row.marketReturn
  const abnormalReturn = day0Row.stockReturn - expectedReturn

  const car = windows.map(([t1, t2]): CarResult => {
    const from = stock[k0 + t1]?.date ?? null
    const to = stock[k0 + t2]?.date ?? null
    const incompleteResult = (reason: IncompleteReason): CarResult => ({
      window: [t1, t2],
      car: null,
      t: null,
      from,
      to,
      complete: false,
      incomplete: reason,
    })
    if (k0 + t2 >= stock.length) return incompleteResult('past_end_of_data')
    // Day t needs the close of day t-1, so the earliest day with a return is bar 1.
    if (k0 + t1 < 1) return incompleteResult('before_start_of_data')
    let sum = 0
    for (let k = k0 + t1; k <= k0 + t2; k++) {
      const day = days[k]
      const ar = day ? abnormalOf(day, model) : null
      if (ar === null) return incompleteResult('benchmark_gap')
      sum += ar
    }
    return { window: [t1, t2], car: sum, t: tOf(sum, t2 - t1 + 1), from, to, complete: true, incomplete: null }
  })

  return {
    day0,
    prevDate: prevBar.date,
    prevClose: prevBar.close,
    close: bar0.close,
    return: day0Row.stockReturn,
    marketReturn: day0Row.marketReturn,
    expectedReturn,
    alpha: fit.alpha,
    beta: fit.beta,
    s: fit.s,
    estimation: { from: estFrom, to: estTo, sessions: xs.length, requested: estimation, gap, excluded },
    abnormalReturn,
    tAR: tOf(abnormalReturn, 1),
    car,
  }
}

/**
 * Day-0 change in market value, `shares x (close - prevClose)`, on raw closes: adjusted closes are scaled
 * by later dividends and would misstate the money that changed hands that day.
 */
export function marketCapChange(sharesOutstanding: number, close: number, prevClose: number): number {
  if (!Number.isFinite(sharesOutstanding) || sharesOutstanding <= 0) {
    throw new RangeError(`sharesOutstanding must be a positive number, got ${sharesOutstanding}`)
  }
  if (!Number.isFinite(close) || !Number.isFinite(prevClose)) {
    throw new RangeError(`close and prevClose must be finite, got ${close} and ${prevClose}`)
  }
  return sharesOutstanding * (close - prevClose)
}

export interface Recovery {
  date: IsoDate
  /** Sessions after day 0 (day +1 = 1). */
  sessions: number
}

/**
 * The first session after day 0 whose raw close is at or above the raw close of day -1, or null if that has
 * not happened within the data.
 */
export function recovery(bars: readonly Bar[], day0: IsoDate, label = 'the stock'): Recovery | null {
  assertAscending(bars)
  const k0 = sessionIndex(bars).get(day0)
  if (k0 === undefined) throw notASession(day0, bars, label, 'stock')
  const prev = bars[k0 - 1]
  if (!prev) {
    throw new AnalysisError(
      'insufficient_data',
      `${day0} is the first session of ${label} in the data, so there is no previous close to recover to.`,
      { date: day0 },
    )
  }
  for (let k = k0 + 1; k < bars.length; k++) {
    const bar = bars[k]
    if (bar && bar.close >= prev.close) return { date: bar.date, sessions: k - k0 }
  }
  return null
}
