import { beforeAll, describe, expect, it } from 'vitest'
import { evaluateClaims, type CheckedClaim } from '@/lib/claims'
import { resetEnvForTests } from '@/lib/env'
import { getEventById } from '@/lib/events'
import { formatFullDate, formatPercent } from '@/lib/format'
import { snapshotBars } from '@/lib/snapshot'
import type { Bar } from '@/lib/types'
import { parseViewState } from '@/lib/view-state'

let claims: CheckedClaim[]

beforeAll(async () => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  claims = await evaluateClaims()
})

function claim(id: string): CheckedClaim {
  const found = claims.find((c) => c.id === id)
  if (!found) throw new Error(`no claim ${id}`)
  return found
}

const evidence = (c: CheckedClaim, label: RegExp) => c.evidence.find((e) => label.test(e.label))?.value

/** Close-to-close return on raw snapshot closes, written out here so the claims' numbers are checked, not copied. */
function dayReturn(symbol: string, date: string): number {
  const bars = snapshotBars(symbol) ?? []
  const k = bars.findIndex((b) => b.date === date)
  return (bars[k] as Bar).adjClose / (bars[k - 1] as Bar).adjClose - 1
}

function recoveryOf(symbol: string, day0: string): { date: string; sessions: number } | null {
  const bars = snapshotBars(symbol) ?? []
  const k0 = bars.findIndex((b) => b.date === day0)
  const target = (bars[k0 - 1] as Bar).close
  const k = bars.findIndex((b, i) => i > k0 && b.close >= target)
  return k < 0 ? null : { date: (bars[k] as Bar).date, sessions: k - k0 }
}

