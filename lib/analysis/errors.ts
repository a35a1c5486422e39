export type AnalysisErrorCode = 'day0_not_trading' | 'insufficient_estimation' | 'insufficient_data' | 'degenerate'

/**
 * A data condition that makes an analysis impossible. The message is written for the reader of the
 * dashboard (it names dates and counts); `details` carries the same facts for code, e.g. an API route.
 */
export class AnalysisError extends Error {
  override readonly name = 'AnalysisError'
  constructor(
    readonly code: AnalysisErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
  }
}
