/**
 * Significance marks come from p-values (two-sided), so each test's own distribution and degrees of freedom
 * decide: |t| = 2.05 is significant at 5% with 118 df but not with 18. No statistics library here: this runs
 * in the browser, and the p-values arrive computed by the server.
 */
export type SignificanceMark = '**' | '*' | ''

/** `**` when p <= 0.01, `*` when p <= 0.05, empty otherwise or when p is undefined. */
export function markFromP(p: number | null | undefined): SignificanceMark {
  if (p === null || p === undefined || !Number.isFinite(p)) return ''
  return p <= 0.01 ? '**' : p <= 0.05 ? '*' : ''
}

/** `p = 0.031`, `p < 0.001`: three decimals, as tables print them. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'p –'
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}

/**
 * Kept for the claims' verdicts (lib/claims), which compare a t with the normal 5% cut-off; the reaction panel
 * itself marks significance from p-values only.
 */
export const T_CRITICAL_5 = 1.96
