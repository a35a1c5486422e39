import { ApiError, errorResponse, methodNotAllowed } from '@/lib/api/errors'

/** Any other path under /api answers in the API's own error shape, not with the HTML 404 page. */
function notFound(): Response {
  return errorResponse(
    new ApiError(
      'not_found',
      'No such API endpoint. The API has /api/prices, /api/events, /api/reaction and /api/health.',
    ),
  )
}

export const GET = notFound

// The method guard (lib/server/method-guard.ts) answers these before Next.js in `next start`; here they keep the
// same answer where it is not installed. OPTIONS is listed so Next does not answer it with its own 204.
export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
  methodNotAllowed as OPTIONS,
}
