'use client'

import { useId, useState, type FormEvent } from 'react'
import { EVENT_CATEGORIES, EVENT_CATEGORY_IDS } from '@/lib/events/categories'
import {
  MAX_READER_EVENTS,
  MAX_READER_TITLE,
  MAX_READER_URL,
  validateReaderEvent,
  type ReaderEvent,
} from '@/lib/events/reader-events'

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
}

/**
 * A small form for an event of the reader's own. It is validated by the same codec that reads links, so what the
 * form accepts a shared link carries; nothing is sent anywhere, the event lives in the page URL.
 */
export function ReaderEventForm({ count, onAdd }: ReaderEventFormProps) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [when, setWhen] = useState<(typeof WHEN_OPTIONS)[number]['value']>('unknown')
  const [error, setError] = useState<string | null>(null)
  const full = count >= MAX_READER_EVENTS

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const text = (k: string) => {
      const v = data.get(k)
      return typeof v === 'string' ? v : ''
    }
    const result = validateReaderEvent({
      date: text('date'),
      when: when === 'time' ? text('time') : when,
      title: text('title'),
      category: text('category') || null,
      url: text('url') || null,
    })
    if (!result.ok) {
      setError(`Not added: ${result.message}.`)
      return
    }
    setError(null)
    e.currentTarget.reset()
    setWhen('unknown')
    onAdd(result.event)
  }

  return (
    <div className="rounded-md border border-dashed border-[var(--border)] p-2" data-testid="reader-event-form">
      <button
        type="button"
        className="text-sm font-medium text-[var(--accent)] underline underline-offset-2"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Close the form' : 'Add your own event'}
      </button>
      {open ? (
        <form
          id={`${id}-form`}
          onSubmit={submit}
          className="mt-2 grid gap-2"
          aria-label="Add your own event"
          noValidate
        >
          {full ? (
            <p className="text-xs text-[var(--muted)]">
              A link carries at most {MAX_READER_EVENTS} of your events; remove one to add another.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <label className="flex flex-col text-xs text-[var(--muted)]">
              Date
              <input name="date" type="date" required className={FIELD} min="1998-01-02" max="2099-12-01" />
            </label>
            <label className="flex flex-col text-xs text-[var(--muted)]">
              When
              <select className={FIELD} value={when} onChange={(e) => setWhen(e.target.value as typeof when)}>
                {WHEN_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
            {when === 'time' ? (
              <label className="flex flex-col text-xs text-[var(--muted)]">
                Time (ET)
                <input name="time" type="time" required className={FIELD} />
              </label>
            ) : null}
          </div>
          <label className="flex flex-col text-xs text-[var(--muted)]">
            Title
            <input
              name="title"
              type="text"
              required
              maxLength={MAX_READER_TITLE}
              className={FIELD}
              placeholder="What happened"
            />
          </label>
          <div className="flex flex-wrap gap-2">
            <label className="flex flex-col text-xs text-[var(--muted)]">
              Category (optional)
              <select name="category" className={FIELD} defaultValue="">
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
              <input name="url" type="url" maxLength={MAX_READER_URL} className={FIELD} placeholder="https://" />
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
      ) : null}
    </div>
  )
}
