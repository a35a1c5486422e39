import { addDays, isIsoDate } from '../dates'
import { printable } from '../safe-text'
import type { Bar } from '../types'

/** The header of the snapshot's source files: the layout of Yahoo Finance's "Download" CSV, which they were saved as. */
export const SNAPSHOT_CSV_HEADER = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'] as const

/**
 * Bounds of one file and of a plausible bar. Forty years of daily bars are about 10,000 rows and 600 KB, so the
 * caps leave room for any real series while keeping a runaway file (or a 530 MB one) out of the build.
 * No listed share trades at ten million units of its currency, and no session has traded 10^13 shares.
 */
export const MAX_CSV_BYTES = 5 * 1024 * 1024
export const MAX_CSV_ROWS = 20_000
export const MAX_PLAUSIBLE_PRICE = 1e7
export const MAX_PLAUSIBLE_VOLUME = 1e13
export const EARLIEST_BAR_DATE = '1970-01-01'
/** Longest piece of an input line shown back in a message. */
export const MAX_ECHO = 120

export class CsvImportError extends Error {
  override readonly name = 'CsvImportError'
  constructor(
    readonly file: string,
    /** 1-based line of the file; 0 when the problem is the file as a whole. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
  }
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/

/** A cell as it may appear in a message: quoted, escaped, short. */
const shown = (raw: string, max = 40) => `"${printable(raw, max)}"`

function parseNumber(raw: string, column: string, file: string, line: number): number {
  const text = raw.trim()
  // `Number('')` is 0 and `Number('0x1F')` is 31: accept only plain decimal notation.
  if (text.length > 40 || !NUMBER.test(text))
    throw new CsvImportError(file, line, `${column} is not a number: ${shown(raw)}`)
  const value = Number(text)
  if (!Number.isFinite(value)) throw new CsvImportError(file, line, `${column} is not finite: ${shown(raw)}`)
  return value
}

export interface ParseOptions {
  /** Today as YYYY-MM-DD (UTC): no bar may be dated after the day after it. */
  today?: string
}

/**
 * Parses and validates a Yahoo-format CSV (`Date,Open,High,Low,Close,Adj Close,Volume`).
 * Every row is checked; the first problem throws a `CsvImportError` naming the file, line and reason,
 * so a caller never keeps half a file.
 */
export function parseSnapshotCsv(
  text: string,
  file: string,
  { today = new Date().toISOString().slice(0, 10) }: ParseOptions = {},
): Bar[] {
  if (text.length > MAX_CSV_BYTES)
    throw new CsvImportError(file, 0, `the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`)
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop()

  const header = (lines[0] ?? '').split(',').map((h) => h.trim())
  if (header.length !== SNAPSHOT_CSV_HEADER.length || header.some((h, i) => h !== SNAPSHOT_CSV_HEADER[i])) {
    throw new CsvImportError(
      file,
      1,
      `header must be "${SNAPSHOT_CSV_HEADER.join(',')}", got ${shown(lines[0] ?? '', MAX_ECHO)}`,
    )
  }
  if (lines.length < 2) throw new CsvImportError(file, 1, 'the file has a header but no rows')
  if (lines.length - 1 > MAX_CSV_ROWS)
    throw new CsvImportError(file, MAX_CSV_ROWS + 2, `more than ${MAX_CSV_ROWS} rows`)
  const latest = addDays(today, 1)

  const bars: Bar[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1
    const raw = lines[i] ?? ''
    if (raw.trim() === '') throw new CsvImportError(file, line, 'empty line inside the data')
    const cells = raw.split(',')
    if (cells.length !== SNAPSHOT_CSV_HEADER.length) {
      throw new CsvImportError(file, line, `expected ${SNAPSHOT_CSV_HEADER.length} fields, got ${cells.length}`)
    }
    const [dateCell, ...numberCells] = cells as [string, ...string[]]
    const date = dateCell.trim()
    if (!isIsoDate(date)) throw new CsvImportError(file, line, `Date is not a real YYYY-MM-DD date: ${shown(dateCell)}`)
    if (date < EARLIEST_BAR_DATE || date > latest) {
      throw new CsvImportError(file, line, `Date ${date} is outside ${EARLIEST_BAR_DATE} .. ${latest}`)
    }
    const [open, high, low, close, adjClose, volume] = numberCells.map((cell, k) =>
      parseNumber(cell, SNAPSHOT_CSV_HEADER[k + 1] ?? '', file, line),
    ) as [number, number, number, number, number, number]

    const previous = bars[bars.length - 1]
    if (previous && date === previous.date) throw new CsvImportError(file, line, `duplicate date ${date}`)
    if (previous && date < previous.date) {
      throw new CsvImportError(file, line, `dates must ascend: ${date} comes after ${previous.date}`)
    }
    if (open <= 0 || high <= 0 || low <= 0 || close <= 0 || adjClose <= 0) {
      throw new CsvImportError(file, line, 'prices must be positive')
    }
    const implausible = [open, high, low, close, adjClose].find((price) => price >= MAX_PLAUSIBLE_PRICE)
    if (implausible !== undefined) {
      throw new CsvImportError(
        file,
        line,
        `a price of ${implausible} is not plausible (below ${MAX_PLAUSIBLE_PRICE} expected)`,
      )
    }
    if (high < Math.max(open, close)) throw new CsvImportError(file, line, `High ${high} is below Open/Close`)
    if (low > Math.min(open, close)) throw new CsvImportError(file, line, `Low ${low} is above Open/Close`)
    if (volume < 0 || !Number.isInteger(volume)) {
      throw new CsvImportError(file, line, `Volume must be a whole number >= 0, got ${volume}`)
    }
    if (volume >= MAX_PLAUSIBLE_VOLUME)
      throw new CsvImportError(
        file,
        line,
        `a volume of ${volume} is not plausible (below ${MAX_PLAUSIBLE_VOLUME} expected)`,
      )
    bars.push({ date, open, high, low, close, adjClose, volume })
  }
  return bars
}

function formatNumber(value: number): string {
  // JavaScript's shortest round-trip form keeps every digit the source gave and adds none.
  return String(value)
}

export function toSnapshotCsv(bars: readonly Bar[]): string {
  const rows = bars.map((b) =>
    [b.date, b.open, b.high, b.low, b.close, b.adjClose, b.volume]
      .map((v) => (typeof v === 'number' ? formatNumber(v) : v))
      .join(','),
  )
  return [SNAPSHOT_CSV_HEADER.join(','), ...rows].join('\n') + '\n'
}
