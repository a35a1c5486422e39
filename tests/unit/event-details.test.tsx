// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { GET } from '@/app/api/events/route'
import { EventList } from '@/components/events/event-list'
import type { ChartEvent } from '@/lib/chart/model'
import { fetchEventDetails } from '@/lib/client/event-details'
import { events } from '@/lib/events'
import { forFirstView, toChartEvents } from '@/lib/view/events'
import { EVENT_CATEGORY_IDS } from '@/lib/view/state'

/**
 * The first view carries the card text of its own events only; the rest comes from `GET /api/events` when
 * needed. Real catalog events throughout; the only synthetic payloads are the malformed answers, on purpose.
 */
const catalog = toChartEvents(events)
const RANGE = { from: '2025-01-13', to: '2025-02-07' }
const inRange = (e: ChartEvent) => e.tradingDate >= RANGE.from && e.tradingDate <= RANGE.to
const outside = catalog.filter((e) => !inRange(e))
const SELECTED = outside[0]!.id

afterEach(() => {
  vi.unstubAllGlobals()
  cleanup()
})

describe('forFirstView', () => {
  const first = forFirstView(catalog, RANGE, SELECTED)

  it('keeps every event and its line, and the card text only of events in range and the selected one', () => {
    expect(first.map((e) => e.id)).toEqual(catalog.map((e) => e.id))
    expect(catalog.filter(inRange).length).toBeGreaterThan(3)
    expect(outside.length).toBeGreaterThan(3)
    first.forEach((e, i) => {
      const { detail, ...line } = catalog[i]!
      const { detail: kept, ...firstLine } = e
      expect(firstLine).toEqual(line)
      if (inRange(e) || e.id === SELECTED) expect(kept).toEqual(detail)
      else expect(kept).toBeUndefined()
    })
  })

  it('sends much less text than the whole catalog', () => {
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(catalog).length * 0.6)
  })
})

describe('fetchEventDetails', () => {
  const serve = (response: Response) =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => response),
    )

  it('reads the real route’s answer into the card text of every catalog event', async () => {
    serve(await GET(new Request('http://localhost/api/events')))
    const details = await fetchEventDetails('/api/events')
    expect(details.size).toBe(catalog.length)
    for (const e of catalog) expect(details.get(e.id)).toEqual(e.detail)
  })

  it('rejects an answer of another shape instead of showing half a card (synthetic payloads)', async () => {
    serve(Response.json({ events: [{ id: 'x', summary: 1 }] }))
    await expect(fetchEventDetails('/api/events')).rejects.toThrow(/unexpected shape/)
    serve(Response.json({ error: { code: 'internal', message: 'down' } }, { status: 503 }))
    await expect(fetchEventDetails('/api/events')).rejects.toThrow('down')
  })
})

describe('EventList', () => {
  const list = (shown: ChartEvent[], visible: string[], selected: string | null, detailError: string | null = null) =>
    render(
      <EventList
        events={shown}
        categories={[...EVENT_CATEGORY_IDS]}
        selectedEventId={selected}
        visibleIds={new Set(visible)}
        onCategoriesChange={() => {}}
        onSelect={() => {}}
        hrefForEvent={(id) => `/?event=${id}`}
        detailError={detailError}
      />,
    ).container
  const item = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`#event-${id}`)!

  it('shows the events on the chart and the selected one in full, the others as one line with their date', () => {
    const visible = catalog.filter(inRange).map((e) => e.id)
    const root = list(catalog, visible, SELECTED)
    for (const e of catalog) {
      const li = item(root, e.id)
      const full = visible.includes(e.id) || e.id === SELECTED
      expect(li.dataset.card, e.id).toBe(full ? 'full' : 'line')
      // Every row links to its view, in full or not.
      expect(
        within(li)
          .getByRole('link', { name: new RegExp(`^${e.number}\\. `) })
          .getAttribute('href'),
      ).toBe(`/?event=${e.id}`)
      if (full) expect(li.textContent).toContain(e.detail!.summary)
      else {
        expect(li.textContent).not.toContain(e.detail!.summary)
        expect(li.querySelector('[data-testid="verification-note"]')).toBeNull()
      }
    }
  })

  it('says the card text is on its way, or why it is not, for an event in view that came without it', () => {
    const bare = forFirstView(catalog, { from: '1990-01-01', to: '1990-01-02' }, null)
    const id = bare[0]!.id
    const loading = list(bare, [id], null)
    expect(item(loading, id).textContent).toContain('Loading the summary and sources')
    cleanup()
    const failed = list(bare, [id], null, 'The summary and sources could not be loaded: down')
    expect(item(failed, id).textContent).toContain('could not be loaded: down')
  })
})
