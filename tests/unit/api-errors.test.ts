import { describe, expect, it, vi } from 'vitest'
import { errorResponse, toApiError } from '@/lib/api/errors'
import { DomainError, type DomainErrorKind } from '@/lib/errors'

describe('domain errors become HTTP in one place', () => {
  // The statuses README's API section documents for each failure.
  const documented: [DomainErrorKind, number][] = [
    ['invalid_request', 400],
    ['not_found', 404],
    ['throttled', 429],
    ['upstream_failed', 502],
    ['capacity', 503],
    ['upstream_timeout', 504],
  ]
  it.each(documented)('%s answers %i with the message, issues and Retry-After kept', async (kind, status) => {
    const error = new DomainError(kind, `reader-facing words for ${kind}`, {
      issues: [{ path: 'symbols', message: 'NVDA' }],
      retryAfterSeconds: 7,
    })
    const response = errorResponse(error)
    expect(response.status).toBe(status)
    expect(response.headers.get('retry-after')).toBe('7')
    expect(await response.json()).toEqual({
      error: {
        code: toApiError(error).code,
        message: `reader-facing words for ${kind}`,
        issues: [{ path: 'symbols', message: 'NVDA' }],
      },
    })
  })

  it('turns anything else into a 500 that shows none of it, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = errorResponse(new Error('secret internals at /srv/app/lib/x.ts:12'))
    expect(response.status).toBe(500)
    expect(JSON.stringify(await response.json())).not.toContain('secret')
    expect(log).toHaveBeenCalledOnce()
    log.mockRestore()
  })
})
