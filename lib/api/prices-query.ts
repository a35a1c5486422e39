import { z } from 'zod'
import { DATA_WINDOW } from '../snapshot/data-window'
import { checkRange, isoDateParam, symbolsParam, todayIso } from './query'

export const pricesQuerySchema = z
  .object({
    symbols: symbolsParam,
    from: isoDateParam('from').default(DATA_WINDOW.from),
    to: isoDateParam('to').default(DATA_WINDOW.to),
    format: z
      .enum(['json', 'csv'], {
        error: (i) => (Array.isArray(i.input) ? 'format was given more than once' : 'format must be json or csv'),
      })
      .default('json'),
  })
  .superRefine((v, ctx) => checkRange(v, ctx, todayIso()))

export type PricesQuery = z.infer<typeof pricesQuerySchema>
