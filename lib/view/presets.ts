import { US_MARKET_CALENDAR, nextSession, previousSession, sessionOnOrAfter } from '../calendar'
import { DATA_WINDOW } from '../snapshot/data-window'
import type { IsoDate } from '../types'

/** Sessions shown on each side of a selected event. */
export const EVENT_WINDOW_SESSIONS = 10

/** The range `sessions` US sessions either side of `center` (which is moved to a session if it is not one). */
export function sessionsAround(center: IsoDate, sessions: number): { from: IsoDate; to: IsoDate } {
  const key = `${center}|${sessions}`
  const known = windowsAround.get(key)
  if (known) return { ...known }
  const window = walkSessionsAround(center, sessions)
  // Every event's link asks for its window on every render; a reader's dates are unbounded, so the map is capped.
  if (windowsAround.size >= MAX_WINDOWS_REMEMBERED) windowsAround.clear()
  windowsAround.set(key, window)
  return { ...window }
}

const MAX_WINDOWS_REMEMBERED = 2_048
const windowsAround = new Map<string, { from: IsoDate; to: IsoDate }>()

function walkSessionsAround(center: IsoDate, sessions: number): { from: IsoDate; to: IsoDate } {
  let from = sessionOnOrAfter(US_MARKET_CALENDAR, center)
  let to = from
  for (let i = 0; i < sessions; i++) {
    from = previousSession(US_MARKET_CALENDAR, from)
    to = nextSession(US_MARKET_CALENDAR, to)
  }
  return { from, to }
}

export interface RangePreset {
  id: string
  label: string
  from: IsoDate
  to: IsoDate
}

/** Ranges built around the story, computed from the calendar rather than typed as dates where they depend on it. */
export const RANGE_PRESETS: readonly RangePreset[] = [
  { id: 'stargate-r1-week', label: 'R1 & Stargate week', ...sessionsAround('2025-01-21', 4) },
  { id: 'selloff', label: 'Selloff ±10 sessions', ...sessionsAround('2025-01-27', EVENT_WINDOW_SESSIONS) },
  { id: 'dec-feb', label: 'Dec 2024 – Feb 2025', from: '2024-12-02', to: '2025-02-28' },
  { id: 'h1-2025', label: 'H1 2025', from: '2025-01-02', to: '2025-06-30' },
  { id: 'all', label: 'All data', from: DATA_WINDOW.from, to: DATA_WINDOW.to },
]
