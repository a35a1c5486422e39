/**
 * Builds the embedded snapshot from a folder of Yahoo-format CSV files (one `<SYMBOL>.csv` each).
 *
 *   npm run snapshot:import -- <dir> [--merge] [--out lib/snapshot/data/snapshot.json]
 *
 * Every file is parsed and validated before anything is written: one bad file refuses the whole import,
 * naming the file, line and reason. `--merge` keeps the symbols already in the snapshot and adds or
 * replaces the ones in <dir> (for importing your own files). A PROVENANCE.md in <dir> is copied beside
 * the snapshot so the data keeps its record of sources and adjustments.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseYahooCsv, CsvImportError } from '../lib/csv/yahoo-csv'
import { SYMBOL_PATTERN } from '../lib/symbols'
import { snapshotFileSchema, type SnapshotFile, type StoredSeries } from '../lib/snapshot/format'

const DEFAULT_OUT = path.join('lib', 'snapshot', 'data', 'snapshot.json')

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run snapshot:import -- <dir-with-csv-files> [--merge] [--out <file>]`)
  process.exit(2)
}

function parseArgs(argv: string[]) {
  let dir: string | undefined
  let out = DEFAULT_OUT
  let merge = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--merge') merge = true
    else if (arg === '--out') out = argv[++i] ?? usage('--out needs a file')
    else if (arg?.startsWith('--')) usage(`Unknown option ${arg}`)
    else if (arg) dir = arg
  }
  if (!dir) usage('No input folder given.')
  return { dir, out, merge }
}

export function importDirectory(dir: string): Record<string, StoredSeries> {
  if (!existsSync(dir)) throw new Error(`${dir}: no such folder`)
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv')).sort()
  if (files.length === 0) throw new Error(`${dir}: no .csv files`)
  const series: Record<string, StoredSeries> = {}
  for (const file of files) {
    const symbol = file.slice(0, -4).toUpperCase()
    if (!SYMBOL_PATTERN.test(symbol)) throw new CsvImportError(file, 0, `"${symbol}" is not a valid symbol name`)
    const text = readFileSync(path.join(dir, file), 'utf8')
    const bars = parseYahooCsv(text, file)
    const first = bars[0]
    const last = bars[bars.length - 1]
    if (!first || !last) throw new CsvImportError(file, 1, 'no rows')
    series[symbol] = {
      symbol,
      file,
      sha256: createHash('sha256').update(text).digest('hex'),
      from: first.date,
      to: last.date,
      rows: bars.length,
      bars: bars.map((b) => [b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume]),
    }
  }
  return series
}

function main() {
  const { dir, out, merge } = parseArgs(process.argv.slice(2))
  let imported: Record<string, StoredSeries>
  try {
    imported = importDirectory(dir)
  } catch (error) {
    console.error(`Import refused, nothing written: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
  const previous: SnapshotFile | undefined =
    merge && existsSync(out) ? snapshotFileSchema.parse(JSON.parse(readFileSync(out, 'utf8'))) : undefined
  const snapshot: SnapshotFile = snapshotFileSchema.parse({
    format: 'ai-shock-snapshot/1',
    importedAt: new Date().toISOString(),
    note: 'Real daily bars imported verbatim from Yahoo-format CSV files; see PROVENANCE.md beside this file.',
    series: { ...(previous?.series ?? {}), ...imported },
  })
  // Write to a temporary file and rename, so a crash never leaves half a snapshot.
  const tmp = `${out}.tmp`
  writeFileSync(tmp, JSON.stringify(snapshot) + '\n')
  renameSync(tmp, out)
  const provenance = path.join(dir, 'PROVENANCE.md')
  if (existsSync(provenance)) writeFileSync(path.join(path.dirname(out), 'PROVENANCE.md'), readFileSync(provenance))
  for (const s of Object.values(imported)) console.log(`${s.symbol.padEnd(8)} ${s.rows} rows ${s.from} .. ${s.to}`)
  console.log(`Wrote ${Object.keys(snapshot.series).length} symbols to ${out}`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main()
