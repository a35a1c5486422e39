import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '@/lib/csv/write'
import { pricesToCsv } from '@/lib/prices/csv'
import type { PriceSeries } from '@/lib/types'

/** A strict RFC 4180 reader, to see the file as a spreadsheet would: rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"' && cell === '') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += c
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** What a spreadsheet runs as a formula: a cell starting with one of these, unless it is a plain number. */
const runsAsFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell)

// SYNTHETIC: a made-up series whose text fields carry what a hostile upstream might send.
const hostile: PriceSeries = {
  symbol: 'SYN',
  name: 'Synthetic',
  currency: '=HYPERLINK("http://evil.invalid","x")\r\nSYN,2025-01-02,1,1,1,1,1,1,USD,snapshot',
  source: 'yahoo',
  bars: [
    { date: '2025-01-02', open: 1, high: 2, low: 0.5, close: 1.5, adjClose: 1.5, volume: 10 },
    { date: '2025-01-03', open: 1, high: 2, low: 0.5, close: 1.5, adjClose: -0.12, volume: 0 },
  ],
}

describe('the one CSV writer', () => {
  it('a formula or a CRLF in a value can forge neither a row nor a formula', () => {
    const rows = parseCsv(pricesToCsv([hostile]))
    expect(rows).toHaveLength(3) // header + the two real bars
    for (const row of rows) expect(row).toHaveLength(10)
    const currency = rows[1]?.[8]
    expect(currency?.startsWith("'=HYPERLINK")).toBe(true)
    expect(currency?.slice(1)).toBe(hostile.currency)
    for (const row of rows) for (const cell of row) expect(runsAsFormula(cell)).toBe(false)
  })

  it('leaves numbers, negative ones too, as numbers', () => {
    expect(csvCell(-0.12)).toBe('-0.12')
    expect(csvCell('-0.12')).toBe('-0.12')
    expect(csvCell('+3')).toBe('+3')
    expect(csvCell('-1e-7')).toBe('-1e-7')
    expect(csvCell(NaN)).toBe('')
    expect(csvCell(Infinity)).toBe('')
    expect(csvCell(null)).toBe('')
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+A1', "'+A1"],
    ['-A1', "'-A1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['NVDA', 'NVDA'],
  ])('text %j is written as %j', (input, written) => {
    expect(csvCell(input)).toBe(written)
  })

  it('writes the header and one line per row', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [null, '=y'],
        ],
      ),
    ).toBe("a,b\n1,x\n,'=y\n")
  })
})
