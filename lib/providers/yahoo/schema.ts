/**
 * Vendor types for Yahoo's chart v8 payload. These describe Yahoo's wire format only; the app's own types
 * live in `lib/types.ts` and the two meet in `reshape.ts`.
 *
 * `yahooChartResultSchema` describes `chart.result[0]` of the HTTP body, checked against the JSON exactly as it
 * came off the wire (no coercion: a timestamp `"2020-01-02"` is an error, not the number 2020).
 *
 * Only the fields the app reads are declared; the rest of `meta` (and `events`) is stripped, so a change
 * in a field we never show cannot fail a request.
 */
import { z } from 'zod'

const nullableNumberSeries = z.array(z.number().nullable())

/** True when `Intl` knows the zone (a bad name would make date formatting throw later). */
export function isUsableTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * An ISO 4217 code (`USD`), or one of Yahoo's minor-unit spellings of one (`GBp` for pence, `ZAc` for cents).
 * Letters only, so a currency can never carry a formula, a comma or a line break into a CSV cell.
 */
export const CURRENCY_PATTERN = /^(?:[A-Z]{3}|[A-Z]{2}[a-z])$/

/** Names are shown and exported; a longer one is not a company name. */
const MAX_NAME_LENGTH = 200

/**
 * Bars are placed on dates between 1900 and 2100 only: a timestamp outside that span is a corrupt field (the
 * exchange calendars and the date helpers know nothing there, and year 0100 would be rendered as such).
 */
export const MIN_TIMESTAMP = Date.UTC(1900, 0, 1) / 1000
export const MAX_TIMESTAMP = Date.UTC(2100, 0, 1) / 1000

/**
 * Most timestamps one payload may hold, whatever the window: one per calendar day of the longest window the price
 * service asks for (eleven calendar years, 4,018 days) with room to spare. A daily window holds about 252 per year.
 */
export const MAX_TIMESTAMPS = 5_000

export const yahooChartMetaSchema = z.object({
  symbol: z.string().min(1).max(40),
  // Yahoo sends `null` for some instruments (warrants, e.g. LUCYW); absent is treated the same.
  currency: z.string().regex(CURRENCY_PATTERN, 'currency must be a three-letter code').nullable().optional(),
  exchangeTimezoneName: z.string().max(64).optional(),
  gmtoffset: z
    .number()
    .int()
    .min(-16 * 3600)
    .max(16 * 3600)
    .optional(),
  instrumentType: z.string().max(40).optional(),
  longName: z.string().max(MAX_NAME_LENGTH).nullable().optional(),
  shortName: z.string().max(MAX_NAME_LENGTH).nullable().optional(),
})

/** One element of `indicators.quote`. Yahoo sends `{}` (no arrays at all) when the range has no bars. */
export const yahooChartQuoteSchema = z.object({
  open: nullableNumberSeries.optional(),
  high: nullableNumberSeries.optional(),
  low: nullableNumberSeries.optional(),
  close: nullableNumberSeries.optional(),
  volume: nullableNumberSeries.optional(),
})

export const yahooChartAdjCloseSchema = z.object({
  adjclose: nullableNumberSeries.optional(),
})

const QUOTE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const

export const yahooChartResultSchema = z
  .object({
    meta: yahooChartMetaSchema,
    // Absent when the range holds no bars. Negative values are legitimate (pre-1970 index history).
    timestamp: z.array(z.number().int().min(MIN_TIMESTAMP).max(MAX_TIMESTAMP)).max(MAX_TIMESTAMPS).optional(),
    indicators: z.object({
      quote: z.array(yahooChartQuoteSchema),
      adjclose: z.array(yahooChartAdjCloseSchema).optional(),
    }),
  })
  .superRefine((result, ctx) => {
    const { meta, timestamp, indicators } = result
    const zone = meta.exchangeTimezoneName
    // A zone name we cannot resolve would put every bar on a guessed date: the payload is unusable. Without a
    // name, `gmtoffset` places the bars (and the exchange calendar still checks them, see reshape.ts).
    if (zone !== undefined && !isUsableTimeZone(zone)) {
      ctx.addIssue({ code: 'custom', path: ['meta', 'exchangeTimezoneName'], message: 'unknown time zone' })
    } else if (zone === undefined && meta.gmtoffset === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['meta', 'exchangeTimezoneName'],
        message: 'no exchange time zone and no gmtoffset',
      })
    }

    const rows = timestamp?.length ?? 0
    if (rows === 0) {
      // The empty shape is `quote: [{}]` on the wire (`quote: []` is accepted too); anything holding values
      // without timestamps cannot be placed on a date.
      indicators.quote.forEach((q, i) => {
        for (const field of QUOTE_FIELDS) {
          if ((q[field]?.length ?? 0) > 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['indicators', 'quote', i, field],
              message: 'values without timestamps',
            })
          }
        }
      })
      return
    }

    const quote = indicators.quote[0]
    if (quote === undefined) {
      ctx.addIssue({ code: 'custom', path: ['indicators', 'quote'], message: 'timestamps without quotes' })
      return
    }
    // Arrays are matched to timestamps by index, so a length mismatch would shift every price onto the
    // wrong day.
    for (const field of QUOTE_FIELDS) {
      const series = quote[field]
      if (series === undefined || series.length !== rows) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', 'quote', 0, field],
          message: `expected ${rows} values, got ${series?.length ?? 'none'}`,
        })
      }
    }
    const adjclose = indicators.adjclose?.[0]?.adjclose
    if (adjclose !== undefined && adjclose.length !== rows) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', 'adjclose', 0, 'adjclose'],
        message: `expected ${rows} values, got ${adjclose.length}`,
      })
    }
  })

/** The whole HTTP body of `GET /v8/finance/chart/<symbol>`, success or error. */
export const yahooChartResponseSchema = z.object({
  chart: z.object({
    result: z.array(z.unknown()).nullable(),
    error: z
      .object({
        code: z.string(),
        description: z.string().nullable().optional(),
      })
      .nullable()
      .optional(),
  }),
})

export type YahooChartMeta = z.infer<typeof yahooChartMetaSchema>
export type YahooChartResult = z.infer<typeof yahooChartResultSchema>
export type YahooChartResponse = z.infer<typeof yahooChartResponseSchema>

/** The number of timestamps a result claims, read without walking them (so a cap is checked before any per-row work). */
function timestampCount(result: unknown): number {
  if (typeof result !== 'object' || result === null) return 0
  const timestamp = (result as { timestamp?: unknown }).timestamp
  return Array.isArray(timestamp) ? timestamp.length : 0
}

/**
 * Validates a full HTTP body and returns its single chart result. Throws a `ZodError` (or a plain `Error`
 * for an error body, an empty `result` array or more than `maxTimestamps` rows) when the body is not a usable chart.
 */
export function parseChartResponse(body: unknown, maxTimestamps: number = MAX_TIMESTAMPS): YahooChartResult {
  const response = yahooChartResponseSchema.parse(body)
  if (response.chart.error) {
    throw new Error(`chart error: ${response.chart.error.code}`)
  }
  const first = response.chart.result?.[0]
  if (first === undefined) throw new Error('chart result is empty')
  const count = timestampCount(first)
  const cap = Math.min(maxTimestamps, MAX_TIMESTAMPS)
  if (count > cap) throw new Error(`chart holds ${count} timestamps; at most ${cap} expected for this window`)
  return yahooChartResultSchema.parse(first)
}
