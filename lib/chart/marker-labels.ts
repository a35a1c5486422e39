import { eventWhen } from '../view/events'
import { formatFullDate } from '../format'
import type { ChartEvent } from './model'

/**
 * What a screen reader hears for a marker: the event's own date, time and session, and the session that
 * reacted (the Carter closure happened on Thu Jan 9, the market reacted on Fri Jan 10).
 */
export function markerAriaLabel(
  e: Pick<ChartEvent, 'number' | 'title' | 'date' | 'time' | 'session' | 'tradingDate'>,
): string {
  const reaction = e.tradingDate === e.date ? ' The market reacted the same session.' : ''
  return `Event ${e.number}: ${e.title}. ${eventWhen(e, formatFullDate)}.${reaction} Press Enter to zoom to it.`
}

/** A cluster badge: how many events, over which reaction sessions, and how to open it. */
export function clusterAriaLabel(
  events: readonly Pick<ChartEvent, 'number' | 'title' | 'tradingDate'>[],
  action = 'Press Enter to list them.',
): string {
  const first = events[0]?.tradingDate
  const last = events[events.length - 1]?.tradingDate
  const when = !first
    ? ''
    : first === last
      ? ` reacting on ${formatFullDate(first)}`
      : ` reacting from ${formatFullDate(first)} to ${formatFullDate(last ?? first)}`
  const numbers = events.map((e) => e.number).join(', ')
  return `${events.length} more events${when} (numbers ${numbers}). ${action}`
}
