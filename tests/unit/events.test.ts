import { describe, expect, it } from 'vitest'
import { isUsTradingDay } from '@/lib/calendar'
import { isWeekend } from '@/lib/dates'
import {
  EVENT_CATALOG,
  EVENT_CATEGORIES,
  EVENT_CATEGORY_IDS,
  MARKET_SESSIONS,
  SESSION_ORDER,
  catalogEventSchema,
  effectiveTradingDate,
  eventWithTradingDateSchema,
  events,
  getEventById,
  listEvents,
  sessionLabel,
} from '@/lib/events'

function tradingDateOf(id: string): string | undefined {
  return getEventById(id)?.tradingDate
}

describe('event catalog', () => {
  it('holds at least 25 events, all of them served', () => {
    expect(EVENT_CATALOG.length).toBeGreaterThanOrEqual(25)
    expect(events).toHaveLength(EVENT_CATALOG.length)
  })

  it('validates every catalog entry and every served event', () => {
    for (const entry of EVENT_CATALOG) {
      const result = catalogEventSchema.safeParse(entry)
      expect(result.success ? [] : result.error.issues, entry.id).toEqual([])
    }
    for (const event of events) {
      const result = eventWithTradingDateSchema.safeParse(event)
      expect(result.success ? [] : result.error.issues, event.id).toEqual([])
    }
  })

  it('rejects an entry that breaks the schema', () => {
    const first = EVENT_CATALOG[0]
    if (!first) throw new Error('empty catalog')
    expect(catalogEventSchema.safeParse({ ...first, id: '2099-01-01-other' }).success).toBe(false)
    expect(catalogEventSchema.safeParse({ ...first, session: 'lunchtime' }).success).toBe(false)
    expect(catalogEventSchema.safeParse({ ...first, symbols: ['^GSPC'] }).success).toBe(false)
    expect(
      catalogEventSchema.safeParse({ ...first, sources: [{ title: 'x site', url: 'ftp://example.com' }] }).success,
    ).toBe(false)
  })

  it('has unique ids', () => {
    const ids = events.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives every event sources whose URLs are http(s) and parse', () => {
    for (const event of events) {
      expect(event.sources.length, event.id).toBeGreaterThan(0)
      for (const source of event.sources) {
        expect(source.url, event.id).toMatch(/^https?:\/\//)
        expect(() => new URL(source.url), source.url).not.toThrow()
        expect(source.title.trim().length, source.url).toBeGreaterThan(3)
      }
    }
  })

  it('marks an event verified exactly when its verification is "yes"', () => {
    for (const event of events) expect(event.verified, event.id).toBe(event.verification === 'yes')
    // Bloomberg Law now gives the 28 January close; the Jan 10 app launch still rests on secondary pages.
    expect(getEventById('2025-01-28-nvda-rebound')?.verified).toBe(true)
    expect(getEventById('2025-01-10-deepseek-app')?.verified).toBe(false)
    expect(getEventById('2025-01-27-nvda-record-loss')?.verified).toBe(true)
  })

  it('keeps index tickers out of the tradable symbols', () => {
    for (const event of events) {
      for (const symbol of event.symbols) expect(symbol, event.id).not.toMatch(/^\^/)
    }
    expect(getEventById('2025-01-27-index-moves')?.indexSymbols).toEqual(['^IXIC', '^GSPC', '^SOX', '^DJI'])
  })
})

describe('effective trading date', () => {
  it('puts R1 (released on the 2025-01-20 holiday) on 2025-01-21', () => {
    expect(tradingDateOf('2025-01-20-deepseek-r1')).toBe('2025-01-21')
  })

  it('puts Stargate (after the close on 2025-01-21) on 2025-01-22', () => {
    expect(tradingDateOf('2025-01-21-stargate')).toBe('2025-01-22')
  })

  it('puts the App Store #1 (Sunday 2025-01-26) on 2025-01-27', () => {
    expect(tradingDateOf('2025-01-26-deepseek-appstore')).toBe('2025-01-27')
  })

  it('keeps Janus-Pro (2025-01-27, hour unknown) on 2025-01-27', () => {
    expect(tradingDateOf('2025-01-27-janus-pro')).toBe('2025-01-27')
  })

  it('handles the other closures and after-the-close releases', () => {
    expect(tradingDateOf('2025-01-09-market-closed-carter')).toBe('2025-01-10')
    expect(tradingDateOf('2025-01-21-musk-no-money')).toBe('2025-01-22')
    expect(tradingDateOf('2025-02-01-tariffs')).toBe('2025-02-03')
    expect(tradingDateOf('2025-02-17-presidents-day')).toBe('2025-02-18')
    expect(tradingDateOf('2025-02-26-nvda-q4fy25')).toBe('2025-02-27')
    expect(tradingDateOf('2025-01-27-nvda-record-loss')).toBe('2025-01-27')
    expect(tradingDateOf('2025-01-27-index-moves')).toBe('2025-01-27')
  })

  it('always lands on a US session no earlier than the event, later when the market could not react that day', () => {
    for (const event of events) {
      expect(isUsTradingDay(event.tradingDate), event.id).toBe(true)
      expect(event.tradingDate >= event.date, event.id).toBe(true)
      if (['after_close', 'after_close_likely', 'market_closed', 'weekend'].includes(event.session)) {
        expect(event.tradingDate > event.date, event.id).toBe(true)
      }
    }
  })

  it('has session values that agree with the calendar', () => {
    for (const event of events) {
      if (event.session === 'weekend') expect(isWeekend(event.date), event.id).toBe(true)
      if (event.session === 'market_closed') {
        expect(isWeekend(event.date) || isUsTradingDay(event.date), event.id).toBe(false)
      }
      if (['pre_market', 'during', 'pre_or_during', 'close'].includes(event.session)) {
        expect(isUsTradingDay(event.date), event.id).toBe(true)
      }
    }
  })

  it('applies the session rules to any date', () => {
    expect(effectiveTradingDate('2025-01-24', 'after_close')).toBe('2025-01-27')
    expect(effectiveTradingDate('2025-01-24', 'close')).toBe('2025-01-24')
    expect(effectiveTradingDate('2025-01-24', 'pre_market')).toBe('2025-01-24')
    expect(effectiveTradingDate('2025-01-17', 'after_close_likely')).toBe('2025-01-21')
    expect(effectiveTradingDate('2025-01-25', 'unknown')).toBe('2025-01-27')
    expect(effectiveTradingDate('2025-01-09', 'during')).toBe('2025-01-10')
  })

  it('labels every session for readers', () => {
    expect(MARKET_SESSIONS.map(sessionLabel)).toEqual([
      'before the open',
      'during the session',
      'at the close',
      'after the close',
      'likely after the close',
      'before or during the session',
      'market closed',
      'weekend',
      'time unknown',
    ])
  })
})

describe('event order and lookup', () => {
  it('sorts by event date, then by when in the day', () => {
    for (let i = 1; i < events.length; i++) {
      const prev = events[i - 1]
      const cur = events[i]
      if (!prev || !cur) throw new Error('unreachable')
      expect(prev.date <= cur.date, `${prev.id} before ${cur.id}`).toBe(true)
      if (prev.date === cur.date) {
        expect(SESSION_ORDER[prev.session] <= SESSION_ORDER[cur.session], `${prev.id} before ${cur.id}`).toBe(true)
      }
    }
  })

  it('follows the corrected sequence of the research notes', () => {
    const sequence = [
      '2024-12-26-deepseek-v3',
      '2024-12-27-deepseek-v3-report',
      '2025-01-20-deepseek-r1',
      '2025-01-21-stargate',
      '2025-01-21-musk-no-money',
      '2025-01-22-r1-arxiv',
      '2025-01-26-deepseek-appstore',
      '2025-01-27-nvda-record-loss',
      '2025-01-28-nvda-rebound',
      '2025-01-29-qwen25-max',
    ]
    const positions = sequence.map((id) => events.findIndex((e) => e.id === id))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('finds events by id', () => {
    expect(getEventById('2025-01-21-stargate')?.category).toBe('stargate')
    expect(getEventById('no-such-event')).toBeUndefined()
  })

  it('describes every category with a label and a colour token', () => {
    for (const id of EVENT_CATEGORY_IDS) {
      expect(EVENT_CATEGORIES[id].label.length).toBeGreaterThan(0)
      expect(EVENT_CATEGORIES[id].colorVar).toBe(`--event-${id}`)
    }
  })
})

describe('listEvents', () => {
  it('returns every event without filters', () => {
    expect(listEvents()).toEqual(events)
    expect(listEvents({ categories: [] })).toEqual(events)
  })

  it('filters on the trading date, inclusive at both ends', () => {
    const jan21 = listEvents({ from: '2025-01-21', to: '2025-01-21' }).map((e) => e.id)
    expect(jan21).toContain('2025-01-20-deepseek-r1')
    expect(jan21).not.toContain('2025-01-21-stargate')
    for (const e of listEvents({ from: '2025-01-22', to: '2025-01-27' })) {
      expect(e.tradingDate >= '2025-01-22' && e.tradingDate <= '2025-01-27', e.id).toBe(true)
    }
    const window = listEvents({ from: '2025-01-22', to: '2025-01-27' }).map((e) => e.id)
    expect(window).toContain('2025-01-21-stargate')
    expect(window).toContain('2025-01-26-deepseek-appstore')
    expect(window).not.toContain('2025-01-27-trump-wakeup')
  })

  it('accepts an open-ended range', () => {
    expect(listEvents({ from: '2025-03-01' }).every((e) => e.tradingDate >= '2025-03-01')).toBe(true)
    const to2024 = listEvents({ to: '2024-12-31' })
    expect(to2024.every((e) => e.tradingDate <= '2024-12-31')).toBe(true)
    expect(to2024.map((e) => e.id)).toEqual(
      expect.arrayContaining(['2024-07-17-chip-rout', '2024-12-26-deepseek-v3', '2024-12-27-deepseek-v3-report']),
    )
    expect(to2024.map((e) => e.id)).not.toContain('2025-01-03-msft-80b')
  })

  it('filters by category', () => {
    const deepseek = listEvents({ categories: ['deepseek'] })
    expect(deepseek.length).toBeGreaterThan(0)
    expect(deepseek.every((e) => e.category === 'deepseek')).toBe(true)
    const two = listEvents({ categories: ['stargate', 'earnings'] })
    expect(new Set(two.map((e) => e.category))).toEqual(new Set(['stargate', 'earnings']))
    expect(two).toHaveLength(events.filter((e) => e.category === 'stargate' || e.category === 'earnings').length)
  })

  it('combines range and category', () => {
    const ids = listEvents({ from: '2025-01-20', to: '2025-01-24', categories: ['stargate'] }).map((e) => e.id)
    expect(ids).toEqual(['2025-01-21-stargate', '2025-01-21-musk-no-money'])
  })
})
