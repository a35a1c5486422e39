'use client'

import { useId, useMemo, useState } from 'react'
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ReferenceLine, XAxis, YAxis, type BarShapeProps } from 'recharts'
import type { ChartEvent } from '@/lib/chart/model'
import { eventWhen } from '@/lib/events-view'
import { formatDayMonth, formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '@/lib/format'
import { BENCHMARK_CHOICES } from '@/lib/reaction/benchmarks'
import { reactionUrl, useReaction } from '@/lib/reaction/client-hooks'
import { formatShareCount, formatWindow } from '@/lib/reaction/format'
import { T_CRITICAL_1, T_CRITICAL_5, significanceMark } from '@/lib/reaction/significance'
import type { ReactionCar, ReactionResult, ReactionRow } from '@/lib/reaction/types'
import { linearTicks } from '@/lib/chart/scales'
import { getSymbolInfo } from '@/lib/symbols'
import type { ViewState } from '@/lib/view-state'

/** The event the panel opens on when the chart has none selected: NVIDIA's record one-day loss. */
export const DEFAULT_REACTION_EVENT_ID = '2025-01-27-nvda-record-loss'

/** The CAR windows the table shows, all among the API's default windows. */
const TABLE_WINDOWS: readonly (readonly [number, number])[] = [
  [0, 1],
  [-1, 1],
  [0, 5],
]

/** Bar colours by sign, from the theme (they switch with dark mode). */
const NEGATIVE_FILL = 'var(--event-deepseek)'
const POSITIVE_FILL = 'var(--series-1)'
const BAR_ROW_PX = 30
const BAR_CHART_PADDING_PX = 48

export interface ReactionPanelProps {
  /** Writes the URL (event, benchmark), as every control does. */
  onViewChange: (patch: Partial<ViewState>) => void
  view: ViewState
  events: ChartEvent[]
}

type SortKey = 'symbol' | 'return' | 'abnormalReturn' | 'tAR' | `car:${number}:${number}` | 'marketCapChange' | 'recovery'
type SortDirection = 'ascending' | 'descending'

interface Column {
  key: SortKey
  label: string
  /** Spelled out for screen readers and the header's title. */
  description: string
  sortValue: (row: ReactionRow) => number | string | null
}

const carKey = ([t1, t2]: readonly [number, number]): SortKey => `car:${t1}:${t2}`

function carOf(row: ReactionRow, [t1, t2]: readonly [number, number]): ReactionCar | undefined {
  return row.car.find((c) => c.window[0] === t1 && c.window[1] === t2)
}

const COLUMNS: readonly Column[] = [
  { key: 'symbol', label: 'Symbol', description: 'Symbol', sortValue: (r) => r.symbol },
  { key: 'return', label: 'Day-0 return', description: 'Close-to-close return on day 0', sortValue: (r) => r.return },
  {
    key: 'abnormalReturn',
    label: 'Abnormal return',
    description: 'Day-0 return minus the market model’s expected return',
    sortValue: (r) => r.abnormalReturn,
  },
  { key: 'tAR', label: 't', description: 't-statistic of the day-0 abnormal return', sortValue: (r) => r.tAR },
  ...TABLE_WINDOWS.map(
    (w): Column => ({
      key: carKey(w),
      label: formatWindow(w),
      description: `Cumulative abnormal return over sessions ${w[0]} to ${w[1]}`,
      sortValue: (r) => carOf(r, w)?.car ?? null,
    }),
  ),
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

/** Missing values sort last in either direction: a blank is never "the biggest loss". */
function sortRows(rows: readonly ReactionRow[], sort: { key: SortKey; dir: SortDirection } | null): ReactionRow[] {
  if (!sort) return [...rows]
  const column = COLUMNS.find((c) => c.key === sort.key)
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

function TValue({ t }: { t: number | null }) {
  if (t === null) {
    return <span title="t is undefined: the market model fits the estimation window exactly (s = 0), as for the benchmark against itself">–</span>
  }
  const mark = significanceMark(t)
  return (
    <>
      {formatNumber(t, 2)}
      <span className="inline-block w-4 text-left" aria-hidden>
        {mark}
      </span>
      {mark ? <span className="sr-only">, significant at the {mark === '**' ? '1%' : '5%'} level</span> : null}
    </>
  )
}

function CarCell({ car }: { car: ReactionCar | undefined }) {
  if (!car || car.car === null) {
    const why =
      car?.incomplete === 'past_end_of_data'
        ? 'the data ends before the end of the window'
        : car?.incomplete === 'benchmark_gap'
          ? 'the benchmark has no session on a day of the window'
          : 'a day of the window is not in the data'
    return <span title={`Not available: ${why}`}>–</span>
  }
  const dates = car.from && car.to ? `${formatFullDate(car.from)} to ${formatFullDate(car.to)}` : ''
  return (
    <span title={`${formatWindow(car.window)}: sum of daily abnormal returns${dates ? `, ${dates}` : ''}; t = ${car.t === null ? 'undefined' : formatNumber(car.t, 2)}`}>
      {formatPercent(car.car, 2)}
      <span className="block text-[10px] text-[var(--muted)]">
        t {car.t === null ? '–' : formatNumber(car.t, 2)}
        {significanceMark(car.t)}
      </span>
    </span>
  )
}

function MarketValueCell({ row }: { row: ReactionRow }) {
  if (row.marketCapChange === null || !row.shares) {
    return (
      <span className="text-xs text-[var(--muted)] underline decoration-dotted" title={row.sharesMissing ?? 'No sourced share count.'}>
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

function RecoveryCell({ row }: { row: ReactionRow }) {
  // Recovery means regaining the day -1 close; a symbol that closed day 0 at or above it had nothing to regain.
  if (row.close >= row.prevClose) {
    return (
      <span className="text-xs text-[var(--muted)]" title={`Closed day 0 at ${formatPrice(row.close, row.currency)}, not below the day -1 close of ${formatPrice(row.prevClose, row.currency)}`}>
        no fall to recover
      </span>
    )
  }
  if (!row.recovery) {
    return (
      <span className="text-xs text-[var(--muted)]" title={`No close at or above ${formatPrice(row.prevClose, row.currency)} through ${formatFullDate(row.dataThrough)}`}>
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
      return <TValue t={row.tAR} />
    case 'marketCapChange':
      return <MarketValueCell row={row} />
    case 'recovery':
      return <RecoveryCell row={row} />
    default: {
      const window = TABLE_WINDOWS.find((w) => carKey(w) === column.key)
      return window ? <CarCell car={carOf(row, window)} /> : null
    }
  }
}

function ReactionTable({ data }: { data: ReactionResult }) {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDirection } | null>(null)
  const rows = useMemo(() => sortRows(data.rows, sort), [data.rows, sort])
  const toggle = (key: SortKey) =>
    setSort((current) => (current?.key === key ? { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: 'ascending' }))

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-right text-sm tabular-nums" data-testid="reaction-table">
        <caption className="mb-1 text-left text-xs text-[var(--muted)]">
          Day-0 reaction on {formatFullDate(data.day0)} against {data.benchmark}; returns are close to close on adjusted closes. Click a
          column header to sort.
        </caption>
        <thead>
          <tr className="border-b border-[var(--border)] text-xs">
            {COLUMNS.map((column) => {
              const active = sort?.key === column.key
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? sort.dir : undefined}
                  className={`px-2 py-1 align-bottom font-semibold ${column.key === 'symbol' ? 'text-left' : ''}`}
                  data-column={column.key}
                >
                  <button
                    type="button"
                    onClick={() => toggle(column.key)}
                    title={`${column.description}. Sort by this column.`}
                    className="inline-flex items-center gap-1 rounded hover:text-[var(--accent)]"
                  >
                    {column.label}
                    <span aria-hidden className="text-[10px] text-[var(--muted)]">
                      {active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.symbol} data-symbol={row.symbol} className="border-b border-[var(--border)] last:border-b-0">
              <th scope="row" className="px-2 py-1 text-left font-semibold">
                {row.symbol}
                <span className="block text-[10px] font-normal text-[var(--muted)]">{row.name}</span>
              </th>
              {COLUMNS.filter((c) => c.key !== 'symbol').map((column) => (
                <td key={column.key} className="px-2 py-1 align-top" data-column={column.key}>
                  {cellValue(column, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AbnormalReturnBars({ data }: { data: ReactionResult }) {
  // Losses read hardest-hit first; when every symbol gained (Stargate), biggest gain first.
  const allGains = data.rows.every((r) => r.abnormalReturn >= 0)
  const bars = useMemo(
    () =>
      [...data.rows]
        .sort((a, b) => (allGains ? b.abnormalReturn - a.abnormalReturn : a.abnormalReturn - b.abnormalReturn))
        .map((r) => ({ symbol: r.symbol, abnormalReturn: r.abnormalReturn })),
    [data.rows, allGains],
  )
  // Round ticks, with room past the longest bar for its value label.
  const axis = useMemo(() => {
    const values = bars.map((b) => b.abnormalReturn)
    const lo = Math.min(0, ...values)
    const hi = Math.max(0, ...values)
    const pad = (hi - lo || 0.01) * 0.18
    return linearTicks(lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0, 5)
  }, [bars])
  const captionId = useId()
  const text = bars.map((b) => `${b.symbol} ${formatPercent(b.abnormalReturn, 2)}`).join(', ')
  return (
    <figure aria-labelledby={captionId} className="min-w-0">
      <div role="img" aria-label={`Bar chart of day-0 abnormal returns against ${data.benchmark}, ${allGains ? 'largest' : 'most negative'} first: ${text}.`}>
        <BarChart
          accessibilityLayer={false}
          layout="vertical"
          data={bars}
          responsive
          style={{ width: '100%', height: bars.length * BAR_ROW_PX + BAR_CHART_PADDING_PX }}
          margin={{ top: 4, right: 64, bottom: 4, left: 4 }}
        >
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={(v: number) => formatPercent(v, 1)}
            stroke="var(--muted)"
            tick={{ fill: 'var(--muted)', fontSize: 11 }}
          />
          <YAxis type="category" dataKey="symbol" width={64} stroke="var(--muted)" tick={{ fill: 'var(--fg)', fontSize: 12 }} />
          <ReferenceLine x={0} stroke="var(--muted)" />
          <Bar
            dataKey="abnormalReturn"
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const value = bars[props.index]?.abnormalReturn ?? 0
              return <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} fill={value < 0 ? NEGATIVE_FILL : POSITIVE_FILL} />
            }}
          >
            <LabelList
              dataKey="abnormalReturn"
              position="right"
              formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v, 1) : '')}
              fill="var(--fg)"
              fontSize={11}
            />
          </Bar>
        </BarChart>
      </div>
      <figcaption id={captionId} className="mt-1 text-xs text-[var(--muted)]">
        {allGains ? 'Who gained most' : 'Who was hit hardest'}: day-0 abnormal returns against {data.benchmark},{' '}
        {allGains ? 'largest first' : 'most negative first'} ({text}). Red bars are losses beyond what the market model expected, green ones
        gains.
      </figcaption>
    </figure>
  )
}

function LabelledSelect(props: {
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
  className?: string
}) {
  const id = useId()
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-[var(--muted)]">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className={`rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 ${props.className ?? ''}`}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function MethodNote({ data }: { data: ReactionResult }) {
  const m = data.method
  const event = data.event
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="reaction-method">
      <dt className="text-[var(--muted)]">Day 0</dt>
      <dd>
        {formatFullDate(data.day0)}
        {event && event.date !== data.day0 ? (
          <span className="text-[var(--muted)]"> · the event itself: {eventWhen(event, formatFullDate)}</span>
        ) : null}
      </dd>
      <dt className="text-[var(--muted)]">Benchmark</dt>
      <dd>
        {m.benchmark} ({m.benchmarkName})
      </dd>
      <dt className="text-[var(--muted)]">Estimation</dt>
      <dd>
        {`${m.estimation.sessions} sessions, ${formatFullDate(m.estimation.from)} – ${formatFullDate(m.estimation.to)} ` +
          `(days −${m.gap + m.estimation.requested} to −${m.gap + 1}), ${m.model} on ${m.returns} returns`}
      </dd>
      <dt className="text-[var(--muted)]">Gap</dt>
      <dd>{m.gap} sessions left out before day 0</dd>
      <dt className="text-[var(--muted)]">Windows</dt>
      <dd>{m.windows.map((w) => formatWindow(w)).join(', ')}</dd>
      <dt className="text-[var(--muted)]">Market value</dt>
      <dd>{m.marketCapChange}</dd>
      <dt className="text-[var(--muted)]">Recovery</dt>
      <dd>
        {m.recovery.rule}
        {m.recovery.dataThrough ? `; data through ${formatFullDate(m.recovery.dataThrough)}` : ''}
      </dd>
    </dl>
  )
}

/**
 * The event study of the view's symbols around one event: a sortable table of day-0 returns, abnormal returns,
 * CARs, market value lost and recovery, a bar chart of who was hit hardest, and the method next to the numbers.
 */
export function ReactionPanel({ view, events, onViewChange }: ReactionPanelProps) {
  const fallbackEventId =
    events.find((e) => e.id === DEFAULT_REACTION_EVENT_ID)?.id ??
    events.find((e) => e.tradingDate === '2025-01-27' && e.category === 'market')?.id ??
    events[0]?.id ??
    DEFAULT_REACTION_EVENT_ID
  // Event and benchmark live in the URL like every other control, so a shared link reopens this table.
  const benchmark = view.benchmark
  const selectedOnChart = view.event ? events.find((e) => e.id === view.event) : undefined
  const eventId = selectedOnChart?.id ?? fallbackEventId
  const event = events.find((e) => e.id === eventId)

  const day0 = event?.origin === 'reader' ? event.tradingDate : undefined
  const url = reactionUrl({ symbols: view.symbols, event: eventId, date: day0, benchmark })
  const csvUrl = reactionUrl({ symbols: view.symbols, event: eventId, date: day0, benchmark, format: 'csv' })
  const { data, error, isLoading, mutate } = useReaction(url)

  return (
    <section aria-labelledby="reaction-heading" className="space-y-3 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4" data-testid="reaction-panel">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="reaction-heading" className="text-base font-semibold">
            Measured reaction{event ? `: ${event.title}` : ''}
          </h2>
          <p className="text-xs text-[var(--muted)]">
            Market-model event study: how much each stock moved on day 0 beyond what {benchmark} implied.
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
            <LabelledSelect
              label="Event"
              value={eventId}
              onChange={(event) => onViewChange({ event })}
              options={events.map((e) => ({ value: e.id, label: `${formatDayMonth(e.tradingDate)} · ${e.origin === 'reader' ? 'Yours: ' : ''}${e.title}` }))}
              className="max-w-[18rem]"
            />
            <LabelledSelect
              label="Benchmark"
              value={benchmark}
              onChange={(value) => onViewChange({ benchmark: value })}
              // A benchmark from a shared link that is not a usual choice still shows as chosen.
              options={((BENCHMARK_CHOICES as readonly string[]).includes(benchmark) ? [...BENCHMARK_CHOICES] : [...BENCHMARK_CHOICES, benchmark]).map(
                (symbol) => ({ value: symbol, label: `${symbol} · ${getSymbolInfo(symbol)?.name ?? symbol}` }),
              )}
            />
          {csvUrl && data && !error ? (
            <a
              href={csvUrl}
              download={`reaction_${view.symbols.join('-')}_${eventId}_vs_${benchmark}.csv`}
              className="rounded-md border border-[var(--border)] px-3 py-1 text-[var(--accent)]"
            >
              Download CSV
            </a>
          ) : null}
        </div>
      </div>

      {view.symbols.length === 0 ? (
        <p className="rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]">
          Choose at least one symbol above to measure its reaction.
        </p>
      ) : error ? (
        <div role="alert" className="flex flex-col items-start gap-2 rounded-md bg-[var(--error-bg)] p-3 text-sm text-[var(--error-fg)]" data-testid="reaction-error">
          <p>{error.message}</p>
          {/* A 4xx says something about the question (a holiday, too little history): asking again cannot help. */}
          {error.status >= 500 || error.status === 0 || error.status === 429 ? (
            <button type="button" onClick={() => void mutate()} className="rounded-md border border-current px-3 py-1">
              Retry
            </button>
          ) : (
            <p className="text-xs">Pick another event or symbols above; the chart is not affected.</p>
          )}
        </div>
      ) : !data ? (
        <div className="space-y-2" data-testid="reaction-skeleton" aria-busy="true" aria-label="Loading the reaction table">
          <div className="h-4 w-2/3 animate-pulse rounded bg-[var(--grid)]" />
          <div className="h-32 animate-pulse rounded-md bg-[var(--grid)]" />
        </div>
      ) : data.rows.length === 0 ? (
        <p className="rounded-md border border-dashed border-[var(--border)] p-4 text-center text-sm text-[var(--muted)]">
          None of these symbols could be measured on this day.
        </p>
      ) : (
        <div className={`space-y-3 ${isLoading ? 'opacity-70 transition-opacity' : ''}`} aria-busy={isLoading}>
          <MethodNote data={data} />
          <ReactionTable data={data} />
          <p className="text-xs text-[var(--muted)]" data-testid="reaction-legend">
            t = abnormal return ÷ s, the residual standard error of the market model; CAR t = CAR ÷ (s × √sessions). ** |t| ≥ {T_CRITICAL_1}{' '}
            (significant at the 1% level), * |t| ≥ {T_CRITICAL_5} (5% level), two-sided. A dash means undefined: s = 0 when a symbol is
            its own benchmark, or a window reaches past the data.
          </p>
          <AbnormalReturnBars data={data} />
          {data.warnings.length > 0 ? (
            <div role="status" className="rounded-md bg-[var(--warn-bg)] p-2 text-xs text-[var(--warn-fg)]" data-testid="reaction-warnings">
              <ul className="list-inside list-disc">
                {data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      )}
    </section>
  )
}
