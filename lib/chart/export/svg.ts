import { EVENT_CATEGORIES } from '../../events/categories'
import { formatDayMonth, formatFullDate, formatPercent, formatPrice } from '../../format'
import { layoutEventLabels } from '../label-layout'
import type { ChartModel, ChartSeries } from '../model'
import { buildYAxis, plotted, xTickIndices } from '../scales'

/**
 * Draws the chart as a standalone SVG document from the ChartModel (not from the Recharts DOM), so the file
 * looks the same in any viewer: every colour is resolved from a palette, text is escaped, and the event key
 * sits below the plot so a reader of the image alone can tell what each numbered marker is.
 */

/** Colour of every CSS variable an export uses, as in `:root` of app/globals.css (the light theme). */
export const EXPORT_PALETTE_FALLBACK: Readonly<Record<string, string>> = {
  '--panel': '#ffffff',
  '--fg': '#0f172a',
  '--muted': '#475569',
  '--grid': '#e2e8f0',
  '--border': '#e2e8f0',
  '--event-deepseek': '#dc2626',
  '--event-stargate': '#7c3aed',
  '--event-market': '#0f766e',
  '--event-policy': '#b45309',
  '--event-company': '#2563eb',
  '--event-earnings': '#be185d',
  '--series-1': '#16a34a',
  '--series-2': '#2563eb',
  '--series-3': '#ea580c',
  '--series-4': '#9333ea',
  '--series-5': '#0891b2',
  '--series-6': '#be123c',
  '--series-7': '#4d7c0f',
  '--series-8': '#a16207',
  '--series-9': '#1e40af',
  '--series-10': '#c026d3',
  '--series-11': '#0f766e',
  '--series-12': '#57534e',
}

/** The CSS variables an export needs resolved. */
export const EXPORT_PALETTE_VARS: readonly string[] = Object.keys(EXPORT_PALETTE_FALLBACK)

export interface ChartSvgOptions {
  /** CSS variable name -> resolved colour, e.g. `{ '--series-1': '#16a34a' }`. Missing entries use the light theme. */
  palette: Record<string, string>
  title: string
  /** Date range, mode and base. */
  subtitle: string
  /** Data source, and whether it is the snapshot or live. */
  footer: string
  width?: number
  /** The least height; the image grows taller when the event key needs the room. */
  height?: number
  /** Adds each event's category and summary to the key. */
  eventDetails?: boolean
}

export const DEFAULT_EXPORT_WIDTH = 1600
export const DEFAULT_EXPORT_HEIGHT = 900

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"
const ELLIPSIS = '\u2026'

const MARGIN = 40
const TITLE_SIZE = 30
const TITLE_LINE = 38
const SUBTITLE_SIZE = 17
const SUBTITLE_LINE = 24
const LEGEND_SIZE = 16
const LEGEND_ROW = 30
const MARKER_RADIUS = 12
const MARKER_ROW = 30
/** Rows the markers may take; an image has room to stack a busy day's events (six on 2025-01-27) apart. */
const MARKER_ROWS = 8
const AXIS_SIZE = 13
const X_AXIS_HEIGHT = 48
const KEY_SIZE = 14
const KEY_LINE = 20
const KEY_DETAIL_SIZE = 13
const KEY_DETAIL_LINE = 18
const KEY_RADIUS = 10
const KEY_TEXT_INDENT = 30
const KEY_ENTRY_GAP = 10
const KEY_COLUMN_GAP = 40
const FOOTER_SIZE = 13
const FOOTER_LINE = 18
const X_TICK_SPACING = 110

// ---------------------------------------------------------------------------------------------- text and XML

