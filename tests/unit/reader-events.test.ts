import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EVENT_CATEGORY_IDS, effectiveTradingDate } from '@/lib/events'
import {
  MAX_READER_EVENTS,
  MAX_READER_PARAM,
  MAX_READER_TITLE,
  decodeReaderEvents,
  encodeReaderEvents,
  readerSession,
  readerTradingDate,
  validateReaderEvent,
  type ReaderEvent,
} from '@/lib/events/reader-events'
import { parseViewState, viewToQuery, DEFAULT_VIEW } from '@/lib/view/state'

const sample: ReaderEvent = {
  date: '2025-03-10',
  when: 'after',
  title: 'My own shock, with a comma; and a semicolon',
  category: 'policy',
  url: 'https://example.com/a?b=1,2;3',
}

describe('reader events: the URL codec', () => {
  it('round-trips events whose text contains the separators', () => {
    const encoded = encodeReaderEvents([
      sample,
      { ...sample, when: '14:05', category: null, url: null, title: 'Zweites Ereignis – ü, ß' },
    ])
    expect(decodeReaderEvents(encoded)).toEqual({
      events: [sample, { ...sample, when: '14:05', category: null, url: null, title: 'Zweites Ereignis – ü, ß' }],
      notices: [],
    })
  })

  it('round-trips through the page URL, with the rest of the view', () => {
    const view = { ...DEFAULT_VIEW, mine: [sample], event: 'mine-1' }
    const query = viewToQuery(view)
    expect(query).toContain('mine=')
    const parsed = parseViewState(new URLSearchParams(query))
    expect(parsed.notices).toEqual([])
    expect(parsed.view).toEqual(view)
  })

  it('round-trips any valid event (property)', () => {
    const title = fc
      .string({ minLength: 2, maxLength: MAX_READER_TITLE })
      .filter((t) => t.trim().length >= 2 && !/[\u0000-\u001f\u007f]/.test(t) && t === t.trim().replace(/\s+/g, ' '))
    const event = fc.record({
      date: fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      when: fc.oneof(
        fc.constantFrom('pre', 'during', 'after', 'unknown'),
        fc
          .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      ),
      title,
      category: fc.option(fc.constantFrom(...EVENT_CATEGORY_IDS), { nil: null }),
      url: fc.option(
        fc.webUrl().filter((u) => u.length <= 300 && /^https?:/.test(u)),
        { nil: null },
      ),
    }) as fc.Arbitrary<ReaderEvent>
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: MAX_READER_EVENTS }), (events) => {
        const valid = events.filter((e) => validateReaderEvent(e).ok)
        const back = decodeReaderEvents(encodeReaderEvents(valid))
        expect(back.notices).toEqual([])
        expect(back.events.length).toBe(valid.length)
      }),
      { numRuns: 200 },
    )
  })

  it('drops hostile or broken entries with a notice and keeps the good ones', () => {
    const good = encodeReaderEvents([sample])
    const cases: [string, RegExp][] = [
      ['2025-02-30,pre,Bad%20date,,', /not a real date/],
      ['2025-03-10,25:00,Bad%20time,,', /time must be/],
      ['2025-03-10,pre,x,,', /title is empty/],
      [`2025-03-10,pre,${'a'.repeat(MAX_READER_TITLE + 1)},,`, /longer than/],
      ['2025-03-10,pre,Evil,,javascript%3Aalert(1)', /http\(s\) link/],
      ['2025-03-10,pre,Evil,,https%3A%2F%2Fuser%3Apw%40example.com', /http\(s\) link/],
      ['2025-03-10,pre,Ti%00tle,,', /control characters/],
      ['2025-03-10,pre,Cat,crypto,', /category must be/],
      ['2025-03-10,pre,%E0%A4%A,,', /not encoded/],
      ['only,three,fields', /five fields/],
      ['1850-01-01,pre,Too%20early,,', /must lie between/],
    ]
    for (const [bad, message] of cases) {
      const { events, notices } = decodeReaderEvents(`${bad};${good}`)
      expect(events, bad).toEqual([sample])
      expect(notices.length, bad).toBe(1)
      expect(notices[0], bad).toMatch(message)
      expect(notices[0], bad).toMatch(/^Ignored your event 1/)
    }
  })

  it('caps the count and the length, and never throws on junk (property)', () => {
    const many =
      encodeReaderEvents(Array.from({ length: MAX_READER_EVENTS }, () => sample)) +
      ';' +
      encodeReaderEvents([sample, sample])
    const capped = decodeReaderEvents(many)
    expect(capped.events).toHaveLength(MAX_READER_EVENTS)
    expect(capped.notices.join(' ')).toMatch(/first 5 of your 7/)
    expect(decodeReaderEvents('x'.repeat(MAX_READER_PARAM + 1))).toEqual({
      events: [],
      notices: [expect.stringMatching(/longer than/)],
    })
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (junk) => {
        const { events } = decodeReaderEvents(junk)
        expect(events.length).toBeLessThanOrEqual(MAX_READER_EVENTS)
      }),
      { numRuns: 500 },
    )
    // A junk `mine=` in a page link costs only itself.
    const parsed = parseViewState({ symbols: 'NVDA', mine: '%%%;,,,,' })
    expect(parsed.view.symbols).toEqual(['NVDA'])
    expect(parsed.view.mine).toEqual([])
    expect(parsed.notices.length).toBeGreaterThan(0)
  })
})

describe('reader events: effective trading date by the catalog rules', () => {
  it('maps keywords and times to sessions', () => {
    expect(readerSession('pre')).toBe('pre_market')
    expect(readerSession('09:29')).toBe('pre_market')
    expect(readerSession('09:30')).toBe('during')
    expect(readerSession('15:59')).toBe('during')
    expect(readerSession('16:00')).toBe('close')
    expect(readerSession('16:01')).toBe('after_close')
    expect(readerSession('unknown')).toBe('unknown')
  })

  it('puts events on the first session that could react, as for catalog events', () => {
    // After the close on Tuesday 2025-01-21 (Stargate): Wednesday.
    expect(readerTradingDate({ date: '2025-01-21', when: 'after' })).toBe('2025-01-22')
    // A holiday (MLK Day, 2025-01-20), whatever the hour: Tuesday.
    expect(readerTradingDate({ date: '2025-01-20', when: '10:00' })).toBe('2025-01-21')
    // Sunday 2025-01-26: Monday.
    expect(readerTradingDate({ date: '2025-01-26', when: 'unknown' })).toBe('2025-01-27')
    // Before the open on a session: that day. Friday after the close: Monday.
    expect(readerTradingDate({ date: '2025-01-24', when: 'pre' })).toBe('2025-01-24')
    expect(readerTradingDate({ date: '2025-01-24', when: '17:30' })).toBe('2025-01-27')
    // Good Friday 2025-04-18 (NYSE closed): Monday 2025-04-21.
    expect(readerTradingDate({ date: '2025-04-18', when: 'during' })).toBe('2025-04-21')
    // The same function the catalog uses.
    expect(readerTradingDate({ date: '2025-03-07', when: 'after' })).toBe(
      effectiveTradingDate('2025-03-07', 'after_close'),
    )
  })
})
