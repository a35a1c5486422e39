import { z } from 'zod'
import type { ByteCacheCodec } from '../limits'
import { PRICE_SOURCES } from '../providers/live'
import type { CachedWindow } from './service'

/**
 * How a cached live window is written to a shared store and read back. Text from Redis is outside data (another
 * build may have written it), so it is validated like the upstream's payload; anything else is a miss.
 */
const barSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  adjClose: z.number(),
  volume: z.number(),
})

const cachedWindowSchema = z.union([
  z.object({
    bars: z.object({
      symbol: z.string(),
      name: z.string(),
      currency: z.string().nullable(),
      exchangeTimezone: z.string(),
      bars: z.array(barSchema),
      droppedDates: z.array(z.string()).optional(),
    }),
    fetchedAt: z.number(),
  }),
  z.object({
    failure: z.object({
      kind: z.enum(['not_found', 'no_data', 'rate_limited', 'timeout', 'bad_payload', 'upstream']),
      message: z.string(),
      provider: z.enum(PRICE_SOURCES),
      retryAfterSeconds: z.number().optional(),
    }),
  }),
])

export const cachedWindowCodec: ByteCacheCodec<CachedWindow> = {
  encode: (value) => JSON.stringify(value),
  decode(text) {
    try {
      const parsed = cachedWindowSchema.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : undefined
    } catch {
      return undefined
    }
  },
}
