import { describe, expect, it } from 'vitest'
import {
  closeInstant,
  closesBeforeBenchmarkOpens,
  eventInstant,
  firstSessionClosingAfter,
  zonedInstant,
} from '@/lib/reaction/exchanges'

describe('exchange hours and event instants', () => {
  it('turns local wall-clock times into instants across summer and winter time', () => {
    expect(new Date(zonedInstant('2025-01-27', '16:00', 'America/New_York')).toISOString()).toBe(
      '2025-01-27T21:00:00.000Z',
    )
    expect(new Date(zonedInstant('2025-07-01', '16:00', 'America/New_York')).toISOString()).toBe(
      '2025-07-01T20:00:00.000Z',
    )
    expect(new Date(zonedInstant('2025-03-09', '09:30', 'America/New_York')).toISOString()).toBe(
      '2025-03-09T13:30:00.000Z',
    )
  })

  it('closes Tokyo at 15:00 before 2024-11-05 and at 15:30 JST from then on', () => {
    expect(new Date(closeInstant('2024-11-01', 'Asia/Tokyo')).toISOString()).toBe('2024-11-01T06:00:00.000Z')
    expect(new Date(closeInstant('2024-11-05', 'Asia/Tokyo')).toISOString()).toBe('2024-11-05T06:30:00.000Z')
  })

  it('puts a US-hours event of 2025-01-27 after Tokyo’s 01-27 close, so Tokyo reacts on 01-28', () => {
    const instant = eventInstant('2025-01-27', 'pre_market')
    expect(firstSessionClosingAfter(['2025-01-24', '2025-01-27', '2025-01-28'], 'Asia/Tokyo', instant)).toBe(
      '2025-01-28',
    )
    expect(firstSessionClosingAfter(['2025-01-24', '2025-01-27', '2025-01-28'], 'America/New_York', instant)).toBe(
      '2025-01-27',
    )
    // After the US close: New York reacts the next session, Tokyo the next morning's session too.
    const late = eventInstant('2025-01-24', 'after_close')
    expect(firstSessionClosingAfter(['2025-01-24', '2025-01-27'], 'America/New_York', late)).toBe('2025-01-27')
    // An event at the close is priced by the closing auction of that day.
    expect(
      firstSessionClosingAfter(['2025-01-24', '2025-01-27'], 'America/New_York', eventInstant('2025-01-24', 'close')),
    ).toBe('2025-01-24')
  })

  it('knows Tokyo closes before New York opens, and not the other way round', () => {
    expect(closesBeforeBenchmarkOpens('9984.T', 'SPY', '2025-01-28')).toBe(true)
    expect(closesBeforeBenchmarkOpens('NVDA', 'SPY', '2025-01-28')).toBe(false)
    expect(closesBeforeBenchmarkOpens('NVDA', '9984.T', '2025-01-28')).toBe(false)
  })
})
