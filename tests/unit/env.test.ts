import { describe, expect, it } from 'vitest'
import { ENV_KEYS, readEnv } from '@/lib/server/env'

describe('environment check', () => {
  it('gives the documented defaults when nothing is set, and reads an empty value as unset', () => {
    const checked = readEnv({ PRICE_PROVIDER: '' })
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    // Other keys have defaults of their own; these are the ones the README's table documents for this check.
    expect(checked.env).toMatchObject({ PRICE_PROVIDER: 'auto', YAHOO_TIMEOUT_MS: 8_000, LIVE_REQUESTS_PER_MINUTE: 30 })
    expect(checked.env.YAHOO_BASE_URL).toBeUndefined()
  })

  it('names every bad variable and what it was given', () => {
    const checked = readEnv({ PRICE_PROVIDER: 'bogus', YAHOO_TIMEOUT_MS: '5', LIVE_REQUESTS_PER_MINUTE: 'many' })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems).toHaveLength(3)
    expect(checked.problems[0]).toMatch(/^PRICE_PROVIDER must be auto, snapshot or yahoo \(got "bogus"\)$/)
    expect(checked.problems.join('\n')).toMatch(/^YAHOO_TIMEOUT_MS .*\(got "5"\)$/m)
    expect(checked.problems.join('\n')).toMatch(/^LIVE_REQUESTS_PER_MINUTE .*\(got "many"\)$/m)
  })

  it('does not echo control characters or a long value', () => {
    const checked = readEnv({ PRICE_PROVIDER: `x\u202E\r\n${'y'.repeat(500)}` })
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.problems[0]).not.toMatch(/[\r\n\u202E]/)
    expect(checked.problems[0]!.length).toBeLessThan(150)
  })

  it('loads a kept page’s scripts after paint unless PAGE_SCRIPTS says eager, and refuses any other value', () => {
    const byDefault = readEnv({})
    expect(byDefault.ok && byDefault.env.PAGE_SCRIPTS).toBe('after-paint')
    const eager = readEnv({ PAGE_SCRIPTS: 'eager' })
    expect(eager.ok && eager.env.PAGE_SCRIPTS).toBe('eager')
    const bad = readEnv({ PAGE_SCRIPTS: 'lazy' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.problems).toEqual(['PAGE_SCRIPTS must be after-paint or eager (got "lazy")'])
  })

  it('reads every key its schema declares', () => {
    expect(ENV_KEYS).toEqual(
      expect.arrayContaining([
        'PRICE_PROVIDER',
        'YAHOO_BASE_URL',
        'YAHOO_TIMEOUT_MS',
        'LIVE_REQUESTS_PER_MINUTE',
        'PRICE_CACHE_MAX_WINDOWS',
      ]),
    )
  })
})
