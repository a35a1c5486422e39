import type { ReactionCar, ReactionRow } from '@/lib/reaction/types'
import { formatWindow } from '@/lib/reaction/format'

export type SortKey =
  'symbol' | 'return' | 'abnormalReturn' | 'tAR' | `car:${number}:${number}` | 'marketCapChange' | 'recovery'
export type SortDirection = 'ascending' | 'descending'
export type Sort = { key: SortKey; dir: SortDirection } | null

export interface Column {
  key: SortKey
  label: string
  /** Spelled out for screen readers and the header's title. */
  description: string
  sortValue: (row: ReactionRow) => number | string | null
  /** The window of a CAR column. */
  window?: readonly [number, number]
}

export const carKey = ([t1, t2]: readonly [number, number]): SortKey => `car:${t1}:${t2}`

export function carOf(row: ReactionRow, [t1, t2]: readonly [number, number]): ReactionCar | undefined {
  return row.car.find((c) => c.window[0] === t1 && c.window[1] === t2)
}

/** The table's columns for the request's windows ([0,0] is the day-0 AR column already, so it is not repeated). */
export function reactionColumns(windows: readonly (readonly [number, number])[]): Column[] {
  return [
    { key: 'symbol', label: 'Symbol', description: 'Symbol', sortValue: (r) => r.symbol },
    {
      key: 'return',
      label: 'Day-0 return',
      description: 'Close-to-close return on the row’s own day 0',
      sortValue: (r) => r.return,
    },
    {
      key: 'abnormalReturn',
      label: 'Abnormal return',
      description: 'Day-0 return minus the model’s normal return',
      sortValue: (r) => r.abnormalReturn,
    },
    {
      key: 'tAR',
      label: 't (p)',
      description: 't-statistic of the day-0 abnormal return with the prediction-error variance, and its p-value',
      sortValue: (r) => r.tAR,
    },
    ...windows
      .filter(([a, b]) => !(a === 0 && b === 0))
      .map((w): Column => ({
        key: carKey(w),
        label: formatWindow(w),
        description: `Cumulative abnormal return over sessions ${w[0]} to ${w[1]}`,
        sortValue: (r) => carOf(r, w)?.car ?? null,
        window: w,
      })),
    {
      key: 'marketCapChange',
      label: 'Market value change',
      description: 'Sourced shares outstanding times the change in the close on day 0',
      sortValue: (r) => r.marketCapChange,
    },
    {
      key: 'recovery',
      label: 'Recovery',
      description: 'First session closing at or above the close of day −1',
      // No fall sorts first (nothing to regain); not recovered within the data is the longest recovery.
      sortValue: (r) => (r.close >= r.prevClose ? 0 : (r.recovery?.sessions ?? Number.POSITIVE_INFINITY)),
    },
  ]
}

/** Missing values sort last in either direction: a blank is never "the biggest loss". */
export function sortRows(rows: readonly ReactionRow[], columns: readonly Column[], sort: Sort): ReactionRow[] {
  if (!sort) return [...rows]
  const column = columns.find((c) => c.key === sort.key)
  if (!column) return [...rows]
  const sign = sort.dir === 'ascending' ? 1 : -1
  return [...rows].sort((a, b) => {
    const va = column.sortValue(a)
    const vb = column.sortValue(b)
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1
    if (va === vb) return 0
    if (typeof va === 'string' || typeof vb === 'string') return sign * String(va).localeCompare(String(vb))
    return sign * (va - vb)
  })
}
