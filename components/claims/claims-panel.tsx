import { DEFAULT_ESTIMATION } from '@/lib/analysis'
import { CLAIMS_BENCHMARK, evaluateClaims, type CheckedClaim, type ClaimSource, type Verdict } from '@/lib/claims'
import { SIGNIFICANCE_P } from '@/lib/claims/verdicts'
import { formatFullDate } from '@/lib/format'
import { claimCardHtml, VERDICT_STYLE, verdictStyle } from '@/lib/claims/card-html'

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

/**
 * One claim's card. The page sends it as markup (lib/claims/card-html.ts `claimCardHtml`, which a unit test holds
 * to exactly this output), so React hydrates the list as one element; this component is the readable definition.
 */
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

async function loadClaims(): Promise<CheckedClaim[] | null> {
  try {
    return await evaluateClaims()
  } catch (error) {
    // The rest of the page still works without this panel; the log says why it is missing.
    console.error('[claims] evaluation failed', error)
    return null
  }
}

/**
 * Public claims about the AI shock with a verdict each, computed on the server from the price data, the event
 * study and the event catalog. Rendered below the dashboard; a failure shows a note instead of breaking the page.
 */
export async function ClaimsPanel() {
  const claims = await loadClaims()
  return (
    <section
      aria-labelledby="claims-heading"
      className="space-y-3 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 sm:p-4"
      data-testid="claims-panel"
    >
      <div>
        <h2 id="claims-heading" className="text-base font-semibold">
          Public claims, checked against the data
        </h2>
        <p className="text-xs text-[var(--muted)]">
          The claims come from an explainer video (quoted in the original Japanese, with our translation) and from news
          reports, each named on its card. Every number is computed from the daily prices, the market-model event study
          (against {CLAIMS_BENCHMARK}, {DEFAULT_ESTIMATION} estimation sessions) and the dated event catalog; only the
          claims’ own figures are quoted. Wherever a claim says a group of stocks moved, the same rule applies: a day-0
          abnormal return counts when its two-sided p ≤ {SIGNIFICANCE_P}.
        </p>
      </div>
      {claims === null ? (
        <p role="status" className="rounded-md bg-[var(--warn-bg)] p-3 text-sm text-[var(--warn-fg)]">
          The claims could not be checked just now. The chart and the tables above are not affected; reload the page to
          try again.
        </p>
      ) : (
        <ol
          className="grid grid-cols-1 gap-3 md:grid-cols-2"
          dangerouslySetInnerHTML={{ __html: claims.map(claimCardHtml).join('') }}
        />
      )}
    </section>
  )
}
