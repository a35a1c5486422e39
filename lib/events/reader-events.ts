import * as z from 'zod/mini'
import { isIsoDate } from '../dates'
import type { IsoDate } from '../types'
import type { MarketSession } from './catalog'
import { EVENT_CATEGORY_IDS, type EventCategory } from './categories'
import { effectiveTradingDate } from './effective-date'

/**
 * Events a reader adds for themselves. They live only in the page URL (`mine=`), so a shared link carries them and
 * nothing is stored on a server. The codec is strict about what it accepts, because a link can come from anyone:
 * every field is validated and length-capped, at most MAX_READER_EVENTS are read, and a bad entry is dropped with a
 * notice that says why, while the good ones still open.
 *
 * Wire format: events separated by `;`, each `date,when,title,category,url` with every field percent-encoded
 * (encodeURIComponent escapes `,` and `;`, so they can only be separators). `when` is `pre`, `during`, `after`,
 * `unknown` or a time `HH:MM` (New York time). Category and URL may be empty.
 */
export const MAX_READER_EVENTS = 5
export const MAX_READER_TITLE = 80
export const MAX_READER_URL = 300
/** Longest `mine=` value read at all: five full events fit with room to spare; anything longer is refused whole. */
export const MAX_READER_PARAM = 2400
/** Dates a reader event may have: the NYSE calendar's coverage, with a margin that keeps every lookup inside it. */
export const READER_DATE_RANGE = { from: '1998-01-02', to: '2099-12-01' } as const

export const READER_WHEN = ['pre', 'during', 'after', 'unknown'] as const
export type ReaderWhenKeyword = (typeof READER_WHEN)[number]

export interface ReaderEvent {
  date: IsoDate
  /** A keyword, or a New York time `HH:MM`. */
  when: ReaderWhenKeyword | `${number}:${number}`
  title: string
  category: EventCategory | null
  url: string | null
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * Built on first use, not at import: the schema is only needed when a link carries `mine=`, and building a zod
 * schema is real work (about 8 ms of the page's script evaluation at 1x CPU, on this machine) on every first view.
 */
let schema: ReturnType<typeof buildReaderEventSchema> | null = null
const readerEventSchema = () => (schema ??= buildReaderEventSchema())

const buildReaderEventSchema = () =>
  z.object({
    date: z.string().check(
      z.refine(isIsoDate, 'the date is not a real date written YYYY-MM-DD'),
      z.refine(
        (d: string) => d >= READER_DATE_RANGE.from && d <= READER_DATE_RANGE.to,
        `the date must lie between ${READER_DATE_RANGE.from} and ${READER_DATE_RANGE.to}`,
      ),
    ),
    when: z
      .string()
      .check(
        z.refine(
          (w: string) => (READER_WHEN as readonly string[]).includes(w) || TIME.test(w),
          'the time must be HH:MM or before the open, during, after the close, unknown',
        ),
      ),
    title: z.string().check(
      z.refine((t: string) => t.trim().length >= 2, 'the title is empty'),
      z.maxLength(MAX_READER_TITLE, `the title is longer than ${MAX_READER_TITLE} characters`),
      // Control characters have no place in a title and could hide text; the page shows titles as text only.
      z.refine((t: string) => !/[\u0000-\u001f\u007f]/.test(t), 'the title has control characters'),
    ),
    category: z.nullable(
      z.enum(EVENT_CATEGORY_IDS, { error: `the category must be one of ${EVENT_CATEGORY_IDS.join(', ')}` }),
    ),
    url: z.nullable(
      z
        .string()
        .check(
          z.maxLength(MAX_READER_URL, `the source link is longer than ${MAX_READER_URL} characters`),
          z.refine(isHttpUrl, 'the source must be an http(s) link'),
        ),
    ),
  })

function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 && !u.username && !u.password
  } catch {
    return false
  }
}

