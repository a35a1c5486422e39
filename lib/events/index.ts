import { z } from 'zod'
import { isIsoDate } from '../dates'
import type { IsoDate } from '../types'
import { EVENT_CATALOG, catalogEventObject, type CatalogEvent, type EventCategory } from './catalog'
import { SESSION_ORDER, effectiveTradingDate } from './effective-date'

export {
  EVENT_CATALOG,
  EVENT_CATEGORIES,
  EVENT_CATEGORY_IDS,
  MARKET_SESSIONS,
  VERIFICATION_LEVELS,
  catalogEventObject,
  catalogEventSchema,
  eventSourceSchema,
  type CatalogEvent,
  type EventCategory,
  type EventCategoryInfo,
  type EventSource,
  type MarketSession,
  type Verification,
} from './catalog'
export { SESSION_ORDER, effectiveTradingDate, sessionLabel } from './effective-date'
export {
  IMPORTANCE_LEVELS,
  IMPORTANCE_RULE,
  MAJOR_MARKET_MOVE,
  MAJOR_SYMBOL_MOVE,
  MILESTONE_EVENT_IDS,
  measureImportance,
  oneDayReturn,
  type Importance,
  type ImportanceMeasure,
} from './importance'

/** A catalog event with the fields derived from it: never typed by hand, so they cannot drift. */
export interface EventWithTradingDate extends CatalogEvent {
  /** True only when every part of the entry was seen in its sources (`verification === 'yes'`). */
  verified: boolean
  /** First US session in which the market could react; see `effectiveTradingDate`. */
  tradingDate: IsoDate
}

/** The served shape of an event, checked in tests against every entry of `events`. */
export const eventWithTradingDateSchema = catalogEventObject
  .extend({ verified: z.boolean(), tradingDate: z.string().refine(isIsoDate, { message: 'must be a real date' }) })
  .refine((e) => e.id.startsWith(`${e.date}-`), { message: 'id must start with the event date', path: ['id'] })
  .refine((e) => e.verified === (e.verification === 'yes'), {
    message: 'verified must be true exactly when verification is "yes"',
    path: ['verified'],
  })
  .refine((e) => e.tradingDate >= e.date, { message: 'cannot be before the event date', path: ['tradingDate'] })

function withTradingDate(event: CatalogEvent): EventWithTradingDate {
  return {
    ...event,
    verified: event.verification === 'yes',
    tradingDate: effectiveTradingDate(event.date, event.session),
  }
}

function compareEvents(a: EventWithTradingDate, b: EventWithTradingDate): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  return SESSION_ORDER[a.session] - SESSION_ORDER[b.session]
}

/** Every event, by event date and then by when in the day it happened (Array#sort is stable for ties). */
export const events: readonly EventWithTradingDate[] = EVENT_CATALOG.map(withTradingDate).sort(compareEvents)

const EVENTS_BY_ID = new Map(events.map((e) => [e.id, e]))

export function getEventById(id: string): EventWithTradingDate | undefined {
  return EVENTS_BY_ID.get(id)
}

export interface ListEventsOptions {
  from?: IsoDate
  to?: IsoDate
  categories?: readonly EventCategory[]
}

/**
 * Events whose trading date lies in [from, to] (inclusive), optionally of some categories only.
 * The range filters on `tradingDate`, not the event date, because callers pass the date range of a price
 * chart: a Sunday event belongs on a chart that starts on the Monday it is drawn at.
 */
export function listEvents({ from, to, categories }: ListEventsOptions = {}): EventWithTradingDate[] {
  const wanted = categories && categories.length > 0 ? new Set(categories) : null
  return events.filter(
    (e) =>
      (from === undefined || e.tradingDate >= from) &&
      (to === undefined || e.tradingDate <= to) &&
      (wanted === null || wanted.has(e.category)),
  )
}
