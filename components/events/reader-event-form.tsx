'use client'

import { useId, useState, type FormEvent } from 'react'
import { EVENT_CATEGORIES, EVENT_CATEGORY_IDS } from '@/lib/events/categories'
import {
  MAX_READER_EVENTS,
  MAX_READER_TITLE,
  MAX_READER_URL,
  READER_DATE_RANGE,
  type ReaderEvent,
} from '@/lib/events/reader-events'
import {
  READER_FORM_FIELDS as F,
  readReaderForm,
  readerFormValues,
  type ReaderFormValues,
} from '@/lib/view/reader-form'

const WHEN_OPTIONS = [
  { value: 'pre', label: 'Before the open' },
  { value: 'during', label: 'During the session' },
  { value: 'after', label: 'After the close' },
  { value: 'unknown', label: 'Time unknown' },
  { value: 'time', label: 'At a time (New York)…' },
] as const

const FIELD = 'rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm'

export interface ReaderEventFormProps {
  count: number
  onAdd: (event: ReaderEvent) => void
  /** The view's own query (`viewToQuery`): sent with the form when it is submitted without JavaScript. */
  viewQuery: string
  /** A submission the server refused (sent without JavaScript): the form opens with the reader's values and why. */
  refused?: { values: ReaderFormValues; message: string } | null
}

/**
 * A small form for an event of the reader's own. It is validated by the same codec that reads links, so what the
 * form accepts a shared link carries; nothing is sent anywhere but to the page itself, and the event lives in the
 * page URL. It works before (and without) JavaScript: the disclosure is a native `<details>`, the time field shows
 * through CSS when "At a time" is chosen, and the form is a plain GET to the page, which the server turns into the
 * view with the event added (app/page.tsx). With JavaScript the same fields change the view in place.
 */
export function ReaderEventForm({ count, onAdd, viewQuery, refused = null }: ReaderEventFormProps) {
  const id = useId()
  const [error, setError] = useState<string | null>(refused?.message ?? null)
  // Each added event remounts the form (a new key), empty; the refused values fill only the first.
  const [generation, setGeneration] = useState(0)
  const initial: ReaderFormValues = generation === 0 ? (refused?.values ?? {}) : {}
  const full = count >= MAX_READER_EVENTS

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const values = readerFormValues((name) => {
      const v = data.get(name)
      return typeof v === 'string' ? v : null
    })
    const result = readReaderForm(values ?? {}, count)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setError(null)
    setGeneration((g) => g + 1)
    onAdd(result.event)
  }

  return (
    <details
      className="group rounded-md border border-dashed border-[var(--border)] p-2"
      data-testid="reader-event-form"
      open={refused ? true : undefined}
    >
      <summary className="cursor-pointer text-sm font-medium text-[var(--accent)] underline underline-offset-2">
        <span className="group-open:hidden">Add your own event</span>
        <span className="hidden group-open:inline">Close the form</span>
      </summary>
      <form
        key={generation}
        id={`${id}-form`}
        method="get"
        action="/"
        onSubmit={submit}
        className="reader-event-form mt-2 grid gap-2"
        aria-label="Add your own event"
        noValidate
      >
        {[...new URLSearchParams(viewQuery)].map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {full ? (
          <p className="text-xs text-[var(--muted)]">
            A link carries at most {MAX_READER_EVENTS} of your events; remove one to add another.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <label className="flex flex-col text-xs text-[var(--muted)]">
            Date
            <input
              name={F.date}
              type="date"
              required
              className={FIELD}
              min={READER_DATE_RANGE.from}
              max={READER_DATE_RANGE.to}
              defaultValue={initial.date}
            />
          </label>
          <label className="flex flex-col text-xs text-[var(--muted)]">
            When
            <select name={F.when} className={FIELD} defaultValue={initial.when ?? 'unknown'}>
              {WHEN_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {/* Shown by CSS (app/globals.css) while "At a time" is chosen, so it works without JavaScript. */}
          <label className="reader-time-field flex-col text-xs text-[var(--muted)]">
            Time (ET)
            <input name={F.time} type="time" className={FIELD} defaultValue={initial.time} />
          </label>
        </div>
        <label className="flex flex-col text-xs text-[var(--muted)]">
          Title
          <input
            name={F.title}
            type="text"
            required
            maxLength={MAX_READER_TITLE}
            className={FIELD}
            placeholder="What happened"
            defaultValue={initial.title}
          />
        </label>
        <div className="flex flex-wrap gap-2">
          <label className="flex flex-col text-xs text-[var(--muted)]">
            Category (optional)
            <select name={F.category} className={FIELD} defaultValue={initial.category ?? ''}>
              <option value="">None (shown as market)</option>
              {EVENT_CATEGORY_IDS.map((c) => (
                <option key={c} value={c}>
                  {EVENT_CATEGORIES[c].label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-1 flex-col text-xs text-[var(--muted)]">
            Source link (optional)
            <input
              name={F.url}
              type="url"
              maxLength={MAX_READER_URL}
              className={FIELD}
              placeholder="https://"
              defaultValue={initial.url}
            />
          </label>
        </div>
        {error ? (
          <p role="alert" className="rounded bg-[var(--error-bg)] px-2 py-1 text-xs text-[var(--error-fg)]">
            {error}
          </p>
        ) : null}
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={full}
            className="rounded-md border border-[var(--border)] px-3 py-1 text-sm font-medium disabled:opacity-50"
          >
            Add to the chart
          </button>
          <span className="text-xs text-[var(--muted)]">Kept in the page link only; not checked by us.</span>
        </div>
      </form>
    </details>
  )
}
