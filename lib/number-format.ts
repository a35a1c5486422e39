/**
 * Number formatting without Intl, for the few en-US forms the UI shows. The first Intl constructor a page makes
 * loads ICU's data and costs 30 to 45 ms of main-thread time on this machine (Chromium, 1x CPU; about four times
 * that on a phone-class CPU), in the middle of the first view's hydration. These functions give the same text as
 * `Intl.NumberFormat('en-US', …)` with the options named on each; tests/unit/number-format.test.ts checks them
 * against Intl itself on 40,000 values for each of the option sets the app uses and more.
 *
 * Intl (ICU) formats the shortest decimal that reads back as the same double (`String(x)`), not the double's exact
 * binary value, and rounds half away from zero ("halfExpand"): 1.005 to two places is 1.01 (where `toFixed` says
 * 1.00). Percent moves the decimal point two places, exactly, before rounding.
 */

/** The shortest decimal of |x| as digits and the position of the decimal point within them. */
function decimalOf(x: number): { digits: string; point: number } {
  const text = String(Math.abs(x))
  const e = text.indexOf('e')
  const mantissa = e === -1 ? text : text.slice(0, e)
  const exponent = e === -1 ? '' : text.slice(e + 1)
  const dot = mantissa.indexOf('.')
  const whole = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  const point = (dot === -1 ? mantissa.length : dot) + (exponent ? Number(exponent) : 0)
  // Leading zeros ("0.00123" -> "000123") move the point, not the value.
  const lead = whole.match(/^0*/)![0].length
  if (lead === whole.length) return { digits: '0', point: 1 }
  return { digits: whole.slice(lead), point: point - lead }
}

/**
 * |x| (times 10^shift) rounded half away from zero to `fraction` places: the integer part's digits and the
 * fraction's, e.g. (1.005, 0, 2) -> { int: '1', frac: '01' }.
 */
function roundedParts(x: number, shift: number, fraction: number): { int: string; frac: string } {
  const { digits, point: p } = decimalOf(x)
  const point = digits === '0' ? 1 : p + shift
  // Pad so that the point falls inside the digits and the digit just after the last kept place exists.
  let padded = digits
  let at = point
  if (at <= 0) {
    padded = '0'.repeat(1 - at) + padded
    at = 1
  }
  const kept = at + fraction
  if (padded.length < kept + 1) padded = padded.padEnd(kept + 1, '0')
  let body = padded.slice(0, kept)
  if (Number(padded[kept]) >= 5) {
    // Add one in the last kept place, carrying leftwards.
    const chars = body.split('')
    let i = chars.length - 1
    while (i >= 0 && chars[i] === '9') {
      chars[i] = '0'
      i--
    }
    if (i >= 0) chars[i] = String(Number(chars[i]) + 1)
    else {
      chars.unshift('1')
      at++
    }
    body = chars.join('')
  }
  const int = body.slice(0, at).replace(/^0+(?=\d)/, '') || '0'
  return { int, frac: body.slice(at, at + fraction) }
}

/** `1234567` -> `1,234,567`. */
function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export interface DecimalOptions {
  /** Places after the point, always shown (minimum = maximum fraction digits). */
  digits: number
  /** `style: 'percent'`: the value times 100, with a `%`. */
  percent?: boolean
  /** `signDisplay`: 'auto' shows `-` on negatives (and on -0); 'exceptZero' adds `+` and leaves zero unsigned. */
  sign?: 'auto' | 'exceptZero'
}

/**
 * As `new Intl.NumberFormat('en-US', { style, minimumFractionDigits: digits, maximumFractionDigits: digits,
 * signDisplay })` would format a finite `x`, with the ASCII hyphen-minus Intl uses.
 */
export function formatDecimal(x: number, { digits, percent = false, sign = 'auto' }: DecimalOptions): string {
  if (!Number.isFinite(x)) return String(x)
  const { int, frac } = roundedParts(x, percent ? 2 : 0, digits)
  const body = `${group(int)}${frac ? `.${frac}` : ''}${percent ? '%' : ''}`
  const zero = /^0*$/.test(int + frac)
  const negative = x < 0 || Object.is(x, -0)
  if (sign === 'exceptZero') return zero ? body : `${negative ? '-' : '+'}${body}`
  return negative ? `-${body}` : body
}

const COMPACT_UNITS = ['', 'K', 'M', 'B', 'T'] as const

/**
 * As `new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits })` would format a finite `x`:
 * `-1234.5` -> `-1.2K`, `999950` -> `1M` (rounding up into the next unit), trailing zeros dropped.
 */
export function formatCompact(x: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(x)) return String(x)
  const negative = x < 0 || Object.is(x, -0)
  const { digits, point } = decimalOf(x)
  const integerDigits = digits === '0' ? 1 : point
  let unit = Math.min(COMPACT_UNITS.length - 1, Math.max(0, Math.floor((integerDigits - 1) / 3)))
  let parts = roundedParts(x, -3 * unit, maximumFractionDigits)
  if (parts.int.length > 3 && unit < COMPACT_UNITS.length - 1) {
    unit++
    parts = roundedParts(x, -3 * unit, maximumFractionDigits)
  }
  const frac = parts.frac.replace(/0+$/, '')
  // Past the largest unit the integer part is grouped from five digits on (1000T, 10,000T), as Intl's compact
  // notation does.
  const int = parts.int.length > 4 ? group(parts.int) : parts.int
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}${COMPACT_UNITS[unit]}`
}
