// @vitest-environment jsdom
import { render } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ChartTooltipBody } from '@/components/chart/chart-tooltip'
import { EARLY_READOUT_SCRIPT } from '@/lib/chart/early-readout-script'
import { buildChartModel, type ChartEvent } from '@/lib/chart/model'
import { earlyReadoutData, jsonForScriptElement } from '@/lib/chart/readout'
import { DEFAULT_VIEW } from '@/lib/view/state'
import type { PriceSeries } from '@/lib/types'

/**
 * The readout that answers a hover before React hydrates (lib/chart/early-readout-script.ts), run in a DOM with
 * the markup the server sends. Synthetic bars and a synthetic (hostile) event: a hand-made payload for these
 * pure functions, not market data.
 */
const dates = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-10']
const synthetic = (symbol: string, closes: (number | null)[]): PriceSeries => ({
  symbol,
  name: symbol,
  currency: 'USD',
  source: 'snapshot',
  bars: closes.flatMap((close, i) =>
    close === null
      ? []
      : [{ date: dates[i] as string, open: close, high: close, low: close, close, adjClose: close, volume: 1 }],
  ),
})
const HOSTILE_TITLE = '</script><img src=x onerror="window.__pwned=1"> & \u2028 "quoted"'
const event: ChartEvent = {
  id: 'mine-1',
  number: 74,
  label: '74',
  title: HOSTILE_TITLE,
  date: '2025-01-07',
  time: null,
  session: 'during',
  tradingDate: '2025-01-07',
  category: 'company',
  importance: 'major',
  verified: false,
  detail: { summary: '', sources: [], verificationNote: '' },
  origin: 'reader',
}
const model = buildChartModel({
  // SPY has no bar on Jan 8: its cell reads "no session", as in the React tooltip.
  series: [synthetic('NVDA', [100, 110, 99, 102]), synthetic('SPY', [500, 505, null, 510])],
  view: { ...DEFAULT_VIEW, symbols: ['NVDA', 'SPY'], from: '2025-01-06', to: '2025-01-10', mode: 'percent' },
  events: [event],
})
const PLOT = { left: 100, top: 50, width: 300, height: 200 }

function mountChart(data = jsonForScriptElement(earlyReadoutData(model))) {
  document.body.innerHTML = `<div data-testid="chart-preview"><script type="application/json" data-chart-readout="">${data}</script><div data-testid="chart-plot" tabindex="0"></div></div>`
  const plot = document.querySelector('[data-testid="chart-plot"]') as HTMLElement
  plot.getBoundingClientRect = () =>
    ({ ...PLOT, x: PLOT.left, y: PLOT.top, right: PLOT.left + PLOT.width, bottom: PLOT.top + PLOT.height }) as DOMRect
  return plot
}
const hover = (node: Element, clientX: number) =>
  node.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX, clientY: PLOT.top + 20 }))
const early = () => document.querySelector('[data-testid="chart-tooltip-early"]')
/** What the React tooltip of the same session says, rendered by the component itself. */
const reactTooltipText = (index: number) => {
  const { container, unmount } = render(<ChartTooltipBody model={model} index={index} />)
  const text = container.textContent
  unmount()
  return text
}

beforeAll(() => {
  // Once per page, as the browser runs it; it listens on the document, so each test's new markup works with it.
  ;(0, eval)(EARLY_READOUT_SCRIPT)
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('the early readout', () => {
  it('answers a hover with the same texts as the React tooltip, at the nearest session', () => {
    const plot = mountChart()
    // 40% across four sessions: the nearest is the second (index 1).
    hover(plot, PLOT.left + 0.4 * PLOT.width)
    expect(early()?.textContent).toBe(reactTooltipText(1))
    expect(early()?.textContent).toContain('Tue, Jan 7, 2025')
    expect(early()?.hasAttribute('data-chart-tooltip')).toBe(true)
    // On the right half it sits to the left of the crosshair, as the React one does.
    hover(plot, PLOT.left + 0.7 * PLOT.width)
    expect(early()?.textContent).toBe(reactTooltipText(2))
    expect(early()?.textContent).toContain('no session')
    expect((early() as HTMLElement).style.transform).toBe('translateX(-100%)')
  })

  it('keeps an event title text, whatever it holds', () => {
    const json = jsonForScriptElement(earlyReadoutData(model))
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(json)).toEqual(earlyReadoutData(model))
    const plot = mountChart(json)
    hover(plot, PLOT.left + 0.34 * PLOT.width)
    expect(early()?.textContent).toContain(`74. ${HOSTILE_TITLE}`)
    expect(document.querySelector('img')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()
  })

  it('follows the arrow keys on the focused plot, and clears on Escape and when the pointer leaves', () => {
    const plot = mountChart()
    plot.focus()
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))
    expect(early()?.textContent).toContain('Fri, Jan 10, 2025')
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }))
    expect(early()?.textContent).toBe(reactTooltipText(2))
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(early()).toBeNull()
    hover(plot, PLOT.left + 10)
    expect(early()?.textContent).toBe(reactTooltipText(0))
    hover(document.body, 5)
    expect(early()).toBeNull()
  })

  it('steps aside once the island has measured itself, removing what it drew', () => {
    const plot = mountChart()
    hover(plot, PLOT.left + 10)
    expect(early()).not.toBeNull()
    document.querySelector('[data-testid="chart-preview"]')?.setAttribute('data-measured', 'true')
    hover(plot, PLOT.left + 10)
    expect(early()).toBeNull()
    expect(document.querySelector('[data-early-readout]')).toBeNull()
  })

  it('does nothing for a chart without its data, or with data it cannot read', () => {
    const plot = mountChart('{not json')
    hover(plot, PLOT.left + 10)
    expect(early()).toBeNull()
  })
})
