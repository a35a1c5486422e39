import { escapeXml, estimateTextWidth } from '../chart/export/svg'
import { linearTicks } from '../chart/scales'
import { formatPercent } from '../format'
import { csvNumber, csvText } from '../csv/write'
import type { ReactionResult } from './types'

/**
 * The event-study figure: each symbol's CAR(t1, t) from day t1 to t2 of the path, the group's CAAR and its 95%
 * band from the prediction-error variances (the firms taken as independent), day 0 marked. One SVG builder
 * serves the page and the PNG/SVG exports, so what is downloaded is what was seen.
 */

export interface CarFigureOptions {
  width: number
  height: number
  /** CSS variable -> colour for a standalone file; omitted, the SVG uses `var(--x)` and follows the page's theme. */
  palette?: Readonly<Record<string, string>>
  title?: string
  subtitle?: string
  footer?: string
}

/** Per-symbol colours, as the price chart gives them (`--series-1` ... `--series-12`). */
export function figureSeriesVar(index: number): string {
  return `--series-${(index % 12) + 1}`
}

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif'

export interface CarFigureSeries {
  symbol: string
  colorVar: string
  points: { day: number; car: number }[]
}

/** The figure's data: one line per row (the benchmark against itself left out), the CAAR and its band. */
export function carFigureData(result: ReactionResult): {
  days: [number, number]
  series: CarFigureSeries[]
  caar: { day: number; caar: number; lower: number | null; upper: number | null; n: number }[]
} {
  const firms = new Set(result.portfolio.symbols)
  const series = result.rows
    .filter((r) => firms.has(r.symbol))
    .map((row, i) => ({
      symbol: row.symbol,
      colorVar: figureSeriesVar(i),
      points: row.path.flatMap((p) => (p.car === null ? [] : [{ day: p.day, car: p.car }])),
    }))
  return { days: result.method.path, series, caar: result.portfolio.path }
}

