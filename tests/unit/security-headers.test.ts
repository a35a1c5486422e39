import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { THEME_SCRIPT_HASH, createNonce, pageContentSecurityPolicy } from '@/lib/server/csp'
import { DATE_FIELD_UPGRADE_SCRIPT } from '@/lib/ui/date-field-script'
import { THEME_INIT_SCRIPT } from '@/lib/ui/theme-script'

interface HeaderRule {
  source: string
  headers: { key: string; value: string }[]
}
const nextConfig = createRequire(import.meta.url)('../../next.config.js') as { headers: () => Promise<HeaderRule[]> }

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1)

describe('page Content-Security-Policy', () => {
  it('allows scripts by nonce and the theme script by its exact hash, never inline or eval in production', () => {
    const policy = pageContentSecurityPolicy({ nonce: 'abc123==' })
    const scriptSrc = directive(policy, 'script-src')
    expect(scriptSrc).toContain("'nonce-abc123=='")
    expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(THEME_INIT_SCRIPT, 'utf8').digest('base64')}'`)
    expect(scriptSrc).toContain(THEME_SCRIPT_HASH)
    expect(scriptSrc).toContain(
      `'sha256-${createHash('sha256').update(DATE_FIELD_UPGRADE_SCRIPT, 'utf8').digest('base64')}'`,
    )
    expect(scriptSrc).not.toContain("'unsafe-inline'")
    expect(scriptSrc).not.toContain("'unsafe-eval'")
  })

  it("adds 'unsafe-eval' only for next dev", () => {
    expect(directive(pageContentSecurityPolicy({ nonce: 'n', dev: true }), 'script-src')).toContain("'unsafe-eval'")
  })

  it('keeps a nonce out of style-src, where it would switch off the inline styles React and Recharts need', () => {
    expect(directive(pageContentSecurityPolicy({ nonce: 'n' }), 'style-src')).toEqual(["'self'", "'unsafe-inline'"])
  })

  it('locks down everything the page does not use', () => {
    const policy = pageContentSecurityPolicy({ nonce: 'n' })
    expect(directive(policy, 'object-src')).toEqual(["'none'"])
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"])
    expect(directive(policy, 'connect-src')).toEqual(["'self'"])
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('makes a different 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce))
    expect(nonces.size).toBe(1000)
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
  })
})

describe('next.config.js headers', () => {
  it('sends the security headers on every path, and a policy that allows nothing on the API', async () => {
    const rules = await nextConfig.headers()
    const all = rules.find((r) => r.source === '/:path*')
    expect(Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    })
    // The pages' policy comes from proxy.ts; a second one here would be enforced as well and block their scripts.
    expect(all?.headers.some((h) => h.key.toLowerCase() === 'content-security-policy')).toBe(false)
    const api = rules.find((r) => r.source === '/api/:path*')
    expect(api?.headers).toEqual([
      { key: 'Content-Security-Policy', value: expect.stringMatching(/^default-src 'none';/) },
    ])
  })
})
