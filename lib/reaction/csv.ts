import { csvLine } from '../csv/write'
import type { ReactionResult } from './types'

const day = (t: number) => (t > 0 ? `+${t}` : String(t))

/** `car_-1_+1`: no comma, so the header needs no quoting, and it starts with a letter. */
export function carColumn([t1, t2]: readonly [number, number]): string {
  return `car_${day(t1)}_${day(t2)}`
}

/**
 * The reaction table as CSV: one row per symbol with every number of the event study, unrounded, and one
 * CAR and t column per event window. Returns and CARs are decimal fractions; money is in the row's currency.
 */
export function reactionToCsv(result: ReactionResult): string {
  const windows = result.method.windows
  const header = [
    'symbol',
    'name',
    'currency',
    'day0',
    'event',
    'benchmark',
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
    't_ar',
    ...windows.flatMap((w) => [carColumn(w), `t_${carColumn(w)}`]),
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
  const lines = [csvLine(header)]
  for (const row of result.rows) {
    const carCells = windows.flatMap(([t1, t2]) => {
      const car = row.car.find((c) => c.window[0] === t1 && c.window[1] === t2)
      return [car?.car, car?.t]
    })
    lines.push(
      csvLine([
        row.symbol,
        row.name,
        row.currency,
        result.day0,
        result.event?.id,
        result.benchmark,
        row.prevDate,
        row.prevClose,
        row.close,
        row.return,
        row.marketReturn,
        row.expectedReturn,
        row.alpha,
        row.beta,
        row.s,
        row.abnormalReturn,
        row.tAR,
        ...carCells,
        row.marketCapChange,
        row.shares?.shares,
        row.shares?.asOf ?? '',
        row.recovery?.date ?? '',
        row.recovery?.sessions,
        row.dataThrough,
        row.estimation.from,
        row.estimation.to,
        row.estimation.sessions,
        result.method.gap,
        row.source,
      ]),
    )
  }
  return lines.join('\n') + '\n'
}
