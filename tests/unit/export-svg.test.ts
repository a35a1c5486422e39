// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  buildChartSvg,
  buildChartSvgWithLayout,
  escapeXml,
  EXPORT_PALETTE_VARS,
  resolvePalette,
  type ChartSvgOptions,
} from '@/lib/chart/export'
import { EXPORT_PRESETS, EXPORT_PRESET_IDS, MIN_PLOT_SHARE } from '@/lib/chart/export/presets'
import { MIN_TEXT } from '@/lib/chart/export/svg'
import { seriesColorVar } from '@/lib/chart/palette'
import { buildChartModel, type ChartEvent, type ChartModel } from '@/lib/chart/model'
import type { Bar, PriceSeries } from '@/lib/types'
import { DEFAULT_VIEW, type ChartMode } from '@/lib/view/state'

// SYNTHETIC test data: made-up symbols, prices and events, not market data.

const SESSIONS = [
  '2025-01-13',
  '2025-01-14',
  '2025-01-15',
  '2025-01-16',
  '2025-01-17',
  '2025-01-21',
  '2025-01-22',
  '2025-01-23',
  '2025-01-24',
  '2025-01-27',
]

function bars(closes: (number | null)[]): Bar[] {
  return closes.flatMap((close, i) => {
    const date = SESSIONS[i]
    return close === null || !date
      ? []
      : [{ date, open: close, high: close, low: close, close, adjClose: close, volume: 1000 }]
  })
}

const SYNTHETIC_SERIES: PriceSeries[] = [
  {
    symbol: 'SYNA',
    name: 'Synthetic Alpha',
    currency: 'USD',
    source: 'snapshot',
    bars: bars([100, 101, 103, 102, 104, 110, 112, 111, 109, 90]),
  },
  // A missing session in the middle (null on the chart's axis) and one in Tokyo's currency.
  {
    symbol: 'SYNB.T',
    name: 'Synthetic Beta',
    currency: 'JPY',
    source: 'snapshot',
    bars: bars([5000, 5050, null, 5100, 5200, 5400, 5300, null, 5250, 4900]),
  },
]

function syntheticEvent(
  overrides: Partial<ChartEvent> & Pick<ChartEvent, 'id' | 'number' | 'tradingDate' | 'category'>,
): ChartEvent {
  return {
    label: `Synthetic ${overrides.number}`,
    title: `Synthetic event number ${overrides.number}`,
    date: overrides.tradingDate,
    time: null,
    session: 'unknown',
    verified: true,
    detail: { summary: 'A made-up event for tests.', sources: [], verificationNote: 'Synthetic.' },
    importance: 'major',
    ...overrides,
  }
}

const SYNTHETIC_EVENTS: ChartEvent[] = [
  syntheticEvent({
    id: 'synthetic-stargate',
    number: 7,
    tradingDate: '2025-01-22',
    date: '2025-01-21',
    category: 'stargate',
    label: 'Stargate-like',
    session: 'after_close',
  }),
  syntheticEvent({
    id: 'synthetic-deepseek',
    number: 12,
    tradingDate: '2025-01-27',
    date: '2025-01-25',
    category: 'deepseek',
    label: 'R1 <model> & "app"',
  }),
  syntheticEvent({
    id: 'synthetic-market',
    number: 13,
    tradingDate: '2025-01-27',
    category: 'market',
    label: 'Selloff',
  }),
]

const PALETTE: Record<string, string> = {
  [seriesColorVar('SYNA')]: '#101010',
  [seriesColorVar('SYNB.T')]: '#202020',
  '--event-deepseek': '#aa0000',
  '--event-stargate': '#00aa00',
  '--event-market': '#0000aa',
  '--fg': '#111111',
  '--muted': '#555555',
  '--grid': '#dddddd',
  '--panel': '#fefefe',
}

function syntheticModel(mode: ChartMode = 'percent', events: ChartEvent[] = SYNTHETIC_EVENTS): ChartModel {
  return buildChartModel({
    series: SYNTHETIC_SERIES,
    events,
    view: {
      ...DEFAULT_VIEW,
      symbols: ['SYNA', 'SYNB.T'],
      from: '2025-01-13',
      to: '2025-01-27',
      mode,
      base: '2025-01-14',
    },
  })
}

const OPTIONS: ChartSvgOptions = {
  palette: PALETTE,
  title: 'Synthetic <test> chart & more',
  subtitle: 'Jan 13 – Jan 27, 2025 · change since Jan 14',
  footer: 'Synthetic data, not prices · snapshot',
  eventKey: 'full',
  width: 1600,
  height: 900,
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}

const textOf = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((n) => n.textContent ?? '').join(' ')

