import { describe, expect, it } from 'vitest'
import { GET, POST } from '@/app/api/[...path]/route'

describe('unknown API paths', () => {
  it.each([
    ['GET', GET],
    ['POST', POST],
  ])('%s answers 404 in the API error shape, not an HTML page', async (_method, handler) => {
    const res = handler()
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).toContain('/api/prices')
  })
})
