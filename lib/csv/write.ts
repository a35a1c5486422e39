/**
 * The one CSV writer for every file the app produces (`/api/prices?format=csv`, the reaction table, the chart
 * export). RFC 4180 quoting, and formula neutralising, because these files are opened in spreadsheets: a cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run there as a formula (`=HYPERLINK(...)`
 * in a currency field would become a link), so such a text gets a leading apostrophe. A plain number written as
 * text (`-0.12`) is left alone: it is data, and a spreadsheet reads it as the number it is.
 *
 * Lines end in `\n` (the files have always been written so, and every spreadsheet reads it); a line break inside
 * a value is quoted, so it can never start a row of its own.
 */

export type CsvCell = string | number | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const NEEDS_QUOTES = /[",\r\n]/

/** A text cell: neutralised when a spreadsheet would run it, quoted when it holds a quote, comma or line break. */
export function csvText(value: string): string {
  const inert = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert
}

/**
 * Numbers as JavaScript writes them: the shortest text that reads back as the same double, never rounded.
 * A missing or non-finite number is an empty cell.
 */
export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value)
}

export function csvCell(value: CsvCell): string {
  if (typeof value === 'number') return csvNumber(value)
  if (value === null || value === undefined) return ''
  return csvText(value)
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',')
}

/** A whole file: the header line, then one line per row, each ending in `\n`. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [csvLine(header)]
  for (const row of rows) lines.push(csvLine(row))
  return lines.join('\n') + '\n'
}
