import type { CarResult, EventStudyResult, EventWindow, SharesAsOfKind } from '../analysis'
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
  signal?: AbortSignal
}

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
  day0: IsoDate
  /** The estimation window on the benchmark's calendar; a row on another calendar carries its own. */
  estimation: ReactionEstimation
  gap: number
  windows: [number, number][]
  model: 'market model (OLS)'
  returns: 'simple, adjusted close'
  abnormalReturn: string
  tStatistic: string
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
export interface ReactionRow
  extends Pick<
    EventStudyResult,
    'prevDate' | 'prevClose' | 'close' | 'return' | 'marketReturn' | 'expectedReturn' | 'alpha' | 'beta' | 's' | 'abnormalReturn' | 'tAR'
  > {
  symbol: string
  name: string
  currency: string | null
  source: PriceSource
  car: ReactionCar[]
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
  /** Where the prices came from; the route sets its cache lifetime from it. */
  sources: PriceSource[]
  warnings: string[]
}
