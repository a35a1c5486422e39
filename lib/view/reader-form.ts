import {
  MAX_READER_EVENTS,
  readerEventId,
  readerTradingDate,
  validateReaderEvent,
  type ReaderEvent,
} from '../events/reader-events'
import { EVENT_WINDOW_SESSIONS, sessionsAround } from './presets'
import type { ViewState } from './state'

/**
 * The "Add your own event" form, read the same way wherever it is submitted: in the page (JavaScript reads the
 * fields and changes the view in place) or as the plain GET a browser sends without JavaScript, which the page's
 * server turns into the same view and redirects to. The field names carry a prefix that no view parameter has, so
 * the form's values can travel beside the view's own parameters in one query string.
 */
export const READER_FORM_FIELDS = {
  date: 'add-date',
  when: 'add-when',
  time: 'add-time',
  title: 'add-title',
  category: 'add-category',
  url: 'add-url',
} as const

export type ReaderFormField = keyof typeof READER_FORM_FIELDS
/** What the reader typed, by field (as sent: untrimmed, possibly empty). */
export type ReaderFormValues = Partial<Record<ReaderFormField, string>>

/** Reads the form's fields from a query (a repeated field counts once: its first value). */
export function readerFormValues(get: (name: string) => string | null | undefined): ReaderFormValues | null {
  const values: ReaderFormValues = {}
  let any = false
  for (const [field, name] of Object.entries(READER_FORM_FIELDS) as [ReaderFormField, string][]) {
    const v = get(name)
    if (typeof v === 'string') {
      values[field] = v
      any = true
    }
  }
  return any ? values : null
}

/**
 * The event the form describes, validated by the codec that reads links (so what the form accepts, a shared link
 * carries), or the reason it is refused, worded for the reader.
 */
export function readReaderForm(
  values: ReaderFormValues,
  count: number,
): { ok: true; event: ReaderEvent } | { ok: false; message: string } {
  if (count >= MAX_READER_EVENTS)
    return { ok: false, message: `Not added: a link carries at most ${MAX_READER_EVENTS} of your events.` }
  const when = values.when ?? 'unknown'
  const result = validateReaderEvent({
    date: values.date ?? '',
    when: when === 'time' ? (values.time ?? '') : when,
    title: values.title ?? '',
    category: values.category || null,
    url: values.url || null,
  })
  return result.ok ? result : { ok: false, message: `Not added: ${result.message}.` }
}

/** The view once the event is added: in the link, selected, and ten sessions either side of its first session. */
export function viewWithReaderEvent(view: ViewState, event: ReaderEvent): ViewState {
  const mine = [...view.mine, event]
  let around = {}
  try {
    around = sessionsAround(readerTradingDate(event), EVENT_WINDOW_SESSIONS)
  } catch {
    // Validated events always have a session; should one not, the range stays as it was.
  }
  return { ...view, mine, event: readerEventId(mine.length), ...around }
}
