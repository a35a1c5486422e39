import type { ChartModel, ChartSeries } from './model'
import { formatDecimal } from '../number-format'

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

/**
 * Every tick loop below is bounded by this, whatever the values: a data value from outside must never decide how
 * long the server or the browser spends drawing an axis.
 */
export const MAX_TICKS = 50
/** Log axes span at most 10^-300..10^300: beyond it powers of ten underflow to 0 or overflow to Infinity. */
const LOG_FLOOR = -300
const LOG_CEIL = 300
/**
 * A linear axis reaches at most this far from zero: ticks and the padding around them must stay finite, and no
 * price that passes the data rules comes near it.
 */
const LINEAR_LIMIT = 1e300
/** The smallest span a linear axis is drawn over, relative to its values (a double holds ~16 digits). */
const MIN_RELATIVE_SPAN = 1e-9
/** ... and in absolute terms, so that a step of span / ticks stays a normal double. */
const MIN_ABSOLUTE_SPAN = 1e-290

function niceStep(span: number, target: number): number {
  const raw = span / Math.max(1, target)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const r = raw / magnitude
  const m = r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10
  return m * magnitude
}

/** Smallest and largest value without spreading the array into arguments (which overflows the stack past ~100k). */
function extent(values: readonly number[]): [number, number] | undefined {
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (!Number.isFinite(v)) continue
    if (v < min) min = v
    if (v > max) max = v
  }
  return min <= max ? [min, max] : undefined
}

/**
 * Round ticks covering [lo, hi], at most MAX_TICKS + 1 of them, all finite and ascending. A span too narrow for its
 * magnitude to resolve (1e19 beside 1e19 + 4096) is widened first: counting steps of 1,000 from 1e16 would add 1
 * to a number that no longer changes when 1 is added.
 */
export function linearTicks(
  lo: number,
  hi: number,
  target: number,
): { ticks: number[]; step: number; domain: [number, number] } {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return { ticks: [0, 1], step: 1, domain: [0, 1] }
  if (hi < lo) [lo, hi] = [hi, lo]
  lo = Math.min(Math.max(lo, -LINEAR_LIMIT), LINEAR_LIMIT)
  hi = Math.min(Math.max(hi, -LINEAR_LIMIT), LINEAR_LIMIT)
  const scale = Math.max(Math.abs(lo), Math.abs(hi))
  const minSpan = Math.max(scale * MIN_RELATIVE_SPAN, MIN_ABSOLUTE_SPAN)
  if (hi - lo < minSpan) {
    const mid = lo / 2 + hi / 2
    lo = mid - minSpan / 2
    hi = mid + minSpan / 2
  }
  // Half the span over half the ticks: the same step, and finite for values near opposite ends of the double range.
  const step = niceStep(hi / 2 - lo / 2, Math.max(1, Math.min(target, MAX_TICKS)) / 2)
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.ceil(hi / step - 1e-9)
  const count = last - first
  if (!Number.isFinite(step) || !(step > 0) || !Number.isFinite(count) || count < 1 || count > MAX_TICKS) {
    return { ticks: [clean(lo), clean(hi)], step: hi - lo, domain: [lo, hi] }
  }
  const ticks: number[] = []
  // Counted by index, not by adding to `first`, so the loop ends even where first + 1 === first.
  for (let i = 0; i <= count; i++) ticks.push(clean((first + i) * step))
  const domain: [number, number] = [clean(first * step), clean(last * step)]
  if (!ticks.every(Number.isFinite) || !(domain[1] > domain[0]))
    return { ticks: [clean(lo), clean(hi)], step: hi - lo, domain: [lo, hi] }
  return { ticks, step, domain }
}

const CURRENCY_PREFIX: Record<string, string> = { USD: '$', JPY: '¥' }

function numberFormatter(decimals: number, prefix: string, style: 'decimal' | 'percent') {
  const options = {
    digits: decimals,
    percent: style === 'percent',
    sign: style === 'percent' ? 'exceptZero' : 'auto',
  } as const
  return (v: number) => {
    const body = formatDecimal(Math.abs(v) < 1e-12 ? 0 : v, options)
    return body.startsWith('-')
      ? `${MINUS}${prefix}${body.slice(1)}`
      : body.startsWith('+')
        ? `+${prefix}${body.slice(1)}`
        : `${prefix}${body}`
  }
}

/**
 * Ticks for a log axis: round numbers (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) spread evenly in
 * log space, so every part of the range has a label; a 1-2-5 grid alone left $115-$150 unlabelled under $200.
 * Over many decades only powers of ten are used, every few decades, so the candidates stay few.
 */
