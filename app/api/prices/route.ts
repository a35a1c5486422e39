import {
  CANONICAL_REDIRECT_CACHE,
  canonicalPricesPath,
  isCanonicalQuery,
  pricesCacheControl,
} from '@/lib/api/cache-control'
import { badRequest, errorResponse, methodNotAllowed } from '@/lib/api/errors'
import { pricesQuerySchema } from '@/lib/api/prices-query'
import { encodedResponse } from '@/lib/http/encoded-body'
import { searchParamsToObject, todayIso } from '@/lib/api/query'
import { renderPrices } from '@/lib/prices/render'
import { admitApiRequest } from '@/lib/api/client-limits'

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Count the request against its client's allowance (429 when spent), then parse the query.
    const caller = await admitApiRequest(request)
    const url = new URL(request.url)
    const parsed = pricesQuerySchema.safeParse(searchParamsToObject(url.searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { symbols, from, to, format } = parsed.data

    // 2. One URL per answer, so a CDN keeps one copy: other spellings of the same query are sent there.
    const canonical = canonicalPricesPath(parsed.data)
    if (!isCanonicalQuery(url.searchParams, canonical)) {
      return new Response(null, {
        status: 308,
        headers: { Location: canonical, 'Cache-Control': CANONICAL_REDIRECT_CACHE },
      })
    }

    // 3. One call into lib.
    const rendered = await renderPrices({ symbols, from, to, signal: request.signal, caller }, format)

    // 4. Map to the response: a cached answer in the coding the request prefers, made once per cached body.
    const cacheControl = pricesCacheControl(rendered.kind, to, todayIso())
    const headers: Record<string, string> =
      format === 'csv'
        ? {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': `attachment; filename="prices_${symbols.join('-')}_${from}_${to}.csv"`,
            'Cache-Control': cacheControl,
          }
        : { 'Content-Type': 'application/json', 'Cache-Control': cacheControl }
    return rendered.encoded
      ? encodedResponse(request, rendered.encoded, headers)
      : new Response(rendered.body, { headers })
  } catch (error) {
    return errorResponse(error)
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
