import { Fragment } from 'react'
import { formatWindow } from '@/lib/reaction/format'
import { PORTFOLIO_TEST_INFO } from '@/lib/analysis'
import {
  COMPARE_CAR_WINDOWS,
  COMPARE_ESTIMATION,
  COMPARE_GAP,
  COMPARE_PRESETS,
  COMPARE_WINDOW,
  SHOWN_GROUP_TESTS,
  buildCompareSvg,
  compareColour,
  compareCsv,
  compareHref,
  type CompareQuery,
  type Comparison,
} from '@/lib/compare'
import { events as catalogEvents } from '@/lib/events'
import { formatFullDate, formatNumber, formatPercent } from '@/lib/format'
import { CompareExport } from './compare-export'
import { Notices } from '../ui/notices'

const pText = (p: number | null) => (p === null ? '—' : p < 0.001 ? '<0.001' : formatNumber(p, 3))
const stars = (p: number | null) => (p === null ? '' : p <= 0.01 ? '**' : p <= 0.05 ? '*' : '')

/** The page theme's colours for the inline drawing (the download uses concrete light colours). */
const PAGE_THEME = { background: 'var(--panel)', text: 'var(--fg)', muted: 'var(--muted)', grid: 'var(--grid)' }

function EventPicker({ query }: { query: CompareQuery }) {
  const chosen = new Set(query.events)
  return (
    <form
      method="get"
      action="/compare"
      className="space-y-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3"
      aria-label="Choose events and symbols to compare"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-[var(--muted)]">
          Symbols (comma-separated, up to 6)
          <input
            name="symbols"
            defaultValue={query.symbols.join(',')}
            className="rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm text-[var(--fg)]"
          />
        </label>
        <label className="flex flex-col text-xs text-[var(--muted)]">
          Benchmark
          <input
            name="benchmark"
            defaultValue={query.benchmark}
            className="w-24 rounded-md border border-[var(--border)] bg-[var(--bg)] px-2 py-1 text-sm text-[var(--fg)]"
          />
        </label>
        {query.mine ? <input type="hidden" name="mine" value={query.mine} /> : null}
        <button type="submit" className="rounded-md border border-[var(--border)] px-3 py-1 text-sm font-medium">
          Compare
        </button>
        <a
          href={compareHref({
            events: [...COMPARE_PRESETS['ai-shocks'].events],
            symbols: [...COMPARE_PRESETS['ai-shocks'].symbols],
            benchmark: 'SPY',
            mine: query.mine,
          })}
          className="text-sm text-[var(--accent)] underline"
        >
          Preset: {COMPARE_PRESETS['ai-shocks'].label}
        </a>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">Pick events ({query.events.length} chosen, up to 8)</summary>
        {/* Checkboxes submit as repeated `events=`; the page joins them. */}
        <fieldset className="mt-2 grid max-h-72 gap-1 overflow-y-auto text-xs sm:grid-cols-2">
          <legend className="sr-only">Events</legend>
          {catalogEvents.map((e) => (
            <label key={e.id} className="flex items-start gap-1.5">
              <input type="checkbox" name="events" value={e.id} defaultChecked={chosen.has(e.id)} />
              <span>
                <span className="tabular-nums text-[var(--muted)]">{e.tradingDate}</span> {e.title}
                {e.importance === 'major' ? (
                  <span className="ml-1 text-[10px] font-semibold uppercase">major</span>
                ) : null}
              </span>
            </label>
          ))}
          {query.events
            .filter((id) => id.startsWith('mine-'))
            .map((id) => (
              <label key={id} className="flex items-start gap-1.5">
                <input type="checkbox" name="events" value={id} defaultChecked />
                <span>Your event {id.replace('mine-', '')}</span>
              </label>
            ))}
        </fieldset>
      </details>
    </form>
  )
}

