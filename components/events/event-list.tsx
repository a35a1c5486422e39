'use client'

import { useEffect, useRef, type ReactNode } from 'react'
import type { ChartEvent } from '@/lib/chart/model'
import { EVENT_CATEGORIES } from '@/lib/events/categories'
import { IMPORTANCE_TITLE } from '@/lib/events/importance'
import { eventWhen } from '@/lib/view/events'
import { formatFullDate } from '@/lib/format'
import { EVENT_CATEGORY_IDS, type EventCategoryId } from '@/lib/view/state'
import { eventRowHtml, type EventRowHtmlInput } from '@/lib/events/row-html'
import { isPlainClick, ViewLink } from '../controls/view-link'

export interface EventListProps {
  events: ChartEvent[]
  categories: EventCategoryId[]
  selectedEventId: string | null
  /** Ids of events whose marker is on the current chart. */
  visibleIds: ReadonlySet<string>
  onCategoriesChange: (categories: EventCategoryId[]) => void
  onSelect: (id: string) => void
  /** The page URL of the view `onSelect` makes: an event's title is a link to it, so it works before JavaScript. */
  hrefForEvent: (id: string) => string
  /** Removes one of the reader's own events. */
  onRemoveReader?: (id: string) => void
  /** Shown under the heading: the form for the reader's own events. */
  form?: ReactNode
  /** Why the card text of an event in view could not be loaded, if it could not. */
  detailError?: string | null
}

