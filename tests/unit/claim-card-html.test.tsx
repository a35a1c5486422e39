import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { ClaimCard } from './support/reference-markup'
import { evaluateClaims } from '@/lib/claims'
import { claimCardHtml } from '@/lib/claims/card-html'
import { VERDICTS, type CheckedClaim } from '@/lib/claims/types'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

const react = (claim: CheckedClaim) => renderToStaticMarkup(<ClaimCard claim={claim} />)

describe('a claim card as markup', () => {
  it('is exactly what the ClaimCard component renders, for every claim the panel checks, in every verdict', async () => {
    const claims = await evaluateClaims()
    expect(claims.length).toBeGreaterThan(5)
    expect(new Set(claims.map((c) => c.source.kind))).toEqual(new Set(['video', 'news']))
    for (const claim of claims) {
      expect(claimCardHtml(claim), claim.id).toBe(react(claim))
      for (const verdict of VERDICTS) {
        const variant = { ...claim, verdict, borderline: claim.borderline ? null : 'close to the line' }
        expect(claimCardHtml(variant), `${claim.id} ${verdict}`).toBe(react(variant))
      }
    }
  })

  // Synthetic claims (not the panel's): texts and links a broken or hostile source could carry.
  it('keeps hostile texts and links as React would: escaped, and a javascript: URL blocked', async () => {
    const [video, news] = [
      (await evaluateClaims()).find((c) => c.source.kind === 'video')!,
      (await evaluateClaims()).find((c) => c.source.kind === 'news')!,
    ]
    const hostile = `<script>alert('x')</script> & "quotes" 「」`
    for (const base of [video, news]) {
      const claim: CheckedClaim = {
        ...base,
        id: 'x"><img src=x onerror=alert(1)>',
        claim: hostile,
        summary: hostile,
        rule: hostile,
        borderline: hostile,
        evidence: [{ label: hostile, value: '<b>1</b>' }],
        link: ' javascript:alert(1)',
        source:
          base.source.kind === 'video'
            ? { ...base.source, title: hostile, published: hostile, quote: hostile, translation: hostile }
            : { ...base.source, outlet: hostile, title: hostile, url: 'JaVa\tScRiPt:alert(1)' },
      }
      const html = claimCardHtml(claim)
      expect(html).toBe(react(claim))
      expect(html).not.toContain('<script>')
      expect(html).not.toContain('<img')
      expect(html).not.toMatch(/href="\s*javascript:alert/i)
    }
  })
})
