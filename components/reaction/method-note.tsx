import { eventWhen } from '@/lib/view/events'
import { formatFullDate } from '@/lib/format'
import { formatWindow } from '@/lib/reaction/format'
import type { ReactionResult } from '@/lib/reaction/types'

const MODEL_NAMES = {
  market: 'market model (OLS)',
  'market-adjusted': 'market-adjusted model',
  'constant-mean': 'constant-mean model',
} as const
const PAIRING_NAMES = {
  auto: 'auto (time-matched where the exchange closes before the benchmark opens, else same date)',
  'same-date': 'same date',
  'time-matched': 'time-matched (the benchmark session that closed before)',
  dimson: 'Dimson lead and lag (beta = sum of three slopes)',
} as const

const day = (t: number) => (t > 0 ? `+${t}` : String(t))

/** Every parameter of the study next to the numbers, with the variance used and the estimation days used. */
export function MethodNote({ data }: { data: ReactionResult }) {
  const m = data.method
  const event = data.event
  const otherDay0 = data.rows.filter((r) => r.day0 !== data.day0)
  const used = [...new Set(data.rows.map((r) => r.estimation.sessions))].sort((a, b) => b - a)
  const dfs = [...new Set(data.rows.map((r) => r.df))].sort((a, b) => b - a)
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="reaction-method">
      <dt className="text-[var(--muted)]">Day 0</dt>
      <dd>
        {formatFullDate(data.day0)}
        {event && event.date !== data.day0 ? (
          <span className="text-[var(--muted)]"> · the event itself: {eventWhen(event, formatFullDate)}</span>
        ) : null}
        <span className="text-[var(--muted)]"> · {m.day0Rule}</span>
        {otherDay0.length > 0 ? (
          <span> · {otherDay0.map((r) => `${r.symbol}: ${formatFullDate(r.day0)}`).join(', ')}</span>
        ) : null}
      </dd>
      <dt className="text-[var(--muted)]">Benchmark</dt>
      <dd>
        {m.benchmark} ({m.benchmarkName})
      </dd>
      <dt className="text-[var(--muted)]">Model</dt>
      <dd>
        {MODEL_NAMES[m.model]}: {m.abnormalReturn}; {m.returns} returns
      </dd>
      <dt className="text-[var(--muted)]">Pairing</dt>
      <dd>
        {PAIRING_NAMES[m.pairing]}
        {m.pairing === 'auto' && data.rows.some((r) => r.pairing !== 'same-date') ? (
          <span>
            {' '}
            · time-matched:{' '}
            {data.rows
              .filter((r) => r.pairing === 'time-matched')
              .map((r) => r.symbol)
              .join(', ')}
          </span>
        ) : null}
      </dd>
      <dt className="text-[var(--muted)]">Estimation</dt>
      <dd>
        {`${m.estimation.requested} sessions requested, days −${m.gap + m.estimation.requested} to −${m.gap + 1} ` +
          `(${formatFullDate(m.estimation.from)} – ${formatFullDate(m.estimation.to)} on ${m.benchmark}'s calendar); ` +
          `${used.length === 1 ? `${used[0]} sessions` : `${used.join(' / ')} sessions`} used`}
        {used.length > 1 ? ' (rows differ: see the warnings)' : ''}
      </dd>
      <dt className="text-[var(--muted)]">Gap</dt>
      <dd>{m.gap} sessions left out before day 0</dd>
      <dt className="text-[var(--muted)]">Windows</dt>
      <dd>{m.windows.map((w) => formatWindow(w)).join(', ')}</dd>
      <dt className="text-[var(--muted)]">Variance</dt>
      <dd>
        prediction error (MacKinlay 1997): {m.tStatistic}; df {dfs.join(' / ')}
      </dd>
      <dt className="text-[var(--muted)]">Figure</dt>
      <dd>
        CAR from day {day(m.path[0])} to {day(m.path[1])}
      </dd>
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
