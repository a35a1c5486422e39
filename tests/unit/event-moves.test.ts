import { describe, expect, it } from 'vitest'
import { EVENT_CATALOG, oneDayReturn } from '@/lib/events'
import { snapshotBars } from '@/lib/snapshot'

/** Half a rounding step, plus float slack: "7.3%" holds for any data value in [7.25, 7.35]. */
const tolerance = (rounding: number) => rounding / 2 + 1e-9

/** How the text writes a stated move's size, e.g. 7.3 → "7.3%", 6 → "6%". */
const written = (pct: number, rounding: number) =>
  `${Math.abs(pct).toFixed(rounding === 1 ? 0 : rounding === 0.1 ? 1 : 2)}%`

describe('one-day moves stated in event texts', () => {
  const claims = EVENT_CATALOG.flatMap((e) => (e.moves ?? []).map((m) => ({ event: e, move: m })))

  it('has structured moves to check, across the catalog', () => {
    expect(claims.length).toBeGreaterThan(40)
  })

  it('agrees with the price data within the stated rounding', () => {
    const wrong: string[] = []
    for (const { event, move } of claims) {
      const r = oneDayReturn(snapshotBars(move.symbol), move.date)
      if (r === null) {
        wrong.push(`${event.id}: no data for ${move.symbol} on ${move.date}`)
        continue
      }
      const data = r * 100
      if (Math.abs(data - move.pct) > tolerance(move.rounding)) {
        wrong.push(
          `${event.id}: ${move.symbol} ${move.date} text ${move.pct}% (±${move.rounding / 2}), data ${data.toFixed(2)}%`,
        )
      }
    }
    expect(wrong).toEqual([])
  })

  it('finds every stated move written in the summary or title, so the structure cannot drift from the prose', () => {
    const missing: string[] = []
    for (const { event, move } of claims) {
      const text = `${event.title} ${event.summary}`
      if (!text.includes(written(move.pct, move.rounding)))
        missing.push(`${event.id}: ${move.symbol} ${written(move.pct, move.rounding)}`)
    }
    expect(missing).toEqual([])
  })

  it('would catch the old Alphabet text ("about 8%" on 2025-02-05)', () => {
    const r = oneDayReturn(snapshotBars('GOOGL'), '2025-02-05')
    expect(r).not.toBeNull()
    expect(Math.abs((r ?? 0) * 100 - -8)).toBeGreaterThan(tolerance(1))
    const alphabet = EVENT_CATALOG.find((e) => e.id === '2025-02-04-alphabet-earnings')
    expect(alphabet?.moves?.some((m) => m.symbol === 'GOOGL' && m.date === '2025-02-05')).toBe(true)
  })

  it('states a symbol for a move only when it is one of the event symbols', () => {
    for (const { event, move } of claims) expect(event.symbols, `${event.id} ${move.symbol}`).toContain(move.symbol)
  })
})
