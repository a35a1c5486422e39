import { badRequest, errorResponse, methodNotAllowed } from '@/lib/api/errors'
import { searchParamsToObject } from '@/lib/api/query'
import { reactionQuerySchema } from '@/lib/api/reaction-query'
import { computeReaction } from '@/lib/reaction'
import { reactionToCsv } from '@/lib/reaction/csv'
import { admitApiRequest } from '@/lib/api/client-limits'

// Snapshot data only changes on deploy; live answers may gain a session; an answer with warnings (a symbol left
// out, a live fallback) is kept briefly so it is not served long after the cause has gone.
const CACHE_SNAPSHOT = 'public, max-age=3600, stale-while-revalidate=86400'
const CACHE_LIVE = 'public, max-age=300, stale-while-revalidate=600'
const CACHE_WITH_WARNINGS = 'public, max-age=60'

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Count the request against its client's allowance (429 when spent), then parse the query.
    const caller = await admitApiRequest(request)
    const parsed = reactionQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { format, ...query } = parsed.data

    // 2. One call into lib.
    const result = await computeReaction({ ...query, signal: request.signal, caller })

    // 3. Map to the response.
    const cacheControl =
      result.warnings.length > 0 ? CACHE_WITH_WARNINGS : result.sources.every((s) => s === 'snapshot') ? CACHE_SNAPSHOT : CACHE_LIVE
    if (format === 'csv') {
      const name = `reaction_${result.rows.map((r) => r.symbol).join('-')}_${result.day0}_vs_${result.benchmark}.csv`
      return new Response(reactionToCsv(result), {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${name}"`,
          'Cache-Control': cacheControl,
        },
      })
    }
    return Response.json(result, { headers: { 'Cache-Control': cacheControl } })
  } catch (error) {
    return errorResponse(error)
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
