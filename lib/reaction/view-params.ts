import {
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_PATH,
  DEFAULT_WINDOWS,
  MODEL_KINDS,
  PAIRINGS,
  type EventWindow,
  type ModelKind,
} from '../analysis/parameters'
import { isIsoDate } from '../dates'
import { READER_SESSIONS, type ReaderSession } from './exchanges'
import type { PairingChoice } from './types'

/**
 * The reaction panel's part of the page URL: the event-study parameters a reader can set. Same names, bounds
 * and syntax as `/api/reaction` (lib/api/reaction-query.ts), read leniently: a bad value falls back to its
 * default with a notice, so a mangled link still opens a working panel. No zod here: this runs in the browser.
 */

export const REACTION_BOUNDS = {
  estimation: { min: 20, max: 500 },
  gap: { min: 0, max: 60 },
  windowReach: 20,
  maxWindows: 8,
  pathReach: 60,
} as const

export const PAIRING_OPTIONS: readonly PairingChoice[] = ['auto', ...PAIRINGS]

export interface ReactionView {
  model: ModelKind
  pairing: PairingChoice
  estimation: number
  gap: number
  /** The CAR windows of the table and the tests. */
  windows: EventWindow[]
  /** Days of the event-study figure. */
  path: [number, number]
  /** A day 0 of the reader's own, instead of the selected event; null to follow the event. */
  day0: string | null
  /** With `day0`: when that day the reader's event happened, in US hours; null = day 0 is the date itself. */
  session: ReaderSession | null
}

export const DEFAULT_REACTION_VIEW: ReactionView = {
  model: 'market',
  pairing: 'auto',
  estimation: DEFAULT_ESTIMATION,
  gap: DEFAULT_GAP,
  windows: DEFAULT_WINDOWS.map(([a, b]): EventWindow => [a, b]),
  path: [DEFAULT_PATH[0], DEFAULT_PATH[1]],
  day0: null,
  session: null,
}

type Raw = Record<string, string | string[] | undefined>

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const PAIR = /^([+-]?\d{1,3}):([+-]?\d{1,3})$/

function parseInt(raw: string, min: number, max: number): number | null {
  if (!/^[+-]?\d{1,6}$/.test(raw.trim())) return null
  const n = Number(raw.trim())
  return n >= min && n <= max ? n : null
}

/** `0:0,0:1,-1:1` (or `[0,1],[-1,1]`), as the API reads it; null when any item is not a valid window. */
export function parseWindowList(raw: string): EventWindow[] | null {
  if (raw.length > 200) return null
  const items = raw
    .replace(/\[\s*([+-]?\d+)\s*,\s*([+-]?\d+)\s*\]/g, '$1:$2')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const out: EventWindow[] = []
  for (const item of items) {
    const m = PAIR.exec(item)
    if (!m) return null
    const t1 = Number(m[1])
    const t2 = Number(m[2])
    if (t1 > t2 || t1 < -REACTION_BOUNDS.windowReach || t2 > REACTION_BOUNDS.windowReach) return null
    if (!out.some(([a, b]) => a === t1 && b === t2)) out.push([t1, t2])
  }
  return out.length > 0 && out.length <= REACTION_BOUNDS.maxWindows ? out : null
}

export function parsePath(raw: string): [number, number] | null {
  const m = PAIR.exec(raw.trim())
  if (!m) return null
  const t1 = Number(m[1])
  const t2 = Number(m[2])
  return t1 <= 0 && t2 >= 0 && t1 >= -REACTION_BOUNDS.pathReach && t2 <= REACTION_BOUNDS.pathReach ? [t1, t2] : null
}

const formatDay = (t: number) => (t > 0 ? `+${t}` : String(t))
export const windowListToText = (windows: readonly EventWindow[]) => windows.map(([a, b]) => `${a}:${b}`).join(',')
export const formatPathText = ([a, b]: readonly [number, number]) => `${formatDay(a)}..${formatDay(b)}`

