import { formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '@/lib/format'
import { carMissingReason, formatShareCount, formatWindow } from '@/lib/reaction/format'
import { formatP, markFromP } from '@/lib/reaction/significance'
import type { ReactionCar, ReactionRow } from '@/lib/reaction/types'
import { carOf, type Column } from './columns'

/** A t with its p-value and the mark the p-value earns. */
export function TValue({ t, p }: { t: number | null; p: number | null }) {
  if (t === null) {
    return (
      <span title="t is undefined: the model fits the estimation window exactly (s = 0), as for the benchmark against itself">
        –
      </span>
    )
  }
  const mark = markFromP(p)
  return (
    <span title={`t = ${formatNumber(t, 3)}, two-sided ${formatP(p)}`}>
      <span className="whitespace-nowrap">
        {formatNumber(t, 2)}
        <span className="inline-block w-4 text-left" aria-hidden>
          {mark}
        </span>
      </span>
      {mark ? <span className="sr-only">, significant at the {mark === '**' ? '1%' : '5%'} level</span> : null}
      <span className="block text-[10px] text-[var(--muted)]">{formatP(p)}</span>
    </span>
  )
}

export function CarCell({ car }: { car: ReactionCar | undefined }) {
  if (!car || car.car === null) {
    return <span title={`Not available: ${carMissingReason(car)}`}>–</span>
  }
  const dates = car.from && car.to ? `${formatFullDate(car.from)} to ${formatFullDate(car.to)}` : ''
  const mark = markFromP(car.p)
  return (
    <span
      title={`${formatWindow(car.window)}: sum of daily abnormal returns${dates ? `, ${dates}` : ''}; t = ${car.t === null ? 'undefined' : formatNumber(car.t, 2)}, ${formatP(car.p)}`}
    >
      {formatPercent(car.car, 2)}
      <span className="block text-[10px] text-[var(--muted)]">
        t {car.t === null ? '–' : formatNumber(car.t, 2)}
        {mark}
        {mark ? <span className="sr-only">, significant at the {mark === '**' ? '1%' : '5%'} level</span> : null}
      </span>
    </span>
  )
}

export function MarketValueCell({ row }: { row: ReactionRow }) {
  if (row.marketCapChange === null || !row.shares) {
    return (
      <span
        className="text-xs text-[var(--muted)] underline decoration-dotted"
        title={row.sharesMissing ?? 'No sourced share count.'}
      >
        no sourced share count
      </span>
    )
  }
  const s = row.shares
  return (
    <span
      title={`${formatShareCount(s.shares)} shares (${s.asOf}; ${s.source.title}) × (${formatPrice(row.close, row.currency)} − ${formatPrice(row.prevClose, row.currency)})`}
    >
      {formatMoneyCompact(row.marketCapChange, row.currency)}
    </span>
  )
}

export function RecoveryCell({ row }: { row: ReactionRow }) {
  // Recovery means regaining the day -1 close; a symbol that closed day 0 at or above it had nothing to regain.
  if (row.close >= row.prevClose) {
    return (
      <span
        className="text-xs text-[var(--muted)]"
        title={`Closed day 0 at ${formatPrice(row.close, row.currency)}, not below the day -1 close of ${formatPrice(row.prevClose, row.currency)}`}
      >
        no fall to recover
      </span>
    )
  }
  if (!row.recovery) {
    return (
      <span
        className="text-xs text-[var(--muted)]"
        title={`No close at or above ${formatPrice(row.prevClose, row.currency)} through ${formatFullDate(row.dataThrough)}`}
      >
        not within the data
      </span>
    )
  }
  return (
    <span title={`Back to the ${formatFullDate(row.prevDate)} close of ${formatPrice(row.prevClose, row.currency)}`}>
      {formatFullDate(row.recovery.date)}
      <span className="block text-[10px] text-[var(--muted)]">
        {row.recovery.sessions} session{row.recovery.sessions === 1 ? '' : 's'}
      </span>
    </span>
  )
}

function cellValue(column: Column, row: ReactionRow) {
  switch (column.key) {
    case 'symbol':
      return null
    case 'return':
      return formatPercent(row.return, 2)
    case 'abnormalReturn':
      return formatPercent(row.abnormalReturn, 2)
    case 'tAR':
      return <TValue t={row.tAR} p={row.pAR} />
    case 'marketCapChange':
      return <MarketValueCell row={row} />
    case 'recovery':
      return <RecoveryCell row={row} />
    default:
      return column.window ? <CarCell car={carOf(row, column.window)} /> : null
  }
}

/**
 * The reaction table's rows: the readable definition of what the panel sends as markup (lib/reaction/rows-html.ts
 * `reactionRowsHtml`, which a unit test holds to exactly this output).
 */
export function ReactionTableRows({ rows, columns, day0 }: { rows: ReactionRow[]; columns: Column[]; day0: string }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={row.symbol} data-symbol={row.symbol} className="border-b border-[var(--border)] last:border-b-0">
          <th scope="row" className="px-2 py-1 text-left font-semibold">
            {row.symbol}
            <span className="block text-[10px] font-normal text-[var(--muted)]">
              {row.name}
              {row.day0 !== day0 ? ` · day 0 ${formatFullDate(row.day0)}` : ''}
            </span>
          </th>
          {columns
            .filter((c) => c.key !== 'symbol')
            .map((column) => (
              <td key={column.key} className="px-2 py-1 align-top" data-column={column.key}>
                {cellValue(column, row)}
              </td>
            ))}
        </tr>
      ))}
    </>
  )
}