export function EventCategoryFilter({
  categories,
  onChange,
}: {
  categories: EventCategoryId[]
  onChange: (c: EventCategoryId[]) => void
}) {
  return (
    <fieldset className="flex flex-wrap gap-1.5">
      <legend className="sr-only">Event categories shown</legend>
      {EVENT_CATEGORY_IDS.map((c) => {
        const on = categories.includes(c)
        const style = EVENT_CATEGORIES[c]
        return (
          <label
            key={c}
            className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-[var(--accent)] ${on ? 'border-[var(--muted)]' : 'border-[var(--border)] opacity-60'}`}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={on}
              onChange={() =>
                onChange(
                  on
                    ? categories.filter((x) => x !== c)
                    : EVENT_CATEGORY_IDS.filter((x) => x === c || categories.includes(x)),
                )
              }
            />
            <span className="h-2.5 w-2.5 rounded-full" style={{ background: `var(${style.colorVar})` }} aria-hidden />
            {style.label}
          </label>
        )
      })}
    </fieldset>
  )
}

export function EventDetails({ event, linkSources = true }: { event: ChartEvent; linkSources?: boolean }) {
  const detail = event.detail
  return (
    <>
      <p className="text-xs text-[var(--muted)]">{eventWhen(event, formatFullDate)}</p>
      {detail ? (
        <>
          <p className="mt-1 text-sm">{detail.summary}</p>
          {linkSources ? (
            <p className="mt-1 text-xs text-[var(--muted)]" data-testid="verification-note">
              <span className="font-semibold">
                {event.origin === 'reader' ? 'Your event: ' : event.verified ? 'Verified: ' : 'Partly verified: '}
              </span>
              {detail.verificationNote}
            </p>
          ) : null}
          {linkSources ? (
            <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">
              {detail.sources.map((s) => (
                <a
                  key={s.url}
                  href={s.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-block py-1 text-[var(--accent)] underline underline-offset-2"
                >
                  {s.title}
                </a>
              ))}
            </p>
          ) : (
            <p className="mt-1 text-xs text-[var(--muted)]">
              Sources: {detail.sources.map((s) => s.title.split(':')[0]).join(' · ')}
            </p>
          )}
        </>
      ) : null}
    </>
  )
}

/** Marks an event the reader added: never shown as verified. */
export function ReaderMark() {
  return (
    <span
      className="rounded bg-sky-600/15 px-1.5 text-[10px] font-semibold uppercase text-sky-700 dark:text-sky-300"
      title="You (or whoever shared this link) added this event; it is not checked"
      data-testid="reader-mark"
    >
      your event · not verified
    </span>
  )
}

export function VerifiedMark({ verified }: { verified: boolean }) {
  return verified ? (
    <span
      className="rounded bg-emerald-600/15 px-1.5 text-[10px] font-semibold uppercase text-emerald-800 dark:text-emerald-300"
      title="Facts seen in the sources listed"
    >
      ✓ verified
    </span>
  ) : (
    <span
      className="rounded bg-amber-500/15 px-1.5 text-[10px] font-semibold uppercase text-amber-800 dark:text-amber-300"
      title="Part of this entry (often the time of day) rests on one secondary source"
    >
      partly verified
    </span>
  )
}

/** What an event's row shows: the same for `EventRow` and for the markup of `eventRowHtml` (lib/events/row-html.ts). */
export type EventRowProps = EventRowHtmlInput

/**
 * An event's row as React elements: the rows of the reader's own events (their "remove" is a button) are rendered so;
 * a catalog event's row is the same markup from `eventRowHtml`, which tests/unit/event-row-html.test.tsx checks
 * against this component for every event of the catalog.
 */
export function EventRow({
  event,
  full,
  selected,
  inRange,
  href,
  detailError,
  onSelect,
  onRemoveReader,
}: EventRowProps & { onSelect?: (id: string) => void; onRemoveReader?: (id: string) => void }) {
  const style = EVENT_CATEGORIES[event.category]
  return (
    <div className="flex items-start gap-2">
      <span
        className={`mt-0.5 inline-flex shrink-0 items-center justify-center rounded-full border-2 font-bold ${full ? 'h-6 w-6 text-xs' : 'h-5 w-5 text-[10px]'}`}
        style={{ borderColor: `var(${style.colorVar})`, color: `var(${style.colorVar})` }}
        aria-hidden
      >
        {event.number}
      </span>
      <div className="min-w-0 flex-1">
        <div className={`flex flex-wrap items-center ${full ? 'gap-2' : 'gap-x-2 gap-y-0.5'}`}>
          <ViewLink
            href={href}
            onNavigate={() => onSelect?.(event.id)}
            data-event-link={event.id}
            aria-current={selected ? 'true' : undefined}
            // A compact row keeps its title small, so the row reads in two lines on a phone, not four.
            className={`text-left font-medium hover:underline ${full ? '' : 'text-sm'}`}
            aria-label={`${event.number}. ${event.title}: zoom the chart to ten sessions either side`}
          >
            {event.title}
          </ViewLink>
          <span className="text-[10px] font-semibold uppercase" style={{ color: `var(${style.colorVar})` }}>
            {style.label}
          </span>
          {event.origin === 'reader' ? <ReaderMark /> : <VerifiedMark verified={event.verified} />}
          {event.origin === 'reader' && onRemoveReader ? (
            <button
              type="button"
              className="text-[10px] text-[var(--muted)] underline"
              onClick={() => onRemoveReader(event.id)}
              aria-label={`Remove your event ${event.title}`}
            >
              remove
            </button>
          ) : null}
          {event.importance === 'major' ? (
            <span
              className="rounded border border-[var(--border)] px-1.5 text-[10px] font-semibold uppercase"
              title={full ? IMPORTANCE_TITLE : undefined}
            >
              major
            </span>
          ) : null}
          {!inRange ? (
            <span className="text-[10px] text-[var(--muted)]">
              {full ? '' : `${formatFullDate(event.date)} · `}not in the chart’s range
            </span>
          ) : null}
        </div>
        {full ? <EventDetails event={event} /> : null}
        {full && !event.detail ? (
          <p className="mt-1 text-xs text-[var(--muted)]" role="status">
            {detailError ?? 'Loading the summary and sources…'}
          </p>
        ) : null}
      </div>
    </div>
  )
}

/** What a reader does to scroll the side panel themselves: an automatic scroll never overrides it. */
const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const

/** The nearest ancestor that scrolls on its own (the side panel on wide screens), or null. */
function scrollingAncestor(node: HTMLElement | null): HTMLElement | null {
  for (let el = node?.parentElement ?? null; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return el
  }
  return null
}

/** The chronological list of events: filterable, and each one selectable to zoom the chart around it. */
export function EventList({
  events,
  categories,
  selectedEventId,
  visibleIds,
  onCategoriesChange,
  onSelect,
  hrefForEvent,
  onRemoveReader,
  form,
  detailError = null,
}: EventListProps) {
  // The reader's own events are always listed: the category filter is for the catalog.
  const shown = events.filter((e) => e.origin === 'reader' || categories.includes(e.category))
  const sectionRef = useRef<HTMLElement>(null)
  const headerRef = useRef<HTMLDivElement>(null)
  const aligned = useRef(false)

  // Bring the selected event into view inside the side panel (wide screens, where the panel scrolls on its own).
  // On a phone the panel does not scroll by itself, and the page must not jump away from the chart.
  // With nothing selected, the first event on the chart leads, so the panel shows what the chart shows.
  const firstOnChart = shown.find((e) => visibleIds.has(e.id))?.id ?? null
  const target = selectedEventId ?? firstOnChart
  useEffect(() => {
    // Cards far from view are not laid out until they come near it (`render-when-near`), so the cards that render
    // as the panel moves get their real height only then, and the card moves with them: jump, then correct
    // until it holds (a smooth scroll would end wherever the estimate was). Never against the reader:
    // a wheel, touch, press or key in the panel meanwhile leaves the scroll where they took it.
    // Reading the layout forces the browser to compute it first: about 11 ms of style and layout per load of the
    // first view, right after hydration's commit has touched the whole page (a CPU profile, docs/performance.md).
    // On the first view the browser's own first layout has already put the card in place
    // (`panel-starts-here`, where `scroll-initial-target` is supported), so the correction can wait until the
    // main thread is idle; a later change of target is followed in the next frame.
    const first = !aligned.current
    aligned.current = true
    const waitForIdle =
      first && typeof requestIdleCallback === 'function' && CSS.supports('scroll-initial-target', 'nearest')
    let reader = false
    let frame = 0
    let idle = 0
    let panel: HTMLElement | null = null
    const interrupt = () => {
      reader = true
    }
    const start = () => {
      panel = scrollingAncestor(sectionRef.current)
      const item = target ? document.getElementById(`event-${target}`) : null
      if (!panel || !item || panel.scrollHeight <= panel.clientHeight) return
      for (const type of READER_INPUT) panel.addEventListener(type, interrupt, { passive: true })
      const header = headerRef.current?.getBoundingClientRect().height ?? 0
      const scroller = panel
      const offset = () => item.getBoundingClientRect().top - scroller.getBoundingClientRect().top - header - 8
      // Which cards come near is decided when the frame renders, after this runs: so keep checking, frame by
      // frame, until the card has stayed in place for three frames (or 30 frames have passed).
      const align = (frames: number, steady: number) => {
        if (reader || frames === 0 || steady === 3) return
        const off = offset()
        const still = Math.abs(off) <= 1
        if (!still) scroller.scrollTo({ top: scroller.scrollTop + off, behavior: 'instant' })
        frame = requestAnimationFrame(() => align(frames - 1, still ? steady + 1 : 0))
      }
      align(30, 0)
    }
    if (waitForIdle) idle = requestIdleCallback(start, { timeout: 2000 })
    else frame = requestAnimationFrame(start)
    return () => {
      if (idle) cancelIdleCallback(idle)
      cancelAnimationFrame(frame)
      if (panel) for (const type of READER_INPUT) panel.removeEventListener(type, interrupt)
    }
  }, [target])

  return (
    <section aria-labelledby="events-heading" className="space-y-3" ref={sectionRef}>
      {/* The heading and filter stay in view while the side panel scrolls through the events (wide screens). */}
      <div ref={headerRef} className="space-y-3 bg-[var(--bg)] pb-2 lg:sticky lg:top-0 lg:z-10">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="events-heading" className="text-lg font-semibold">
            What happened when
          </h2>
          <span className="text-xs text-[var(--muted)]">
            {shown.length} of {events.length} events
          </span>
        </div>
        <EventCategoryFilter categories={categories} onChange={onCategoriesChange} />
      </div>
      {form}
      <ol
        className="space-y-2"
        data-testid="event-list"
        // The catalog rows are markup, so their titles' clicks are taken here: a plain click is the in-page
        // transition, a modified one (new tab, window, download) is left to the browser, as a ViewLink does.
        // A reader's row is a ViewLink itself, which has already taken its click (and prevented the default).
        onClick={(event) => {
          if (!isPlainClick(event)) return
          const link = event.target instanceof Element ? event.target.closest('a[data-event-link]') : null
          const id = link && event.currentTarget.contains(link) ? link.getAttribute('data-event-link') : null
          if (!id) return
          event.preventDefault()
          onSelect(id)
        }}
      >
        {shown.map((e) => {
          const selected = e.id === selectedEventId
          // In full: the events on the chart and the selected one. The others are a compact row (a click on the
          // title brings the chart to them, and their card with it), which keeps the list scannable and the page
          // light: their text is not in the first view's HTML or data.
          const full = selected || visibleIds.has(e.id)
          // The card the panel leads with is its initial scroll target (app/globals.css): the browser puts it at the
          // top in its first layout, before any script runs and without one; the effect above only corrects.
          const leads = e.id === target
          const row = { event: e, full, selected, inRange: visibleIds.has(e.id), detailError }
          return (
            <li
              key={e.id}
              id={`event-${e.id}`}
              data-origin={e.origin ?? 'catalog'}
              data-card={full ? 'full' : 'line'}
              className={`rounded-md border bg-[var(--panel)] ${full ? 'render-when-near p-3' : 'render-when-near-line px-3 py-1.5'} ${selected ? 'border-[var(--accent)] ring-1 ring-[var(--accent)]' : 'border-[var(--border)]'}${leads ? ' panel-starts-here' : ''}`}
              // A catalog event's row is markup (lib/events/row-html.ts, the same as EventRow renders): there are
              // dozens, and React hydrates markup without walking it. Its link's click is handled by the list.
              dangerouslySetInnerHTML={
                e.origin === 'reader' ? undefined : { __html: eventRowHtml({ ...row, href: hrefForEvent(e.id) }) }
              }
            >
              {e.origin === 'reader' ? (
                <EventRow {...row} href={hrefForEvent(e.id)} onSelect={onSelect} onRemoveReader={onRemoveReader} />
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
