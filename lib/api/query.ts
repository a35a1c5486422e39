import { z } from 'zod'
import {
  EARLIEST_DATE,
  MAX_RANGE_DAYS,
  MAX_SYMBOLS_PER_REQUEST,
  checkRange as rangeIssue,
  parseDate,
  parseSymbol,
  parseSymbols,
  todayIso,
  type Parsed,
} from '../params'

/**
 * The API's strict side of lib/params.ts: each shared field parser wrapped as a zod schema, so a bad field is a
 * 400 whose issue names it. The page reads the same fields leniently (lib/view/state.ts).
 */

export { MAX_SYMBOLS_PER_REQUEST, MAX_RANGE_DAYS, todayIso }
/** Earliest date a query may name. */
export const EARLIEST_QUERY_DATE = EARLIEST_DATE

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

/** A query value given once; `searchParamsToObject` turns a repeated key into an array, which lands here. */
export const single = (name: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined
        ? `${name} is required`
        : Array.isArray(issue.input)
          ? `${name} was given more than once`
          : `${name} must be text`,
  })

/** A single-valued parameter read by one of the shared field parsers. */
export function fieldParam<T>(name: string, parse: (raw: string) => Parsed<T>) {
  return single(name).transform((raw, ctx): T => {
    const result = parse(raw)
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: result.message })
      return z.NEVER
    }
    return result.value
  })
}

export const isoDateParam = (name: string) => fieldParam(name, (raw) => parseDate(raw, name))

export const symbolsParam = fieldParam('symbols', (raw) => parseSymbols(raw))

export const symbolParam = (name: string) => fieldParam(name, (raw) => parseSymbol(raw, name))

/** Adds the checks every from/to pair needs: order, a start that is not in the future, and a sane span. */
export function checkRange(value: { from: string; to: string }, ctx: z.RefinementCtx, today: string) {
  const issue = rangeIssue(value.from, value.to, today)
  if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message })
}
