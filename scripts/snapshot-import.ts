/**
 * Builds the embedded snapshot from a folder of Yahoo-format CSV files (one `<SYMBOL>.csv` each).
 *
 *   npm run snapshot:import -- <dir> [--merge] [--out lib/snapshot/data/snapshot.json]
 *
 * Every file is parsed and validated before anything is written: one bad file refuses the whole import with
 * `import refused, nothing written: <file>:<line>: <reason>` (line 0: the file as a whole) and exit code 1.
 * `--merge` keeps the symbols already in the snapshot and adds or replaces the ones in <dir> (for importing
 * your own files). A PROVENANCE.md in <dir> is copied beside the snapshot so the data keeps its record of
 * sources and adjustments. Both files are written atomically (temporary file, fsync, rename), so a crash or a
 * kill leaves either the old files or the new ones, never a truncated one.
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import path from 'node:path'
import { CsvImportError, MAX_CSV_BYTES, parseSnapshotCsv } from '../lib/snapshot/import-csv'
import { printable } from '../lib/safe-text'
import { snapshotFileSchema, type SnapshotFile, type StoredSeries } from '../lib/snapshot/format'
import { readSymbol } from '../lib/symbols'

const DEFAULT_OUT = path.join('lib', 'snapshot', 'data', 'snapshot.json')
/** Most CSV files one import reads, and most bytes in all of them: the snapshot is compiled into the build. */
export const MAX_FILES = 1_000
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024

/** A refusal: where (file and line, 0 for the file as a whole) and why. */
class Refusal extends CsvImportError {}

export interface ImportArgs {
  dir: string
  out: string
  merge: boolean
}

export function parseArgs(argv: readonly string[]): ImportArgs {
  let dir: string | undefined
  let out = DEFAULT_OUT
  let merge = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--merge') merge = true
    else if (arg === '--out') {
      const value = argv[++i]
      if (!value) throw new Refusal('--out', 0, 'needs a file, e.g. --out lib/snapshot/data/snapshot.json')
      out = value
    } else if (arg?.startsWith('--')) throw new Refusal(arg, 0, 'unknown option')
    else if (arg) dir = arg
  }
  if (!dir) throw new Refusal('(arguments)', 0, 'no input folder given')
  return { dir, out, merge }
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory()
  } catch {
    return false
  }
}

