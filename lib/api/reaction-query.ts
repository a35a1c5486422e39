import { z } from 'zod'
import { DEFAULT_ESTIMATION, DEFAULT_GAP, DEFAULT_PATH, MODEL_KINDS, PAIRINGS, type EventWindow } from '../analysis'
import { ESTIMATION_MAX, ESTIMATION_MIN, GAP_MAX, GAP_MIN, MAX_WINDOWS, WINDOW_REACH } from '../analysis/parameters'
import { READER_SESSIONS } from '../reaction/exchanges'
import { DEFAULT_BENCHMARK } from '../reaction/benchmarks'
import { parseEventId } from '../params'
import { printable } from '../safe-text'
import { fieldParam, isoDateParam, symbolParam, symbolsParam, todayIso } from './query'

/** A query value given once; `searchParamsToObject` turns a repeated key into an array, which lands here. */
const single = (name: string) =>
  z.string({
    error: (issue) => (Array.isArray(issue.input) ? `${name} was given more than once` : `${name} must be text`),
  })

/** Shown back to the caller inside messages; cut short so a pasted novel does not come back as an error. */
const shown = (raw: string) => `"${printable(raw, 24)}"`

function intParam(name: string, min: number, max: number, unit: string) {
  return single(name).transform((raw, ctx): number => {
    const text = raw.trim()
    if (!/^[+-]?\d{1,12}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of ${unit}, got ${shown(raw)}` })
      return z.NEVER
    }
    const value = Number(text)
    if (value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be between ${min} and ${max} ${unit}, got ${value}` })
      return z.NEVER
    }
    return value
  })
}

// Symbols, dates, the benchmark and the event id follow the shared field rules of lib/params.ts (the page's too).
const benchmarkParam = symbolParam('benchmark')
const eventParam = fieldParam('event', parseEventId)

const WINDOW_ITEM = /^([+-]?\d{1,3}):([+-]?\d{1,3})$/

