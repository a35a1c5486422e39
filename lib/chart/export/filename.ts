import type { ChartMode } from '../../view/state'

export type ExportKind = 'png' | 'svg' | 'csv'

const PREFIX = 'ai-shock'
const MAX_SYMBOLS_IN_NAME = 8

/** Keeps the characters tickers use (`9984.T`, `^GSPC`, `BRK-B`) and nothing a file system or shell may choke on. */
const safePart = (part: string) => part.trim().replace(/[^A-Za-z0-9.^-]/g, '_')

/**
 * A file name that says what is in the file, e.g. `ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.png`. Past eight
 * symbols the rest are counted (`…-SMH+4`) to keep names short. The mode is added only when it is not the
 * default percent view (`…_log.png`), so the default export keeps the plain name.
 */
export function exportFileName(
  kind: ExportKind,
  view: { symbols: readonly string[]; from: string; to: string; mode?: ChartMode },
): string {
  const symbols = view.symbols.map(safePart).filter(Boolean)
  const shown = symbols.slice(0, MAX_SYMBOLS_IN_NAME).join('-')
  const extra = symbols.length > MAX_SYMBOLS_IN_NAME ? `+${symbols.length - MAX_SYMBOLS_IN_NAME}` : ''
  const parts = [PREFIX, `${shown}${extra}`, safePart(view.from), safePart(view.to)]
  if (view.mode && view.mode !== 'percent') parts.push(view.mode)
  return `${parts.filter(Boolean).join('_')}.${kind}`
}