export function CompareView({
  comparison: c,
  query,
  notices,
}: {
  comparison: Comparison
  query: CompareQuery
  notices: string[]
}) {
  const svg = buildCompareSvg(c)
  const inline = buildCompareSvg(c, PAGE_THEME)
  const fileBase = `ai-shock_compare_${c.symbols.join('-')}_${c.events.length}-events`
  const [t1, t2] = COMPARE_WINDOW
  return (
    <div className="space-y-4">
      <Notices notices={notices} />
      <EventPicker query={query} />
      <section
        aria-labelledby="compare-chart"
        className="space-y-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4"
        data-testid="compare-chart"
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h2 id="compare-chart" className="text-base font-semibold">
              {query.preset ? COMPARE_PRESETS[query.preset].label : 'Events compared'} on event time
            </h2>
            <p className="text-xs text-[var(--muted)]">
              Days {t1} to +{t2} around each event’s first trading session; cumulative return and CAR both from the
              close of day −6; market model against {c.benchmark}, up to {COMPARE_ESTIMATION} estimation sessions ending
              at day −{COMPARE_GAP + 1}.
            </p>
          </div>
          <CompareExport svg={svg} csv={compareCsv(c)} fileBase={fileBase} />
        </div>
        <div
          className="overflow-x-auto"
          role="img"
          aria-label={`Small multiples: cumulative return and CAR of ${c.symbols.join(', ')} around ${c.events.length} events`}
          dangerouslySetInnerHTML={{ __html: inline }}
        />
      </section>

      {c.events.map((event, i) => {
        const rows = c.rows.filter((r) => r.eventId === event.id)
        const skipped = c.skipped.filter((s) => s.eventId === event.id)
        return (
          <section
            key={event.id}
            className="space-y-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3"
            data-testid="compare-event"
            data-event-id={event.id}
          >
            <h3 className="flex items-center gap-2 text-sm font-semibold">
              <span className="inline-block h-1 w-6 rounded" style={{ background: compareColour(i) }} aria-hidden />
              {event.title}{' '}
              <span className="font-normal text-[var(--muted)]">· day 0 {formatFullDate(event.tradingDate)}</span>
              {event.origin === 'reader' ? (
                <span className="text-[10px] uppercase text-sky-700 dark:text-sky-300">your event · not verified</span>
              ) : null}
            </h3>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[44rem] text-xs tabular-nums">
                <thead className="text-left text-[var(--muted)]">
                  <tr>
                    <th className="py-1 pr-2">Symbol</th>
                    <th className="pr-2">Day-0 return</th>
                    <th className="pr-2">AR (t, p)</th>
                    {COMPARE_CAR_WINDOWS.slice(1).map((w) => (
                      <th key={w.join()} className="pr-2">
                        {formatWindow(w)}
                      </th>
                    ))}
                    <th className="pr-2">
                      Max drawdown {t1}..+{t2}
                    </th>
                    <th className="pr-2">Sessions to recover</th>
                    <th>Estimation</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.symbol} className="border-t border-[var(--border)]">
                      <td className="py-1 pr-2 font-medium">{r.symbol}</td>
                      <td className="pr-2">{formatPercent(r.return, 2)}</td>
                      <td className="pr-2">
                        {formatPercent(r.abnormalReturn, 2)}
                        {stars(r.pAR)} ({r.tAR === null ? '—' : formatNumber(r.tAR, 2)}, {pText(r.pAR)})
                      </td>
                      {COMPARE_CAR_WINDOWS.slice(1).map((w) => {
                        const car = r.car.find((x) => x.window[0] === w[0] && x.window[1] === w[1])
                        return (
                          <td key={w.join()} className="pr-2">
                            {car?.car === null || car?.car === undefined
                              ? 'n/a'
                              : `${formatPercent(car.car, 2)}${stars(car.p)}`}
                          </td>
                        )
                      })}
                      <td className="pr-2">{r.maxDrawdown === null ? '—' : formatPercent(-r.maxDrawdown, 1)}</td>
                      <td className="pr-2">
                        {r.recovery ? `${r.recovery.sessions} (${r.recovery.date})` : 'not in the data'}
                      </td>
                      <td>
                        {r.estimation}
                        {r.estimation < COMPARE_ESTIMATION ? ' (short: data start 2024-07-01)' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {skipped.map((s) => (
              <p key={s.symbol} className="text-xs text-[var(--muted)]">
                {s.symbol} left out: {s.reason}.
              </p>
            ))}
          </section>
        )
      })}

      <section
        className="space-y-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3"
        data-testid="compare-groups"
      >
        <h3 className="text-sm font-semibold">Across the events: CAAR per symbol</h3>
        <p className="text-xs text-[var(--muted)]">
          Each event is one member of the group; the tests are{' '}
          {SHOWN_GROUP_TESTS.map((id) => PORTFOLIO_TEST_INFO[id].name).join(' and ')} (all six are in the CSV). * p ≤
          0.05, ** p ≤ 0.01.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-xs tabular-nums">
            <thead className="text-left text-[var(--muted)]">
              <tr>
                <th className="py-1 pr-2">Symbol</th>
                <th className="pr-2">Events</th>
                <th className="pr-2">Window</th>
                <th className="pr-2">CAAR</th>
                {SHOWN_GROUP_TESTS.map((id) => (
                  <th key={id} className="pr-2">
                    {PORTFOLIO_TEST_INFO[id].name} (stat, p)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.groups.map((g) => (
                <Fragment key={g.symbol}>
                  {g.caar.map((w) => (
                    <tr
                      key={`${g.symbol}${w.window.join()}`}
                      className="border-t border-[var(--border)]"
                      data-testid="compare-group-row"
                      data-symbol={g.symbol}
                      data-window={w.window.join(',')}
                    >
                      <td className="py-1 pr-2 font-medium">{g.symbol}</td>
                      <td className="pr-2">{g.n}</td>
                      <td className="pr-2">{formatWindow(w.window)}</td>
                      <td className="pr-2">{w.value === null ? '—' : formatPercent(w.value, 2)}</td>
                      {SHOWN_GROUP_TESTS.map((id) => {
                        const t = w.tests.find((x) => x.id === id)
                        return (
                          <td key={id} className="pr-2">
                            {t?.statistic === null || t?.statistic === undefined
                              ? '—'
                              : `${formatNumber(t.statistic, 2)}${stars(t.p)}`}{' '}
                            ({pText(t?.p ?? null)})
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}
