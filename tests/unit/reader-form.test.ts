import { describe, expect, it } from 'vitest'
import { viewHref } from '@/lib/client/urls'
import { decodeReaderEvents, MAX_READER_EVENTS } from '@/lib/events/reader-events'
import { READER_FORM_FIELDS, readReaderForm, readerFormValues, viewWithReaderEvent } from '@/lib/view/reader-form'
import { DEFAULT_VIEW, parseViewState, viewToQuery } from '@/lib/view/state'

// The reader's own events here are typed-in test inputs (a title and a date a reader might enter), not catalog
// facts or prices.
const TODAY = '2026-12-01'
const view = { ...DEFAULT_VIEW, symbols: ['NVDA', 'SPY'], from: '2025-01-06', to: '2025-02-14' }

/** The query a browser sends for the form without JavaScript: the view's hidden fields, then the form's. */
function submission(fields: Record<string, string>, from = view): URLSearchParams {
  const params = new URLSearchParams(viewToQuery(from))
  for (const [k, v] of Object.entries(fields)) params.append(k, v)
  return params
}

describe('the "Add your own event" form, sent without JavaScript', () => {
  it('reads only its own fields, which no view parameter shares', () => {
    const params = submission({ 'add-date': '2025-02-03', 'add-title': 'Tariff test', 'add-when': 'after' })
    expect(readerFormValues((n) => params.get(n))).toEqual({ date: '2025-02-03', title: 'Tariff test', when: 'after' })
    // The page reads the view from the same query (app/page.tsx): the form's fields are no view parameter, so
    // it is the view the form was on, with no notice.
    expect(parseViewState(params, TODAY)).toEqual({ view, notices: [] })
    for (const name of Object.values(READER_FORM_FIELDS))
      expect(new URLSearchParams(viewToQuery(view)).has(name)).toBe(false)
    // A plain view link is no submission.
    const plain = new URLSearchParams(viewToQuery(view))
    expect(readerFormValues((n) => plain.get(n))).toBeNull()
  })

  it('turns an accepted event into the view the in-page form makes: in the link, selected, around its session', () => {
    const params = submission({
      'add-date': '2025-02-03',
      'add-when': 'after',
      'add-title': '  Tariff   test ',
      'add-category': 'policy',
      'add-url': 'https://example.org/story?id=1',
    })
    const read = readReaderForm(
      readerFormValues((n) => params.get(n))!,
      view.mine.length,
    )
    if (!read.ok) throw new Error(read.message)
    const next = viewWithReaderEvent(view, read.event)
    expect(next.event).toBe('mine-1')
    expect(next.mine).toHaveLength(1)
    // After the close on Mon 2025-02-03: the first session to react is Tue 2025-02-04, ten sessions either side.
    expect(next.from < '2025-02-04' && next.to > '2025-02-04').toBe(true)
    expect(next.symbols).toEqual(view.symbols)
    // The redirect target reads back to the same view, with the event decoded from the link.
    const href = viewHref(next)
    const back = parseViewState(new URLSearchParams(href.slice(href.indexOf('?') + 1)), TODAY)
    expect(back.notices).toEqual([])
    expect(back.view).toEqual(next)
    expect(back.view.mine[0]).toMatchObject({ title: 'Tariff test', category: 'policy', when: 'after' })
  })

  it('a time is read only when "At a time" is chosen', () => {
    const at = readReaderForm({ date: '2025-01-21', when: 'time', time: '17:30', title: 'Late news' }, 0)
    expect(at.ok && at.event.when).toBe('17:30')
    const keyword = readReaderForm({ date: '2025-01-21', when: 'pre', time: '17:30', title: 'Early news' }, 0)
    expect(keyword.ok && keyword.event.when).toBe('pre')
    const missing = readReaderForm({ date: '2025-01-21', when: 'time', title: 'No time given' }, 0)
    expect(missing.ok).toBe(false)
  })

  it('refuses what a link would refuse, and says why', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ date: '2025-02-30', title: 'Bad date' }, /not a real date/],
      [{ date: '2025-02-03', title: ' ' }, /title is empty/],
      [{ date: '2025-02-03', title: 'Sneaky', url: 'javascript:alert(1)' }, /http\(s\) link/],
      [{ date: '2025-02-03', title: 'x'.repeat(200) }, /longer than/],
      [{ date: '2025-02-03', title: 'Odd category', category: 'nope' }, /category/],
      [{ title: 'No date' }, /date/],
    ]
    for (const [values, message] of cases) {
      const read = readReaderForm(values, 0)
      expect(read.ok, JSON.stringify(values)).toBe(false)
      if (!read.ok) expect(read.message).toMatch(/^Not added: /)
      if (!read.ok) expect(read.message).toMatch(message)
    }
  })

  it('refuses a sixth event: a link carries at most five', () => {
    const read = readReaderForm({ date: '2025-02-03', title: 'One too many' }, MAX_READER_EVENTS)
    expect(read).toEqual({
      ok: false,
      message: `Not added: a link carries at most ${MAX_READER_EVENTS} of your events.`,
    })
  })

  it('adds after the events the link already carries, numbered after them', () => {
    const first = readReaderForm({ date: '2025-01-24', when: 'pre', title: 'First one' }, 0)
    const second = readReaderForm({ date: '2025-02-03', when: 'after', title: 'Second one' }, 1)
    if (!first.ok || !second.ok) throw new Error('refused')
    const next = viewWithReaderEvent(viewWithReaderEvent(view, first.event), second.event)
    expect(next.event).toBe('mine-2')
    const href = viewHref(next)
    const mine = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('mine')
    expect(decodeReaderEvents(mine).events.map((e) => e.title)).toEqual(['First one', 'Second one'])
  })
})
