import { z } from 'zod'
import type { EventCategory } from '../events/catalog'
import { parseCategories } from '../params'
import { isoDateParam } from './query'

/**
 * `category=deepseek,stargate` (the page's name, `categories`, reads too). Repeating the key
 * (`category=deepseek&category=stargate`) is read as the same list, since both spellings mean the same thing to a
 * caller; an empty value means "all categories".
 */
const categoryParam = z
  .union([z.string(), z.array(z.string())], { error: 'category must be a comma-separated list' })
  .transform((raw, ctx): EventCategory[] => {
    const parsed = parseCategories(raw)
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message })
      return z.NEVER
    }
    return parsed.value
  })

/**
 * Query of `GET /api/events`. Parameters this schema does not name are ignored (stripped), so links that carry
 * page state such as `symbols` or `mode` can be reused as they are.
 */
export const eventsQuerySchema = z
  .object({
    from: isoDateParam('from').optional(),
    to: isoDateParam('to').optional(),
    category: categoryParam.optional(),
    categories: categoryParam.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${value.from}) is after to (${value.to})` })
    }
    if (value.category !== undefined && value.categories !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: 'give category or categories (the same list), not both',
      })
    }
  })
  .transform(({ categories, ...rest }) => ({ ...rest, category: rest.category ?? categories }))

export type EventsQuery = z.infer<typeof eventsQuerySchema>