/** The figure as an SVG document. Text is escaped; every number comes from the API's answer. */
export function buildCarFigureSvg(result: ReactionResult, options: CarFigureOptions): string {
  const { width, height } = options
  const color = (v: string) => (options.palette ? (options.palette[v] ?? '#64748b') : `var(${v})`)
  const data = carFigureData(result)
  const [d1, d2] = data.days
  const values: number[] = [0]
  for (const s of data.series) for (const p of s.points) values.push(p.car)
  for (const c of data.caar) {
    values.push(c.caar)
    if (c.lower !== null) values.push(c.lower)
    if (c.upper !== null) values.push(c.upper)
  }
  const axis = linearTicks(Math.min(...values), Math.max(...values), height < 300 ? 4 : 6)

  const small = width < 560
  const fontSize = small ? 11 : 12
  const titleLines = [options.title, options.subtitle].filter((t): t is string => Boolean(t))
  const top = 12 + titleLines.length * (fontSize + 6)
  // Legend: as many rows as the symbols need at this width.
  const legendItems = [
    ...data.series.map((s) => ({ label: s.symbol, colorVar: s.colorVar, bold: false })),
    { label: 'CAAR ± 95%', colorVar: '--fg', bold: true },
  ]
  const legendRows: (typeof legendItems)[] = [[]]
  let rowWidth = 0
  const usable = width - 24
  for (const item of legendItems) {
    const w = 22 + estimateTextWidth(item.label, fontSize, item.bold) + 14
    if (rowWidth + w > usable && (legendRows[legendRows.length - 1]?.length ?? 0) > 0) {
      legendRows.push([])
      rowWidth = 0
    }
    legendRows[legendRows.length - 1]?.push(item)
    rowWidth += w
  }
  const footerHeight = options.footer ? fontSize + 10 : 0
  const legendHeight = legendRows.length * (fontSize + 8) + 8
  const left = small ? 46 : 58
  const right = 14
  const bottom = 26 + legendHeight + footerHeight
  const plotW = Math.max(40, width - left - right)
  const plotH = Math.max(40, height - top - bottom)
  const x = (day: number) => left + ((day - d1) / Math.max(1, d2 - d1)) * plotW
  const y = (v: number) => top + (1 - (v - axis.domain[0]) / (axis.domain[1] - axis.domain[0] || 1)) * plotH
  const f = (n: number) => n.toFixed(2)

  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="${fontSize}" role="img">`,
    // The accessible name of the drawing, in the page and in the exported file alike.
    `<title>${escapeXml(titleLines.join('. ') || 'Cumulative abnormal returns around day 0')}</title>`,
  )
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${color('--panel')}"/>`)
  titleLines.forEach((t, i) => {
    parts.push(
      `<text x="12" y="${12 + (i + 1) * (fontSize + 4)}" fill="${color(i === 0 ? '--fg' : '--muted')}" font-weight="${i === 0 ? 600 : 400}">${escapeXml(t)}</text>`,
    )
  })
  for (const tick of axis.ticks) {
    parts.push(
      `<line x1="${left}" x2="${left + plotW}" y1="${f(y(tick))}" y2="${f(y(tick))}" stroke="${color('--grid')}" stroke-width="1"/>`,
    )
    parts.push(
      `<text x="${left - 6}" y="${f(y(tick) + 4)}" text-anchor="end" fill="${color('--muted')}">${escapeXml(formatPercent(tick, 1))}</text>`,
    )
  }
  const xStep = d2 - d1 > 20 ? (small ? 10 : 5) : small ? 5 : 2
  for (let d = Math.ceil(d1 / xStep) * xStep; d <= d2; d += xStep) {
    parts.push(
      `<line x1="${f(x(d))}" x2="${f(x(d))}" y1="${top + plotH}" y2="${top + plotH + 4}" stroke="${color('--muted')}"/>`,
    )
    parts.push(
      `<text x="${f(x(d))}" y="${top + plotH + 16}" text-anchor="middle" fill="${color('--muted')}">${d > 0 ? `+${d}` : d}</text>`,
    )
  }
  parts.push(
    `<line x1="${left}" x2="${left + plotW}" y1="${f(y(0))}" y2="${f(y(0))}" stroke="${color('--muted')}" stroke-width="1"/>`,
  )
  // Day 0.
  parts.push(
    `<line x1="${f(x(0))}" x2="${f(x(0))}" y1="${top}" y2="${top + plotH}" stroke="${color('--fg')}" stroke-dasharray="4 3" stroke-width="1"/>`,
  )
  parts.push(`<text x="${f(x(0) + 4)}" y="${top + fontSize}" fill="${color('--fg')}">day 0</text>`)

  const band = data.caar.filter((c) => c.lower !== null && c.upper !== null)
  if (band.length > 1) {
    const upper = band.map((c) => `${f(x(c.day))},${f(y(c.upper ?? 0))}`)
    const lower = [...band].reverse().map((c) => `${f(x(c.day))},${f(y(c.lower ?? 0))}`)
    parts.push(
      `<polygon points="${[...upper, ...lower].join(' ')}" fill="${color('--muted')}" fill-opacity="0.18" stroke="none"/>`,
    )
  }
  for (const s of data.series) {
    if (s.points.length < 2) continue
    const d = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(x(p.day))},${f(y(p.car))}`).join('')
    parts.push(`<path d="${d}" fill="none" stroke="${color(s.colorVar)}" stroke-width="1.25" stroke-opacity="0.8"/>`)
  }
  if (data.caar.length > 1) {
    const d = data.caar.map((c, i) => `${i === 0 ? 'M' : 'L'}${f(x(c.day))},${f(y(c.caar))}`).join('')
    parts.push(`<path d="${d}" fill="none" stroke="${color('--fg')}" stroke-width="2.5"/>`)
  }
  parts.push(
    `<text x="${left + plotW / 2}" y="${top + plotH + 30}" text-anchor="middle" fill="${color('--muted')}">sessions relative to day 0</text>`,
  )

  let ly = top + plotH + 36 + fontSize
  for (const row of legendRows) {
    let lx = 12
    for (const item of row) {
      parts.push(
        `<line x1="${lx}" x2="${lx + 16}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color(item.colorVar)}" stroke-width="${item.bold ? 2.5 : 1.5}"/>`,
      )
      parts.push(
        `<text x="${lx + 22}" y="${ly}" fill="${color('--fg')}"${item.bold ? ' font-weight="600"' : ''}>${escapeXml(item.label)}</text>`,
      )
      lx += 22 + estimateTextWidth(item.label, fontSize, item.bold) + 14
    }
    ly += fontSize + 8
  }
  if (options.footer)
    parts.push(
      `<text x="12" y="${height - 8}" fill="${color('--muted')}" font-size="${fontSize - 1}">${escapeXml(options.footer)}</text>`,
    )
  parts.push('</svg>')
  return parts.join('')
}

/** The figure's numbers as CSV: one row per symbol and day, and the CAAR with its band (decimal fractions). */
export function carFigureCsv(result: ReactionResult): string {
  const lines = ['series,day,date,car,sd,lower_95,upper_95,n']
  const firms = new Set(result.portfolio.symbols)
  for (const row of result.rows) {
    if (!firms.has(row.symbol)) continue
    for (const p of row.path) {
      lines.push([csvText(row.symbol), p.day, p.date ?? '', csvNumber(p.car), csvNumber(p.sd), '', '', ''].join(','))
    }
  }
  for (const c of result.portfolio.path) {
    lines.push(
      ['CAAR', c.day, '', csvNumber(c.caar), csvNumber(c.sd), csvNumber(c.lower), csvNumber(c.upper), c.n].join(','),
    )
  }
  return lines.join('\n') + '\n'
}

/** `car_NVDA-AVGO_2025-01-27_vs_SPY.svg` */
export function carFigureFileName(result: ReactionResult, kind: 'png' | 'svg' | 'csv'): string {
  const symbols = result.portfolio.symbols.join('-').replace(/[^A-Za-z0-9.-]/g, '') || 'none'
  return `car_${symbols}_${result.day0}_vs_${result.benchmark.replace(/[^A-Za-z0-9.-]/g, '')}.${kind}`
}
