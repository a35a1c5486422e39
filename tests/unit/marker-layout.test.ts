import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedMarkerRows,
  layoutMarkers,
  markerRowY,
  type LayoutEvent,
  type MarkerSizes,
} from '@/lib/chart/marker-layout'

// SYNTHETIC events: made-up ids and sessions, to test the geometry only.

const SIZES: MarkerSizes = { radius: 8, hitRadius: 12, rowHeight: 25, slot: 26, font: 9 }

const input = fc.record({
  events: fc.array(fc.record({ index: fc.integer({ min: 0, max: 260 }), major: fc.boolean() }), { maxLength: 60 }),
  sessions: fc.integer({ min: 1, max: 260 }),
  plotWidth: fc.integer({ min: 150, max: 1600 }),
  chartHeight: fc.integer({ min: 200, max: 800 }),
})

function build(events: { index: number; major: boolean }[], sessions: number): LayoutEvent[] {
  return events
    .map((e) => ({
      index: Math.min(e.index, sessions - 1),
      importance: e.major ? ('major' as const) : ('minor' as const),
    }))
    .sort((a, b) => a.index - b.index)
    .map((e, k) => ({ ...e, id: `synthetic-${k}` }))
}

describe('layoutMarkers', () => {
  it('a crowded session keeps the story milestone as a marker of its own, never inside a badge', () => {
    // SYNTHETIC: five majors on each of ten neighbouring sessions crowd a narrow chart; session 6 also holds the
    // Stargate milestone (a real id, so the milestone rule applies), listed last among its session's events.
    const list: LayoutEvent[] = []
    for (let index = 0; index < 10; index++) {
      for (let k = 0; k < 5; k++) list.push({ id: `synthetic-${index}-${k}`, index, importance: 'major' })
      if (index === 6) list.push({ id: '2025-01-21-stargate', index, importance: 'major' })
    }
    const layout = layoutMarkers(list, (i) => i * 14, {
      sizes: SIZES,
      chartHeight: 400,
      maxBandShare: 0.22,
      maxRows: 5,
    })
    expect(layout.collapsed).toBe(true)
    const holder = layout.items.find((item) => item.events.some((e) => e.id === '2025-01-21-stargate'))
    expect(holder?.kind).toBe('event')
    expect(holder?.events).toHaveLength(1)
  })

  it('never lets two hit targets overlap, keeps the band within its share, and draws every event exactly once', () => {
    fc.assert(
      fc.property(input, ({ events, sessions, plotWidth, chartHeight }) => {
        const list = build(events, sessions)
        const xOf = (i: number) => (sessions <= 1 ? plotWidth / 2 : (i / (sessions - 1)) * plotWidth)
        const options = { sizes: SIZES, chartHeight, maxBandShare: 0.22, maxRows: 5 }
        const layout = layoutMarkers(list, xOf, options)
        const centres = layout.items.map((it) => ({ x: it.x, y: markerRowY(it.row, SIZES) }))
        for (let a = 0; a < centres.length; a++) {
          for (let b = a + 1; b < centres.length; b++) {
            const ca = centres[a]!
            const cb = centres[b]!
            expect(Math.hypot(ca.x - cb.x, ca.y - cb.y)).toBeGreaterThanOrEqual(2 * SIZES.hitRadius)
          }
        }
        expect(layout.bandHeight).toBeLessThanOrEqual(Math.max(0.22 * chartHeight, SIZES.rowHeight + 6))
        expect(layout.rows).toBeLessThanOrEqual(allowedMarkerRows(options))
        const drawn = layout.items.flatMap((it) => it.events.map((e) => e.id)).sort()
        expect(drawn).toEqual(list.map((e) => e.id).sort())
      }),
    )
  })

  it('draws every event on its own when they fit', () => {
    const list = build(
      [
        { index: 0, major: false },
        { index: 10, major: false },
        { index: 10, major: true },
      ],
      20,
    )
    const layout = layoutMarkers(list, (i) => i * 40, {
      sizes: SIZES,
      chartHeight: 400,
      maxBandShare: 0.22,
      maxRows: 5,
    })
    expect(layout.collapsed).toBe(false)
    expect(layout.items.every((it) => it.kind === 'event')).toBe(true)
    expect(layout.items).toHaveLength(3)
  })

  it('keeps the major events of a crowded session and folds the minor ones into one cluster', () => {
    // Five events on one session, two rows allowed: majors first, then one badge for the three minors.
    const list = build(
      [
        { index: 5, major: false },
        { index: 5, major: true },
        { index: 5, major: false },
        { index: 5, major: false },
        { index: 30, major: true },
      ],
      40,
    )
    const layout = layoutMarkers(list, (i) => i * 10, {
      sizes: SIZES,
      chartHeight: 300,
      maxBandShare: 0.22,
      maxRows: 5,
    })
    expect(layout.collapsed).toBe(true)
    const atFive = layout.items.filter((it) => it.x === 50)
    expect(atFive.map((it) => it.kind)).toEqual(['event', 'cluster'])
    expect(atFive[0]?.events[0]?.importance).toBe('major')
    expect(atFive[1]?.events).toHaveLength(3)
    expect(layout.items.find((it) => it.x === 300)?.kind).toBe('event')
  })
})
