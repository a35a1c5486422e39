import { z } from 'zod'
import { isIsoDate } from '../dates'
import { SYMBOL_PATTERN, normalizeSymbol } from '../symbols'

/** Most symbols one request may ask for. */
export const MAX_SYMBOLS_PER_REQUEST = 20
/** Earliest date a query may name; older daily data is not what this app is for. */
export const EARLIEST_QUERY_DATE = '1990-01-01'
/** Longest range one query may span, in calendar days (about ten years). */
export const MAX_RANGE_DAYS = 3660

/**
 * Turns search params into a plain object for a zod schema. A key given more than once becomes an array,
 * which the schemas reject with a clear message instead of silently picking one of the values.
 */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    out[key] = values.length === 1 ? (values[0] ?? '') : values
  }
  return out
}

const single = (name: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `${name} is required` : Array.isArray(issue.input) ? `${name} was given more than once` : `${name} must be text`,
  })

export const isoDateParam = (name: string) =>
  single(name)
    .max(10, `${name} must be a date written YYYY-MM-DD`)
    .refine(isIsoDate, `${name} must be a real date written YYYY-MM-DD`)
    .refine((d) => d >= EARLIEST_QUERY_DATE, `${name} must not be before ${EARLIEST_QUERY_DATE}`)

export const symbolsParam = single('symbols')
  .max(400, 'symbols is too long')
  .transform((raw, ctx) => {
    const symbols = [...new Set(raw.split(',').map(normalizeSymbol).filter((s) => s.length > 0))]
    if (symbols.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'symbols must name at least one symbol, e.g. symbols=NVDA,SPY' })
      return z.NEVER
    }
    if (symbols.length > MAX_SYMBOLS_PER_REQUEST) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SYMBOLS_PER_REQUEST} symbols per request, got ${symbols.length}` })
      return z.NEVER
    }
    const bad = symbols.filter((s) => !SYMBOL_PATTERN.test(s))
    if (bad.length > 0) {
      const shown = bad.slice(0, 3).map((s) => JSON.stringify(s.slice(0, 20)))
      ctx.addIssue({ code: 'custom', message: `not a valid symbol: ${shown.join(', ')} (letters, digits, . - ^ = only)` })
      return z.NEVER
    }
    return symbols
  })

/** Adds the checks every from/to pair needs: order and a sane span. */
export function checkRange(value: { from: string; to: string }, ctx: z.RefinementCtx, today: string) {
  if (value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${value.from}) is after to (${value.to})` })
    return
  }
  if (value.from > today) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `from (${value.from}) is in the future` })
  }
  const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000
  if (days > MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `the range spans ${Math.round(days)} days; at most ${MAX_RANGE_DAYS} allowed` })
  }
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10)
}
