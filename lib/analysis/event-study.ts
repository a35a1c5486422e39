import type { Bar, IsoDate } from '../types'
import { AnalysisError } from './errors'
import { studentTwoSidedP } from './distributions'
import { fitModel, type FittedModel, type ModelObservation } from './models'
import {
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_WINDOWS,
  type EventWindow,
  type ModelKind,
  type Pairing,
} from './parameters'
import { simpleReturn } from './returns'
import { assertAscending, nearestSessions, sessionIndex } from './sessions'

export {
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_PATH,
  DEFAULT_WINDOWS,
  PAIRINGS,
  type EventWindow,
  type Pairing,
} from './parameters'

export interface MarketModel {
  alpha: number
  beta: number
}

/** Close instants (epoch ms) of a session date, for time-matched pairing. */
export interface CloseTimes {
  stock: (date: IsoDate) => number
  market: (date: IsoDate) => number
}

export interface EventStudyInput {
  stock: readonly Bar[]
  /** The benchmark (market) series, e.g. SPY. */
  market: readonly Bar[]
  /** Day 0 on the stock's own calendar. */
  day0: IsoDate
  /** Sessions in the estimation window. */
  estimation?: number
  /** Sessions left out between the estimation window and day 0. */
  gap?: number
  windows?: readonly EventWindow[]
  model?: ModelKind
  pairing?: Pairing
  /** Needed for `pairing: 'time-matched'`. */
  closeTimes?: CloseTimes
  /** Days of the CAR path for the figure, CAR(t1, t) for each t in [t1, t2]; none when omitted. */
  path?: EventWindow
  /** Names used in error messages, e.g. `{ stock: 'NVDA', market: 'SPY' }`. */
  labels?: { stock?: string; market?: string }
}

export type IncompleteReason = 'past_end_of_data' | 'before_start_of_data' | 'benchmark_gap'

export interface CarResult {
  window: [number, number]
  /** Sum of the daily abnormal returns, or null when any day of the window is unavailable. */
  car: number | null
  /** SCAR = CAR / sqrt(Var(CAR)) with the prediction-error variance; null when undefined. */
  t: number | null
  /** Two-sided p-value of `t` from Student's t with the model's df. */
  p: number | null
  /** sqrt(Var(CAR)), the prediction-error standard deviation of the CAR. */
  sd: number | null
  /** Date of day t1, or null when that session is not in the data. */
  from: IsoDate | null
  /** Date of day t2, or null when that session is not in the data (yet). */
  to: IsoDate | null
  complete: boolean
  /** Why the window is incomplete; null when complete. */
  incomplete: IncompleteReason | null
}

/** One day of the event period: its abnormal return (null when the benchmark return is missing). */
export interface EventDay {
  day: number
  date: IsoDate
  ar: number | null
}

/** One point of the CAR path: CAR(t1, day) and its prediction-error standard deviation. */
export interface CarPathPoint {
  day: number
  date: IsoDate | null
  car: number | null
  sd: number | null
}

/** One estimation-window abnormal return (the model's residual), placed in event time. */
export interface EstimationResidual {
  day: number
  date: IsoDate
  ar: number
}

export interface EventStudyResult {
  day0: IsoDate
  model: ModelKind
  pairing: Pairing
  /** Session before day 0 on the stock's calendar (day -1). */
  prevDate: IsoDate
  /** Raw (not dividend-adjusted) closes, the prices a reader sees quoted. */
  prevClose: number
  close: number
  /** Day-0 simple return on adjusted closes. */
  return: number
  /** The benchmark return paired with day 0 (shown with every model, so day 0 needs one). */
  marketReturn: number
  /** Date of the benchmark session whose return is paired with day 0. */
  marketDate: IsoDate | null
  /** Normal return of day 0 under the model. */
  expectedReturn: number
  alpha: number
  /** Market beta (the sum of the three slopes for Dimson; 1 market-adjusted; 0 constant mean). */
  beta: number
  /** Dimson's slopes on R_m,t-1, R_m,t, R_m,t+1; absent otherwise. */
  dimsonSlopes?: [number, number, number]
  /** Residual standard error over the estimation window. */
  s: number
  /** Degrees of freedom of s^2 and of every t of this row. */
  df: number
  estimation: {
    /** Date of day -(gap + estimation). */
    from: IsoDate
    /** Date of day -(gap + 1). */
    to: IsoDate
    /** Sessions actually used (M). */
    sessions: number
    requested: number
    gap: number
    /** Stock sessions in the window that were left out because no benchmark return pairs with them. */
    excluded: IsoDate[]
  }
  abnormalReturn: number
  /** sqrt(Var(AR_0)), the prediction-error standard deviation of the day-0 abnormal return. */
  sdAR: number | null
  /** SAR_0 = AR_0 / sdAR; null when the model fits the estimation window exactly. */
  tAR: number | null
  /** Two-sided p-value of tAR from Student's t with df. */
  pAR: number | null
  car: CarResult[]
  /** Abnormal returns of each day from the earliest to the latest day of the windows and the path. */
  days: EventDay[]
  path: CarPathPoint[]
  residuals: EstimationResidual[]
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
  /** The paired benchmark return (R_m,t). */
  marketReturn: number | null
  marketDate: IsoDate | null
  /** Regressors of the market model: `[R_m,t]`, or `[R_m,t-1, R_m,t, R_m,t+1]` with Dimson; null when missing. */
  regressors: number[] | null
}

