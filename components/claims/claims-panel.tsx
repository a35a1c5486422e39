import { DEFAULT_ESTIMATION } from '@/lib/analysis'
import { CLAIMS_BENCHMARK, evaluateClaims, type CheckedClaim } from '@/lib/claims'
import { SIGNIFICANCE_P } from '@/lib/claims/verdicts'
import { claimCardHtml } from '@/lib/claims/card-html'

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
      className="render-when-near space-y-3 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-3 [--near-height:100rem] sm:p-4"
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
