import type { ZodError } from 'zod'
import { DomainError, type DomainErrorIssue, type DomainErrorKind } from '../errors'

export type ApiErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'upstream_busy'
  | 'internal'

export type ApiErrorIssue = DomainErrorIssue

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: ApiErrorIssue[] }
}

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  method_not_allowed: 405,
  rate_limited: 429,
  upstream_error: 502,
  upstream_timeout: 504,
  // Our own limits (the server-wide upstream budget, the queue in front of the upstream), with Retry-After.
  upstream_busy: 503,
  internal: 500,
}

/** The one place a domain error becomes an HTTP status. */
const CODE_OF_KIND: Record<DomainErrorKind, ApiErrorCode> = {
  invalid_request: 'bad_request',
  not_found: 'not_found',
  throttled: 'rate_limited',
  upstream_failed: 'upstream_error',
  upstream_timeout: 'upstream_timeout',
  capacity: 'upstream_busy',
}

/** An error of the HTTP layer (a malformed query, an unknown endpoint), safe to show: it never holds internals. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: ApiErrorIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message)
  }

  get status(): number {
    return STATUS[this.code]
  }
}

export function issuesFromZod(error: ZodError): ApiErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(query)', message: i.message }))
}

export function badRequest(error: ZodError): ApiError {
  const issues = issuesFromZod(error)
  const first = issues[0]
  const message = first ? `Invalid query: ${first.path}: ${first.message}` : 'Invalid query'
  return new ApiError('bad_request', message, { issues })
}

/** An error meant for the reader (domain or HTTP layer), as opposed to a bug worth logging. */
export function isExpectedError(error: unknown): error is ApiError | DomainError {
  return error instanceof ApiError || error instanceof DomainError
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof DomainError) return new ApiError(CODE_OF_KIND[error.kind], error.message, error.extra)
  return new ApiError('internal', 'Something went wrong on our side. Please try again.')
}

/** Maps any thrown value to the API's error shape. Unknown errors become a generic 500 with no detail. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error)
  if (!isExpectedError(error)) console.error('[api] unexpected error', error)
  const body: ApiErrorBody = {
    error: {
      code: apiError.code,
      message: apiError.message,
      ...(apiError.extra.issues ? { issues: apiError.extra.issues } : {}),
    },
  }
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (apiError.extra.retryAfterSeconds !== undefined) headers['Retry-After'] = String(apiError.extra.retryAfterSeconds)
  return Response.json(body, { status: apiError.status, headers })
}

/** For methods a route does not serve: 405 in the API's error shape, with the Allow header. */
export function methodNotAllowed(): Response {
  const response = errorResponse(new ApiError('method_not_allowed', 'This endpoint only answers GET (and HEAD).'))
  response.headers.set('Allow', 'GET, HEAD')
  return response
}