function returnBetween(bars: readonly Bar[], from: number, to: number): number | null {
  const a = bars[from]
  const b = bars[to]
  return a && b ? simpleReturn(a, b) : null
}

/**
 * Stock returns on the stock's own bars, each paired with a benchmark return computed on the benchmark's own
 * bars. Index i of the result belongs to bar i of `stock`; bar 0 has no return.
 */
function alignReturns(
  stock: readonly Bar[],
  market: readonly Bar[],
  pairing: Pairing,
  closeTimes?: CloseTimes,
): (AlignedDay | undefined)[] {
  const marketIndex = sessionIndex(market)
  const marketReturnAt = (j: number | undefined) => (j === undefined || j < 1 ? null : returnBetween(market, j - 1, j))

  let pairedIndex: (k: number) => number | undefined
  let pairedReturn: (k: number) => number | null
  if (pairing === 'time-matched') {
    if (!closeTimes) throw new RangeError('time-matched pairing needs the close times of both calendars')
    const marketCloses = market.map((b) => closeTimes.market(b.date))
    // Last benchmark bar that closed at or before the stock bar's close (binary search on ascending closes).
    const lastClosedBy = stock.map((bar): number | undefined => {
      const t = closeTimes.stock(bar.date)
      let lo = 0
      let hi = marketCloses.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((marketCloses[mid] ?? Number.POSITIVE_INFINITY) <= t) lo = mid + 1
        else hi = mid
      }
      return lo === 0 ? undefined : lo - 1
    })
    pairedIndex = (k) => lastClosedBy[k]
    pairedReturn = (k) => {
      const j = lastClosedBy[k]
      const jPrev = lastClosedBy[k - 1]
      if (j === undefined || jPrev === undefined || j <= jPrev) return null
      return returnBetween(market, jPrev, j)
    }
  } else {
    pairedIndex = (k) => {
      const bar = stock[k]
      return bar ? marketIndex.get(bar.date) : undefined
    }
    pairedReturn = (k) => marketReturnAt(pairedIndex(k))
  }

  return stock.map((bar, k) => {
    const prev = stock[k - 1]
    if (!prev) return undefined
    const j = pairedIndex(k)
    const marketReturn = pairedReturn(k)
    let regressors: number[] | null = marketReturn === null ? null : [marketReturn]
    if (pairing === 'dimson' && marketReturn !== null && j !== undefined) {
      const lag = marketReturnAt(j - 1)
      const lead = j + 1 < market.length ? marketReturnAt(j + 1) : null
      regressors = lag === null || lead === null ? null : [lag, marketReturn, lead]
    }
    return {
      date: bar.date,
      stockReturn: simpleReturn(prev, bar),
      marketReturn,
      marketDate: marketReturn === null || j === undefined ? null : (market[j]?.date ?? null),
      regressors,
    }
  })
}

/** The model's regressors for a day, or null when the model needs a benchmark return the day lacks. */
function regressorsFor(model: ModelKind, day: AlignedDay): number[] | null {
  return model === 'constant-mean' ? [] : day.regressors
}

/** Daily abnormal returns `AR_t = R_t - (alpha + beta R_m,t)` for the stock sessions in `[from, to]` (same-date pairing). */
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
  alignReturns(stock, market, 'same-date').forEach((day, i) => {
    if (!day || (from !== undefined && day.date < from) || (to !== undefined && day.date > to)) return
    const expected = day.marketReturn === null ? null : model.alpha + model.beta * day.marketReturn
    out.push({
      date: day.date,
      day: k0 === undefined ? null : i - k0,
      stockReturn: day.stockReturn,
      marketReturn: day.marketReturn,
      expectedReturn: expected,
      abnormalReturn: expected === null ? null : day.stockReturn - expected,
    })
  })
  return out
}

