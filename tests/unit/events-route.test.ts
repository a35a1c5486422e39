import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { GET } from '@/app/api/events/route'

interface EventDto {
  id: string
  date: string
  time: string | null
  session: string
  tradingDate: string
  title: string
  summary: string
  label: string
  category: string
  symbols: string[]
  sources: { title: string; url: string }[]
  verified: boolean
  verification: string
  verificationNote: string
  importance: string
}

interface ErrorDto {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
}

async function get(query: string): Promise<Response> {
  return GET(new Request(`http://localhost/api/events${query}`))
}

async function getEvents(query: string): Promise<EventDto[]> {
  const res = await get(query)
  expect(res.status).toBe(200)
  const body = (await res.json()) as { events: EventDto[] }
  return body.events
}

async function expectBadRequest(query: string): Promise<ErrorDto> {
  const res = await get(query)
  expect(res.status).toBe(400)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const body = (await res.json()) as ErrorDto
  expect(body.error.code).toBe('bad_request')
  expect(body.error.message.length).toBeGreaterThan(0)
  expect(body.error.issues?.length).toBeGreaterThan(0)
  return body
}

describe('GET /api/events', () => {
  it('returns every event with the public fields and a long cache lifetime', async () => {
    const res = await get('')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400')
    const { events } = (await res.json()) as { events: EventDto[] }
    expect(events.length).toBeGreaterThanOrEqual(25)
    for (const e of events) {
      for (const key of [
        'id',
        'date',
        'time',
        'session',
        'tradingDate',
        'title',
        'summary',
        'label',
        'category',
        'symbols',
        'sources',
        'verified',
        'verification',
        'verificationNote',
        'importance',
      ]) {
        expect(e, `${e.id} ${key}`).toHaveProperty(key)
      }
      expect(e.sources.length).toBeGreaterThan(0)
      expect(e.tradingDate >= e.date).toBe(true)
      expect(['major', 'minor'], e.id).toContain(e.importance)
    }
    const stargate = events.find((e) => e.id === '2025-01-21-stargate')
    expect(stargate).toMatchObject({
      date: '2025-01-21',
      tradingDate: '2025-01-22',
      session: 'after_close_likely',
      verified: true,
    })
  })

  it('filters by category, case-insensitively and across repeated keys', async () => {
    const events = await getEvents('?category=deepseek,Stargate')
    expect(events.length).toBeGreaterThan(0)
    expect(new Set(events.map((e) => e.category))).toEqual(new Set(['deepseek', 'stargate']))
    const repeated = await getEvents('?category=deepseek&category=stargate')
    expect(repeated.map((e) => e.id)).toEqual(events.map((e) => e.id))
  })

  it('filters by trading-date range', async () => {
    const events = await getEvents('?from=2025-01-21&to=2025-01-21')
    expect(events.map((e) => e.id)).toEqual(['2025-01-20-mlk-holiday-inauguration', '2025-01-20-deepseek-r1'])
  })

  it('ignores parameters it does not know', async () => {
    const all = await getEvents('')
    const withExtras = await getEvents('?symbols=NVDA,SPY&mode=log&event=2025-01-21-stargate')
    expect(withExtras).toHaveLength(all.length)
  })

  it('rejects an impossible date', async () => {
    const body = await expectBadRequest('?from=2025-02-30')
    expect(body.error.issues?.[0]?.path).toBe('from')
  })

  it('rejects from after to', async () => {
    const body = await expectBadRequest('?from=2025-02-01&to=2025-01-01')
    expect(body.error.message).toMatch(/after/)
  })

  it('rejects an unknown category and names it', async () => {
    const body = await expectBadRequest('?category=deepseek,bogus')
    expect(body.error.issues?.[0]?.path).toBe('category')
    expect(body.error.issues?.[0]?.message).toMatch(/"bogus"/)
  })

  it('rejects a value that is not a date, and a date given twice', async () => {
    await expectBadRequest('?from=garbage')
    await expectBadRequest('?to=20250101')
    await expectBadRequest('?from=2025-01-01&from=2025-01-02')
  })

  it('never answers with a server error, whatever the query', async () => {
    const value = fc.string({ maxLength: 40 })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('from', 'to', 'category', 'x'), value, async (key, raw) => {
        const res = await get(`?${new URLSearchParams({ [key]: raw }).toString()}`)
        expect([200, 400]).toContain(res.status)
      }),
      { numRuns: 100 },
    )
  })
})
