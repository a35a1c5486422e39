import { EVENT_CATEGORIES } from '../../events/categories'
import { formatDayMonth, formatPercent, formatPrice } from '../../format'
import { layoutMarkers, markerRowY, type MarkerItem, type MarkerLayout, type MarkerSizes } from '../marker-layout'
import { chartPalette } from '../palette'
import type { ChartModel, ChartSeries } from '../model'
import { buildYAxis, plotted, xTickIndices } from '../scales'
import { DEFAULT_EXPORT_PRESET, EXPORT_PRESETS, MIN_PLOT_SHARE, type EventKeyStyle } from './presets'

/**
 * Draws the chart as a standalone SVG document from the ChartModel (not from the Recharts DOM), so the file
 * looks the same in any viewer: every colour is resolved from a palette, text is escaped, and the markers are
 * laid out by the same function as on screen (lib/chart/marker-layout.ts).
 *
 * The image has exactly the size asked for (a preset, in CSS pixels; the PNG is drawn at 2x). The plot always
 * takes at least MIN_PLOT_SHARE of the image: what does not fit around it (key entries first, then a second
 * subtitle or title line) is left out, and the key says how many entries it left out. No text is smaller than
 * MIN_TEXT, so it stays legible when the image is shown at half its width.
 */

/** Colour of every CSS variable an export uses, light theme: from the palette module the page's styles come from. */
export const EXPORT_PALETTE_FALLBACK: Readonly<Record<string, string>> = chartPalette('light')

/** The CSS variables an export needs resolved. */
export const EXPORT_PALETTE_VARS: readonly string[] = Object.keys(EXPORT_PALETTE_FALLBACK)

export interface ChartSvgOptions {
  /** CSS variable name -> resolved colour, e.g. `{ '--series-1': '#16a34a' }`. Missing entries use the light theme. */
  palette: Record<string, string>
  title: string
  /** Date range, mode and base. */
  subtitle: string
  /** Data source, and whether it is the snapshot or live: always drawn. */
  footer: string
  /** Drawn before the footer, e.g. the symbols that had no data. */
  note?: string
  width?: number
  height?: number
  /** `full`: a numbered list under the plot; `labels`: short labels beside the markers; `none`: markers only. */
  eventKey?: EventKeyStyle
}

export const DEFAULT_EXPORT_WIDTH = EXPORT_PRESETS[DEFAULT_EXPORT_PRESET].width
export const DEFAULT_EXPORT_HEIGHT = EXPORT_PRESETS[DEFAULT_EXPORT_PRESET].height

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
const ELLIPSIS = '\u2026'

/** The least font size in the image (in its own units): 9 px when a 1200-wide image is shown 600 px wide. */
export const MIN_TEXT = 18
const MARGIN_X = 22
const MARGIN_TOP = 16
const MARGIN_BOTTOM = 12
const TITLE_SIZE = 30
const TITLE_LINE = 36
const SUBTITLE_SIZE = MIN_TEXT
const SUBTITLE_LINE = 23
const LEGEND_SIZE = MIN_TEXT
const LEGEND_ROW = 26
const AXIS_SIZE = MIN_TEXT
const X_AXIS_HEIGHT = 30
const KEY_SIZE = MIN_TEXT
const KEY_LINE = 24
const KEY_COLUMN_GAP = 28
const FOOTER_SIZE = MIN_TEXT
const FOOTER_LINE = 22
const X_TICK_SPACING = 150
const EXPORT_MARKERS: MarkerSizes = { radius: 14, hitRadius: 15, rowHeight: 34, slot: 32, font: 16 }
/** The band of markers takes at most this share of the image's height. */
const EXPORT_BAND_SHARE = 0.13
const EXPORT_MAX_ROWS = 4

// ---------------------------------------------------------------------------------------------- text and XML

// XML 1.0 forbids these characters (and unpaired surrogates) outright: escaping cannot save them, so they are dropped.
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c)
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Approximate advance width of a character, in ems, for a system sans-serif. Export code cannot measure text
 * (it must also run without a DOM), so it errs wide: a line wrapped a little early beats one that runs off.
 */