// XML 1.0 forbids these characters (and unpaired surrogates) outright: escaping cannot save them, so they are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
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
function wrapText(text: string, style: TextStyle & { width: number; maxLines: number; firstLineWidth?: number }): string[] {
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

const el = (name: string, a: Attrs, body?: string) => (body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`)
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
  name: string
  value: string
  note: string
  width: number
}

const LEGEND_SWATCH = 26
const LEGEND_NAME_MAX = 230
const LEGEND_ITEM_GAP = 32

function legendItems(model: ChartModel, palette: Record<string, string>): LegendItem[] {
  return model.series.map((s) => {
    const symbol = oneLine(s.symbol)
    const name = truncateToWidth(oneLine(s.name), LEGEND_NAME_MAX, { size: LEGEND_SIZE - 1 })
    const value = formatLegendValue(model, s, lastValue(model, s.symbol))
    const note = model.mode === 'percent' && s.baseDate && s.baseDate !== model.base ? `(base ${formatDayMonth(s.baseDate)})` : ''
    const width =
      LEGEND_SWATCH +
      8 +
      estimateTextWidth(symbol, LEGEND_SIZE, true) +
      8 +
      (name ? estimateTextWidth(name, LEGEND_SIZE - 1) + 10 : 0) +
      estimateTextWidth(value, LEGEND_SIZE, true) +
      (note ? 8 + estimateTextWidth(note, LEGEND_SIZE - 2) : 0)
    return { colour: paletteColour(palette, s.colorVar), symbol, name, value, note, width }
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

interface KeyEntry {
  event: ModelEvent
  colour: string
  prefix: string
  lines: string[]
  details: string[]
  height: number
}

function keyEntries(model: ChartModel, palette: Record<string, string>, columnWidth: number, withDetails: boolean): KeyEntry[] {
  const textWidth = columnWidth - KEY_TEXT_INDENT
  return model.events.map((event) => {
    const colour = paletteColour(palette, EVENT_CATEGORIES[event.category]?.colorVar ?? `--event-${event.category}`)
    const prefix = formatFullDate(event.tradingDate)
    const eventDate = event.date && event.date !== event.tradingDate ? `(event date ${formatFullDate(event.date)}) ` : ''
    const label = oneLine(event.label)
    const title = oneLine(event.title)
    const headline = !title ? label : !label || title.startsWith(label) ? title : `${label}: ${title}`
    const rest = `${eventDate}${headline}${event.origin === 'reader' ? ' (added by the reader, not verified)' : event.verified ? '' : ' (partly verified)'}`
    const prefixWidth = estimateTextWidth(prefix, KEY_SIZE, true) + 8
    const lines = wrapText(rest, { size: KEY_SIZE, width: textWidth, firstLineWidth: textWidth - prefixWidth, maxLines: 3 })
    const category = EVENT_CATEGORIES[event.category]?.label ?? event.category
    const details = withDetails
      ? wrapText(`${category}. ${event.summary}`, { size: KEY_DETAIL_SIZE, width: textWidth, maxLines: 4 })
      : []
    const height = Math.max(lines.length * KEY_LINE + details.length * KEY_DETAIL_LINE, KEY_RADIUS * 2) + KEY_ENTRY_GAP
    return { event, colour, prefix, lines, details, height }
  })
}

/** Splits entries (kept in date order, read down each column) so the columns end as evenly as possible. */
function splitColumns(entries: KeyEntry[], columns: number): KeyEntry[][] {
  if (columns <= 1 || entries.length <= 1) return [entries]
  const total = entries.reduce((sum, e) => sum + e.height, 0)
  let best = 0
  let bestCost = Number.POSITIVE_INFINITY
  let left = 0
  for (let k = 0; k <= entries.length; k++) {
    const cost = Math.max(left, total - left)
    if (cost < bestCost) {
      bestCost = cost
      best = k
    }
    left += entries[k]?.height ?? 0
  }
  return [entries.slice(0, best), entries.slice(best)]
}

const columnHeight = (column: KeyEntry[]) => column.reduce((sum, e) => sum + e.height, 0)

// ---------------------------------------------------------------------------------------------- the document

/**
 * The chart as an SVG document string. Layout, top to bottom: title, subtitle, legend, numbered event markers,
 * the plot with its axes, the numbered event key, the footer. The plot takes what is left of `height`, but never
 * less than 40% of it; when the key needs more room the image grows taller instead of squeezing the plot.
 */
export function buildChartSvg(model: ChartModel, options: ChartSvgOptions): string {
  const width = Math.round(Math.min(8000, Math.max(480, options.width ?? DEFAULT_EXPORT_WIDTH)))
  const minHeight = Math.round(Math.min(8000, Math.max(320, options.height ?? DEFAULT_EXPORT_HEIGHT)))
  const palette = options.palette
  const colour = (name: string) => paletteColour(palette, name)
  const fg = colour('--fg')
  const muted = colour('--muted')
  const grid = colour('--grid')
  const panel = colour('--panel')
  const contentWidth = width - 2 * MARGIN

  // Header.
  const titleLines = wrapText(options.title, { size: TITLE_SIZE, bold: true, width: contentWidth, maxLines: 2 })
  const subtitleLines = options.subtitle.trim() ? wrapText(options.subtitle, { size: SUBTITLE_SIZE, width: contentWidth, maxLines: 2 }) : []
  const legendRows = flowLegend(legendItems(model, palette), contentWidth)
  const titleTop = MARGIN
  const subtitleTop = titleTop + titleLines.length * TITLE_LINE
  const legendTop = subtitleTop + subtitleLines.length * SUBTITLE_LINE + 16
  const legendBottom = legendTop + legendRows.length * LEGEND_ROW

  // Y axis first: its widest tick label decides where the plot starts.
  const values: number[] = []
  for (let i = 0; i < model.rows.length; i++) {
    for (const s of model.series) {
      const v = plotted(model, i, s.symbol)
      if (v !== null) values.push(v)
    }
  }
  const yAxis = buildYAxis(model, values)
  const yLabelWidth = Math.max(40, ...yAxis.ticks.map((t) => estimateTextWidth(yAxis.format(t), AXIS_SIZE)))
  const plotLeft = MARGIN + yLabelWidth + 12
  const plotRight = width - MARGIN - MARKER_RADIUS
  const plotWidth = plotRight - plotLeft
  const count = model.dates.length
  const xOf = (i: number) => (count <= 1 ? plotLeft + plotWidth / 2 : plotLeft + (i / (count - 1)) * plotWidth)

  // Event markers above the plot, on as many rows as the crowding needs.
  const eventXs = model.events.map((e) => xOf(e.index))
  const placements = layoutEventLabels(eventXs, { labelWidth: MARKER_RADIUS * 2 + 4, rows: MARKER_ROWS })
  const markerRows = placements.length ? Math.max(...placements.map((p) => p.row)) + 1 : 0
  const bandTop = legendBottom + 10
  const bandHeight = markerRows ? markerRows * MARKER_ROW + 6 : 10

  // Event key below the plot: two columns on a wide image.
  const columns = width >= 1100 && model.events.length > 1 ? 2 : 1
  const columnWidth = (contentWidth - KEY_COLUMN_GAP * (columns - 1)) / columns
  const keyColumns = splitColumns(keyEntries(model, palette, columnWidth, options.eventDetails ?? false), columns)
  const keyHeight = model.events.length ? 24 + 30 + Math.max(...keyColumns.map(columnHeight)) : 0

  const footerLines = options.footer.trim() ? wrapText(options.footer, { size: FOOTER_SIZE, width: contentWidth, maxLines: 3 }) : []
  const footerHeight = footerLines.length ? 20 + footerLines.length * FOOTER_LINE : 0

  const fixedHeight = bandTop + bandHeight + X_AXIS_HEIGHT + keyHeight + footerHeight + MARGIN
  const plotHeight = Math.max(Math.round(minHeight * 0.4), minHeight - fixedHeight)
  const height = Math.ceil(fixedHeight + plotHeight)
  const plotTop = bandTop + bandHeight
  const plotBottom = plotTop + plotHeight
  const yOf = (v: number) => plotBottom - yAxis.position(v) * plotHeight

  const parts: string[] = []
  parts.push(el('rect', { x: 0, y: 0, width, height, fill: panel }))

  // Title, subtitle.
  titleLines.forEach((line, k) => {
    parts.push(text({ x: MARGIN, y: titleTop + 28 + k * TITLE_LINE, 'font-size': TITLE_SIZE, 'font-weight': 700, fill: fg }, line))
  })
  subtitleLines.forEach((line, k) => {
    parts.push(text({ x: MARGIN, y: subtitleTop + 18 + k * SUBTITLE_LINE, 'font-size': SUBTITLE_SIZE, fill: muted }, line))
  })

  // Legend.
  const legend: string[] = []
  legendRows.forEach((row, r) => {
    let x = MARGIN
    const cy = legendTop + r * LEGEND_ROW + LEGEND_ROW / 2
    for (const item of row) {
      const pieces: string[] = [
        el('line', { x1: x, x2: x + LEGEND_SWATCH, y1: cy, y2: cy, stroke: item.colour, 'stroke-width': 4, 'stroke-linecap': 'round' }),
      ]
      let tx = x + LEGEND_SWATCH + 8
      const baseline = cy + 5.5
      pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE, 'font-weight': 700, fill: fg }, item.symbol))
      tx += estimateTextWidth(item.symbol, LEGEND_SIZE, true) + 8
      if (item.name) {
        pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE - 1, fill: muted }, item.name))
        tx += estimateTextWidth(item.name, LEGEND_SIZE - 1) + 10
      }
      pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE, 'font-weight': 700, fill: item.colour }, item.value))
      tx += estimateTextWidth(item.value, LEGEND_SIZE, true) + 8
      if (item.note) pieces.push(text({ x: tx, y: baseline, 'font-size': LEGEND_SIZE - 2, fill: muted }, item.note))
      legend.push(el('g', { class: 'legend-item', 'data-symbol': item.symbol }, pieces.join('')))
      x += item.width + LEGEND_ITEM_GAP
    }
  })
  parts.push(el('g', { class: 'legend' }, legend.join('')))

  // Y grid and tick labels.
  const yParts = yAxis.ticks.map((t) => {
    const y = yOf(t)
    return (
      el('line', { x1: plotLeft, x2: plotRight, y1: y, y2: y, stroke: grid, 'stroke-width': 1 }) +
      text({ x: plotLeft - 10, y, dy: '0.35em', 'text-anchor': 'end', 'font-size': AXIS_SIZE, fill: muted }, yAxis.format(t))
    )
  })
  parts.push(el('g', { class: 'y-axis' }, yParts.join('')))

  if (model.mode === 'percent') {
    const y = yOf(0)
    parts.push(el('line', { class: 'zero-line', x1: plotLeft, x2: plotRight, y1: y, y2: y, stroke: muted, 'stroke-width': 1.5 }))
  }

  // Event lines sit under the series, so the prices stay readable where they cross.
  const markerY = (k: number) => bandTop + (placements[k]?.row ?? 0) * MARKER_ROW + MARKER_RADIUS + 2
  const eventColour = (e: ModelEvent) => colour(EVENT_CATEGORIES[e.category]?.colorVar ?? `--event-${e.category}`)
  const eventLines = model.events.map((e, k) => {
    const x = eventXs[k] ?? plotLeft
    return el('line', {
      x1: x,
      x2: x,
      y1: markerY(k) + MARKER_RADIUS,
      y2: plotBottom,
      stroke: eventColour(e),
      'stroke-width': 1.5,
      'stroke-dasharray': '5 4',
      'stroke-opacity': 0.9,
    })
  })
  parts.push(el('g', { class: 'event-lines' }, eventLines.join('')))

  // Series. A null on the shared session axis mostly means that exchange did not trade that day (Tokyo and New
  // York holidays differ), not that data is missing, so lines connect across nulls as the live chart does;
  // breaking them would leave every US line gap-toothed as soon as a Tokyo symbol is added.
  const seriesParts = model.series.map((s) => {
    const stroke = colour(s.colorVar)
    const points: [number, number][] = []
    for (let i = 0; i < model.rows.length; i++) {
      const v = plotted(model, i, s.symbol)
      if (v !== null) points.push([xOf(i), yOf(v)])
    }
    if (points.length === 0) return ''
    const d = points.map(([x, y], k) => `${k === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join(' ')
    const [lastX, lastY] = points[points.length - 1] as [number, number]
    const line =
      points.length > 1
        ? el('path', { d, fill: 'none', stroke, 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' })
        : ''
    return el('g', { class: 'series', 'data-symbol': s.symbol }, line + el('circle', { cx: lastX, cy: lastY, r: 3.5, fill: stroke }))
  })
  parts.push(el('g', { class: 'series-lines' }, seriesParts.join('')))

  if (values.length === 0) {
    parts.push(
      text(
        { x: plotLeft + plotWidth / 2, y: plotTop + plotHeight / 2, 'text-anchor': 'middle', 'font-size': 18, fill: muted },
        'No prices in this range',
      ),
    )
  }

  // X axis: session dates, the year under the first tick and wherever it changes.
  const xParts: string[] = [el('line', { x1: plotLeft, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: muted, 'stroke-width': 1 })]
  let previousYear = ''
  for (const i of xTickIndices(count, Math.floor(plotWidth / X_TICK_SPACING))) {
    const date = model.dates[i]
    if (!date) continue
    const x = xOf(i)
    const year = date.slice(0, 4)
    xParts.push(el('line', { x1: x, x2: x, y1: plotBottom, y2: plotBottom + 5, stroke: muted, 'stroke-width': 1 }))
    xParts.push(text({ x, y: plotBottom + 20, 'text-anchor': 'middle', 'font-size': AXIS_SIZE, fill: muted }, formatDayMonth(date)))
    if (year !== previousYear) {
      xParts.push(text({ x, y: plotBottom + 37, 'text-anchor': 'middle', 'font-size': AXIS_SIZE, 'font-weight': 600, fill: muted }, year))
      previousYear = year
    }
  }
  parts.push(el('g', { class: 'x-axis' }, xParts.join('')))

  // Numbered markers, drawn last in the plot so nothing covers them.
  const markers = model.events.map((e, k) => {
    const x = eventXs[k] ?? plotLeft
    const cy = markerY(k)
    const label = String(e.number)
    return el(
      'g',
      { class: 'event-marker', 'data-event-id': e.id },
      el('circle', { cx: x, cy, r: MARKER_RADIUS, fill: eventColour(e), stroke: panel, 'stroke-width': 1.5 }) +
        text(
          { x, y: cy, dy: '0.35em', 'text-anchor': 'middle', 'font-size': label.length > 2 ? 10 : 12, 'font-weight': 700, fill: panel },
          label,
        ),
    )
  })
  parts.push(el('g', { class: 'event-markers' }, markers.join('')))

  // Event key.
  if (model.events.length) {
    const keyTop = plotBottom + X_AXIS_HEIGHT + 24
    const keyParts: string[] = [
      text({ x: MARGIN, y: keyTop + 14, 'font-size': 16, 'font-weight': 700, fill: fg }, 'Events'),
      text(
        { x: MARGIN + estimateTextWidth('Events', 16, true) + 12, y: keyTop + 14, 'font-size': 13, fill: muted },
        'Numbers match the markers above the chart; dates are the first trading session that could react.',
      ),
    ]
    keyColumns.forEach((column, c) => {
      const x0 = MARGIN + c * (columnWidth + KEY_COLUMN_GAP)
      let y = keyTop + 30
      for (const entry of column) {
        const tx = x0 + KEY_TEXT_INDENT
        const label = String(entry.event.number)
        const pieces: string[] = [
          el('circle', { cx: x0 + KEY_RADIUS, cy: y + KEY_RADIUS, r: KEY_RADIUS, fill: entry.colour }),
          text(
            {
              x: x0 + KEY_RADIUS,
              y: y + KEY_RADIUS,
              dy: '0.35em',
              'text-anchor': 'middle',
              'font-size': label.length > 2 ? 9 : 11,
              'font-weight': 700,
              fill: panel,
            },
            label,
          ),
        ]
        entry.lines.forEach((line, k) => {
          const baseline = y + 15 + k * KEY_LINE
          if (k === 0) {
            const first = el('tspan', { 'font-weight': 700 }, escapeXml(entry.prefix)) + (line ? el('tspan', { dx: 8 }, escapeXml(line)) : '')
            pieces.push(el('text', { x: tx, y: baseline, 'font-size': KEY_SIZE, fill: fg }, first))
          } else {
            pieces.push(text({ x: tx, y: baseline, 'font-size': KEY_SIZE, fill: fg }, line))
          }
        })
        entry.details.forEach((line, k) => {
          const baseline = y + 15 + entry.lines.length * KEY_LINE + k * KEY_DETAIL_LINE - 2
          pieces.push(text({ x: tx, y: baseline, 'font-size': KEY_DETAIL_SIZE, fill: muted }, line))
        })
        keyParts.push(el('g', { class: 'event-key-entry', 'data-event-id': entry.event.id }, pieces.join('')))
        y += entry.height
      }
    })
    parts.push(el('g', { class: 'event-key' }, keyParts.join('')))
  }

  // Footer.
  const footerTop = height - MARGIN - footerLines.length * FOOTER_LINE
  footerLines.forEach((line, k) => {
    parts.push(text({ x: MARGIN, y: footerTop + 13 + k * FOOTER_LINE, 'font-size': FOOTER_SIZE, fill: muted }, line))
  })

  const description = [options.subtitle, options.footer].map(oneLine).filter(Boolean).join('. ')
  const root = attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT_FAMILY,
    role: 'img',
    'aria-labelledby': 'chart-title chart-desc',
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${root}>`,
    el('title', { id: 'chart-title' }, escapeXml(oneLine(options.title))),
    el('desc', { id: 'chart-desc' }, escapeXml(description)),
    ...parts,
    '</svg>',
    '',
  ].join('\n')
}
