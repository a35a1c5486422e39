import { isIsoDate } from '../dates'
import type { Bar } from '../types'

/** The header of a Yahoo Finance "Download" CSV, which is also the snapshot's input format. */
export const YAHOO_CSV_HEADER = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'] as const

export class CsvImportError extends Error {
  override readonly name = 'CsvImportError'
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
  }
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/

function parseNumber(raw: string, column: string, file: string, line: number): number {
  const text = raw.trim()
  // `Number('')` is 0 and `Number('0x1F')` is 31: accept only plain decimal notation.
  if (!NUMBER.test(text)) throw new CsvImportError(file, line, `${column} is not a number: "${raw}"`)
  const value = Number(text)
  if (!Number.isFinite(value)) throw new CsvImportError(file, line, `${column} is not finite: "${raw}"`)
  return value
}

/**
 * Parses and validates a Yahoo-format CSV (`Date,Open,High,Low,Close,Adj Close,Volume`).
 * Every row is checked; the first problem throws a `CsvImportError` naming the file, line and reason,
 * so a caller never keeps half a file.
 */
export function parseYahooCsv(text: string, file: string): Bar[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop()

  const header = (lines[0] ?? '').split(',').map((h) => h.trim())
  if (header.length !== YAHOO_CSV_HEADER.length || header.some((h, i) => h !== YAHOO_CSV_HEADER[i])) {
    throw new CsvImportError(file, 1, `header must be "${YAHOO_CSV_HEADER.join(',')}", got "${lines[0] ?? ''}"`)
  }
  if (lines.length < 2) throw new CsvImportError(file, 1, 'the file has a header but no rows')

  const bars: Bar[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1
    const raw = lines[i] ?? ''
    if (raw.trim() === '') throw new CsvImportError(file, line, 'empty line inside the data')
    const cells = raw.split(',')
    if (cells.length !== YAHOO_CSV_HEADER.length) {
      throw new CsvImportError(file, line, `expected ${YAHOO_CSV_HEADER.length} fields, got ${cells.length}`)
    }
    const [dateCell, ...numberCells] = cells as [string, ...string[]]
    const date = dateCell.trim()
    if (!isIsoDate(date)) throw new CsvImportError(file, line, `Date is not a real YYYY-MM-DD date: "${dateCell}"`)
    const [open, high, low, close, adjClose, volume] = numberCells.map((cell, k) =>
      parseNumber(cell, YAHOO_CSV_HEADER[k + 1] ?? '', file, line),
    ) as [number, number, number, number, number, number]

    const previous = bars[bars.length - 1]
    if (previous && date === previous.date) throw new CsvImportError(file, line, `duplicate date ${date}`)
    if (previous && date < previous.date) {
      throw new CsvImportError(file, line, `dates must ascend: ${date} comes after ${previous.date}`)
    }
    if (open <= 0 || high <= 0 || low <= 0 || close <= 0 || adjClose <= 0) {
      throw new CsvImportError(file, line, 'prices must be positive')
    }
    if (high < Math.max(open, close)) throw new CsvImportError(file, line, `High ${high} is below Open/Close`)
    if (low > Math.min(open, close)) throw new CsvImportError(file, line, `Low ${low} is above Open/Close`)
    if (volume < 0 || !Number.isInteger(volume)) {
      throw new CsvImportError(file, line, `Volume must be a whole number >= 0, got ${volume}`)
    }
    bars.push({ date, open, high, low, close, adjClose, volume })
  }
  return bars
}

function formatNumber(value: number): string {
  // JavaScript's shortest round-trip form keeps every digit the source gave and adds none.
  return String(value)
}

export function toYahooCsv(bars: readonly Bar[]): string {
  const rows = bars.map((b) =>
    [b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume].map((v) => (typeof v === 'number' ? formatNumber(v) : v)).join(','),
  )
  return [YAHOO_CSV_HEADER.join(','), ...rows].join('\n') + '\n'
}
