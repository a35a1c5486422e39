import { PORTFOLIO_TEST_IDS, PORTFOLIO_TEST_INFO } from '@/lib/analysis/portfolio-tests'
import { carOf, type Column } from '@/components/reaction/columns'
import { VERDICT_STYLE, verdictStyle } from '@/lib/claims/card-html'
import type { CheckedClaim, ClaimSource, Verdict } from '@/lib/claims/types'
import { formatFullDate, formatMoneyCompact, formatNumber, formatPercent, formatPrice } from '@/lib/format'
import { carMissingReason, formatShareCount, formatWindow } from '@/lib/reaction/format'
import { formatP, markFromP } from '@/lib/reaction/significance'
import type { ReactionCar, ReactionResult, ReactionRow } from '@/lib/reaction/types'

/**
 * The JSX the page's hand-written markup was made from, kept here as its readable definition: the app sends these
 * parts as markup that React hydrates as one element (lib/claims/card-html.ts, lib/reaction/portfolio-html.ts,
 * lib/reaction/rows-html.ts), and the unit tests hold each builder to exactly what these components render, so a
 * slip in escaping, an attribute or a text shows up as a diff. A change to those parts is made in both places.
 * None of this is in the app.
 */

// ---- The claims' cards (tests/unit/claim-card-html.test.tsx)

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span
      data-testid="claim-verdict"
      data-verdict={verdict}
      title={VERDICT_STYLE[verdict].meaning}
      className="inline-block rounded-full border px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide"
      style={verdictStyle(verdict)}
    >
      {verdict}
    </span>
  )
}

/** Who made the claim: the video (quoted in Japanese with our translation) or a news report (outlet, date, link). */
function ClaimSourceLine({ source }: { source: ClaimSource }) {
  if (source.kind === 'video') {
    return (
      <figure
        className="space-y-1 border-l-2 border-[var(--border)] pl-2 text-xs"
        data-testid="claim-source"
        data-source-kind="video"
      >
        <figcaption className="text-[var(--muted)]">
          Video: <cite>“{source.title}”</cite> ({source.published})
        </figcaption>
        <blockquote lang="ja" className="[overflow-wrap:anywhere]">
          「{source.quote}」
        </blockquote>
        <p className="text-[var(--muted)]">Translation: “{source.translation}”</p>
      </figure>
    )
  }
  return (
    <p
      className="border-l-2 border-[var(--border)] pl-2 text-xs text-[var(--muted)]"
      data-testid="claim-source"
      data-source-kind="news"
    >
      News: {source.outlet}, {formatFullDate(source.date)}:{' '}
      <a
        href={source.url}
        target="_blank"
        rel="noopener noreferrer"
        className="text-[var(--accent)] underline underline-offset-2 [overflow-wrap:anywhere]"
      >
        {source.title}
      </a>
    </p>
  )
}

