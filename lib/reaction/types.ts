import type {
  CarPathPoint,
  CarResult,
  EventDay,
  EventStudyResult,
  EventWindow,
  ModelKind,
  Pairing,
  PortfolioResult,
  SharesAsOfKind,
} from '../analysis'
import type { ReaderSession } from './exchanges'
import type { IsoDate, PriceSource } from '../types'

/**
 * The served shape of `GET /api/reaction`. Kept apart from the server code so client components can import
 * it without pulling in the price service. Returns, abnormal returns and CARs are decimal fractions, money is
 * in the series' currency units, nothing is rounded.
 */

export interface ReactionRequest {
  symbols: readonly string[]
  /** Day 0 as a date; exactly one of `date` and `event` is given. */
  date?: IsoDate
  /** Day 0 as an event of the catalog: its effective trading date. */
  event?: string
  benchmark?: string
  estimation?: number
  gap?: number
  windows?: readonly EventWindow[]
  model?: ModelKind
  /** `auto` (the default): time-matched for a listing that closes before the benchmark opens, else same-date. */
  pairing?: PairingChoice
  /** With `date`: when the reader's own event happened that day, in US hours; each row's day 0 follows from it. */
  session?: ReaderSession
  /** Days of the CAR path for the figure. */
  path?: EventWindow
  signal?: AbortSignal
}

export type PairingChoice = 'auto' | Pairing

export interface ReactionEvent {
  id: string
  title: string
  /** When the event itself happened (local date of the place it happened). */
  date: IsoDate
  time: string | null
  session: string
  /** First US session that could react: day 0. */
  tradingDate: IsoDate
}

export interface ReactionEstimation {
  /** Date of day -(gap + estimation). */
  from: IsoDate
  /** Date of day -(gap + 1). */
  to: IsoDate
  /** Sessions actually used in the regression. */
  sessions: number
  requested: number
}

export interface ReactionMethod {
  benchmark: string
  benchmarkName: string
  /** Day 0 on the benchmark's calendar; each row carries its own (`rows[].day0`). */
  day0: IsoDate
  /** How day 0 was given: a catalog event, a date with the reader's session, or a date taken as day 0 itself. */
  day0Rule: string
  /** The reader's session when day 0 was given as a date plus `session`. */
  session: ReaderSession | null
  /** The estimation window on the benchmark's calendar; `requested` is the `estimation` parameter. */
  estimation: ReactionEstimation
  gap: number
  windows: [number, number][]
  path: [number, number]
  model: ModelKind
  /** The requested pairing; each row says which one it used (`rows[].pairing`). */
  pairing: PairingChoice
  /** Every variance (and so every t and p) includes the estimation error of the model's parameters. */
  variance: 'prediction-error'
  returns: 'simple, adjusted close'
  abnormalReturn: string
  tStatistic: string
  /** How each row's benchmark return is paired with its sessions. */
  pairingRule: string
  marketCapChange: string
  recovery: {
    rule: string
    /** Last session of the data searched; a recovery after it is "not within the data". */
    dataThrough: IsoDate | null
  }
}

/** A CAR window exactly as the event study reports it. */
export type ReactionCar = CarResult

export interface ReactionShares {
  shares: number
  asOf: IsoDate
  asOfKind: SharesAsOfKind
  source: { title: string; url: string }
  note: string
}

/** The event study's numbers for day 0 (see lib/analysis), plus what the table needs around them. */
export interface ReactionRow extends Pick<
  EventStudyResult,
  | 'day0'
  | 'model'
  | 'pairing'
  | 'prevDate'
  | 'prevClose'
  | 'close'
  | 'return'
  | 'marketReturn'
  | 'marketDate'
  | 'expectedReturn'
  | 'alpha'
  | 'beta'
  | 'dimsonSlopes'
  | 's'
  | 'df'
  | 'abnormalReturn'
  | 'sdAR'
  | 'tAR'
  | 'pAR'
> {
  symbol: string
  name: string
  currency: string | null
  source: PriceSource
  car: ReactionCar[]
  /** Abnormal return of each event day the windows and the path reach. */
  days: EventDay[]
  /** CAR(t1, t) over the path's days, with its prediction-error standard deviation. */
  path: CarPathPoint[]
  estimation: ReactionEstimation & { excluded: IsoDate[] }
  /** `shares x (close - prevClose)` with a sourced share count; null when there is none (see `sharesMissing`). */
  marketCapChange: number | null
  shares: ReactionShares | null
  /** Why there is no market-value change; null when there is one. */
  sharesMissing: string | null
  /** First session after day 0 closing at or above day -1's close; null when not within the data. */
  recovery: { date: IsoDate; sessions: number } | null
  /** Last session of this symbol's data that was searched for the recovery. */
  dataThrough: IsoDate
}

export interface ReactionResult {
  day0: IsoDate
  benchmark: string
  event?: ReactionEvent
  method: ReactionMethod
  rows: ReactionRow[]
  /** AAR, CAAR and the six tests over the rows other than the benchmark itself. */
  portfolio: PortfolioResult
  /** Where the prices came from; the route sets its cache lifetime from it. */
  sources: PriceSource[]
  warnings: string[]
}
