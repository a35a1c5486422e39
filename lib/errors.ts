/**
 * What the domain (price service, reaction, limits) says went wrong, in its own words: no HTTP here. The API maps
 * each kind to a status once (`lib/api/errors.ts`); the page shows the message as it is.
 */
export type DomainErrorKind =
  /** The request asks for something that cannot be answered as asked (too much data, a day with no session). */
  | 'invalid_request'
  /** A symbol or an event that does not exist. */
  | 'not_found'
  /** This client used its allowance; retry after `retryAfterSeconds`. */
  | 'throttled'
  /** The price source failed or answered nonsense. */
  | 'upstream_failed'
  /** The price source did not answer in time. */
  | 'upstream_timeout'
  /** Only this server's own limits stood in the way (budget, queue); retry after `retryAfterSeconds`. */
  | 'capacity'

export interface DomainErrorIssue {
  path: string
  message: string
}

/** An error whose message is safe to show to a reader: it never holds internals. */
export class DomainError extends Error {
  override readonly name = 'DomainError'
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly extra: { issues?: DomainErrorIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message)
  }
}
