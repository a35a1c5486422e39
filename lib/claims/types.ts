import type { IsoDate } from '../types'

export const VERDICTS = ['supported', 'partly supported', 'not supported', 'wrong'] as const
export type Verdict = (typeof VERDICTS)[number]

export interface ClaimEvidence {
  label: string
  value: string
}

/** The explainer video the seed claims come from, quoted in its own language with our translation. */
export interface VideoSource {
  kind: 'video'
  title: string
  /** The title as the transcript gives it (Japanese). */
  originalTitle: string
  /** When it was published, as far as it is known. */
  published: string
  /** The claim as said, quoted from the transcript. */
  quote: string
  quoteLanguage: 'ja'
  /** Our English translation of the quote. */
  translation: string
}

/** A news report that made the claim. */
export interface NewsSource {
  kind: 'news'
  outlet: string
  date: IsoDate
  title: string
  url: string
}

export type ClaimSource = VideoSource | NewsSource

/** A public claim about the AI shock, checked against the price data, the analysis and the event catalog. */
export interface CheckedClaim {
  id: string
  /** The claim in English, as the source made it. */
  claim: string
  /** Who made it and where. */
  source: ClaimSource
  verdict: Verdict
  /** The rule the verdict follows: the test, the threshold and the window. */
  rule: string
  /** Set when a number sits close to the rule's line, saying which and by how much. */
  borderline: string | null
  /** One sentence with the numbers behind the verdict. */
  summary: string
  evidence: ClaimEvidence[]
  /** A dashboard URL (`/?symbols=…`) that shows what the claim is about. */
  link: string
}
