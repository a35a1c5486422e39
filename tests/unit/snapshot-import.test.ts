import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { CsvImportError, MAX_CSV_BYTES, MAX_CSV_ROWS, parseSnapshotCsv } from '@/lib/snapshot/import-csv'
import { snapshotFileSchema } from '@/lib/snapshot/format'
import { refusalMessage, runImport, writeFilesAtomically } from '@/scripts/snapshot-import'

const run = promisify(execFile)
const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume'
// Rows copied from the NVDA reference file (real prices, 2025-01-24 and 2025-01-27).
const ROW_1 = '2025-01-24,148.37,148.97,141.88,142.62,142.5889,234657600'
const ROW_2 = '2025-01-27,124.80,128.40,116.70,118.42,118.3942,818830900'
const GOOD = `${HEADER}\n${ROW_1}\n${ROW_2}\n`
const TODAY = '2026-12-01'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

/** A fresh folder with an input folder `in/` holding `files` and an output folder `out/`. */
function workspace(files: Record<string, string>): { dir: string; out: string; outDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'csv-import-'))
  roots.push(root)
  const dir = path.join(root, 'in')
  const outDir = path.join(root, 'out')
  mkdirSync(dir)
  mkdirSync(outDir)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return { dir, out: path.join(outDir, 'snapshot.json'), outDir }
}

function refusal(action: () => unknown): string {
  try {
    action()
  } catch (error) {
    if (!(error instanceof CsvImportError)) throw error
    return refusalMessage(error)
  }
  throw new Error('expected a refusal')
}

describe('import refusals: plausible values and bounded files', () => {
  it.each([
    ['a price of 1e300', GOOD.replace('118.42,', '1e300,'), 3, /price of 1e\+300 is not plausible/],
    ['a price at the cap', GOOD.replace('148.97', '10000000'), 2, /price of 10000000 is not plausible/],
    ['a volume of 1e308', GOOD.replace('818830900', '1e308'), 3, /volume of 1e\+308 is not plausible/],
    ['a date in the year 0100', GOOD.replace('2025-01-24', '0100-01-24'), 2, /0100-01-24 is outside 1970-01-01/],
    ['a date before 1970', GOOD.replace('2025-01-24', '1969-12-31'), 2, /outside/],
    [
      'a date after tomorrow',
      GOOD.replace('2025-01-27', '2026-12-03'),
      3,
      /2026-12-03 is outside 1970-01-01 \.\. 2026-12-02/,
    ],
  ])('refuses %s with file and line', (_name, text, line, reason) => {
    const message = refusal(() => parseSnapshotCsv(text, 'X.csv', { today: TODAY }))
    expect(message).toMatch(new RegExp(`^import refused, nothing written: X\\.csv:${line}: `))
    expect(message).toMatch(reason)
  })

  it('accepts tomorrow (a session already dated in another zone) and the real rows', () => {
    expect(parseSnapshotCsv(GOOD.replace('2025-01-27', '2026-12-02'), 'X.csv', { today: TODAY })).toHaveLength(2)
  })

  it(`refuses more than ${MAX_CSV_ROWS} rows`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) =>
      ROW_1.replace('2025-01-24', new Date(Date.UTC(1971, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)),
    )
    expect(refusal(() => parseSnapshotCsv(`${HEADER}\n${rows.join('\n')}\n`, 'X.csv', { today: TODAY }))).toMatch(
      /more than 20000 rows/,
    )
  })

  it('never echoes more than about 120 characters of a line, nor its control characters', () => {
    const long = `Date,Open${'\u202Ex'.repeat(500_000)}\n${ROW_1}\n`
    const message = refusal(() => parseSnapshotCsv(long, 'X.csv'))
    expect(message).toMatch(/^import refused, nothing written: X\.csv:1: header must be/)
    expect(message.length).toBeLessThan(120 * 9 + 150)
    expect(message).not.toContain('\u202E')
    const cell = refusal(() => parseSnapshotCsv(GOOD.replace('118.42,', `${'9'.repeat(10_000)}x,`), 'X.csv'))
    expect(cell.length).toBeLessThan(200)
  })
})

