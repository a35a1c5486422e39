/**
 * The one source of the chart's colours: the page's CSS variables (written into the page by `paletteCss()`, see
 * app/page.tsx) and the exports' palette both come from here, so an exported image can never drift from the
 * screen.
 *
 * Series colours belong to the symbol, not to its place in the list (TradingView and Yahoo keep a symbol's
 * colour when another is removed): the curated symbols have fixed slots, chosen so the symbols that are usually
 * compared (the default view, each curated group) stay apart in both themes and under the common colour-vision
 * deficiencies (tests/unit/palette.test.ts checks it); any other ticker gets a hue from a hash of its name.
 */

export interface ThemeColour {
  light: string
  dark: string
}

/** Surfaces, text and event categories the chart and the exports draw with. */
export const CHART_THEME_COLOURS: Readonly<Record<string, ThemeColour>> = {
  '--panel': { light: '#ffffff', dark: '#111827' },
  '--fg': { light: '#0f172a', dark: '#e5e7eb' },
  '--muted': { light: '#475569', dark: '#9ca3af' },
  '--grid': { light: '#e2e8f0', dark: '#1f2937' },
  '--border': { light: '#e2e8f0', dark: '#1f2937' },
  /** The plot's background in exported images: a faint tint that marks the plot's rectangle. */
  '--plot-bg': { light: '#f7f9fc', dark: '#0e1626' },
  '--event-deepseek': { light: '#b91c1c', dark: '#f87171' },
  '--event-stargate': { light: '#7c3aed', dark: '#a78bfa' },
  '--event-market': { light: '#0f766e', dark: '#2dd4bf' },
  '--event-policy': { light: '#a14807', dark: '#fbbf24' },
  '--event-company': { light: '#2563eb', dark: '#60a5fa' },
  '--event-earnings': { light: '#be185d', dark: '#f472b6' },
}

/**
 * Twelve series slots. Light values keep at least 3:1 against white, dark ones against the dark panel; the
 * first eight follow the Okabe-Ito idea (hues that stay apart for protanopes and deuteranopes, with
 * lightness doing part of the work).
 */
export const SERIES_SLOTS: readonly ThemeColour[] = [
  { light: '#1d5fc0', dark: '#6aa9ff' }, // 1 blue
  { light: '#c45a00', dark: '#ffa24a' }, // 2 orange
  { light: '#009e73', dark: '#3ed3ad' }, // 3 bluish green
  { light: '#c8381f', dark: '#ff7b61' }, // 4 vermillion
  { light: '#7446c8', dark: '#b99bff' }, // 5 purple
  { light: '#0779b0', dark: '#5cc8f5' }, // 6 sky
  { light: '#b03a87', dark: '#f08ccb' }, // 7 reddish purple
  { light: '#8a6a00', dark: '#e5c040' }, // 8 ochre
  { light: '#3a414c', dark: '#d0d5dc' }, // 9 grey (benchmarks)
  { light: '#8b5433', dark: '#d9a07a' }, // 10 brown
  { light: '#2c3e94', dark: '#9aaaf5' }, // 11 navy
  { light: '#3b8a2a', dark: '#8fd97a' }, // 12 green
]

/** Fixed slot (1-based) of every curated symbol. Benchmarks are grey or navy, as market indices usually are. */
export const CURATED_SERIES_SLOT: Readonly<Record<string, number>> = {
  NVDA: 3,
  AVGO: 2,
  TSM: 8,
  AMD: 4,
  ARM: 7,
  ASML: 6,
  MU: 1,
  SMCI: 10,
  INTC: 11,
  MSFT: 1,
  GOOGL: 4,
  META: 6,
  AMZN: 2,
  AAPL: 12,
  TSLA: 7,
  PLTR: 8,
  ORCL: 10,
  '9984.T': 5,
  VST: 2,
  CEG: 6,
  BABA: 2,
  BIDU: 4,
  SPY: 9,
  QQQ: 11,
  SMH: 5,
  SOXX: 12,
}

/** Hues for tickers outside the curated list: a hash picks one, so the colour depends on the ticker alone. */
export const HASHED_HUES = 24

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

const hashedColour = (bucket: number): ThemeColour => {
  const hue = (bucket * 360) / HASHED_HUES
  return { light: hslToHex(hue, 0.7, 0.36), dark: hslToHex(hue, 0.75, 0.68) }
}

/** FNV-1a over the ticker's UTF-16 code units: small, fast, and the same in every browser and on the server. */
function tickerHash(symbol: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < symbol.length; i++) {
    h ^= symbol.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** CSS variable of a symbol's colour: `--series-3` for a curated symbol, `--series-h7` for any other. */
export function seriesColorVar(symbol: string): string {
  const slot = CURATED_SERIES_SLOT[symbol.toUpperCase()]
  if (slot) return `--series-${slot}`
  return `--series-h${tickerHash(symbol.toUpperCase()) % HASHED_HUES}`
}

/** Every CSS variable the chart and its exports use, with its two theme colours. */
export function chartColourTable(): Record<string, ThemeColour> {
  const table: Record<string, ThemeColour> = { ...CHART_THEME_COLOURS }
  SERIES_SLOTS.forEach((c, i) => (table[`--series-${i + 1}`] = c))
  for (let b = 0; b < HASHED_HUES; b++) table[`--series-h${b}`] = hashedColour(b)
  return table
}

export type ChartTheme = keyof ThemeColour

/** CSS variable -> colour for one theme: what an export uses when it cannot read the page's computed style. */
export function chartPalette(theme: ChartTheme): Record<string, string> {
  return Object.fromEntries(Object.entries(chartColourTable()).map(([name, c]) => [name, c[theme]]))
}

/** The stylesheet the page carries: light values on `:root`, dark ones under `.dark` (app/globals.css's switch). */
export function paletteCss(): string {
  const table = Object.entries(chartColourTable())
  const block = (theme: ChartTheme) => table.map(([name, c]) => `${name}:${c[theme]}`).join(';')
  return `:root{${block('light')}}.dark{${block('dark')}}`
}
