import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { EventRow } from '@/components/events/event-list'
import type { ChartEvent } from '@/lib/chart/model'
import { events } from '@/lib/events'
import { eventRowHtml, type EventRowHtmlInput } from '@/lib/events/row-html'
import { escapeUrl } from '@/lib/html'
import { toChartEvents } from '@/lib/view/events'

const catalog = toChartEvents(events)
const withoutText = (e: ChartEvent): ChartEvent => ({ ...e, detail: undefined })
const react = (input: EventRowHtmlInput) => renderToStaticMarkup(<EventRow {...input} />)

describe('a catalog event row as markup', () => {
  it('is exactly what the EventRow component renders, for every event of the catalog in every state', () => {
    let compared = 0
    for (const event of catalog) {
      for (const full of [true, false])
        for (const selected of [true, false])
          for (const inRange of [true, false])
            for (const e of [event, withoutText(event)])
              for (const detailError of [null, 'The event text could not be loaded.']) {
                const input = { event: e, full, selected, inRange, href: `/?symbols=NVDA&event=${e.id}`, detailError }
                expect(eventRowHtml(input), `${e.id} ${JSON.stringify({ full, selected, inRange, detailError })}`).toBe(
                  react(input),
                )
                compared++
              }
    }
    expect(catalog.length).toBeGreaterThan(60)
    expect(compared).toBe(catalog.length * 32)
  })

  // Synthetic events (not catalog facts): texts and links a broken or hostile source could carry.
  const hostile: ChartEvent = {
    ...catalog[0]!,
    id: 'x"><img src=x onerror=alert(1)>',
    title: `<script>alert('t')</script> & "quotes"`,
    detail: {
      summary: '<b>bold</b> & <i>',
      verificationNote: `it's "fine" <u>`,
      sources: [
        { url: 'https://example.com/a?b=1&c="2"', title: '<a href=x>' } as never,
        { url: ' javascript:alert(1)', title: 'js' } as never,
        { url: 'JaVa\tScRiPt:alert(1)', title: 'js2' } as never,
      ],
    },
  }
  it('keeps hostile texts and links as React would: escaped, and a javascript: URL blocked', () => {
    for (const full of [true, false]) {
      const input = { event: hostile, full, selected: false, inRange: false, href: '/?a=1&b="2"', detailError: '<x>' }
      expect(eventRowHtml(input)).toBe(react(input))
    }
    const html = eventRowHtml({
      event: hostile,
      full: true,
      selected: false,
      inRange: true,
      href: '/',
      detailError: null,
    })
    expect(html).not.toMatch(/<(script|img|b|i|u)[ >]/)
    expect(html).not.toContain('href=" javascript:alert')
    expect(escapeUrl('javascript:alert(1)')).toMatch(/^javascript:throw new Error\(/)
    expect(escapeUrl('https://example.com/?q=1&r=2')).toBe('https://example.com/?q=1&amp;r=2')
  })
})