/** `windows=0:0,0:1,-1:1,0:5` (or `[0,0],[0,1]`): each `t1:t2` in sessions relative to day 0, both ends included. */
const windowsParam = single('windows')
  .max(200, 'windows is too long')
  .transform((raw, ctx): EventWindow[] => {
    // Also read the JSON-like form the response uses, `[0,1],[-1,1]`, by rewriting each pair as `t1:t2`.
    const items = raw
      .replace(/\[\s*([+-]?\d+)\s*,\s*([+-]?\d+)\s*\]/g, '$1:$2')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0)
    if (items.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'windows must list at least one window t1:t2, e.g. windows=0:1,-1:1' })
      return z.NEVER
    }
    const windows: EventWindow[] = []
    const seen = new Set<string>()
    for (const item of items) {
      const m = WINDOW_ITEM.exec(item)
      if (!m) {
        ctx.addIssue({ code: 'custom', message: `window ${shown(item)} is not written t1:t2 (e.g. 0:1 or -1:1)` })
        return z.NEVER
      }
      const t1 = Number(m[1])
      const t2 = Number(m[2])
      if (t1 > t2) {
        ctx.addIssue({
          code: 'custom',
          message: `window ${item} starts after it ends; write the earlier day first (${t2}:${t1})`,
        })
        return z.NEVER
      }
      if (t1 < -WINDOW_REACH || t2 > WINDOW_REACH) {
        ctx.addIssue({
          code: 'custom',
          message: `window ${item} reaches outside -${WINDOW_REACH}..+${WINDOW_REACH} sessions around day 0`,
        })
        return z.NEVER
      }
      const key = `${t1}:${t2}`
      if (!seen.has(key)) {
        seen.add(key)
        windows.push([t1, t2])
      }
    }
    if (windows.length > MAX_WINDOWS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_WINDOWS} windows per request, got ${windows.length}` })
      return z.NEVER
    }
    return windows
  })

/** `model=market|market-adjusted|constant-mean`: the model of normal return (docs/event-study.md). */
const modelParam = z.enum(MODEL_KINDS, {
  error: (i) =>
    Array.isArray(i.input) ? 'model was given more than once' : `model must be one of ${MODEL_KINDS.join(', ')}`,
})

/** `auto` picks time-matched for a listing whose exchange closes before the benchmark's opens, same-date otherwise. */
export const PAIRING_CHOICES = ['auto', ...PAIRINGS] as const
const pairingParam = z.enum(PAIRING_CHOICES, {
  error: (i) =>
    Array.isArray(i.input)
      ? 'pairing was given more than once'
      : `pairing must be one of ${PAIRING_CHOICES.join(', ')}`,
})

/** `session=before-open|during|after-close`: when, on `date`, the reader's own event happened (US hours). */
const sessionParam = z.enum(READER_SESSIONS, {
  error: (i) =>
    Array.isArray(i.input)
      ? 'session was given more than once'
      : `session must be one of ${READER_SESSIONS.join(', ')}`,
})

/** Longest CAR path the figure draws, in sessions either side of day 0. */
export const PATH_REACH = 60

/** `path=-10:20`: the days of the CAR path drawn in the event-study figure, CAR(t1, t) for t1 <= t <= t2. */
const pathParam = single('path')
  .max(20, 'path is too long')
  .transform((raw, ctx): EventWindow => {
    const m = WINDOW_ITEM.exec(raw.trim().replace(/^\[\s*([+-]?\d+)\s*,\s*([+-]?\d+)\s*\]$/, '$1:$2'))
    const t1 = Number(m?.[1])
    const t2 = Number(m?.[2])
    if (!m || !(t1 <= 0 && t2 >= 0)) {
      ctx.addIssue({
        code: 'custom',
        message: `path must be t1:t2 with t1 <= 0 <= t2, e.g. path=-10:20; got ${shown(raw)}`,
      })
      return z.NEVER
    }
    if (t1 < -PATH_REACH || t2 > PATH_REACH) {
      ctx.addIssue({
        code: 'custom',
        message: `path reaches outside -${PATH_REACH}..+${PATH_REACH} sessions around day 0`,
      })
      return z.NEVER
    }
    return [t1, t2]
  })

/**
 * Query of `GET /api/reaction`. Day 0 comes from exactly one of `date` or `event`; parameters this schema does
 * not name are ignored, like the other routes, so page links can be reused.
 */
export const reactionQuerySchema = z
  .object({
    symbols: symbolsParam,
    date: isoDateParam('date').optional(),
    event: eventParam.optional(),
    benchmark: benchmarkParam.default(DEFAULT_BENCHMARK),
    estimation: intParam('estimation', ESTIMATION_MIN, ESTIMATION_MAX, 'sessions').default(DEFAULT_ESTIMATION),
    gap: intParam('gap', GAP_MIN, GAP_MAX, 'sessions').default(DEFAULT_GAP),
    windows: windowsParam.optional(),
    model: modelParam.default('market'),
    pairing: pairingParam.default('auto'),
    session: sessionParam.optional(),
    path: pathParam.default(DEFAULT_PATH),
    format: z
      .enum(['json', 'csv'], {
        error: (i) => (Array.isArray(i.input) ? 'format was given more than once' : 'format must be json or csv'),
      })
      .default('json'),
  })
  .superRefine((value, ctx) => {
    if (value.date !== undefined && value.event !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give either date or event, not both' })
    } else if (value.date === undefined && value.event === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'give day 0 as date=YYYY-MM-DD or as event=<event id>, e.g. event=2025-01-27-nvda-record-loss',
      })
    }
    if (value.session !== undefined && value.date === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['session'],
        message: 'session goes with date (a day 0 of your own); an event already has one',
      })
    }
    if (value.pairing === 'dimson' && value.model !== 'market') {
      ctx.addIssue({
        code: 'custom',
        path: ['pairing'],
        message: 'pairing=dimson (lead and lag betas) applies to model=market only',
      })
    }
    if (value.date !== undefined && value.date > todayIso()) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: `date (${value.date}) is in the future` })
    }
  })

export type ReactionQuery = z.infer<typeof reactionQuerySchema>
