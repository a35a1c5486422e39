/** The curated symbol universe: every symbol in the embedded snapshot, with what a reader needs to know. */

export type SymbolGroup = 'ai-chips' | 'hyperscalers' | 'stargate' | 'power' | 'china-ai' | 'benchmarks'

export const SYMBOL_GROUPS: Record<SymbolGroup, string> = {
  'ai-chips': 'AI chips and semis',
  hyperscalers: 'Hyperscalers and platforms',
  stargate: 'Stargate partners',
  power: 'Power for data centres',
  'china-ai': 'China AI',
  benchmarks: 'Benchmarks and ETFs',
}

export interface SymbolInfo {
  symbol: string
  name: string
  currency: string
  exchange: string
  /** IANA zone of the exchange; trading dates are local to it. */
  timeZone: string
  groups: SymbolGroup[]
}

const US = 'America/New_York'

export const SYMBOLS: readonly SymbolInfo[] = [
  {
    symbol: 'NVDA',
    name: 'NVIDIA',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['ai-chips', 'stargate'],
  },
  { symbol: 'AVGO', name: 'Broadcom', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['ai-chips'] },
  { symbol: 'TSM', name: 'TSMC (ADR)', currency: 'USD', exchange: 'NYSE', timeZone: US, groups: ['ai-chips'] },
  { symbol: 'AMD', name: 'AMD', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['ai-chips'] },
  {
    symbol: 'ARM',
    name: 'Arm Holdings (ADR)',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['ai-chips', 'stargate'],
  },
  { symbol: 'ASML', name: 'ASML (ADR)', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['ai-chips'] },
  { symbol: 'MU', name: 'Micron Technology', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['ai-chips'] },
  {
    symbol: 'SMCI',
    name: 'Super Micro Computer',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['ai-chips'],
  },
  { symbol: 'INTC', name: 'Intel', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['ai-chips'] },
  {
    symbol: 'MSFT',
    name: 'Microsoft',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['hyperscalers', 'stargate'],
  },
  {
    symbol: 'GOOGL',
    name: 'Alphabet (Class A)',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['hyperscalers'],
  },
  {
    symbol: 'META',
    name: 'Meta Platforms',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['hyperscalers'],
  },
  { symbol: 'AMZN', name: 'Amazon', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['hyperscalers'] },
  { symbol: 'AAPL', name: 'Apple', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['hyperscalers'] },
  { symbol: 'TSLA', name: 'Tesla', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['hyperscalers'] },
  { symbol: 'PLTR', name: 'Palantir', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['hyperscalers'] },
  {
    symbol: 'ORCL',
    name: 'Oracle',
    currency: 'USD',
    exchange: 'NYSE',
    timeZone: US,
    groups: ['hyperscalers', 'stargate'],
  },
  {
    symbol: '9984.T',
    name: 'SoftBank Group',
    currency: 'JPY',
    exchange: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    groups: ['stargate'],
  },
  { symbol: 'VST', name: 'Vistra', currency: 'USD', exchange: 'NYSE', timeZone: US, groups: ['power'] },
  { symbol: 'CEG', name: 'Constellation Energy', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['power'] },
  { symbol: 'BABA', name: 'Alibaba (ADR)', currency: 'USD', exchange: 'NYSE', timeZone: US, groups: ['china-ai'] },
  { symbol: 'BIDU', name: 'Baidu (ADR)', currency: 'USD', exchange: 'Nasdaq', timeZone: US, groups: ['china-ai'] },
  {
    symbol: 'SPY',
    name: 'SPDR S&P 500 ETF',
    currency: 'USD',
    exchange: 'NYSE Arca',
    timeZone: US,
    groups: ['benchmarks'],
  },
  {
    symbol: 'QQQ',
    name: 'Invesco QQQ (Nasdaq-100)',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['benchmarks'],
  },
  {
    symbol: 'SMH',
    name: 'VanEck Semiconductor ETF',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['benchmarks', 'ai-chips'],
  },
  {
    symbol: 'SOXX',
    name: 'iShares Semiconductor ETF',
    currency: 'USD',
    exchange: 'Nasdaq',
    timeZone: US,
    groups: ['benchmarks', 'ai-chips'],
  },
]

const BY_SYMBOL = new Map(SYMBOLS.map((s) => [s.symbol, s]))

export function getSymbolInfo(symbol: string): SymbolInfo | undefined {
  return BY_SYMBOL.get(symbol)
}

/**
 * A well-formed ticker: letters, digits and `.`, `-`, `^`, `=` in the notation the price sources use (BRK-B, 9984.T, ^GSPC, EURUSD=X).
 * This is the only shape of symbol that ever reaches the live provider.
 */
export const SYMBOL_PATTERN = /^[A-Z0-9^][A-Z0-9.\-=]{0,14}$/

/** Longest ticker the pattern allows. */
export const MAX_SYMBOL_LENGTH = 15

/**
 * Trims and upper-cases the ASCII letters only. `toUpperCase()` maps some non-ASCII letters onto ASCII ones
 * (`ſ` to `S`, `ı` to `I`, `ﬀ` to `FF`), which would let `ſpy` pass the pattern as SPY; leaving them alone
 * means they fail it instead.
 */
export function normalizeSymbol(raw: string): string {
  return raw.trim().replace(/[a-z]+/g, (letters) => letters.toUpperCase())
}

/** The ticker `raw` names (trimmed, upper-case), or null when it is not one the pattern allows. */
export function readSymbol(raw: string): string | null {
  const symbol = normalizeSymbol(raw)
  return SYMBOL_PATTERN.test(symbol) ? symbol : null
}

/** Time zone of a symbol not in the curated list, from its exchange suffix (.T, .HK, .L); US when it has none. */
export function guessTimeZone(symbol: string): string {
  const known = BY_SYMBOL.get(symbol)
  if (known) return known.timeZone
  if (symbol.endsWith('.T')) return 'Asia/Tokyo'
  if (symbol.endsWith('.HK')) return 'Asia/Hong_Kong'
  if (symbol.endsWith('.L')) return 'Europe/London'
  return US
}
