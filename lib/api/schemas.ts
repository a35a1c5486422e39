import { z } from 'zod'
import { EVENT_CATEGORY_IDS, type EventCategory } from '../events/catalog'
import { isoDateParam } from './query'

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(EVENT_CATEGORY_IDS)

function isEventCategory(value: string): value is EventCategory {
  return KNOWN_CATEGORIES.has(value)
}

/**
 * `category=deepseek,stargate`. Repeating the key (`category=deepseek&category=stargate`) is read as the same
 * list, since both spellings mean the same thing to a caller; an empty value means "all categories".
 */
const categoryParam = z
  .union([z.string(), z.array(z.string())], { error: 'category must be a comma-separated list' })
  .transform((raw, ctx): EventCategory[] => {
    const items = (Array.isArray(raw) ? raw : [raw])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim().toLowerCase())
      .filter((value) => value.length > 0)
    const unknown = items.filter((value) => !isEventCategory(value))
    if (unknown.length > 0) {
      const shown = [...new Set(unknown)].slice(0, 3).map((value) => JSON.stringify(value.slice(0, 30)))
      ctx.addIssue({
        code: 'custom',
        message: `unknown category ${shown.join(', ')}; known categories: ${EVENT_CATEGORY_IDS.join(', ')}`,
      })
      return z.NEVER
    }
    return [...new Set(items.filter(isEventCategory))]
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
  })
  .superRefine((value, ctx) => {
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${value.from}) is after to (${value.to})` })
    }
  })

export type EventsQuery = z.infer<typeof eventsQuerySchema>