function charEms(ch: string): number {
  if (ch === ' ') return 0.28
  if ("il.,:;'!|".includes(ch)) return 0.28
  if ('jtfr()[]-/'.includes(ch)) return 0.38
  if ('MW'.includes(ch)) return 0.9
  if ('mw'.includes(ch)) return 0.84
  if (ch >= 'A' && ch <= 'Z') return 0.68
  if (ch >= '0' && ch <= '9') return 0.58
  if (ch >= 'a' && ch <= 'z') return 0.55
  const code = ch.codePointAt(0) ?? 0
  // CJK, kana and full-width forms are about one em wide.
  if (code >= 0x2e80) return 1
  return 0.62
}

export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0
  for (const ch of text) ems += charEms(ch)
  // DejaVu Sans (what Linux browsers fall back to) runs about 10% wider than the table above.
  return ems * fontSize * (bold ? 1.07 : 1) * 1.1
}

interface TextStyle {
  size: number
  bold?: boolean
}

function truncateToWidth(text: string, width: number, style: TextStyle): string {
  if (estimateTextWidth(text, style.size, style.bold) <= width) return text
  const chars = [...text]
  while (chars.length > 0 && estimateTextWidth(chars.join('') + ELLIPSIS, style.size, style.bold) > width) chars.pop()
  return chars.join('').trimEnd() + ELLIPSIS
}

/**
 * Wraps text into lines no wider than `width` (the first line may be narrower, when something precedes it),
 * breaking over-long words, and ends the last allowed line with an ellipsis when the text does not fit.
 */
function wrapText(
  text: string,
  style: TextStyle & { width: number; maxLines: number; firstLineWidth?: number },
): string[] {
  const words = oneLine(text).split(' ').filter(Boolean)
  const lines: string[] = []
  const widthOf = (line: number) => (line === 0 ? (style.firstLineWidth ?? style.width) : style.width)
  const fits = (candidate: string) => estimateTextWidth(candidate, style.size, style.bold) <= widthOf(lines.length)
  let current = ''
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word
    if (fits(candidate)) {
      current = candidate
      continue
    }
    if (current) {
      lines.push(current)
      current = ''
    } else if (lines.length === 0 && (style.firstLineWidth ?? style.width) < style.width) {
      // A first line narrowed by a long prefix is left empty rather than used to break a word.
      lines.push('')
    }
    let rest = word
    while (!fits(rest) && [...rest].length > 1) {
      const chars = [...rest]
      let take = chars.length - 1
      while (take > 1 && !fits(chars.slice(0, take).join(''))) take--
      lines.push(chars.slice(0, take).join(''))
      rest = chars.slice(take).join('')
    }
    current = rest
  }
  if (current || lines.length === 0) lines.push(current)
  if (lines.length <= style.maxLines) return lines
  const kept = lines.slice(0, style.maxLines)
  const last = kept.length - 1
  kept[last] = truncateToWidth(`${kept[last] ?? ''}${ELLIPSIS}`, widthOf(last), style)
  return kept
}

/** Coordinates to two decimals: enough for any screen, and it keeps the file small. */
const num = (v: number) => String(Math.round(v * 100) / 100 + 0)

type Attrs = Record<string, string | number | undefined>

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : escapeXml(v)}"`)
    .join('')
}