describe('npm run snapshot:import', () => {
  it('writes the snapshot and PROVENANCE.md, and leaves no temporary file', () => {
    const { dir, out, outDir } = workspace({ 'NVDA.csv': GOOD, 'PROVENANCE.md': '# Sources\n' })
    writeFileSync(path.join(outDir, '.snapshot.json.import-99999.tmp'), 'left by a killed run')
    const lines = runImport({ dir, out, merge: false }, { today: TODAY })
    expect(lines.at(-1)).toBe(`Wrote 1 symbols to ${out}`)
    expect(snapshotFileSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).series.NVDA?.rows).toBe(2)
    expect(readFileSync(path.join(outDir, 'PROVENANCE.md'), 'utf8')).toBe('# Sources\n')
    expect(readdirSync(outDir).sort()).toEqual(['PROVENANCE.md', 'snapshot.json'])
  })

  it('refuses nvda.csv beside NVDA.csv instead of letting one overwrite the other', () => {
    const { dir, out } = workspace({ 'NVDA.csv': GOOD, 'nvda.csv': GOOD })
    expect(refusal(() => runImport({ dir, out, merge: false }))).toMatch(/NVDA\.csv and nvda\.csv both name NVDA/)
    expect(existsSync(out)).toBe(false)
  })

  it('reads file names as ASCII tickers only (ſpy.csv is not SPY)', () => {
    const { dir, out } = workspace({ 'ſpy.csv': GOOD })
    expect(refusal(() => runImport({ dir, out, merge: false }))).toMatch(/not a valid symbol/)
  })

  it(`refuses a file over ${MAX_CSV_BYTES} bytes without reading it`, () => {
    const { dir, out } = workspace({ 'BIG.csv': GOOD })
    truncateSync(path.join(dir, 'BIG.csv'), MAX_CSV_BYTES + 1)
    expect(refusal(() => runImport({ dir, out, merge: false }))).toMatch(
      /^import refused, nothing written: BIG\.csv:0: 5242881 bytes, more than/,
    )
  })

  it('a missing --out folder is a sentence, checked before any file is read', () => {
    const { dir, outDir } = workspace({ 'NVDA.csv': GOOD.replace('818830900', '1e308') })
    const out = path.join(outDir, 'missing', 'snapshot.json')
    expect(refusal(() => runImport({ dir, out, merge: false }))).toBe(
      `import refused, nothing written: ${out}:0: the folder ${path.dirname(out)} does not exist`,
    )
  })

  it('a refused import leaves the old snapshot and PROVENANCE.md byte for byte, and no temporary file', () => {
    const { dir, out, outDir } = workspace({
      'AAA.csv': GOOD,
      'BBB.csv': GOOD.replace('818830900', '1e308'),
      'PROVENANCE.md': 'new',
    })
    writeFileSync(out, 'old snapshot')
    writeFileSync(path.join(outDir, 'PROVENANCE.md'), 'old provenance')
    expect(refusal(() => runImport({ dir, out, merge: false }))).toMatch(/BBB\.csv:3: a volume of 1e\+308/)
    expect(readFileSync(out, 'utf8')).toBe('old snapshot')
    expect(readFileSync(path.join(outDir, 'PROVENANCE.md'), 'utf8')).toBe('old provenance')
    expect(readdirSync(outDir).sort()).toEqual(['PROVENANCE.md', 'snapshot.json'])
  })

  it('writes all files or none: a failure on the second leaves the first untouched and removes its temporary file', () => {
    const { outDir } = workspace({})
    const first = path.join(outDir, 'snapshot.json')
    writeFileSync(first, 'old')
    expect(() =>
      writeFilesAtomically([
        { file: first, data: 'new' },
        { file: path.join(outDir, 'gone', 'PROVENANCE.md'), data: 'new' },
      ]),
    ).toThrow()
    expect(readFileSync(first, 'utf8')).toBe('old')
    expect(readdirSync(outDir)).toEqual(['snapshot.json'])
  })

  it('the command prints one refusal line, no stack, and exits 1', async () => {
    const { dir, out, outDir } = workspace({ 'NVDA.csv': GOOD.replace('818830900', '1e308') })
    const failed = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/snapshot-import.ts',
      dir,
      '--out',
      out,
    ]).catch((error: { code: number; stderr: string; stdout: string }) => error)
    expect(failed).toMatchObject({ code: 1 })
    const { stderr } = failed as { stderr: string }
    expect(stderr.trim()).toBe(
      'import refused, nothing written: NVDA.csv:3: a volume of 1e+308 is not plausible (below 10000000000000 expected)',
    )
    expect(readdirSync(outDir)).toEqual([])
  })
})
