import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CURATED_SERIES_SLOT, SERIES_SLOTS, chartPalette, paletteCss, seriesColorVar } from '@/lib/chart/palette'
import { EXPORT_PALETTE_FALLBACK } from '@/lib/chart/export/svg'
import { SYMBOLS, SYMBOL_GROUPS, type SymbolGroup } from '@/lib/symbols'
import { DEFAULT_VIEW } from '@/lib/view/state'

// sRGB hex -> CIE Lab (D65), and the Machado et al. (2009) simulations of full protanopia and deuteranopia.
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => toLinear(v / 255)) as [number, number, number]
}
const MACHADO = {
  none: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  protan: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deutan: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
} as const
function simulate(lin: [number, number, number], m: readonly number[]): [number, number, number] {
  const [r, g, b] = lin.map(fromLinear) as [number, number, number]
  const out = [m[0]! * r + m[1]! * g + m[2]! * b, m[3]! * r + m[4]! * g + m[5]! * b, m[6]! * r + m[7]! * g + m[8]! * b]
  return out.map((v) => toLinear(Math.min(1, Math.max(0, v)))) as [number, number, number]
}
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}
const deltaE = (a: string, b: string, m: readonly number[]) => {
  const [l1, a1, b1] = lab(simulate(rgb(a), m))
  const [l2, a2, b2] = lab(simulate(rgb(b), m))
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}

/** CIE76 distance that reads as clearly different colours for thin lines. */
const MIN_DELTA_E = 15

function relativeLuminance(hex: string) {
  const [r, g, b] = rgb(hex)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('series colours', () => {
  it('belong to the symbol: removing or reordering symbols changes no one else', () => {
    const before = ['NVDA', 'AVGO', 'SMH', 'SPY', 'ZZTOP'].map(seriesColorVar)
    const after = ['SPY', 'NVDA', 'ZZTOP', 'SMH'].map(seriesColorVar)
    expect(after).toEqual([before[3], before[0], before[4], before[2]])
    expect(seriesColorVar('nvda')).toBe(seriesColorVar('NVDA'))
  })

  it('gives every curated symbol a fixed slot, and any other ticker a colour the palette defines', () => {
    for (const s of SYMBOLS) expect(CURATED_SERIES_SLOT[s.symbol], s.symbol).toBeDefined()
    const palette = chartPalette('light')
    for (const ticker of ['XYZ', 'BRK-B', '^GSPC', '7203.T', 'A'])
      expect(palette[seriesColorVar(ticker)], ticker).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('keeps the default view and every curated group apart, in both themes and for protan and deutan vision', () => {
    const sets: string[][] = [DEFAULT_VIEW.symbols, ['NVDA', 'AMD', 'TSM', 'SMH']]
    for (const g of Object.keys(SYMBOL_GROUPS) as SymbolGroup[])
      sets.push(SYMBOLS.filter((s) => s.groups.includes(g)).map((s) => s.symbol))
    for (const theme of ['light', 'dark'] as const) {
      const palette = chartPalette(theme)
      for (const set of sets) {
        const vars = set.map(seriesColorVar)
        expect(new Set(vars).size, `${set.join(',')} share a colour`).toBe(vars.length)
      }
      // Pairwise distances for the views people compare most (the default and the example).
      const close: string[] = []
      for (const set of sets.slice(0, 2)) {
        for (const [name, m] of Object.entries(MACHADO)) {
          for (let i = 0; i < set.length; i++) {
            for (let j = i + 1; j < set.length; j++) {
              const d = deltaE(palette[seriesColorVar(set[i]!)]!, palette[seriesColorVar(set[j]!)]!, m)
              if (d <= MIN_DELTA_E) close.push(`${theme} ${name}: ${set[i]} vs ${set[j]} (${d.toFixed(1)})`)
            }
          }
        }
      }
      expect(close).toEqual([])
    }
  })

  it('stands out from the panel (3:1, the contrast WCAG asks of graphics) in both themes', () => {
    const light = chartPalette('light')
    const dark = chartPalette('dark')
    SERIES_SLOTS.forEach((_, i) => {
      expect(contrast(light[`--series-${i + 1}`]!, light['--panel']!)).toBeGreaterThanOrEqual(3)
      expect(contrast(dark[`--series-${i + 1}`]!, dark['--panel']!)).toBeGreaterThanOrEqual(3)
    })
  })
})

describe('one source for the page and the exports', () => {
  it('writes the same colours into the page as the export falls back to', () => {
    const css = paletteCss()
    for (const [name, value] of Object.entries(EXPORT_PALETTE_FALLBACK)) expect(css).toContain(`${name}:${value}`)
    // The stylesheet holds no copy that could drift.
    const globals = readFileSync('app/globals.css', 'utf8')
    expect(globals).not.toMatch(/--series-\d+\s*:/)
    expect(globals).not.toMatch(/--event-[a-z]+\s*:/)
  })
})