describe('buildChartSvg', () => {
  const svg = buildChartSvg(syntheticModel(), OPTIONS)
  const doc = parse(svg)
  const root = doc.documentElement

  it('is a standalone SVG document of the requested size, with a system font', () => {
    expect(root.localName).toBe('svg')
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(root.getAttribute('width')).toBe('1600')
    expect(root.getAttribute('height')).toBe('900')
    expect(root.getAttribute('viewBox')).toBe(`0 0 1600 ${root.getAttribute('height')}`)
    expect(root.getAttribute('font-family')).toContain('system-ui')
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#fefefe')
  })

  it('holds the title, subtitle and footer as text, escaped in the source', () => {
    const all = root.textContent ?? ''
    expect(all).toContain('Synthetic <test> chart & more')
    expect(all).toContain(OPTIONS.subtitle)
    expect(all).toContain(OPTIONS.footer)
    expect(svg).toContain('Synthetic &lt;test&gt; chart &amp; more')
    expect(svg).not.toContain('<test>')
  })

  it('resolves every colour: no var() and no currentColor', () => {
    expect(svg).not.toContain('var(')
    expect(svg.toLowerCase()).not.toContain('currentcolor')
    expect(doc.querySelector('.series[data-symbol="SYNA"] path')?.getAttribute('stroke')).toBe('#101010')
    expect(doc.querySelector('.series[data-symbol="SYNB.T"] path')?.getAttribute('stroke')).toBe('#202020')
  })

  it('lists every series in the legend with its last value', () => {
    const legend = textOf(doc, '.legend')
    expect(legend).toContain('SYNA')
    expect(legend).toContain('SYNB.T')
    // SYNA: 90 / 101 - 1 = -10.9%, written with a true minus sign.
    expect(legend).toContain('\u221210.9%')
  })

  it('numbers every event at the top and lists each one in the full key', () => {
    const markers = [...doc.querySelectorAll('.event-marker')]
    expect(markers.map((m) => m.textContent)).toEqual(['7', '12', '13'])
    expect(markers[0]?.querySelector('circle')?.getAttribute('fill')).toBe('#00aa00')
    expect(markers[1]?.querySelector('circle')?.getAttribute('fill')).toBe('#aa0000')
    // The square preset has room under the plot for the whole (short) list.
    const key = textOf(parse(buildChartSvg(syntheticModel(), { ...OPTIONS, width: 1080, height: 1080 })), '.event-key')
    for (const event of SYNTHETIC_EVENTS) {
      expect(key).toContain(String(event.number))
      expect(key).toContain(event.label)
    }
    // The first session that could react.
    expect(key).toContain('Jan 27')
    expect(svg).toContain('R1 &lt;model&gt; &amp; &quot;app&quot;')
  })

  it('keeps the two same-day markers apart on separate rows', () => {
    const circles = [...doc.querySelectorAll('.event-marker circle')]
    const [, second, third] = circles.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')) }))
    expect(second?.x).toBe(third?.x)
    expect(second?.y).not.toBe(third?.y)
  })

  it('draws a zero line and percent ticks in percent mode', () => {
    expect(doc.querySelector('.zero-line')).not.toBeNull()
    const ticks = [...doc.querySelectorAll('.y-axis text')].map((t) => t.textContent ?? '')
    expect(ticks.length).toBeGreaterThanOrEqual(3)
    expect(ticks.every((t) => t.endsWith('%'))).toBe(true)
    expect(ticks).toContain('0%')
  })

  it('connects a series across a missing session instead of failing', () => {
    const d = doc.querySelector('.series[data-symbol="SYNB.T"] path')?.getAttribute('d') ?? ''
    // 10 sessions, 2 without a bar: one move and seven line segments.
    expect(d.match(/[ML]/g)).toHaveLength(8)
    expect(d).not.toMatch(/NaN|Infinity/)
  })

  it('labels session dates on the x axis with the year where it starts', () => {
    const labels = [...doc.querySelectorAll('.x-axis text')].map((t) => t.textContent)
    expect(labels).toContain('Jan 13 2025')
    expect(labels.filter((l) => l?.includes('2025'))).toHaveLength(1)
  })

  it('formats prices with their currency in price mode', () => {
    const priceDoc = parse(buildChartSvg(syntheticModel('price'), OPTIONS))
    const legend = textOf(priceDoc, '.legend')
    expect(legend).toContain('$90.00')
    expect(legend).toContain('4,900.00 JPY')
    expect(priceDoc.querySelector('.zero-line')).toBeNull()
  })

  it('puts a log axis on positive, increasing ticks', () => {
    const logSvg = buildChartSvg(syntheticModel('log'), OPTIONS)
    const logDoc = parse(logSvg)
    const ys = [...logDoc.querySelectorAll('.y-axis line')].map((l) => Number(l.getAttribute('y1')))
    expect(ys.length).toBeGreaterThanOrEqual(3)
    // Higher values sit higher on the image (smaller y).
    expect([...ys].sort((a, b) => b - a)).toEqual(ys)
    expect(logSvg).not.toMatch(/NaN|Infinity/)
  })

  it('keeps the requested size and the plot share with a long key, and counts the entries it left out', () => {
    const many: ChartEvent[] = Array.from({ length: 40 }, (_, k) =>
      syntheticEvent({
        id: `synthetic-${k}`,
        number: k + 1,
        tradingDate: SESSIONS[k % SESSIONS.length] as string,
        category: k % 2 ? 'deepseek' : 'stargate',
        importance: k % 3 ? 'minor' : 'major',
        title: `Synthetic headline ${k} ${'with many words that go on and on '.repeat(12)}`,
      }),
    )
    const { svg: out, layout } = buildChartSvgWithLayout(syntheticModel('percent', many), {
      ...OPTIONS,
      width: 1200,
      height: 675,
    })
    const tall = parse(out).documentElement
    expect(tall.getAttribute('height')).toBe('675')
    expect((layout.plot.width * layout.plot.height) / (1200 * 675)).toBeGreaterThanOrEqual(MIN_PLOT_SHARE)
    const shown = tall.querySelectorAll('.event-key-entry').length
    expect(shown + layout.keyOmitted).toBe(40)
    // Either some entries and a count of the rest, or (no room for even one line) no key at all.
    if (shown > 0) expect(textOf(tall.ownerDocument, '.event-key')).toContain(`${layout.keyOmitted} more`)
    else expect(tall.querySelector('.event-key')).toBeNull()
    for (const t of tall.querySelectorAll('text')) expect(Number(t.getAttribute('y'))).toBeLessThanOrEqual(675)
  })

  it.each(EXPORT_PRESET_IDS)(
    'gives the %s preset its size, a plot of at least 60%% and no text under the minimum',
    (id) => {
      const preset = EXPORT_PRESETS[id]
      for (const eventKey of ['full', 'labels', 'none'] as const) {
        const { svg: out, layout } = buildChartSvgWithLayout(syntheticModel(), {
          ...OPTIONS,
          width: preset.width,
          height: preset.height,
          eventKey,
        })
        const doc = parse(out)
        expect(doc.documentElement.getAttribute('width')).toBe(String(preset.width))
        expect(doc.documentElement.getAttribute('height')).toBe(String(preset.height))
        expect((layout.plot.width * layout.plot.height) / (preset.width * preset.height)).toBeGreaterThanOrEqual(
          MIN_PLOT_SHARE,
        )
        for (const t of doc.querySelectorAll('text')) {
          const inMarker =
            t.closest('.event-marker, .event-cluster') !== null && t.getAttribute('text-anchor') === 'middle'
          expect(Number(t.getAttribute('font-size'))).toBeGreaterThanOrEqual(inMarker ? 16 : MIN_TEXT)
        }
        // The source line is always there.
        expect(textOf(doc, '.source-line')).toContain('Synthetic data')
      }
    },
  )

  it('draws short labels beside the markers when asked, and no key list', () => {
    const doc = parse(buildChartSvg(syntheticModel(), { ...OPTIONS, eventKey: 'labels' }))
    expect(doc.querySelector('.event-key')).toBeNull()
    expect(textOf(doc, '.event-markers')).toContain('Stargate-like')
  })

  it('names the symbols without data in a note above the source line', () => {
    const doc = parse(
      buildChartSvg(syntheticModel(), { ...OPTIONS, note: 'No data in this range for ZZZZ, so it is not drawn.' }),
    )
    expect(textOf(doc, '.source-line')).toContain('ZZZZ')
  })

  it('falls back to the default colours when the palette is empty or holds unresolved values', () => {
    const out = buildChartSvg(syntheticModel(), {
      ...OPTIONS,
      palette: { '--series-1': 'var(--green)', '--fg': 'currentColor' },
    })
    expect(out).not.toContain('var(')
    expect(out.toLowerCase()).not.toContain('currentcolor')
    parse(out)
  })

  it('draws an empty range without failing', () => {
    const empty = buildChartModel({
      series: SYNTHETIC_SERIES,
      events: [],
      view: { ...DEFAULT_VIEW, symbols: ['SYNA'], from: '2030-01-01', to: '2030-02-01' },
    })
    const out = buildChartSvg(empty, OPTIONS)
    expect(parse(out).documentElement.textContent).toContain('No prices in this range')
    expect(out).not.toMatch(/NaN|Infinity/)
  })
})

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;')
    expect(escapeXml('bell\u0007 tab\t')).toBe('bell tab\t')
  })
})

describe('resolvePalette', () => {
  it('reads the theme variables and fills the ones the page leaves empty', () => {
    const element = document.createElement('div')
    element.style.setProperty('--series-1', '#123456')
    document.body.append(element)
    const palette = resolvePalette(element)
    expect(palette['--series-1']).toBe('#123456')
    expect(palette['--event-deepseek']).toMatch(/^#[0-9a-f]{6}$/)
    expect(Object.keys(palette).sort()).toEqual([...EXPORT_PALETTE_VARS].sort())
    element.remove()
  })
})