/** One claim's card (`claimCardHtml`). */
export function ClaimCard({ claim }: { claim: CheckedClaim }) {
  return (
    <li
      className="render-when-near flex min-w-0 flex-col gap-2 rounded-md border border-[var(--border)] p-3"
      data-testid="claim"
      data-claim-id={claim.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="min-w-0 flex-1 font-medium">{claim.claim}</p>
        <VerdictBadge verdict={claim.verdict} />
      </div>
      <ClaimSourceLine source={claim.source} />
      <p className="text-sm">{claim.summary}</p>
      <p className="text-xs" data-testid="claim-rule">
        <span className="font-semibold">Rule: </span>
        {claim.rule}
      </p>
      {claim.borderline ? (
        <p
          className="rounded bg-[var(--warn-bg)] px-2 py-1 text-xs text-[var(--warn-fg)]"
          data-testid="claim-borderline"
        >
          <span className="font-semibold">Borderline: </span>
          {claim.borderline}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)]">
        {claim.evidence.map((e) => (
          <div key={e.label} className="contents">
            <dt className="min-w-0 text-[var(--muted)] [overflow-wrap:anywhere]">{e.label}</dt>
            <dd className="mb-1 min-w-0 tabular-nums [overflow-wrap:anywhere] sm:mb-0">{e.value}</dd>
          </div>
        ))}
      </dl>
      <a href={claim.link} className="mt-auto self-start text-sm text-[var(--accent)] underline underline-offset-2">
        See it on the chart<span className="sr-only">: {claim.claim}</span>
      </a>
    </li>
  )
}

// ---- The group-tests table (tests/unit/portfolio-html.test.tsx)

/** The table's caption, head and body (`portfolioTableHtml`). */
export function PortfolioTableContent({ data }: { data: ReactionResult }) {
  const p = data.portfolio
  return (
    <>
      <caption className="mb-1 text-left text-xs text-[var(--muted)]">
        Group results over {p.n} symbol{p.n === 1 ? '' : 's'} ({p.symbols.join(', ')}; the benchmark itself left out):
        mean CAR and six tests of “no abnormal return”. Each cell gives the statistic, its two-sided p-value and the
        mark it earns (** 1%, * 5%).
      </caption>
      <thead>
        <tr className="border-b border-[var(--border)] text-xs">
          <th scope="col" className="px-2 py-1 text-left font-semibold">
            Test
          </th>
          {p.caar.map((w) => (
            <th key={formatWindow(w.window)} scope="col" className="px-2 py-1 font-semibold">
              {formatWindow(w.window)}
              <span className="block text-[10px] font-normal text-[var(--muted)]">N = {w.n}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="border-b border-[var(--border)]">
          <th scope="row" className="px-2 py-1 text-left font-semibold">
            CAAR
            <span className="block text-[10px] font-normal text-[var(--muted)]">
              mean CAR over the symbols with the whole window
            </span>
          </th>
          {p.caar.map((w) => (
            <td key={formatWindow(w.window)} className="px-2 py-1 align-top">
              {formatPercent(w.value, 2)}
            </td>
          ))}
        </tr>
        {PORTFOLIO_TEST_IDS.map((id) => {
          const info = PORTFOLIO_TEST_INFO[id]
          return (
            <tr key={id} data-test={id} className="border-b border-[var(--border)] last:border-b-0">
              <th scope="row" className="px-2 py-1 text-left font-semibold">
                {info.name}
                <span className="block max-w-[22rem] text-[10px] font-normal text-[var(--muted)]">{info.note}</span>
              </th>
              {p.caar.map((w) => {
                const test = w.tests.find((t) => t.id === id)
                const mark = markFromP(test?.p)
                return (
                  <td
                    key={formatWindow(w.window)}
                    className="px-2 py-1 align-top"
                    title={test?.distribution === 't' ? `Student t(${test.df ?? '–'})` : 'standard normal'}
                  >
                    {test?.statistic === null || test?.statistic === undefined ? '–' : formatNumber(test.statistic, 2)}
                    <span aria-hidden className="inline-block w-4 text-left">
                      {mark}
                    </span>
                    {mark ? (
                      <span className="sr-only">, significant at the {mark === '**' ? '1%' : '5%'} level</span>
                    ) : null}
                    <span className="block text-[10px] text-[var(--muted)]">
                      {formatP(test?.p)} · N {test?.n ?? 0}
                    </span>
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </>
  )
}

// ---- The reaction table's rows (tests/unit/reaction-rows-html.test.tsx)

/** A t with its p-value and the mark the p-value earns. */
function TValue({ t, p }: { t: number | null; p: number | null }) {
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

function CarCell({ car }: { car: ReactionCar | undefined }) {
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

function MarketValueCell({ row }: { row: ReactionRow }) {
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

function RecoveryCell({ row }: { row: ReactionRow }) {
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

/** The reaction table's rows (`reactionRowsHtml`). */
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
