import { badRequest, errorResponse, methodNotAllowed } from '@/lib/api/errors'
import { pricesQuerySchema } from '@/lib/api/prices-query'
import { searchParamsToObject } from '@/lib/api/query'
import { renderPrices, type RenderedPrices } from '@/lib/prices/render'
import { admitApiRequest } from '@/lib/rate-limit'

// Snapshot data only changes on deploy; live and fallback answers are kept briefly so a recovered upstream shows soon.
const CACHE_SNAPSHOT = 'public, max-age=3600, stale-while-revalidate=86400'
const CACHE_LIVE = 'public, max-age=300, stale-while-revalidate=600'
const CACHE_WITH_WARNINGS = 'public, max-age=60'
const CACHE_CONTROL: Record<RenderedPrices['kind'], string> = {
  snapshot: CACHE_SNAPSHOT,
  live: CACHE_LIVE,
  'with-warnings': CACHE_WITH_WARNINGS,
}

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Count the request against its client's allowance (429 when spent), then parse the query.
    const caller = await admitApiRequest(request)
    const parsed = pricesQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { symbols, from, to, format } = parsed.data

    // 2. One call into lib.
    const rendered = await renderPrices({ symbols, from, to, signal: request.signal, caller }, format)

    // 3. Map to the response.
    const cacheControl = CACHE_CONTROL[rendered.kind]
    if (format === 'csv') {
      return new Response(rendered.body, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="prices_${symbols.join('-')}_${from}_${to}.csv"`,
          'Cache-Control': cacheControl,
        },
      })
    }
    return new Response(rendered.body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': cacheControl } })
  } catch (error) {
    return errorResponse(error)
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