/** Reads the reaction fields of the page URL; each bad field costs only itself. */
export function parseReactionView(raw: Raw): { view: ReactionView; notices: string[] } {
  const view: ReactionView = { ...DEFAULT_REACTION_VIEW, windows: [...DEFAULT_REACTION_VIEW.windows] }
  const notices: string[] = []
  const ignore = (what: string, why: string) =>
    notices.push(`Ignored the ${what} in the link (${why}); using the default.`)

  const model = one(raw.model)
  if (model !== undefined) {
    if ((MODEL_KINDS as readonly string[]).includes(model)) view.model = model as ModelKind
    else ignore('model', `model must be one of ${MODEL_KINDS.join(', ')}`)
  }
  const pairing = one(raw.pairing)
  if (pairing !== undefined) {
    if ((PAIRING_OPTIONS as readonly string[]).includes(pairing)) view.pairing = pairing as PairingChoice
    else ignore('pairing', `pairing must be one of ${PAIRING_OPTIONS.join(', ')}`)
  }
  if (view.pairing === 'dimson' && view.model !== 'market') {
    notices.push('Dimson pairing applies to the market model only; using auto pairing.')
    view.pairing = 'auto'
  }
  const estimation = one(raw.estimation)
  if (estimation !== undefined) {
    const n = parseInt(estimation, REACTION_BOUNDS.estimation.min, REACTION_BOUNDS.estimation.max)
    if (n === null)
      ignore(
        'estimation',
        `a whole number of sessions from ${REACTION_BOUNDS.estimation.min} to ${REACTION_BOUNDS.estimation.max}`,
      )
    else view.estimation = n
  }
  const gap = one(raw.gap)
  if (gap !== undefined) {
    const n = parseInt(gap, REACTION_BOUNDS.gap.min, REACTION_BOUNDS.gap.max)
    if (n === null)
      ignore('gap', `a whole number of sessions from ${REACTION_BOUNDS.gap.min} to ${REACTION_BOUNDS.gap.max}`)
    else view.gap = n
  }
  const windows = one(raw.windows)
  if (windows !== undefined) {
    const list = parseWindowList(windows)
    if (list === null)
      ignore(
        'windows',
        `t1:t2 items within ±${REACTION_BOUNDS.windowReach} sessions, at most ${REACTION_BOUNDS.maxWindows}`,
      )
    else view.windows = list
  }
  const path = one(raw.path)
  if (path !== undefined) {
    const p = parsePath(path)
    if (p === null) ignore('figure days', `t1:t2 with t1 <= 0 <= t2 within ±${REACTION_BOUNDS.pathReach}`)
    else view.path = p
  }
  const day0 = one(raw.day0)
  if (day0 !== undefined) {
    if (isIsoDate(day0)) view.day0 = day0
    else ignore('day 0', 'not a real date written YYYY-MM-DD')
  }
  const session = one(raw.session)
  if (session !== undefined) {
    if ((READER_SESSIONS as readonly string[]).includes(session)) view.session = session as ReaderSession
    else ignore('session', `session must be one of ${READER_SESSIONS.join(', ')}`)
  }
  if (view.day0 === null) view.session = null
  return { view, notices }
}

/** Writes the fields that differ from the defaults, in a fixed order so equal views give equal links. */
export function appendReactionQuery(params: URLSearchParams, view: ReactionView): void {
  const d = DEFAULT_REACTION_VIEW
  if (view.model !== d.model) params.set('model', view.model)
  if (view.pairing !== d.pairing) params.set('pairing', view.pairing)
  if (view.estimation !== d.estimation) params.set('estimation', String(view.estimation))
  if (view.gap !== d.gap) params.set('gap', String(view.gap))
  if (windowListToText(view.windows) !== windowListToText(d.windows))
    params.set('windows', windowListToText(view.windows))
  if (view.path[0] !== d.path[0] || view.path[1] !== d.path[1]) params.set('path', `${view.path[0]}:${view.path[1]}`)
  if (view.day0) {
    params.set('day0', view.day0)
    if (view.session) params.set('session', view.session)
  }
}

/** The API query of the reaction fields, for `/api/reaction`. */
export function reactionApiParams(view: ReactionView): Record<string, string> {
  const out: Record<string, string> = {
    model: view.model,
    pairing: view.pairing,
    estimation: String(view.estimation),
    gap: String(view.gap),
    windows: windowListToText(view.windows),
    path: `${view.path[0]}:${view.path[1]}`,
  }
  if (view.day0 && view.session) out.session = view.session
  return out
}
