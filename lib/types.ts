/** An ISO calendar date, `YYYY-MM-DD`, in the exchange's own time zone. */
export type IsoDate = string

/** One daily bar, exactly as the source gives it (no rounding, no filling). */
export interface Bar {
  date: IsoDate
  open: number
  high: number
  low: number
  close: number
  /** Close adjusted for splits and dividends, as the source computed it. */
  adjClose: number
  volume: number
}

import type { PriceSource } from './providers/live'

export type { PriceSource }

/** Bars of one symbol, ascending by date, on the exchange's own trading calendar. */
export interface PriceSeries {
  symbol: string
  name: string
  currency: string | null
  source: PriceSource
  bars: Bar[]
}

export interface DateRange {
  from: IsoDate
  to: IsoDate
}