function logTicks(lo: number, hi: number): number[] {
  const eLo = Math.floor(Math.log10(lo))
  const eHi = Math.ceil(Math.log10(hi))
  const decades = eHi - eLo
  if (!Number.isFinite(decades) || decades < 0) return [lo, hi]
  if (decades > 12) {
    const every = Math.ceil(decades / 7)
    const ticks: number[] = []
    for (let e = Math.ceil(Math.log10(lo) / every) * every; e <= eHi && ticks.length <= MAX_TICKS; e += every) {
      const v = 10 ** e
      if (v >= lo && v <= hi) ticks.push(v)
    }
    return ticks.length >= 2 ? ticks : [lo, hi]
  }
  const mantissas = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8]
  const candidates: number[] = []
  for (let e = eLo; e <= eHi; e++) {
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
  if (ticks.length >= 2) return ticks.slice(0, MAX_TICKS + 1)
  const linear = linearTicks(lo, hi, 5).ticks.filter((v) => v > 0 && v >= lo && v <= hi)
  return linear.length >= 2 ? linear : [lo, hi]
}

/** Labels in scientific notation where plain digits would run to dozens of characters (a corrupt 1e300). */
function needsScientific(ticks: readonly number[]): boolean {
  return ticks.some((t) => t !== 0 && (Math.abs(t) >= 1e15 || Math.abs(t) < 1e-6))
}

/** Scientific labels with the fewest significant digits (3 to 15) that keep neighbouring ticks apart. */
function scientificFormatter(ticks: readonly number[], prefix: string, percent: boolean) {
  const make = (digits: number) => {
    const format = new Intl.NumberFormat('en-US', { notation: 'scientific', maximumSignificantDigits: digits })
    return (v: number) => {
      if (v === 0) return percent ? '0%' : `${prefix}0`
      const body = format.format(percent ? v * 100 : v) + (percent ? '%' : '')
      return body.startsWith('-') ? `${MINUS}${prefix}${body.slice(1)}` : `${percent ? '+' : ''}${prefix}${body}`
    }
  }
  for (let digits = 3; digits < 15; digits++) {
    const format = make(digits)
    if (new Set(ticks.map(format)).size === ticks.length) return format
  }
  return make(15)
}

export function buildYAxis(model: ChartModel, values: number[]): YAxis {
  const prefix = sharedCurrencyPrefix(model.series)
  if (model.mode === 'log') {
    const range = extent(values.filter((v) => v > 0))
    const clampLog = (v: number) => Math.min(Math.max(Math.log10(v), LOG_FLOOR + 1), LOG_CEIL - 1)
    let lmin = range ? clampLog(range[0]) : 0
    let lmax = range ? clampLog(range[1]) : 1
    if (lmax - lmin < 1e-6) {
      lmin -= 0.01
      lmax += 0.01
    }
    const pad = (lmax - lmin) * 0.05
    lmin = Math.max(lmin - pad, LOG_FLOOR)
    lmax = Math.min(lmax + pad, LOG_CEIL)
    const domain: [number, number] = [10 ** lmin, 10 ** lmax]
    const ticks = logTicks(domain[0], domain[1])
    const decimals = Math.min(2, Math.max(0, ...ticks.map(decimalsOf)))
    const l0 = Math.log10(domain[0])
    const l1 = Math.log10(domain[1])
    return {
      ticks,
      domain,
      position: (v) => (Math.log10(v) - l0) / (l1 - l0),
      format: needsScientific(ticks)
        ? scientificFormatter(ticks, prefix, false)
        : numberFormatter(decimals, prefix, 'decimal'),
    }
  }

  const range = extent(values.map((v) => Math.min(Math.max(v, -LINEAR_LIMIT), LINEAR_LIMIT)))
  let min = range ? range[0] : 0
  let max = range ? range[1] : model.mode === 'percent' ? 0.1 : 1
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
  // Halves first: max - min of two values near the ends of the double range would be Infinity.
  const pad = (max / 2 - min / 2) * 0.08
  const lo = model.mode === 'price' && min >= 0 ? Math.max(0, min - pad) : min - pad
  const { ticks, step, domain } = linearTicks(lo, max + pad, Y_TICK_TARGET)
  const scientific = needsScientific(ticks)
  const format = scientific
    ? scientificFormatter(ticks, model.mode === 'percent' ? '' : prefix, model.mode === 'percent')
    : model.mode === 'percent'
      ? numberFormatter(Math.max(0, decimalsOf(step * 100)), '', 'percent')
      : numberFormatter(Math.min(2, decimalsOf(step)), prefix, 'decimal')
  const span = domain[1] - domain[0]
  return { ticks, domain, position: (v) => (v - domain[0]) / span, format }
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
