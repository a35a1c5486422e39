import { describe, expect, it } from 'vitest'
import { DELETE, GET, OPTIONS, POST } from '@/app/api/[...path]/route'

describe('unknown API paths', () => {
  it('GET answers 404 in the API error shape, not an HTML page', async () => {
    const res = GET()
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).toContain('/api/prices')
  })

  it.each([
    ['POST', POST],
    ['DELETE', DELETE],
    ['OPTIONS', OPTIONS],
  ])('%s answers the JSON 405 with Allow: GET, HEAD, like every other path', async (_method, handler) => {
    const res = handler()
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD')
    const body = (await res.json()) as { error: { code: string } }
    expect(body.error.code).toBe('method_not_allowed')
  })
})
