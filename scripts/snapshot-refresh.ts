/**
 * Pulls the snapshot's symbols and window again from the live provider (needs internet, or YAHOO_BASE_URL
 * pointing at a mock), then writes the snapshot through the same validation as `snapshot:import`.
 *
 *   npm run snapshot:refresh [-- --from 2024-07-01 --to 2025-06-30 --symbols NVDA,SPY --out <file>]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { toSnapshotCsv } from '../lib/snapshot/import-csv'
import { DATA_WINDOW } from '../lib/snapshot/data-window'
import { createYahooProvider } from '../lib/providers/yahoo'
import { SYMBOLS } from '../lib/symbols'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const from = arg('from') ?? DATA_WINDOW.from
  const to = arg('to') ?? DATA_WINDOW.to
  const symbols = arg('symbols')?.split(',') ?? SYMBOLS.map((s) => s.symbol)
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-refresh-'))
  try {
    await refreshInto(dir, symbols, from, to)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function refreshInto(dir: string, symbols: readonly string[], from: string, to: string) {
  const provider = createYahooProvider({ baseUrl: process.env.YAHOO_BASE_URL, timeoutMs: 20_000 })
  for (const symbol of symbols) {
    const result = await provider.getDailyBars({ symbol, from, to })
    if (result.bars.length === 0) throw new Error(`${symbol}: the live provider returned no bars for ${from}..${to}`)
    writeFileSync(path.join(dir, `${symbol}.csv`), toSnapshotCsv(result.bars))
    console.log(`${symbol.padEnd(8)} ${result.bars.length} bars`)
  }
  writeFileSync(
    path.join(dir, 'PROVENANCE.md'),
    `# Market data provenance\n\nRefreshed from the Yahoo Finance chart API (daily bars, split-adjusted OHLC, adjusted close from the payload) on ${new Date().toISOString()} for ${from} to ${to}.\n`,
  )
  // The same import, validation and atomic write as `npm run snapshot:import`.
  const out = arg('out')
  execFileSync('npx', ['tsx', path.join('scripts', 'snapshot-import.ts'), dir, ...(out ? ['--out', out] : [])], {
    stdio: 'inherit',
  })
}

main().catch((error: unknown) => {
  console.error(`Refresh failed, snapshot unchanged: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
