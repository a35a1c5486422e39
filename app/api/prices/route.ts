import { badRequest, errorResponse } from '@/lib/api/errors'
import { pricesQuerySchema } from '@/lib/api/prices-query'
import { searchParamsToObject } from '@/lib/api/query'
import { getPriceService } from '@/lib/prices'
import { pricesToCsv } from '@/lib/prices/csv'
import { limitLiveRequests } from '@/lib/rate-limit'

// Snapshot data only changes on deploy; live and fallback answers are kept briefly so a recovered upstream shows soon.
const CACHE_SNAPSHOT = 'public, max-age=3600, stale-while-revalidate=86400'
const CACHE_LIVE = 'public, max-age=300, stale-while-revalidate=600'
const CACHE_WITH_WARNINGS = 'public, max-age=60'

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Parse the query with the shared schema.
    const parsed = pricesQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { symbols, from, to, format } = parsed.data

    // 2. One call into lib.
    const result = await getPriceService().getPrices({ symbols, from, to, signal: request.signal, onLiveRequest: limitLiveRequests(request) })

    // 3. Map to the response.
    const cacheControl =
      result.warnings.length > 0 ? CACHE_WITH_WARNINGS : result.series.every((s) => s.source === 'snapshot') ? CACHE_SNAPSHOT : CACHE_LIVE
    if (format === 'csv') {
      return new Response(pricesToCsv(result.series), {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="prices_${symbols.join('-')}_${from}_${to}.csv"`,
          'Cache-Control': cacheControl,
        },
      })
    }
    return Response.json(result, { headers: { 'Cache-Control': cacheControl } })
  } catch (error) {
    return errorResponse(error)
  }
}