export function importDirectory(dir: string, options: { today?: string } = {}): Record<string, StoredSeries> {
  if (!isDirectory(dir)) throw new Refusal(dir, 0, 'no such folder')
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.csv'))
    .sort()
  if (files.length === 0) throw new Refusal(dir, 0, 'no .csv files')
  if (files.length > MAX_FILES)
    throw new Refusal(dir, 0, `${files.length} .csv files, more than the ${MAX_FILES} one import reads`)
  const series: Record<string, StoredSeries> = {}
  let totalBytes = 0
  for (const file of files) {
    const where = printable(file, 60)
    const symbol = readSymbol(file.slice(0, -4))
    if (symbol === null)
      throw new Refusal(where, 0, 'the file name is not a valid symbol (letters, digits, . - ^ = before .csv)')
    const clash = series[symbol]
    // `nvda.csv` and `NVDA.csv` are both NVDA: one would silently replace the other.
    if (clash) throw new Refusal(where, 0, `${clash.file} and ${where} both name ${symbol}; keep one`)
    const full = path.join(dir, file)
    const stat = statSync(full)
    if (!stat.isFile()) throw new Refusal(where, 0, 'not a regular file')
    if (stat.size > MAX_CSV_BYTES)
      throw new Refusal(where, 0, `${stat.size} bytes, more than the ${MAX_CSV_BYTES} one file may have`)
    totalBytes += stat.size
    if (totalBytes > MAX_TOTAL_BYTES)
      throw new Refusal(where, 0, `the files add up to more than ${MAX_TOTAL_BYTES} bytes`)
    const text = readFileSync(full, 'utf8')
    const bars = parseSnapshotCsv(text, where, options)
    const first = bars[0]
    const last = bars[bars.length - 1]
    if (!first || !last) throw new Refusal(where, 1, 'no rows')
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

export interface Target {
  file: string
  data: string | Buffer
}

function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Temporary files of this script, named so that a later run can recognise the leftovers of a killed one. */
const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.import-${process.pid}.tmp`)
const TEMP_PATTERN = /^\..+\.import-\d+\.tmp$/

/**
 * Writes every target or none: each to a temporary file beside it, flushed to disk, and only when all of them are
 * there, renamed over the targets (a rename within one folder is atomic). A failure before the renames removes
 * the temporary files and leaves the targets as they were.
 */
export function writeFilesAtomically(targets: readonly Target[]): void {
  const temps: string[] = []
  try {
    for (const target of targets) {
      const tmp = tempName(target.file)
      temps.push(tmp)
      const fd = openSync(tmp, 'w', 0o644)
      try {
        writeSync(fd, typeof target.data === 'string' ? Buffer.from(target.data) : target.data)
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
    }
    targets.forEach((target, i) => renameSync(temps[i] ?? '', target.file))
  } catch (error) {
    // A temporary file already renamed is gone, so this removes only the ones still there.
    for (const tmp of temps) rmSync(tmp, { force: true })
    throw error
  }
  for (const dir of new Set(targets.map((t) => path.dirname(t.file)))) fsyncDirectory(dir)
}

function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) if (TEMP_PATTERN.test(name)) rmSync(path.join(dir, name), { force: true })
}

/** Runs one import. Returns the lines to print; throws a CsvImportError for every refusal. */
export function runImport(args: ImportArgs, options: { today?: string } = {}): string[] {
  const outDir = path.dirname(args.out)
  // Checked first, so a typo in --out costs nothing and ends in a sentence, not in a stack from writeFile.
  if (!isDirectory(outDir))
    throw new Refusal(printable(args.out, 120), 0, `the folder ${printable(outDir, 120)} does not exist`)
  if (isDirectory(args.out))
    throw new Refusal(printable(args.out, 120), 0, 'is a folder; give the snapshot file, e.g. snapshot.json')
  const imported = importDirectory(args.dir, options)

  let previous: SnapshotFile | undefined
  if (args.merge && existsSync(args.out)) {
    try {
      previous = snapshotFileSchema.parse(JSON.parse(readFileSync(args.out, 'utf8')))
    } catch {
      throw new Refusal(printable(args.out, 120), 0, 'the snapshot to merge into is not a valid snapshot file')
    }
  }
  const parsed = snapshotFileSchema.safeParse({
    format: 'ai-shock-snapshot/1',
    importedAt: new Date().toISOString(),
    note: 'Real daily bars imported verbatim from Yahoo-format CSV files; see PROVENANCE.md beside this file.',
    series: { ...(previous?.series ?? {}), ...imported },
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Refusal(
      printable(args.out, 120),
      0,
      `the snapshot would not be valid: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    )
  }
  const snapshot = parsed.data

  const targets: Target[] = [{ file: args.out, data: JSON.stringify(snapshot) + '\n' }]
  const provenance = path.join(args.dir, 'PROVENANCE.md')
  if (existsSync(provenance)) {
    const provenanceOut = path.join(outDir, 'PROVENANCE.md')
    if (isDirectory(provenanceOut)) throw new Refusal(printable(provenanceOut, 120), 0, 'is a folder')
    targets.push({ file: provenanceOut, data: readFileSync(provenance) })
  }
  removeStaleTemps(outDir)
  writeFilesAtomically(targets)

  return [
    ...Object.values(imported).map((s) => `${s.symbol.padEnd(8)} ${s.rows} rows ${s.from} .. ${s.to}`),
    `Wrote ${Object.keys(snapshot.series).length} symbols to ${args.out}`,
  ]
}

/** The one line printed for any failure; never a stack, never more than a short piece of the input. */
export function refusalMessage(error: unknown): string {
  if (error instanceof CsvImportError)
    return `import refused, nothing written: ${error.file}:${error.line}: ${error.reason}`
  const code = (error as NodeJS.ErrnoException | null)?.code
  const where = (error as NodeJS.ErrnoException | null)?.path
  const reason = code
    ? `${code}${where ? ` on ${printable(where, 120)}` : ''}`
    : error instanceof Error
      ? printable(error.message, 200)
      : 'unexpected failure'
  return `import refused, nothing written: ${where ? printable(where, 120) : '(import)'}:0: ${reason}`
}

function main(): void {
  let args: ImportArgs
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (error) {
    console.error(
      `${refusalMessage(error)}\nUsage: npm run snapshot:import -- <dir-with-csv-files> [--merge] [--out <file>]`,
    )
    process.exit(2)
  }
  try {
    for (const line of runImport(args)) console.log(line)
  } catch (error) {
    console.error(refusalMessage(error))
    process.exit(1)
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) main()
