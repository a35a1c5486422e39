/**
 * Vendor types for Yahoo's chart v8 payload. These describe Yahoo's wire format only; the app's own types
 * live in `lib/types.ts` and the two meet in `reshape.ts`.
 *
 * `yahooChartResultSchema` is the object yahoo-finance2 `chart(symbol, { return: 'object' })` resolves to,
 * i.e. `chart.result[0]` of the HTTP body. We check it against the JSON as it came off the wire rather than
 * against the library's return value, because the library coerces in place even with `validateResult:
 * false` (a timestamp `"2020-01-02"` comes back as the number `2020`), which would turn a broken payload
 * into plausible-looking 1970 dates.
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

export const yahooChartMetaSchema = z.object({
  symbol: z.string().min(1),
  // Yahoo sends `null` for some instruments (warrants, e.g. LUCYW); absent is treated the same.
  currency: z.string().nullable().optional(),
  exchangeTimezoneName: z.string().optional(),
  gmtoffset: z.number().optional(),
  longName: z.string().nullable().optional(),
  shortName: z.string().nullable().optional(),
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
    timestamp: z.array(z.number().int()).optional(),
    indicators: z.object({
      quote: z.array(yahooChartQuoteSchema),
      adjclose: z.array(yahooChartAdjCloseSchema).optional(),
    }),
  })
  .superRefine((result, ctx) => {
    const { meta, timestamp, indicators } = result
    const zone = meta.exchangeTimezoneName
    const zoneOk = zone !== undefined && isUsableTimeZone(zone)
    if (!zoneOk && meta.gmtoffset === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['meta', 'exchangeTimezoneName'],
        message: 'no usable exchange time zone and no gmtoffset',
      })
    }

    const rows = timestamp?.length ?? 0
    if (rows === 0) {
      // The empty shape is `quote: [{}]` on the wire and `quote: []` after yahoo-finance2's own clean-up;
      // anything holding values without timestamps cannot be placed on a date.
      indicators.quote.forEach((q, i) => {
        for (const field of QUOTE_FIELDS) {
          if ((q[field]?.length ?? 0) > 0) {
            ctx.addIssue({ code: 'custom', path: ['indicators', 'quote', i, field], message: 'values without timestamps' })
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

/**
 * Validates a full HTTP body and returns its single chart result. Throws a `ZodError` (or a plain `Error`
 * for an error body or an empty `result` array) when the body is not a usable chart.
 */
export function parseChartResponse(body: unknown): YahooChartResult {
  const response = yahooChartResponseSchema.parse(body)
  if (response.chart.error) {
    throw new Error(`chart error: ${response.chart.error.code}`)
  }
  const first = response.chart.result?.[0]
  if (first === undefined) throw new Error('chart result is empty')
  return yahooChartResultSchema.parse(first)
}