/** The session of a reader event: a keyword maps directly; a time is placed against the 09:30-16:00 session. */
export function readerSession(when: ReaderEvent['when']): MarketSession {
  switch (when) {
    case 'pre':
      return 'pre_market'
    case 'during':
      return 'during'
    case 'after':
      return 'after_close'
    case 'unknown':
      return 'unknown'
    default: {
      const [h, m] = when.split(':').map(Number) as [number, number]
      const minutes = h * 60 + m
      if (minutes < 9 * 60 + 30) return 'pre_market'
      if (minutes < 16 * 60) return 'during'
      if (minutes === 16 * 60) return 'close'
      return 'after_close'
    }
  }
}

/** The first US session that could react, by the catalog's rules (`effectiveTradingDate`). */
export function readerTradingDate(event: Pick<ReaderEvent, 'date' | 'when'>): IsoDate {
  return effectiveTradingDate(event.date, readerSession(event.when))
}

/** Validates one event (from the form or the link); the message names the first problem. */
export function validateReaderEvent(input: {
  date: string
  when: string
  title: string
  category: string | null
  url: string | null
}): { ok: true; event: ReaderEvent } | { ok: false; message: string } {
  const cleaned = {
    date: input.date.trim(),
    when: input.when.trim(),
    title: input.title.trim().replace(/\s+/g, ' '),
    category: input.category && input.category.trim() !== '' ? input.category.trim() : null,
    url: input.url && input.url.trim() !== '' ? input.url.trim() : null,
  }
  const result = readerEventSchema().safeParse(cleaned)
  if (!result.success) return { ok: false, message: result.error.issues[0]?.message ?? 'the event is not valid' }
  const event = result.data as ReaderEvent
  try {
    readerTradingDate(event)
  } catch {
    return { ok: false, message: 'no trading session follows that date in the calendar' }
  }
  return { ok: true, event }
}

/** The `mine=` value for a list of events (at most MAX_READER_EVENTS are written). */
export function encodeReaderEvents(events: readonly ReaderEvent[]): string {
  return events
    .slice(0, MAX_READER_EVENTS)
    .map((e) => [e.date, e.when, e.title, e.category ?? '', e.url ?? ''].map(encodeURIComponent).join(','))
    .join(';')
}

/** Reads `mine=`: the valid events, and a notice for each thing left out. Never throws. */
export function decodeReaderEvents(raw: string | null | undefined): { events: ReaderEvent[]; notices: string[] } {
  if (raw === null || raw === undefined || raw === '') return { events: [], notices: [] }
  if (raw.length > MAX_READER_PARAM) {
    return {
      events: [],
      notices: [`Ignored your events in the link: the list is longer than ${MAX_READER_PARAM} characters.`],
    }
  }
  const parts = raw.split(';').filter((p) => p !== '')
  const notices: string[] = []
  const events: ReaderEvent[] = []
  parts.forEach((part, i) => {
    if (events.length >= MAX_READER_EVENTS) return
    const fields = part.split(',')
    if (fields.length !== 5) {
      notices.push(
        `Ignored your event ${i + 1} in the link: it does not have the five fields date, time, title, category and link.`,
      )
      return
    }
    let decoded: string[]
    try {
      decoded = fields.map((f) => decodeURIComponent(f))
    } catch {
      notices.push(`Ignored your event ${i + 1} in the link: it is not encoded properly.`)
      return
    }
    const [date, when, title, category, url] = decoded as [string, string, string, string, string]
    const result = validateReaderEvent({ date, when, title, category, url })
    if (result.ok) events.push(result.event)
    else notices.push(`Ignored your event ${i + 1} in the link: ${result.message}.`)
  })
  if (parts.length > MAX_READER_EVENTS)
    notices.push(`Kept the first ${MAX_READER_EVENTS} of your ${parts.length} events (the most a link carries).`)
  return { events, notices }
}

/** The stable id of the k-th reader event (1-based): what `event=` selects. */
export const readerEventId = (k: number) => `mine-${k}`
export const isReaderEventId = (id: string | null | undefined) => typeof id === 'string' && /^mine-\d+$/.test(id)

/** A 1-4 word marker label from the title. */
export function readerLabel(title: string): string {
  const words = title.split(' ').slice(0, 3).join(' ')
  return words.length > 22 ? `${words.slice(0, 21)}…` : words
}
