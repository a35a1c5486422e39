import type { Bar, IsoDate, PriceSource } from '../types'

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
  | 'unreachable' // no answer at all: the host could not be reached (this server is offline, DNS fails)
  | 'upstream' // any other upstream failure (5xx, a broken connection)

export class ProviderError extends Error {
  override readonly name = 'ProviderError'
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly options: { provider: PriceSource; symbol: string; retryAfterSeconds?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause })
  }
}
