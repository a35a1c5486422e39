import type { ChartModel, ChartSeries } from './model'

/**
 * Axis scales and ticks shared by the live chart, its server-rendered first paint and the SVG/PNG export, so the
 * three draw the same gridlines and labels for the same view.
 */

const MINUS = '\u2212'
const Y_TICK_TARGET = 6

export interface YAxis {
  ticks: number[]
  domain: [number, number]
  /** 0 at the bottom of the domain, 1 at the top. */
  position: (value: number) => number
  format: (value: number) => string
}

/** The number of decimals that writes `value` exactly (to 6 places). */
function decimalsOf(value: number): number {
  let d = 0
  while (d < 6 && Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) > 1e-6) d++
  return d
}

const clean = (v: number) => Number(v.toPrecision(12))

function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const r = raw / magnitude
  const m = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10
  return m * magnitude
}

export function linearTicks(lo: number, hi: number, target: number): { ticks: number[]; step: number; domain: [number, number] } {
  const step = niceStep(hi - lo, target)
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.ceil(hi / step - 1e-9)
  const ticks: number[] = []
  for (let k = first; k <= last; k++) ticks.push(clean(k * step))
  return { ticks, step, domain: [clean(first * step), clean(last * step)] }
}

const CURRENCY_PREFIX: Record<string, string> = { USD: '$', JPY: '¥' }

function numberFormatter(decimals: number, prefix: string, style: 'decimal' | 'percent') {
  const format = new Intl.NumberFormat('en-US', {
    style,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: style === 'percent' ? 'exceptZero' : 'auto',
  })
  return (v: number) => {
    const body = format.format(Math.abs(v) < 1e-12 ? 0 : v)
    return body.startsWith('-') ? `${MINUS}${prefix}${body.slice(1)}` : body.startsWith('+') ? `+${prefix}${body.slice(1)}` : `${prefix}${body}`
  }
}

/**
 * Ticks for a log axis: round numbers (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) spread evenly in
 * log space, so every part of the range has a label; a 1-2-5 grid alone left $115-$150 unlabelled under $200.
 */
function logTicks(lo: number, hi: number): number[] {
  const mantissas = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]
  const candidates: number[] = []
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mantissas) {
      const v = clean(m * 10 ** e)
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) candidates.push(v)
    }
  }
  const minGap = (Math.log10(hi) - Math.log10(lo)) / 7
  const ticks: number[] = []
  for (const v of candidates) {
    const last = ticks[ticks.length - 1]
    if (last === undefined || Math.log10(v) - Math.log10(last) >= minGap) ticks.push(v)
  }
  return ticks.length >= 2 ? ticks : linearTicks(lo, hi, 5).ticks.filter((v) => v > 0 && v >= lo && v <= hi)
}

export function buildYAxis(model: ChartModel, values: number[]): YAxis {
  if (model.mode === 'log') {
    const positive = values.filter((v) => v > 0)
    const min = positive.length ? Math.min(...positive) : 1
    const max = positive.length ? Math.max(...positive) : 10
    let lmin = Math.log10(min)
    let lmax = Math.log10(max)
    if (lmax - lmin < 1e-6) {
      lmin -= 0.01
      lmax += 0.01
    }
    const pad = (lmax - lmin) * 0.05
    const domain: [number, number] = [10 ** (lmin - pad), 10 ** (lmax + pad)]
    const ticks = logTicks(domain[0], domain[1])
    const decimals = Math.min(2, Math.max(0, ...ticks.map(decimalsOf)))
    const l0 = Math.log10(domain[0])
    const l1 = Math.log10(domain[1])
    return {
      ticks,
      domain,
      position: (v) => (Math.log10(v) - l0) / (l1 - l0),
      format: numberFormatter(decimals, sharedCurrencyPrefix(model.series), 'decimal'),
    }
  }

  let min = values.length ? Math.min(...values) : 0
  let max = values.length ? Math.max(...values) : model.mode === 'percent' ? 0.1 : 1
  if (model.mode === 'percent') {
    // The base level is the reference every reader looks for, so the axis always shows it.
    min = Math.min(min, 0)
    max = Math.max(max, 0)
  }
  if (max - min < 1e-12) {
    const pad = model.mode === 'percent' ? 0.01 : Math.max(Math.abs(max) * 0.01, 0.01)
    min -= pad
    max += pad
  }
  const pad = (max - min) * 0.04
  const lo = model.mode === 'price' && min >= 0 ? Math.max(0, min - pad) : min - pad
  const { ticks, step, domain } = linearTicks(lo, max + pad, Y_TICK_TARGET)
  const format =
    model.mode === 'percent'
      ? numberFormatter(Math.max(0, decimalsOf(step * 100)), '', 'percent')
      : numberFormatter(Math.min(2, decimalsOf(step)), sharedCurrencyPrefix(model.series), 'decimal')
  return { ticks, domain, position: (v) => (v - domain[0]) / (domain[1] - domain[0]), format }
}

/** `$` when every series trades in dollars (and so on); no symbol when currencies are mixed or unknown. */
export function sharedCurrencyPrefix(series: ChartSeries[]): string {
  const currencies = new Set(series.map((s) => s.currency))
  const [only] = [...currencies]
  return currencies.size === 1 && only ? (CURRENCY_PREFIX[only] ?? '') : ''
}

/** Evenly spaced session indices, as on the live chart. */
export function xTickIndices(count: number, approxTicks: number): number[] {
  if (count <= 1) return count === 1 ? [0] : []
  const step = Math.max(1, Math.ceil((count - 1) / Math.max(1, approxTicks)))
  const ticks: number[] = []
  for (let i = 0; i < count; i += step) ticks.push(i)
  return ticks
}


/** The value a series draws at a row; null when there is none or it cannot be drawn on this axis. */
export function plotted(model: ChartModel, rowIndex: number, symbol: string): number | null {
  const v = model.rows[rowIndex]?.[symbol]
  if (typeof v !== 'number' || !Number.isFinite(v)) return null
  if (model.mode === 'log' && v <= 0) return null
  return v
}

/** Every value the chart plots, for the y axis to span. */
export function plottedValues(model: ChartModel): number[] {
  const values: number[] = []
  for (let i = 0; i < model.rows.length; i++) {
    for (const s of model.series) {
      const v = plotted(model, i, s.symbol)
      if (v !== null) values.push(v)
    }
  }
  return values
}
