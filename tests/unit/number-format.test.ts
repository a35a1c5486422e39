import { describe, expect, it } from 'vitest'
import { formatCompact, formatDecimal, type DecimalOptions } from '@/lib/number-format'

/*
 * The Intl-free formatters must read exactly as Intl.NumberFormat('en-US') does. Synthetic values (random and
 * chosen edge cases), compared with Intl itself: no expected string is written by hand except the few that
 * document a behaviour.
 */

/** A deterministic generator (mulberry32), so a failure names values that can be run again. */
function random(seed: number): () => number {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Values across magnitudes: random mantissas, values on and next to rounding halves, round numbers, zeros. */
function samples(seed: number, count: number): number[] {
  const next = random(seed)
  const out: number[] = [0, -0, 0.5, -0.5, 1.005, 2.675, 0.125, 0.0005, 0.00049999, 999.995, 999_999.5, 1e21, 5e-7]
  for (let i = 0; i < count; i++) {
    const sign = next() < 0.5 ? -1 : 1
    const magnitude = Math.floor(next() * 30) - 12
    const kind = next()
    let v: number
    if (kind < 0.5) v = next() * 10 ** magnitude
    else if (kind < 0.8) {
      // A half at some decimal place: 0.125, 12.345, 0.0105 ... where round-half rules decide.
      const places = Math.floor(next() * 6)
      v = (Math.floor(next() * 10 ** (places + 2)) + 0.5) / 10 ** places
    } else v = Math.round(next() * 10 ** Math.min(magnitude, 15))
    out.push(sign * v)
  }
  return out
}

const VALUES = samples(20261202, 40_000)

function mismatches(ours: (x: number) => string, intl: Intl.NumberFormat): [number, string, string][] {
  const out: [number, string, string][] = []
  for (const x of VALUES) {
    const want = intl.format(x)
    const got = ours(x)
    if (got !== want) out.push([x, got, want])
    if (out.length > 5) break
  }
  return out
}

describe('formatDecimal', () => {
  const cases: DecimalOptions[] = []
  for (const digits of [0, 1, 2, 3, 4]) {
    cases.push({ digits }, { digits, percent: true, sign: 'exceptZero' }, { digits, sign: 'exceptZero' })
    cases.push({ digits, percent: true })
  }
  for (const options of cases) {
    it(`reads as Intl for ${JSON.stringify(options)}`, () => {
      const intl = new Intl.NumberFormat('en-US', {
        style: options.percent ? 'percent' : 'decimal',
        minimumFractionDigits: options.digits,
        maximumFractionDigits: options.digits,
        signDisplay: options.sign ?? 'auto',
      })
      expect(mismatches((x) => formatDecimal(x, options), intl)).toEqual([])
    })
  }

  it('rounds the shortest decimal half away from zero, as Intl does (not the binary value, as toFixed does)', () => {
    expect(formatDecimal(1.005, { digits: 2 })).toBe('1.01')
    expect((1.005).toFixed(2)).toBe('1.00')
  })
})

describe('formatCompact', () => {
  for (const digits of [0, 1, 2]) {
    it(`reads as Intl's compact notation with at most ${digits} fraction digits`, () => {
      const intl = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: digits })
      expect(mismatches((x) => formatCompact(x, digits), intl)).toEqual([])
    })
  }

  it('rounds up into the next unit', () => {
    expect(formatCompact(999_950, 1)).toBe(
      new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(999_950),
    )
  })
})
