export const VERDICTS = ['supported', 'partly supported', 'not supported', 'wrong'] as const
export type Verdict = (typeof VERDICTS)[number]

export interface ClaimEvidence {
  label: string
  value: string
}

/** A public claim about the AI shock, checked against the price data, the analysis and the event catalog. */
export interface CheckedClaim {
  id: string
  /** The public wording, as people said it. */
  claim: string
  verdict: Verdict
  /** One sentence with the numbers behind the verdict. */
  summary: string
  evidence: ClaimEvidence[]
  /** A dashboard URL (`/?symbols=…`) that shows what the claim is about. */
  link: string
}
