'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { isIsoDate } from '@/lib/dates'
import { EARLIEST_DATE } from '@/lib/params'

/** A typed date is only taken once the reader pauses this long (or leaves the field, or presses Enter). */
const COMMIT_AFTER_MS = 800
// The API's floor (lib/params.ts); the ceiling only catches typos such as 20255.
const EARLIEST = EARLIEST_DATE
const LATEST = '2100-12-31'
/**
 * An ISO text field in the server's HTML, a date picker in the browser: lib/ui/date-field-script.ts turns the
 * server's fields into date pickers after the first frame, and hydration writes the same type again (React sets an
 * input's type as it hydrates it). The type differs between the two renders on purpose, so the field's hydration
 * warning is suppressed. Both are as wide as a date picker is on its own, so the row does not move as the type
 * changes.
 */
const FIELD_TYPE = typeof window === 'undefined' ? 'text' : 'date'

export interface DateFieldProps {
  label: string
  value: string
  /** The field's name in the range form, which a reader without JavaScript submits to the page. */
  name?: string
  /** Returns an error message to show instead of committing, or null to accept the date. */
  validate?: (date: string) => string | null
  onCommit: (date: string) => void
}

/**
 * A date input that edits a draft and writes the view only for a complete, plausible date. Writing on every
 * keystroke would turn "0", "02", "020", "2025" into four history entries, four requests and, as the URL fed
 * the field back, a date the reader never typed.
 */
export function DateField({ label, value, name, validate, onCommit }: DateFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState({ text: value, from: value })
  const [message, setMessage] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const input = useRef<HTMLInputElement>(null)

  // The view changed from outside (a preset, Back, a zoom): show it, dropping any draft.
  let text = draft.text
  if (draft.from !== value) {
    text = value
    setDraft({ text: value, from: value })
  }

  useEffect(() => {
    // A date typed into the server-rendered field before the script ran: React keeps what the field shows but
    // replays no change event, so take it up as if it had just been typed (the commit waits for the same pause).
    const early = input.current?.value ?? value
    if (early !== value) edit(early)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
    // Once, at hydration: later edits arrive as change events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function edit(next: string) {
    setDraft({ text: next, from: value })
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => commit(next), COMMIT_AFTER_MS)
  }

  function commit(candidate: string) {
    if (timer.current) clearTimeout(timer.current)
    if (candidate === value) return setMessage(null)
    if (!isIsoDate(candidate) || candidate < EARLIEST || candidate > LATEST) {
      setMessage(candidate ? `${label}: not a date between 1990 and 2100.` : null)
      return
    }
    const problem = validate?.(candidate) ?? null
    setMessage(problem)
    if (!problem) onCommit(candidate)
  }

  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-xs font-medium text-[var(--muted)]">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name={name}
        type={FIELD_TYPE}
        data-date-field=""
        suppressHydrationWarning
        inputMode="numeric"
        pattern="\d{4}-\d{2}-\d{2}"
        placeholder="YYYY-MM-DD"
        value={text}
        min={EARLIEST}
        max={LATEST}
        aria-describedby={message ? `${id}-msg` : undefined}
        aria-invalid={message ? true : undefined}
        onChange={(e) => edit(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e.currentTarget.value)
        }}
        className="w-[8.5rem] rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm aria-[invalid=true]:border-[var(--error-fg)]"
      />
      <span id={`${id}-msg`} role="status" className="min-h-0 text-xs text-[var(--error-fg)]">
        {message}
      </span>
    </div>
  )
}
