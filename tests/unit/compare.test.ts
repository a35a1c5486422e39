import { describe, expect, it } from 'vitest'
import { eventStudy, portfolio, recovery } from '@/lib/analysis'
import {
  COMPARE_CAR_WINDOWS,
  COMPARE_GAP,
  COMPARE_PRESETS,
  COMPARE_WINDOW,
  buildCompareSvg,
  compareCsv,
  compareEvents,
  parseCompareQuery,
} from '@/lib/compare'
import { getEventById } from '@/lib/events'
import { snapshotBars } from '@/lib/snapshot'
import type { Bar } from '@/lib/types'

const preset = COMPARE_PRESETS['ai-shocks']
const events = preset.events.map((id) => {
  const e = getEventById(id)
  if (!e) throw new Error(`missing ${id}`)
  return { id: e.id, title: e.title, label: e.label, tradingDate: e.tradingDate }
})
const comparison = compareEvents({ events, symbols: [...preset.symbols], benchmark: 'SPY', barsOf: snapshotBars })
const bars = (s: string) => snapshotBars(s) ?? []

describe('compare shocks', () => {
  it('lines up the preset: the DeepSeek selloff and four other shocks, each on its own day 0', () => {
    expect(events.map((e) => e.tradingDate)).toEqual([
      '2025-01-27',
      '2024-09-03',
      '2024-08-05',
      '2025-02-27',
      '2025-04-03',
    ])
    expect(comparison.rows).toHaveLength(events.length * preset.symbols.length)
    expect(comparison.skipped).toEqual([])
  })

  it('uses the event-study function itself for every number (same inputs, same outputs)', () => {
    for (const row of comparison.rows) {
      const stock = bars(row.symbol)
      const k0 = stock.findIndex((b) => b.date === row.day0)
      const estimation = Math.min(120, k0 - COMPARE_GAP - 1)
      expect(row.estimation).toBe(estimation)
      const direct = eventStudy({
        stock,
        market: bars('SPY'),
        day0: row.day0,
        estimation,
        gap: COMPARE_GAP,
        windows: COMPARE_CAR_WINDOWS,
        path: COMPARE_WINDOW,
      })
      expect(row.abnormalReturn).toBe(direct.abnormalReturn)
      expect(row.tAR).toBe(direct.tAR)
      expect(row.pAR).toBe(direct.pAR)
      expect(row.car).toEqual(direct.car)
      expect(row.recovery).toEqual(recovery(stock, row.day0))
      // The CAR path ends at CAR(-5, +20), which is the sum of the window's abnormal returns.
      const last = row.points.at(-1)
      const sum = direct.days
        .filter((d) => d.day >= COMPARE_WINDOW[0] && d.day <= COMPARE_WINDOW[1])
        .reduce((a, d) => a + (d.ar ?? 0), 0)
      expect(last?.car).toBeCloseTo(sum, 12)
    }
  })

  it('measures cumulative returns and drawdowns from the close before the window, on the real closes', () => {
    const nvda = comparison.rows.find((r) => r.symbol === 'NVDA' && r.day0 === '2025-01-27')
    expect(nvda).toBeDefined()
    const stock = bars('NVDA')
    const k0 = stock.findIndex((b) => b.date === '2025-01-27')
    const base = stock[k0 - 6] as Bar
    const day0 = nvda?.points.find((p) => p.day === 0)
    expect(day0?.cumReturn).toBeCloseTo((stock[k0] as Bar).adjClose / base.adjClose - 1, 12)
    // The selloff day alone is a drawdown of about 17% from the running peak, so the window's is at least that.
    expect(nvda?.maxDrawdown ?? 0).toBeGreaterThanOrEqual(
      1 - (stock[k0] as Bar).close / (stock[k0 - 1] as Bar).close - 1e-12,
    )
  })

  it('computes the group CAAR over the events with the portfolio tests of lib/analysis', () => {
    const group = comparison.groups.find((g) => g.symbol === 'NVDA')
    expect(group?.n).toBe(events.length)
    const firms = events.map((e) => {
      const stock = bars('NVDA')
      const k0 = stock.findIndex((b) => b.date === e.tradingDate)
      const s = eventStudy({
        stock,
        market: bars('SPY'),
        day0: e.tradingDate,
        estimation: Math.min(120, k0 - COMPARE_GAP - 1),
        gap: COMPARE_GAP,
        windows: COMPARE_CAR_WINDOWS,
        path: COMPARE_WINDOW,
      })
      return { symbol: e.id, df: s.df, residuals: s.residuals, days: s.days, car: s.car, path: s.path }
    })
    const direct = portfolio(firms, COMPARE_CAR_WINDOWS)
    expect(group?.caar.map((w) => w.value)).toEqual(direct.caar.map((w) => w.value))
    expect(group?.caar[0]?.tests.find((t) => t.id === 'bmp')?.p).toBe(
      direct.caar[0]?.tests.find((t) => t.id === 'bmp')?.p,
    )
  })

  it('exports an SVG that names every event and a CSV with every path point and group window', () => {
    const svg = buildCompareSvg(comparison)
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).not.toContain('var(')
    for (const e of events) expect(svg).toContain(e.tradingDate)
    const csv = compareCsv(comparison).trim().split('\n')
    expect(csv[0]).toBe('section,event_id,event_title,symbol,day,date,cum_return,car,estimation_sessions')
    const pathRows = csv.filter((l) => l.startsWith('path,'))
    expect(pathRows).toHaveLength(comparison.rows.length * (COMPARE_WINDOW[1] - COMPARE_WINDOW[0] + 1))
    expect(csv.filter((l) => l.startsWith('group,'))).toHaveLength(preset.symbols.length * COMPARE_CAR_WINDOWS.length)
  })

  it('reads the URL leniently: preset by default, caps, bad symbols dropped with a notice', () => {
    expect(parseCompareQuery({}).query).toMatchObject({
      events: [...preset.events],
      symbols: [...preset.symbols],
      preset: 'ai-shocks',
    })
    const { query, notices } = parseCompareQuery({ events: 'a,b,c,d,e,f,g,h,i,j', symbols: 'nvda,$$$', preset: 'nope' })
    expect(query.events).toHaveLength(8)
    expect(query.symbols).toEqual(['NVDA'])
    expect(notices.join(' ')).toMatch(/first 8 of 10/)
    expect(notices.join(' ')).toMatch(/no such preset/)
    expect(notices.join(' ')).toMatch(/ticker cannot be/)
  })

  it('leaves out an event without enough estimation data and says why', () => {
    const early = compareEvents({
      events: [{ id: '2024-07-17-chip-rout', title: 'Chip rout', label: 'Chip rout', tradingDate: '2024-07-17' }],
      symbols: ['NVDA'],
      benchmark: 'SPY',
      barsOf: snapshotBars,
    })
    expect(early.rows).toEqual([])
    expect(early.skipped[0]?.reason).toMatch(/estimation sessions/)
  })
})
