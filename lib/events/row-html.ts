import type { ChartEvent } from '../chart/model'
import { formatFullDate } from '../format'
import { escapeHtml, escapeUrl } from '../html'
import { eventWhen } from '../view/events'
import { EVENT_CATEGORIES } from './categories'
import { IMPORTANCE_TITLE } from './importance'

/** What a catalog event's row in the list shows (components/events/event-list.tsx `EventRowProps`). */
export interface EventRowHtmlInput {
  event: ChartEvent
  /** The whole card (summary, sources, verification), or the compact row. */
  full: boolean
  selected: boolean
  /** Whether the event's marker is on the current chart. */
  inRange: boolean
  /** The page URL of the event's view: its title links there. */
  href: string
  detailError: string | null
}

const VERIFIED =
  '<span class="rounded bg-emerald-600/15 px-1.5 text-[10px] font-semibold uppercase text-emerald-800 dark:text-emerald-300" title="Facts seen in the sources listed">✓ verified</span>'
const PARTLY_VERIFIED =
  '<span class="rounded bg-amber-500/15 px-1.5 text-[10px] font-semibold uppercase text-amber-800 dark:text-amber-300" title="Part of this entry (often the time of day) rests on one secondary source">partly verified</span>'

/**
 * The inside of a catalog event's row in the list, as markup: exactly what the `EventRow` component renders for it
 * (tests/unit/event-row-html.test.tsx compares the two on every event of the catalog, in every state). The list has
 * dozens of rows, and React hydrates markup (`dangerouslySetInnerHTML`) without walking it, where it would walk
 * every element and text of every row. Its title link carries `data-event-link`, whose click the list takes.
 * Every text is escaped. The reader's own events are not written here: their row has a button, so React renders it.
 */
export function eventRowHtml({ event, full, selected, inRange, href, detailError }: EventRowHtmlInput): string {
  const style = EVENT_CATEGORIES[event.category]
  const color = escapeHtml(`var(${style.colorVar})`)
  const out: string[] = [
    '<div class="flex items-start gap-2">',
    `<span class="mt-0.5 inline-flex shrink-0 items-center justify-center rounded-full border-2 font-bold ${full ? 'h-6 w-6 text-xs' : 'h-5 w-5 text-[10px]'}" style="border-color:${color};color:${color}" aria-hidden="true">${event.number}</span>`,
    '<div class="min-w-0 flex-1">',
    `<div class="flex flex-wrap items-center ${full ? 'gap-2' : 'gap-x-2 gap-y-0.5'}">`,
    `<a href="${escapeUrl(href)}" data-event-link="${escapeHtml(event.id)}"${selected ? ' aria-current="true"' : ''} class="text-left font-medium hover:underline ${full ? '' : 'text-sm'}" aria-label="${escapeHtml(`${event.number}. ${event.title}: zoom the chart to ten sessions either side`)}">${escapeHtml(event.title)}</a>`,
    `<span class="text-[10px] font-semibold uppercase" style="color:${color}">${escapeHtml(style.label)}</span>`,
    event.verified ? VERIFIED : PARTLY_VERIFIED,
  ]
  if (event.importance === 'major') {
    out.push(
      `<span class="rounded border border-[var(--border)] px-1.5 text-[10px] font-semibold uppercase"${full ? ` title="${escapeHtml(IMPORTANCE_TITLE)}"` : ''}>major</span>`,
    )
  }
  if (!inRange) {
    out.push(
      `<span class="text-[10px] text-[var(--muted)]">${full ? '' : `${escapeHtml(formatFullDate(event.date))} · `}not in the chart’s range</span>`,
    )
  }
  out.push('</div>')
  if (full) {
    out.push(`<p class="text-xs text-[var(--muted)]">${escapeHtml(eventWhen(event, formatFullDate))}</p>`)
    const detail = event.detail
    if (detail) {
      out.push(
        `<p class="mt-1 text-sm">${escapeHtml(detail.summary)}</p>`,
        `<p class="mt-1 text-xs text-[var(--muted)]" data-testid="verification-note"><span class="font-semibold">${event.verified ? 'Verified: ' : 'Partly verified: '}</span>${escapeHtml(detail.verificationNote)}</p>`,
        '<p class="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs">',
        ...detail.sources.map(
          (s) =>
            `<a href="${escapeUrl(s.url)}" target="_blank" rel="noopener noreferrer" class="inline-block py-1 text-[var(--accent)] underline underline-offset-2">${escapeHtml(s.title)}</a>`,
        ),
        '</p>',
      )
    } else {
      out.push(
        `<p class="mt-1 text-xs text-[var(--muted)]" role="status">${escapeHtml(detailError ?? 'Loading the summary and sources…')}</p>`,
      )
    }
  }
  out.push('</div></div>')
  return out.join('')
}
