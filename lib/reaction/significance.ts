/**
 * Two-sided critical values of the standard normal distribution. With 120 estimation sessions the t
 * distribution of `AR / s` is close enough to normal that these are the usual event-study cut-offs.
 */
export const T_CRITICAL_5 = 1.96
export const T_CRITICAL_1 = 2.58

export type SignificanceMark = '**' | '*' | ''

/** `**` when |t| >= 2.58 (1% level), `*` when |t| >= 1.96 (5% level), empty otherwise or when t is undefined. */
export function significanceMark(t: number | null | undefined): SignificanceMark {
  if (t === null || t === undefined || !Number.isFinite(t)) return ''
  const a = Math.abs(t)
  return a >= T_CRITICAL_1 ? '**' : a >= T_CRITICAL_5 ? '*' : ''
}