function checkParameters(
  estimation: number,
  gap: number,
  windows: readonly EventWindow[],
  path: EventWindow | undefined,
): void {
  if (!Number.isInteger(estimation) || estimation < 3) {
    throw new RangeError(`estimation must be an integer of at least 3 sessions, got ${estimation}`)
  }
  if (!Number.isInteger(gap) || gap < 0) throw new RangeError(`gap must be a non-negative integer, got ${gap}`)
  for (const [t1, t2] of path ? [...windows, path] : windows) {
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

const PAIRING_WORDS: Readonly<Record<Pairing, string>> = {
  'same-date': 'on the same date',
  'time-matched': 'that closed before it',
  dimson: 'on the same date with the sessions before and after it',
}

/**
 * Event study of one stock around one day 0 (see docs/event-study.md).
 *
 * Days are counted in sessions of the stock's own calendar. Each series' returns are computed on its own
 * bars and then paired (see `Pairing`); a stock session with no paired benchmark return is left out of the
 * estimation (listed in `estimation.excluded`) and makes any CAR window containing it incomplete. Every
 * variance is the prediction-error variance, so each t carries the estimation error of the model's parameters.
 */
export function eventStudy(input: EventStudyInput): EventStudyResult {
  const { stock, market, day0 } = input
  const estimation = input.estimation ?? DEFAULT_ESTIMATION
  const gap = input.gap ?? DEFAULT_GAP
  const windows = input.windows ?? DEFAULT_WINDOWS
  const model = input.model ?? 'market'
  const pairing = input.pairing ?? 'same-date'
  const path = input.path
  const stockLabel = input.labels?.stock ?? 'the stock'
  const marketLabel = input.labels?.market ?? 'the benchmark'
  checkParameters(estimation, gap, windows, path)
  if (pairing === 'dimson' && model !== 'market')
    throw new RangeError('Dimson pairing applies to the market model only')
  assertAscending(stock, 'stock bars')
  assertAscending(market, 'benchmark bars')

  const k0 = sessionIndex(stock).get(day0)
  if (k0 === undefined) throw notASession(day0, stock, stockLabel, 'stock')
  if (pairing !== 'time-matched' && !sessionIndex(market).has(day0)) {
    throw notASession(day0, market, marketLabel, 'market')
  }

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

  const days = alignReturns(stock, market, pairing, input.closeTimes)
  const day0Row = days[k0]
  const prevBar = stock[k0 - 1]
  const bar0 = stock[k0]
  if (!day0Row || !prevBar || !bar0) throw new Error('unreachable: k0 >= needed >= 4')
  const x0 = regressorsFor(model, day0Row)
  const marketReturn0 = day0Row.marketReturn
  if (x0 === null || marketReturn0 === null) {
    const why =
      pairing === 'dimson' && day0Row.marketReturn !== null
        ? `${marketLabel} has no session after it in the data, which the lead term of the Dimson model needs`
        : `no ${marketLabel} return pairs with it (a session ${PAIRING_WORDS[pairing]})`
    throw new AnalysisError('insufficient_data', `${day0} cannot be studied for ${stockLabel}: ${why}.`, {
      date: day0,
      series: 'market',
    })
  }

  const firstEst = k0 - gap - estimation
  const lastEst = k0 - gap - 1
  const observations: ModelObservation[] = []
  const used: { k: number; date: IsoDate }[] = []
  const excluded: IsoDate[] = []
  for (let k = firstEst; k <= lastEst; k++) {
    const day = days[k]
    if (!day) continue
    const x = regressorsFor(model, day)
    if (x === null) excluded.push(day.date)
    else {
      observations.push({ y: day.stockReturn, x })
      used.push({ k, date: day.date })
    }
  }
  const estFrom = stock[firstEst]?.date ?? ''
  const estTo = stock[lastEst]?.date ?? ''
  const minimum = pairing === 'dimson' ? 5 : 3
  if (observations.length < minimum) {
    throw new AnalysisError(
      'insufficient_estimation',
      `Only ${observations.length} of the ${estimation} estimation sessions (${estFrom} to ${estTo}) have a ` +
        `${marketLabel} return ${PAIRING_WORDS[pairing]}; at least ${minimum} are needed to fit the model.`,
      { available: observations.length, needed: minimum, estimation, gap, excluded: excluded.length },
    )
  }

  let fit: FittedModel
  try {
    fit = fitModel(model, observations)
  } catch (error) {
    if (error instanceof AnalysisError && error.code === 'degenerate') {
      throw new AnalysisError(
        'degenerate',
        `${marketLabel} returns do not vary over the estimation window (${estFrom} to ${estTo}), ` +
          'so the market model cannot be estimated.',
        { from: estFrom, to: estTo, sessions: observations.length },
      )
    }
    throw error
  }
  const standardize = (value: number, variance: number): number | null =>
    fit.exact || !(variance > 0) ? null : value / Math.sqrt(variance)
  const arOf = (k: number): { ar: number; x: readonly number[] } | null => {
    const day = days[k]
    const x = day ? regressorsFor(model, day) : null
    return day && x ? { ar: day.stockReturn - fit.expected(x), x } : null
  }

  const expectedReturn = fit.expected(x0)
  const abnormalReturn = day0Row.stockReturn - expectedReturn
  const varAR0 = fit.arVariance(x0)
  const tAR = standardize(abnormalReturn, varAR0)

  const car = windows.map(([t1, t2]): CarResult => {
    const from = stock[k0 + t1]?.date ?? null
    const to = stock[k0 + t2]?.date ?? null
    const incompleteResult = (reason: IncompleteReason): CarResult => ({
      window: [t1, t2],
      car: null,
      t: null,
      p: null,
      sd: null,
      from,
      to,
      complete: false,
      incomplete: reason,
    })
    if (k0 + t2 >= stock.length) return incompleteResult('past_end_of_data')
    // Day t needs the close of day t-1, so the earliest day with a return is bar 1.
    if (k0 + t1 < 1) return incompleteResult('before_start_of_data')
    let sum = 0
    const xs: (readonly number[])[] = []
    for (let k = k0 + t1; k <= k0 + t2; k++) {
      const point = arOf(k)
      if (point === null) return incompleteResult('benchmark_gap')
      sum += point.ar
      xs.push(point.x)
    }
    const variance = fit.carVariance(xs)
    const t = standardize(sum, variance)
    return {
      window: [t1, t2],
      car: sum,
      t,
      p: studentTwoSidedP(t, fit.df),
      sd: fit.exact ? null : Math.sqrt(variance),
      from,
      to,
      complete: true,
      incomplete: null,
    }
  })

  const reach = path ? [...windows, path] : windows
  const dMin = Math.min(0, ...reach.map((w) => w[0]))
  const dMax = Math.max(0, ...reach.map((w) => w[1]))
  const eventDays: EventDay[] = []
  for (let d = dMin; d <= dMax; d++) {
    const k = k0 + d
    const date = stock[k]?.date
    if (k < 1 || date === undefined) continue
    eventDays.push({ day: d, date, ar: arOf(k)?.ar ?? null })
  }

  const carPath: CarPathPoint[] = []
  if (path) {
    let sum = 0
    const xs: (readonly number[])[] = []
    let broken = false
    for (let d = path[0]; d <= path[1]; d++) {
      const k = k0 + d
      const point = k >= 1 && k < stock.length ? arOf(k) : null
      if (point === null) broken = true
      if (!broken && point) {
        sum += point.ar
        xs.push(point.x)
      }
      carPath.push({
        day: d,
        date: stock[k]?.date ?? null,
        car: broken ? null : sum,
        sd: broken || fit.exact ? null : Math.sqrt(fit.carVariance(xs)),
      })
    }
  }

  return {
    day0,
    model,
    pairing,
    prevDate: prevBar.date,
    prevClose: prevBar.close,
    close: bar0.close,
    return: day0Row.stockReturn,
    marketReturn: marketReturn0,
    marketDate: day0Row.marketDate,
    expectedReturn,
    alpha: fit.alpha,
    beta: fit.beta,
    ...(pairing === 'dimson'
      ? { dimsonSlopes: [fit.slopes[0] ?? 0, fit.slopes[1] ?? 0, fit.slopes[2] ?? 0] as [number, number, number] }
      : {}),
    s: fit.s,
    df: fit.df,
    estimation: { from: estFrom, to: estTo, sessions: observations.length, requested: estimation, gap, excluded },
    abnormalReturn,
    sdAR: fit.exact ? null : Math.sqrt(varAR0),
    tAR,
    pAR: studentTwoSidedP(tAR, fit.df),
    car,
    days: eventDays,
    path: carPath,
    residuals: used.map((u, i) => ({ day: u.k - k0, date: u.date, ar: fit.residuals[i] ?? Number.NaN })),
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
