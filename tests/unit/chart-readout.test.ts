import { describe, expect, it } from 'vitest'
import { viewHref } from '@/lib/client/urls'
import { buildChartModel } from '@/lib/chart/model'
import { DEFAULT_VIEW, parseViewState } from '@/lib/view/state'
import { sessionReadout } from '@/components/chart/chart-tooltip'
import type { PriceSeries } from '@/lib/types'

describe('the links of the view controls', () => {
  it('open exactly the view they were made from, before any script runs', () => {
    const view = {
      ...DEFAULT_VIEW,
      symbols: ['NVDA', 'SPY'],
      from: '2025-01-02',
      to: '2025-06-30',
      mode: 'log' as const,
      event: '2025-01-21-stargate',
    }
    const href = viewHref(view)
    expect(href.startsWith('/?')).toBe(true)
    const parsed = parseViewState(new URLSearchParams(href.slice(2)), '2026-12-01')
    expect(parsed.notices).toEqual([])
    expect(parsed.view).toEqual(view)
  })
})

describe('the keyboard readout of a session', () => {
  // Synthetic bars (a hand-made payload for this pure function, not market data).
  const dates = ['2025-01-06', '2025-01-07', '2025-01-08']
  const synthetic = (symbol: string, closes: number[]): PriceSeries => ({
    symbol,
    name: symbol,
    currency: 'USD',
    source: 'snapshot',
    bars: closes.map((close, i) => ({
      date: dates[i] as string,
      open: close,
      high: close,
      low: close,
      close,
      adjClose: close,
      volume: 1,
    })),
  })
  const series = [synthetic('NVDA', [100, 110, 99]), synthetic('SPY', [500, 505, 505])]
  const view = {
    ...DEFAULT_VIEW,
    symbols: ['NVDA', 'SPY'],
    from: '2025-01-06',
    to: '2025-01-08',
    mode: 'price' as const,
  }
  const model = buildChartModel({ series, view, events: [] })

  it('says the date, each value and each daily change', () => {
    const text = sessionReadout(model, 1)
    expect(text).toMatch(/Jan 7, 2025/)
    expect(text).toContain('NVDA $110.00, +10.00% on the day')
    expect(text).toContain('SPY $505.00, +1.00% on the day')
  })

  it('leaves the change out where there is no previous session, and says nothing past the data', () => {
    expect(sessionReadout(model, 0)).toContain('NVDA $100.00;')
    expect(sessionReadout(model, 3)).toBe('')
  })
})
