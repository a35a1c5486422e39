import { badRequest, errorResponse, methodNotAllowed } from '@/lib/api/errors'
import { searchParamsToObject } from '@/lib/api/query'
import { eventsQuerySchema } from '@/lib/api/schemas'
import { listEvents } from '@/lib/events'

// The catalog is compiled into the build, so an answer can only change with a deploy.
const CACHE_CATALOG = 'public, max-age=3600, stale-while-revalidate=86400'

export async function GET(request: Request): Promise<Response> {
  try {
    // 1. Parse the query with the shared schema.
    const parsed = eventsQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams))
    if (!parsed.success) return errorResponse(badRequest(parsed.error))
    const { from, to, category } = parsed.data

    // 2. One call into lib.
    const events = listEvents({ from, to, categories: category })

    // 3. Map to the response: fields are listed so the public contract does not grow by accident.
    const body = {
      events: events.map((e) => ({
        id: e.id,
        date: e.date,
        time: e.time,
        timeZone: e.timeZone,
        session: e.session,
        tradingDate: e.tradingDate,
        title: e.title,
        summary: e.summary,
        label: e.label,
        category: e.category,
        symbols: e.symbols,
        indexSymbols: e.indexSymbols,
        sources: e.sources.map((s) => ({ title: s.title, url: s.url })),
        verified: e.verified,
        verification: e.verification,
        verificationNote: e.verificationNote,
        importance: e.importance,
      })),
    }
    return Response.json(body, { headers: { 'Cache-Control': CACHE_CATALOG } })
  } catch (error) {
    return errorResponse(error)
  }
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
