import type { Bar, IsoDate, PriceSource } from '../types'
import type { RejectedBar } from './bar-rules'

export interface DailyBarsRequest {
  symbol: string
  from: IsoDate
  to: IsoDate
  signal?: AbortSignal
}

export interface DailyBarsResult {
  symbol: string
  name: string
  currency: string | null
  /** IANA time zone of the exchange the dates are local to. */
  exchangeTimezone: string
  bars: Bar[]
  /** Sessions the source listed with missing values, left out rather than filled (the caller may warn). */
  droppedDates?: IsoDate[]
  /** Rows that broke a rule of `bar-rules.ts` and were left out (the caller warns, once per symbol). */
  rejectedBars?: RejectedBar[]
  /** Name of the exchange calendar the dates were checked against, for that warning ("NYSE"). */
  calendarName?: string
}

/** A source of daily bars. Implementations live one per file in `lib/providers/`. */
export interface PriceProvider {
  id: PriceSource
  /** Bars inside [from, to], ascending. Throws a `ProviderError` on failure. */
  getDailyBars(request: DailyBarsRequest): Promise<DailyBarsResult>
}

export type ProviderErrorKind =
  | 'not_found' // the symbol does not exist at the provider
  | 'no_data' // the symbol exists but has no bars in the range
  | 'rate_limited' // upstream said 429
  | 'timeout' // upstream did not answer in time
  | 'bad_payload' // upstream answered with something that failed validation
  | 'upstream' // any other upstream failure (5xx, network)

export interface ProviderErrorOptions {
  provider: PriceSource
  symbol: string
  retryAfterSeconds?: number
  cause?: unknown
  /**
   * Whether asking again soon may help. Defaults by kind: `upstream` and `rate_limited` yes, the rest no. A
   * provider sets `false` for an upstream failure that would repeat (a redirect, a body too large or not
   * decodable), so one bad answer never costs more than one upstream request.
   */
  retryable?: boolean
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  readonly retryable: boolean
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly options: ProviderErrorOptions,
  ) {
    super(message, { cause: options.cause })
    this.retryable = options.retryable ?? (kind === 'upstream' || kind === 'rate_limited')
  }
}
