import { methodNotAllowed } from '@/lib/api/errors'
import { checkHealth } from '@/lib/server/health'

export async function GET(request: Request): Promise<Response> {
  // 1. Liveness only (`?probe=live`): the process answers; nothing else is checked.
  if (new URL(request.url).searchParams.get('probe') === 'live') {
    // no-store everywhere: a cached health answer would hide the state it reports.
    return Response.json({ live: true }, { headers: { 'Cache-Control': 'no-store' } })
  }
  // 2. Readiness: 200 while this instance should get traffic, 503 while it should not (draining, no snapshot).
  const report = await checkHealth()
  return Response.json(report, { status: report.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
