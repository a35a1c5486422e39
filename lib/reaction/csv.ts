import type { ReactionResult } from './types'

/** A CSV field quoted only when it must be (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula; text cells never start that way. */
const text = (value: string | null | undefined) => csvField(/^[=+\-@\t\r]/.test(value ?? '') ? `'${value}` : (value ?? ''))

/** Numbers as JavaScript writes them: the shortest text that reads back as the same double, never rounded. */
export const csvNumber = (value: number | null | undefined): string => (value === null || value === undefined || !Number.isFinite(value) ? '' : String(value))

const day = (t: number) => (t > 0 ? `+${t}` : String(t))

/** `car_-1_+1`: no comma, so the header needs no quoting, and it starts with a letter. */
export function carColumn([t1, t2]: readonly [number, number]): string {
  return `car_${day(t1)}_${day(t2)}`
}

/**
 * The reaction table as CSV: one row per symbol with every number of the event study, unrounded, and one
 * CAR, t and p column per event window; t and p use the prediction-error variance. Returns and CARs are decimal fractions; money is in the row's currency.
 */
export function reactionToCsv(result: ReactionResult): string {
  const windows = result.method.windows
  const header = [
    'symbol',
    'name',
    'currency',
    'day0',
    'row_day0',
    'event',
    'benchmark',
    'model',
    'pairing',
    'market_date',
    'prev_date',
    'prev_close',
    'close',
    'return',
    'market_return',
    'expected_return',
    'alpha',
    'beta',
    's',
    'abnormal_return',
    'sd_ar',
    't_ar',
    'p_ar',
    'df',
    ...windows.flatMap((w) => [carColumn(w), `t_${carColumn(w)}`, `p_${carColumn(w)}`]),
    'market_cap_change',
    'shares',
    'shares_as_of',
    'recovery_date',
    'recovery_sessions',
    'data_through',
    'estimation_from',
    'estimation_to',
    'estimation_sessions',
    'gap',
    'source',
  ]
  const lines = [header.join(',')]
  for (const row of result.rows) {
    const carCells = windows.flatMap(([t1, t2]) => {
      const car = row.car.find((c) => c.window[0] === t1 && c.window[1] === t2)
      return [csvNumber(car?.car), csvNumber(car?.t), csvNumber(car?.p)]
    })
    lines.push(
      [
        text(row.symbol),
        text(row.name),
        text(row.currency),
        result.day0,
        row.day0,
        text(result.event?.id),
        text(result.benchmark),
        text(row.model),
        text(row.pairing),
        row.marketDate ?? '',
        row.prevDate,
        csvNumber(row.prevClose),
        csvNumber(row.close),
        csvNumber(row.return),
        csvNumber(row.marketReturn),
        csvNumber(row.expectedReturn),
        csvNumber(row.alpha),
        csvNumber(row.beta),
        csvNumber(row.s),
        csvNumber(row.abnormalReturn),
        csvNumber(row.sdAR),
        csvNumber(row.tAR),
        csvNumber(row.pAR),
        csvNumber(row.df),
        ...carCells,
        csvNumber(row.marketCapChange),
        csvNumber(row.shares?.shares),
        row.shares?.asOf ?? '',
        row.recovery?.date ?? '',
        csvNumber(row.recovery?.sessions),
        row.dataThrough,
        row.estimation.from,
        row.estimation.to,
        csvNumber(row.estimation.sessions),
        csvNumber(result.method.gap),
        text(row.source),
      ].join(','),
    )
  }
  return lines.join('\n') + '\n'
}