describe('evaluateClaims', () => {
  it('checks six distinct claims, each with the public wording, a verdict, a summary and evidence', () => {
    expect(claims).toHaveLength(6)
    expect(new Set(claims.map((c) => c.id)).size).toBe(6)
    for (const c of claims) {
      expect(['supported', 'partly supported', 'not supported', 'wrong']).toContain(c.verdict)
      expect(c.claim.length).toBeGreaterThan(10)
      expect(c.summary).toMatch(/\d/)
      expect(c.evidence.length).toBeGreaterThan(0)
    }
  })

  it('(a) NVIDIA fell 17% in one day: supported, at −16.97%', () => {
    const c = claim('nvda-fell-17-percent')
    expect(c.verdict).toBe('supported')
    const r = dayReturn('NVDA', '2025-01-27')
    expect(r).toBeCloseTo(-0.1697, 4)
    expect(formatPercent(r, 2)).toBe('−16.97%')
    expect(c.summary).toContain('−16.97%')
    expect(c.summary).toContain('$118.42')
    expect(c.summary).toContain('$142.62')
    expect(evidence(c, /whole percent/)).toBe('17% fall')
  })

  it('(b) more than $500 billion wiped out: supported, about −$593B from 24.5B shares', () => {
    const c = claim('nvda-500-billion')
    expect(c.verdict).toBe('supported')
    // 24.5B shares x (118.42 - 142.62) = -592.9B.
    expect(c.summary).toContain('−$592.9B')
    expect(c.summary).toContain('24.5B shares')
    expect(c.summary).toContain('2025-01-26')
    expect(evidence(c, /Shares outstanding/)).toContain('24.5B')
    expect(evidence(c, /source/i)).toMatch(/10-K/)
  })

  it('(c) R1 two days after Stargate: wrong, R1 (2025-01-20) came one day before Stargate (2025-01-21)', () => {
    const c = claim('r1-two-days-after-stargate')
    expect(c.verdict).toBe('wrong')
    expect(getEventById('2025-01-20-deepseek-r1')?.date).toBe('2025-01-20')
    expect(getEventById('2025-01-21-stargate')?.date).toBe('2025-01-21')
    expect(c.summary).toContain(formatFullDate('2025-01-20'))
    expect(c.summary).toContain(formatFullDate('2025-01-21'))
    expect(c.summary).toMatch(/1 day before/)
    expect(evidence(c, /react to R1/)).toBe(formatFullDate('2025-01-21'))
    expect(evidence(c, /react to Stargate/)).toBe(formatFullDate('2025-01-22'))
    expect(evidence(c, /Days from Stargate to R1/)).toBe('−1')
  })

  it('(d) chips and power, not the whole market: supported, with SMH, VST and CEG far below SPY', () => {
    const c = claim('chips-and-power-not-the-market')
    expect(c.verdict).toBe('supported')
    const expected = { SMH: '−9.83%', VST: '−28.27%', CEG: '−20.85%', SPY: '−1.41%' }
    for (const [symbol, text] of Object.entries(expected)) {
      expect(formatPercent(dayReturn(symbol, '2025-01-27'), 2)).toBe(text)
      expect(c.summary).toContain(text)
    }
    for (const symbol of ['SMH', 'VST', 'CEG']) expect(evidence(c, new RegExp(`^${symbol} `))).toMatch(/abnormal −\d+\.\d\d% \(t −\d/)
  })

  it('(e) the market would recover: supported, each of NVDA, SMH and SPY regained its 2025-01-24 close in the data', () => {
    const c = claim('market-would-recover')
    expect(c.verdict).toBe('supported')
    for (const symbol of ['NVDA', 'SMH', 'SPY']) {
      const r = recoveryOf(symbol, '2025-01-27')
      expect(r, symbol).not.toBeNull()
      if (!r) continue
      expect(evidence(c, new RegExp(`^${symbol} back to`))).toBe(`${formatFullDate(r.date)} (${r.sessions} sessions)`)
      expect(c.summary).toContain(formatFullDate(r.date))
    }
    // What the data say: the index came back within weeks, NVDA and SMH only in June.
    expect(recoveryOf('SPY', '2025-01-27')?.date).toBe('2025-02-13')
    expect(recoveryOf('NVDA', '2025-01-27')?.date).toBe('2025-06-09')
  })

  it('(f) Stargate lifted its partners: supported, with SoftBank +10.62% in Tokyo and the benchmark caveat stated', () => {
    const c = claim('stargate-lifted-partners')
    expect(c.verdict).toBe('supported')
    expect(formatPercent(dayReturn('9984.T', '2025-01-22'), 2)).toBe('+10.62%')
    for (const symbol of ['ORCL', 'ARM', '9984.T']) {
      const text = formatPercent(dayReturn(symbol, '2025-01-22'), 2)
      expect(text.startsWith('+')).toBe(true)
      expect(c.summary).toContain(`${symbol} returned ${text}`)
      expect(evidence(c, new RegExp(`^${symbol.replace('.', '\\.')} `))).toMatch(/CAR\[0,\+1\]/)
    }
    expect(c.summary).toMatch(/9984\.T's Tokyo session is set against SPY/)
    expect(c.summary).toMatch(/only indicative/)
    expect(evidence(c, /Benchmark/)).toMatch(/pragmatic choice/)
  })

  it('links every claim to a dashboard view that parses cleanly and selects a catalog event', () => {
    const expectedSymbols: Record<string, string[]> = {
      'nvda-fell-17-percent': ['NVDA', 'SPY'],
      'chips-and-power-not-the-market': ['SMH', 'VST', 'CEG', 'SPY'],
      'market-would-recover': ['NVDA', 'SMH', 'SPY'],
      'stargate-lifted-partners': ['ORCL', 'ARM', '9984.T', 'SPY'],
    }
    for (const c of claims) {
      expect(c.link.startsWith('/?')).toBe(true)
      const { view, notices } = parseViewState(new URLSearchParams(c.link.slice(2)))
      expect(notices, c.id).toEqual([])
      expect(view.from <= view.to).toBe(true)
      expect(view.event, c.id).not.toBeNull()
      const event = getEventById(view.event ?? '')
      expect(event, c.id).toBeDefined()
      if (event) {
        expect(view.from <= event.tradingDate && event.tradingDate <= view.to, c.id).toBe(true)
      }
      const symbols = expectedSymbols[c.id]
      if (symbols) expect(view.symbols).toEqual(symbols)
    }
    const recovery = parseViewState(new URLSearchParams(claim('market-would-recover').link.slice(2))).view
    expect(recovery.to >= '2025-06-10').toBe(true)
    expect(recovery.base).toBe('2025-01-24')
  })
})
