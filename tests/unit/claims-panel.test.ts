import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ClaimsPanel } from '@/components/claims/claims-panel'
import * as claimsModule from '@/lib/claims'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

afterEach(() => {
  vi.restoreAllMocks()
})

/** The server component is an async function: await it, then render what it returns. */
async function renderPanel(): Promise<string> {
  return renderToStaticMarkup(await ClaimsPanel())
}

describe('ClaimsPanel', () => {
  it('renders every claim with its source, rule, verdict badge and a link to the chart', async () => {
    const claims = await claimsModule.evaluateClaims()
    const html = await renderPanel()
    expect(html).toContain('data-testid="claims-panel"')
    expect(html.match(/data-testid="claim-verdict"/g)).toHaveLength(claims.length)
    expect(html.match(/data-testid="claim-source"/g)).toHaveLength(claims.length)
    expect(html.match(/data-testid="claim-rule"/g)).toHaveLength(claims.length)
    expect(html.match(/See it on the chart/g)).toHaveLength(claims.length)
    expect(html).toMatch(/data-verdict="wrong"[^>]*>wrong</)
    expect(html).toContain('href="/?symbols=NVDA,SPY&amp;from=')
    expect(html).toContain('NVIDIA fell 17% in one day')
    // The video is quoted in Japanese, marked as such, with a translation; news claims link their report.
    expect(html).toContain('<blockquote lang="ja"')
    expect(html).toContain('NVIDIAの株価は17%暴落し')
    expect(html).toContain('Translation:')
    expect(html).toContain('Did DeepSeek burst the AI bubble, or will the Stargate Project make it worse?')
    expect(html).toContain('href="https://www.fastcompany.com/')
  })

  it('shows a short note instead of failing when the evaluation throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(claimsModule, 'evaluateClaims').mockRejectedValue(new Error('price source down'))
    const html = await renderPanel()
    expect(html).toContain('data-testid="claims-panel"')
    expect(html).toContain('could not be checked just now')
    expect(html).not.toContain('price source down')
    expect(html).not.toContain('claim-verdict')
  })
})
