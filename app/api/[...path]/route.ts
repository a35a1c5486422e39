import { ApiError, errorResponse } from '@/lib/api/errors'

/** Any other path under /api answers in the API's own error shape, not with the HTML 404 page. */
function notFound(): Response {
  return errorResponse(new ApiError('not_found', 'No such API endpoint. The API has /api/prices, /api/events, /api/reaction and /api/health.'))
}

export const GET = notFound
export const POST = notFound
export const PUT = notFound
export const PATCH = notFound
export const DELETE = notFound
