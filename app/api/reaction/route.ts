import { badRequest, errorResponse, methodNotAllowed } from '@/lib/api/errors'
import { env } from '@/lib/server/env'
import { answerCache } from '@/lib/http/answer-cache'
import { encodedResponse } from '@/lib/http/encoded-body'
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

/**
 * Answers made only from the embedded snapshot, without warnings, are fixed by their query until the next deploy:
 * they are kept, compressed (gzip and brotli), and sent again by Accept-Encoding. About 10-40 KB each.
 */
const snapshotAnswers = answerCache('reaction-answers', 8 * 1024 * 1024)
const SNAPSHOT_ANSWER_TTL_MS = 24 * 60 * 60 * 1000
const encoder = new TextEncoder()

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Count the request against its client's allowance (429 when spent), then parse the query.
    const caller = await admitApiRequest(request)
    const parsed = reactionQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { format, ...query } = parsed.data

    // 2. A snapshot answer made before for the same query (the provider setting is part of the key: with
    //    live data only (PRICE_PROVIDER set to the live provider) the same query must go to the live source).
    const key = `${env().PRICE_PROVIDER}|${format}|${JSON.stringify(query)}`
    const cached = await snapshotAnswers.get(key, SNAPSHOT_ANSWER_TTL_MS)
    if (cached) return encodedResponse(request, cached.encoded, cached.headers)

    // 3. One call into lib.
    const result = await computeReaction({ ...query, signal: request.signal, caller })

    // 4. Map to the response.
    const cacheControl =
      result.warnings.length > 0
        ? CACHE_WITH_WARNINGS
        : result.sources.every((s) => s === 'snapshot')
          ? CACHE_SNAPSHOT
          : CACHE_LIVE
    let body: string
    let headers: Record<string, string>
    if (format === 'csv') {
      const name = `reaction_${result.rows.map((r) => r.symbol).join('-')}_${result.day0}_vs_${result.benchmark}.csv`
      body = reactionToCsv(result)
      headers = {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': cacheControl,
      }
    } else {
      body = JSON.stringify(result)
      headers = { 'Content-Type': 'application/json', 'Cache-Control': cacheControl }
    }
    if (cacheControl !== CACHE_SNAPSHOT) return new Response(body, { headers })
    const answer = await snapshotAnswers.put(key, encoder.encode(body), headers, SNAPSHOT_ANSWER_TTL_MS)
    return encodedResponse(request, answer.encoded, answer.headers)
  } catch (error) {
    return errorResponse(error)
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
