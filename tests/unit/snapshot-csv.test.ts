import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CsvImportError, parseSnapshotCsv, toSnapshotCsv } from '@/lib/snapshot/import-csv'
import { importDirectory } from '@/scripts/snapshot-import'

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume'
// Rows copied from the NVDA reference file (real prices, 2025-01-24 and 2025-01-27).
const GOOD = `${HEADER}
2025-01-24,148.37,148.97,141.88,142.62,142.5889,234657600
2025-01-27,124.80,128.40,116.70,118.42,118.3942,818830900
`

function refusal(text: string): CsvImportError {
  try {
    parseSnapshotCsv(text, 'X.csv')
  } catch (error) {
    if (error instanceof CsvImportError) return error
    throw error
  }
  throw new Error('expected the file to be refused')
}

describe('parseSnapshotCsv', () => {
  it('reads a good file exactly, digit for digit', () => {
    const bars = parseSnapshotCsv(GOOD, 'NVDA.csv')
    expect(bars).toHaveLength(2)
    expect(bars[1]).toEqual({
      date: '2025-01-27',
      open: 124.8,
      high: 128.4,
      low: 116.7,
      close: 118.42,
      adjClose: 118.3942,
      volume: 818830900,
    })
  })

  it('accepts CRLF line ends, a BOM and a trailing blank line', () => {
    const text = '\uFEFF' + GOOD.replaceAll('\n', '\r\n') + '\r\n'
    expect(parseSnapshotCsv(text, 'NVDA.csv')).toHaveLength(2)
  })

  it('round-trips through toSnapshotCsv without changing a value', () => {
    const bars = parseSnapshotCsv(GOOD, 'NVDA.csv')
    expect(parseSnapshotCsv(toSnapshotCsv(bars), 'again.csv')).toEqual(bars)
  })

  it.each([
    ['a wrong header', GOOD.replace('Adj Close', 'AdjClose'), 1, /header/],
    ['an impossible date', GOOD.replace('2025-01-27', '2025-02-30'), 3, /real YYYY-MM-DD/],
    ['a non-ISO date', GOOD.replace('2025-01-27', '01/27/2025'), 3, /real YYYY-MM-DD/],
    [
      'descending dates',
      `${HEADER}\n2025-01-27,124.80,128.40,116.70,118.42,118.3942,1\n2025-01-24,148.37,148.97,141.88,142.62,142.5889,1\n`,
      3,
      /ascend/,
    ],
    [
      'a duplicate date',
      `${HEADER}\n2025-01-27,124.80,128.40,116.70,118.42,118.3942,1\n2025-01-27,124.80,128.40,116.70,118.42,118.3942,1\n`,
      3,
      /duplicate/,
    ],
    ['a missing value', GOOD.replace('118.42,118.3942', '118.42,'), 3, /not a number/],
    ['a non-finite value', GOOD.replace('118.3942', 'Infinity'), 3, /not a number/],
    ['a hex number', GOOD.replace('118.3942', '0x1F'), 3, /not a number/],
    ['high below the close', GOOD.replace(',128.40,', ',120,'), 3, /High/],
    ['low above the open', GOOD.replace(',116.70,', ',119,'), 3, /Low/],
    ['a negative volume', GOOD.replace('818830900', '-5'), 3, /Volume/],
    ['a fractional volume', GOOD.replace('818830900', '5.5'), 3, /Volume/],
    ['too few fields', GOOD.replace(',818830900', ''), 3, /fields/],
    [
      'an empty line inside',
      `${HEADER}\n2025-01-24,148.37,148.97,141.88,142.62,142.5889,1\n\n2025-01-27,124.80,128.40,116.70,118.42,118.3942,1\n`,
      3,
      /empty line/,
    ],
    ['no rows', `${HEADER}\n`, 1, /no rows/],
  ])('refuses %s, naming file, line and reason', (_name, text, line, reason) => {
    const error = refusal(text)
    expect(error.file).toBe('X.csv')
    expect(error.line).toBe(line)
    expect(error.message).toMatch(reason)
    expect(error.message.startsWith(`X.csv:${line}:`)).toBe(true)
  })
})

describe('importDirectory (npm run snapshot:import)', () => {
  const made: string[] = []
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true })
  })
  function dirWith(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-import-'))
    made.push(dir)
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
    return dir
  }

  it('imports every CSV with its row count, range and checksum', () => {
    const series = importDirectory(dirWith({ 'NVDA.csv': GOOD, 'notes.txt': 'ignored' }))
    expect(Object.keys(series)).toEqual(['NVDA'])
    expect(series.NVDA).toMatchObject({ rows: 2, from: '2025-01-24', to: '2025-01-27', file: 'NVDA.csv' })
    expect(series.NVDA?.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses the whole folder when one file is bad', () => {
    const dir = dirWith({ 'AAA.csv': GOOD, 'BBB.csv': GOOD.replace(',128.40,', ',100,') })
    expect(() => importDirectory(dir)).toThrow(/BBB\.csv:3: High/)
  })

  it('refuses a file name that is not a symbol', () => {
    expect(() => importDirectory(dirWith({ 'bad name!.csv': GOOD }))).toThrow(/not a valid symbol/)
  })
})