const el = (name: string, a: Attrs, body?: string) =>
  body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`
const text = (a: Attrs, content: string) => el('text', a, escapeXml(content))

// ---------------------------------------------------------------------------------------------- colours

const SAFE_COLOUR = /^[#a-z0-9(),.%\s/+-]+$/i

/** A palette colour, or the light-theme one when missing or not a plain colour (no `var()`, no `currentColor`). */
function paletteColour(palette: Record<string, string>, name: string): string {
  const value = palette[name]?.trim()
  if (value && SAFE_COLOUR.test(value) && !/var\(|currentcolor/i.test(value)) return value
  return EXPORT_PALETTE_FALLBACK[name] ?? EXPORT_PALETTE_FALLBACK['--fg'] ?? '#0f172a'
}

function lastValue(model: ChartModel, symbol: string): number | null {
  for (let i = model.rows.length - 1; i >= 0; i--) {
    const v = plotted(model, i, symbol)
    if (v !== null) return v
  }
  return null
}

function formatLegendValue(model: ChartModel, series: ChartSeries, value: number | null): string {
  if (model.mode === 'percent') return formatPercent(value, 1)
  const price = formatPrice(value, series.currency)
  // Dollars read unambiguously as `$`; any other currency is spelled out, since `¥` alone could be yen or yuan.
  if (value === null || series.currency === 'USD' || !series.currency || price.endsWith(series.currency)) return price
  return `${price} ${series.currency}`
}

// ---------------------------------------------------------------------------------------------- layout pieces

interface LegendItem {
  colour: string
  symbol: string
  value: string
  note: string
  width: number
}

const LEGEND_SWATCH = 22
const LEGEND_ITEM_GAP = 26

function legendItems(model: ChartModel, palette: Record<string, string>): LegendItem[] {
  return model.series.map((s) => {
    const symbol = oneLine(s.symbol)
    const value = formatLegendValue(model, s, lastValue(model, s.symbol))
    const note =
      model.mode === 'percent' && s.baseDate && s.baseDate !== model.base ? `(base ${formatDayMonth(s.baseDate)})` : ''
    const width =
      LEGEND_SWATCH +
      8 +
      estimateTextWidth(symbol, LEGEND_SIZE, true) +
      8 +
      estimateTextWidth(value, LEGEND_SIZE, true) +
      (note ? 8 + estimateTextWidth(note, LEGEND_SIZE) : 0)
    return { colour: paletteColour(palette, s.colorVar), symbol, value, note, width }
  })
}

function flowLegend(items: LegendItem[], width: number): LegendItem[][] {
  const rows: LegendItem[][] = []
  let row: LegendItem[] = []
  let used = 0
  for (const item of items) {
    const needed = (row.length ? LEGEND_ITEM_GAP : 0) + item.width
    if (row.length && used + needed > width) {
      rows.push(row)
      row = []
      used = 0
    }
    used += (row.length ? LEGEND_ITEM_GAP : 0) + item.width
    row.push(item)
  }
  if (row.length) rows.push(row)
  return rows
}

type ModelEvent = ChartModel['events'][number]

/** One line of the full key: number, reaction session, label and title, cut to the column. */
function keyLine(event: ModelEvent, width: number): { prefix: string; rest: string } {
  const prefix = `${event.number}  ${formatDayMonth(event.tradingDate)}`
  const label = oneLine(event.label)
  const title = oneLine(event.title)
  const headline = !title ? label : !label || title.startsWith(label) ? title : `${label}: ${title}`
  const restWidth = width - estimateTextWidth(prefix, KEY_SIZE, true) - 10
  return {
    prefix,
    rest: truncateToWidth(
      `${headline}${event.origin === 'reader' ? ' (added by the reader, not verified)' : event.verified ? '' : ' (partly verified)'}`,
      Math.max(0, restWidth),
      { size: KEY_SIZE },
    ),
  }
}

// ---------------------------------------------------------------------------------------------- the document

/** Where the plot went, for tests and for callers that measure the image. */
export interface ChartSvgLayout {
  width: number
  height: number
  plot: { left: number; top: number; width: number; height: number }
  /** Key entries that did not fit and were left out. */
  keyOmitted: number
  markers: MarkerItem<ModelEvent>[]
}

export function buildChartSvg(model: ChartModel, options: ChartSvgOptions): string {
  return buildChartSvgWithLayout(model, options).svg
}

/** Every position and size of one export, decided before anything is drawn. */
interface Frame {
  model: ChartModel
  options: ChartSvgOptions
  width: number
  height: number
  keyStyle: EventKeyStyle
  colour: (name: string) => string
  ink: { fg: string; muted: string; grid: string; panel: string; plotBg: string }
  contentWidth: number
  values: number[]
  yAxis: ReturnType<typeof buildYAxis>
  yLabelWidth: number
  plot: { left: number; right: number; top: number; bottom: number; width: number; height: number }
  xOf: (i: number) => number
  yOf: (v: number) => number
  titleLines: string[]
  subtitleLines: string[]
  legendRows: LegendItem[][]
  footerLines: string[]
  tops: { title: number; subtitle: number; legend: number; band: number }
  markerLayout: MarkerLayout<ModelEvent>
  key: { columns: number; rows: number; shown: number; omitted: number }
}

/**
 * The layout: the y axis first (its widest tick label decides where the plot starts), then everything but the
 * plot at its fullest, cut in order of least loss until the plot has its share, then the marker band and the key
 * in the room left.
 */
function layoutExport(model: ChartModel, options: ChartSvgOptions): Frame {
  const width = Math.round(Math.min(8000, Math.max(480, options.width ?? DEFAULT_EXPORT_WIDTH)))
  const height = Math.round(Math.min(8000, Math.max(320, options.height ?? DEFAULT_EXPORT_HEIGHT)))
  const keyStyle: EventKeyStyle = options.eventKey ?? 'labels'
  const colour = (name: string) => paletteColour(options.palette, name)
  const ink = {
    fg: colour('--fg'),
    muted: colour('--muted'),
    grid: colour('--grid'),
    panel: colour('--panel'),
    plotBg: colour('--plot-bg'),
  }
  const contentWidth = width - 2 * MARGIN_X

  const values: number[] = []
  for (let i = 0; i < model.rows.length; i++) {
    for (const s of model.series) {
      const v = plotted(model, i, s.symbol)
      if (v !== null) values.push(v)
    }
  }
  const yAxis = buildYAxis(model, values)
  const yLabelWidth = Math.max(36, ...yAxis.ticks.map((t) => estimateTextWidth(yAxis.format(t), AXIS_SIZE)))
  const plotLeft = MARGIN_X + yLabelWidth + 10
  const plotRight = width - MARGIN_X - EXPORT_MARKERS.radius
  const plotWidth = plotRight - plotLeft
  const count = model.dates.length
  const xOf = (i: number) => (count <= 1 ? plotLeft + plotWidth / 2 : plotLeft + (i / (count - 1)) * plotWidth)

  const minPlotHeight = Math.ceil((MIN_PLOT_SHARE * width * height) / Math.max(1, plotWidth)) + 1
  let titleLines = wrapText(options.title, { size: TITLE_SIZE, bold: true, width: contentWidth, maxLines: 2 })
  let subtitleLines = options.subtitle.trim()
    ? wrapText(options.subtitle, { size: SUBTITLE_SIZE, width: contentWidth, maxLines: 2 })
    : []
  let legendRows = flowLegend(legendItems(model, options.palette), contentWidth)
  const footerText = [options.note ?? '', options.footer].map(oneLine).filter(Boolean).join(' ')
  let footerLines = wrapText(footerText, { size: FOOTER_SIZE, width: contentWidth, maxLines: 2 })
  const keyColumns = keyStyle === 'full' && model.events.length ? (width >= 1000 && model.events.length > 1 ? 2 : 1) : 0
  const oneRowBand = model.events.length ? EXPORT_MARKERS.rowHeight + 6 : 8
  let bandHeight = oneRowBand
  const fixed = () =>
    MARGIN_TOP +
    titleLines.length * TITLE_LINE +
    subtitleLines.length * SUBTITLE_LINE +
    legendRows.length * LEGEND_ROW +
    6 +
    bandHeight +
    X_AXIS_HEIGHT +
    8 +
    footerLines.length * FOOTER_LINE +
    MARGIN_BOTTOM
  // Cut in order of least loss: a third legend row, a second subtitle line, a second title line, a second footer line.
  const cuts: (() => void)[] = [
    () => (legendRows = legendRows.slice(0, 2)),
    () => (subtitleLines = wrapText(options.subtitle, { size: SUBTITLE_SIZE, width: contentWidth, maxLines: 1 })),
    () => (titleLines = wrapText(options.title, { size: TITLE_SIZE, bold: true, width: contentWidth, maxLines: 1 })),
    () => (footerLines = wrapText(footerText, { size: FOOTER_SIZE, width: contentWidth, maxLines: 1 })),
  ]
  for (const cut of cuts) if (height - fixed() < minPlotHeight) cut()

  // The markers may stack as high as the band's share of the image allows, and no higher than the plot can spare.
  const bandRoom = Math.max(
    oneRowBand,
    Math.min(EXPORT_BAND_SHARE * height, height - (fixed() - bandHeight) - minPlotHeight),
  )
  const markerLayout = layoutMarkers(model.events, xOf, {
    sizes: EXPORT_MARKERS,
    chartHeight: bandRoom,
    maxBandShare: 1,
    maxRows: EXPORT_MAX_ROWS,
  })
  if (model.events.length) bandHeight = markerLayout.bandHeight

  const keyRoom = Math.max(0, height - fixed() - minPlotHeight - (keyColumns ? KEY_LINE : 0))
  // A heading with no entry under it would only take room: then the key is left out whole.
  const keyRowsPerColumn = keyColumns && keyRoom >= KEY_LINE ? Math.floor(keyRoom / KEY_LINE) : 0
  const keyShown = Math.min(model.events.length, keyRowsPerColumn * keyColumns)
  const keyOmitted = keyColumns ? model.events.length - keyShown : 0
  const keyRows = keyColumns && keyShown > 0 ? Math.ceil(keyShown / keyColumns) + 1 : 0

  const plotHeight = Math.max(40, height - fixed() - keyRows * KEY_LINE)
  const titleTop = MARGIN_TOP
  const subtitleTop = titleTop + titleLines.length * TITLE_LINE
  const legendTop = subtitleTop + subtitleLines.length * SUBTITLE_LINE
  const bandTop = legendTop + legendRows.length * LEGEND_ROW + 6
  const plotTop = bandTop + bandHeight
  const plotBottom = plotTop + plotHeight
  return {
    model,
    options,
    width,
    height,
    keyStyle,
    colour,
    ink,
    contentWidth,
    values,
    yAxis,
    yLabelWidth,
    plot: { left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom, width: plotWidth, height: plotHeight },
    xOf,
    yOf: (v: number) => plotBottom - yAxis.position(v) * plotHeight,
    titleLines,
    subtitleLines,
    legendRows,
    footerLines,
    tops: { title: titleTop, subtitle: subtitleTop, legend: legendTop, band: bandTop },
    markerLayout,
    key: { columns: keyColumns, rows: keyRows, shown: keyShown, omitted: keyOmitted },
  }
}

function eventColour(f: Frame, e: ModelEvent): string {
  return f.colour(EVENT_CATEGORIES[e.category]?.colorVar ?? `--event-${e.category}`)
}

function drawHeader(f: Frame): string[] {
  const { fg, muted } = f.ink
  return [
    ...f.titleLines.map((line, k) =>
      text(
        { x: MARGIN_X, y: f.tops.title + 27 + k * TITLE_LINE, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: fg },
        line,
      ),
    ),
    ...f.subtitleLines.map((line, k) =>
      text({ x: MARGIN_X, y: f.tops.subtitle + 17 + k * SUBTITLE_LINE, 'font-size': SUBTITLE_SIZE, fill: muted }, line),
    ),
  ]
}

function drawLegend(f: Frame): string {
  const { fg, muted } = f.ink
  const legend: string[] = []
  f.legendRows.forEach((row, r) => {
    let x = MARGIN_X
    const cy = f.tops.legend + r * LEGEND_ROW + LEGEND_ROW / 2
    for (const item of row) {
      const pieces: string[] = [
        el('line', {
          x1: x,
          x2: x + LEGEND_SWATCH,
          y1: cy,
          y2: cy,
          stroke: item.colour,
          'stroke-width': 5,
          'stroke-linecap': 'round',
        }),
      ]
      let tx = x + LEGEND_SWATCH + 8
      const baseline = cy + 6
      pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE, 'font-weight': 700, fill: fg }, item.symbol))
      tx += estimateTextWidth(item.symbol, LEGEND_SIZE, true) + 8
      pieces.push(
        text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE, 'font-weight': 700, fill: item.colour }, item.value),
      )
      tx += estimateTextWidth(item.value, LEGEND_SIZE, true) + 8
      if (item.note) pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE, fill: muted }, item.note))
      legend.push(el('g', { class: 'legend-item', 'data-symbol': item.symbol }, pieces.join('')))
      x += item.width + LEGEND_ITEM_GAP
    }
  })
  return el('g', { class: 'legend' }, legend.join(''))
}

function drawYAxis(f: Frame): string[] {
  const { plot, yAxis, yOf } = f
  const yParts = yAxis.ticks.map((t) => {
    const y = yOf(t)
    return (
      el('line', { x1: plot.left, x2: plot.right, y1: y, y2: y, stroke: f.ink.grid, 'stroke-width': 1 }) +
      text(
        { x: plot.left - 8, y, dy: '0.35em', 'text-anchor': 'end', 'font-size': AXIS_SIZE, fill: f.ink.muted },
        yAxis.format(t),
      )
    )
  })
  const parts = [el('g', { class: 'y-axis' }, yParts.join(''))]
  if (f.model.mode === 'percent') {
    const y = yOf(0)
    parts.push(
      el('line', {
        class: 'zero-line',
        x1: plot.left,
        x2: plot.right,
        y1: y,
        y2: y,
        stroke: f.ink.muted,
        'stroke-width': 1.5,
      }),
    )
  }
  return parts
}

/** Event lines sit under the series, so the prices stay readable where they cross. */
function drawEventLines(f: Frame): string {
  const eventLines = f.model.events.map((e) =>
    el('line', {
      x1: f.xOf(e.index),
      x2: f.xOf(e.index),
      y1: f.plot.top,
      y2: f.plot.bottom,
      stroke: eventColour(f, e),
      'stroke-width': e.importance === 'major' ? 1.5 : 1,
      'stroke-dasharray': '5 4',
      'stroke-opacity': e.importance === 'major' ? 0.9 : 0.5,
    }),
  )
  return el('g', { class: 'event-lines' }, eventLines.join(''))
}

/**
 * A null on the shared session axis mostly means that exchange did not trade that day (Tokyo and New York holidays
 * differ), so lines connect across nulls as the live chart does.
 */
function drawSeries(f: Frame): string[] {
  const { model, plot } = f
  const seriesParts = model.series.map((s) => {
    const stroke = f.colour(s.colorVar)
    const points: [number, number][] = []
    for (let i = 0; i < model.rows.length; i++) {
      const v = plotted(model, i, s.symbol)
      if (v !== null) points.push([f.xOf(i), f.yOf(v)])
    }
    if (points.length === 0) return ''
    const d = points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join(' ')
    const [lastX, lastY] = points[points.length - 1] as [number, number]
    const line =
      points.length > 1
        ? el('path', {
            d,
            fill: 'none',
            stroke,
            'stroke-width': 3,
            'stroke-linejoin': 'round',
            'stroke-linecap': 'round',
          })
        : ''
    return el(
      'g',
      { class: 'series', 'data-symbol': s.symbol },
      line + el('circle', { cx: lastX, cy: lastY, r: 4, fill: stroke }),
    )
  })
  const parts = [el('g', { class: 'series-lines' }, seriesParts.join(''))]
  if (f.values.length === 0) {
    parts.push(
      text(
        {
          x: plot.left + plot.width / 2,
          y: plot.top + plot.height / 2,
          'text-anchor': 'middle',
          'font-size': 22,
          fill: f.ink.muted,
        },
        'No prices in this range',
      ),
    )
  }
  return parts
}

/** Session dates on one line; the year is added where it starts and where it changes. */
function drawXAxis(f: Frame): string {
  const { plot, model } = f
  const muted = f.ink.muted
  const xParts: string[] = [
    el('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: muted, 'stroke-width': 1 }),
  ]
  let previousYear = ''
  const xTicks = xTickIndices(model.dates.length, Math.max(2, Math.floor(plot.width / X_TICK_SPACING)))
  for (const i of xTicks) {
    const date = model.dates[i]
    if (!date) continue
    const x = f.xOf(i)
    const year = date.slice(0, 4)
    const label = year !== previousYear ? `${formatDayMonth(date)} ${year}` : formatDayMonth(date)
    previousYear = year
    const anchor =
      i === xTicks[0] && x - estimateTextWidth(label, AXIS_SIZE) / 2 < plot.left - f.yLabelWidth
        ? 'start'
        : i === xTicks[xTicks.length - 1]
          ? 'end'
          : 'middle'
    xParts.push(el('line', { x1: x, x2: x, y1: plot.bottom, y2: plot.bottom + 5, stroke: muted, 'stroke-width': 1 }))
    xParts.push(text({ x, y: plot.bottom + 23, 'text-anchor': anchor, 'font-size': AXIS_SIZE, fill: muted }, label))
  }
  return el('g', { class: 'x-axis' }, xParts.join(''))
}

/** Markers, drawn last so nothing covers them; the stem joins each to its session line. */
function drawMarkers(f: Frame): string {
  const { fg, muted, panel } = f.ink
  const r = EXPORT_MARKERS.radius
  const items = f.markerLayout.items
  const itemColour = (item: MarkerItem<ModelEvent>) => {
    const categories = new Set(item.events.map((e) => e.category))
    const first = item.events[0]
    return categories.size === 1 && first ? eventColour(f, first) : muted
  }
  const markers = items.map((item, k) => {
    const x = item.x
    const cy = f.tops.band + markerRowY(item.row, EXPORT_MARKERS)
    const c = itemColour(item)
    const stem = el('line', { x1: x, x2: x, y1: cy + r, y2: f.plot.top, stroke: c, 'stroke-width': 1.5 })
    if (item.kind === 'cluster') {
      const label = `+${item.events.length}`
      const w = r * 2 + (label.length > 2 ? 8 : 4)
      return el(
        'g',
        { class: 'event-cluster', 'data-event-ids': item.events.map((e) => e.id).join(' ') },
        stem +
          el('rect', {
            x: x - w / 2,
            y: cy - r,
            width: w,
            height: 2 * r,
            rx: r / 2,
            fill: panel,
            stroke: c,
            'stroke-width': 2,
            'stroke-dasharray': '4 3',
          }) +
          text(
            {
              x,
              y: cy,
              dy: '0.35em',
              'text-anchor': 'middle',
              'font-size': EXPORT_MARKERS.font,
              'font-weight': 700,
              fill: fg,
            },
            label,
          ),
      )
    }
    const e = item.events[0] as ModelEvent
    const label = String(e.number)
    let shortLabel = ''
    if (f.keyStyle === 'labels') {
      // Beside the marker, up to the next marker on the same row (or the plot's edge).
      const next = items.slice(k + 1).find((o) => o.row === item.row)
      const room = (next ? next.x - EXPORT_MARKERS.slot / 2 : f.width - MARGIN_X) - (x + r + 4)
      const cut = truncateToWidth(oneLine(e.label), room, { size: MIN_TEXT, bold: true })
      if (cut.length >= 4)
        shortLabel = text(
          { x: x + r + 4, y: cy, dy: '0.35em', 'font-size': MIN_TEXT, 'font-weight': 700, fill: eventColour(f, e) },
          cut,
        )
    }
    return el(
      'g',
      { class: 'event-marker', 'data-event-id': e.id },
      stem +
        el('circle', { cx: x, cy, r, fill: eventColour(f, e), stroke: panel, 'stroke-width': 1.5 }) +
        text(
          {
            x,
            y: cy,
            dy: '0.35em',
            'text-anchor': 'middle',
            'font-size': label.length > 2 ? EXPORT_MARKERS.font - 3 : EXPORT_MARKERS.font,
            'font-weight': 700,
            fill: panel,
          },
          label,
        ) +
        shortLabel,
    )
  })
  return el('g', { class: 'event-markers' }, markers.join(''))
}

/** The full key: one line per event, in date order, down each column. */
function drawKey(f: Frame): string[] {
  const { columns, rows, shown, omitted } = f.key
  if (!columns || !rows) return []
  const keyTop = f.plot.bottom + X_AXIS_HEIGHT + 4
  const columnWidth = (f.contentWidth - KEY_COLUMN_GAP * (columns - 1)) / columns
  const perColumn = Math.max(1, rows - 1)
  const heading =
    omitted > 0
      ? `Events (${omitted} more not shown at this size)`
      : 'Events: number, first session that could react, what happened'
  const keyParts: string[] = [
    text({ x: MARGIN_X, y: keyTop + 17, 'font-size': KEY_SIZE, 'font-weight': 700, fill: f.ink.fg }, heading),
  ]
  f.model.events.slice(0, shown).forEach((event, k) => {
    const column = Math.floor(k / perColumn)
    const x0 = MARGIN_X + column * (columnWidth + KEY_COLUMN_GAP)
    const baseline = keyTop + KEY_LINE * (1 + (k % perColumn)) + 17
    const line = keyLine(event, columnWidth)
    keyParts.push(
      el(
        'text',
        {
          class: 'event-key-entry',
          'data-event-id': event.id,
          x: x0,
          y: baseline,
          'font-size': KEY_SIZE,
          fill: f.ink.fg,
        },
        el('tspan', { 'font-weight': 700, fill: eventColour(f, event) }, escapeXml(line.prefix)) +
          el('tspan', { dx: 10 }, escapeXml(line.rest)),
      ),
    )
  })
  return [el('g', { class: 'event-key' }, keyParts.join(''))]
}

function drawFooter(f: Frame): string[] {
  const footerTop = f.height - MARGIN_BOTTOM - f.footerLines.length * FOOTER_LINE
  return f.footerLines.map((line, k) =>
    text(
      {
        class: 'source-line',
        x: MARGIN_X,
        y: footerTop + 16 + k * FOOTER_LINE,
        'font-size': FOOTER_SIZE,
        fill: f.ink.muted,
      },
      line,
    ),
  )
}

/**
 * The text alternative names every event on the chart, whatever the key shows, so a reader's own event is named
 * (and marked as theirs) in every file even where the drawing has room only for its number.
 */
function describe(model: ChartModel, options: ChartSvgOptions): string {
  const eventList = model.events
    .map(
      (e) =>
        `${e.number} ${formatDayMonth(e.tradingDate)} ${oneLine(e.title)}${e.origin === 'reader' ? ' (added by the reader, not verified)' : ''}`,
    )
    .join('; ')
  return [options.subtitle, options.note ?? '', options.footer, eventList ? `Events: ${eventList}` : '']
    .map(oneLine)
    .filter(Boolean)
    .join('. ')
}

/**
 * The chart as an SVG document string, with its layout. Top to bottom: title, subtitle, legend, markers, the
 * plot with its time axis, the event key (when chosen), the note and the source line.
 */
export function buildChartSvgWithLayout(
  model: ChartModel,
  options: ChartSvgOptions,
): { svg: string; layout: ChartSvgLayout } {
  const f = layoutExport(model, options)
  const { plot, width, height } = f
  const parts = [
    el('rect', { x: 0, y: 0, width, height, fill: f.ink.panel }),
    // The plot's own background: a tint a reader barely sees, and a rectangle a test can measure in the PNG.
    el('rect', {
      class: 'plot-area',
      x: plot.left,
      y: plot.top,
      width: plot.width,
      height: plot.height,
      fill: f.ink.plotBg,
    }),
    ...drawHeader(f),
    drawLegend(f),
    ...drawYAxis(f),
    drawEventLines(f),
    ...drawSeries(f),
    drawXAxis(f),
    drawMarkers(f),
    ...drawKey(f),
    ...drawFooter(f),
  ]
  const root = attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT_FAMILY,
    role: 'img',
    'aria-labelledby': 'chart-title chart-desc',
  })
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${root}>`,
    el('title', { id: 'chart-title' }, escapeXml(oneLine(options.title))),
    el('desc', { id: 'chart-desc' }, escapeXml(describe(model, options))),
    ...parts,
    '</svg>',
    '',
  ].join('\n')
  return {
    svg,
    layout: {
      width,
      height,
      plot: { left: plot.left, top: plot.top, width: plot.width, height: plot.height },
      keyOmitted: f.key.omitted,
      markers: f.markerLayout.items,
    },
  }
}
