import { beforeAll, describe, expect, it } from 'vitest'
import { eventStudy, studentTwoSidedP, type EventStudyResult } from '@/lib/analysis'
import {
  CHIP_BUYERS,
  MARKET_SYMBOLS,
  STARGATE_PARTNERS,
  evaluateClaims,
  measureRecovery,
  type CheckedClaim,
} from '@/lib/claims'
import {
  RECOVERY_HORIZON_SESSIONS,
  groupMoveVerdict,
  notTheWholeMarketVerdict,
  recoveryVerdict,
  type AbnormalMove,
} from '@/lib/claims/verdicts'
import { resetEnvForTests } from '@/lib/server/env'
import { getEventById } from '@/lib/events'
import { formatFullDate, formatPercent } from '@/lib/format'
import { snapshotBars } from '@/lib/snapshot'
import type { Bar } from '@/lib/types'
import { parseViewState } from '@/lib/view/state'

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

const bars = (symbol: string): readonly Bar[] => snapshotBars(symbol) ?? []

/**
 * The verdicts are re-derived here from the snapshot with the event-study function itself (not the claims code),
 * so a change in the data, the model or the rule shows up as a changed expectation, never a pinned one.
 */
function study(symbol: string, day0: string, model: 'market' | 'constant-mean' = 'market'): EventStudyResult {
  return eventStudy({ stock: bars(symbol), market: bars('SPY'), day0, model, windows: [[0, 1]] })
}
function move(symbol: string, day0: string): AbnormalMove {
  const s = study(symbol, day0)
  return { abnormalReturn: s.abnormalReturn, p: studentTwoSidedP(s.tAR, s.df) }
}

function dayReturn(symbol: string, date: string): number {
  const b = bars(symbol)
  const k = b.findIndex((x) => x.date === date)
  return (b[k] as Bar).adjClose / (b[k - 1] as Bar).adjClose - 1
}

describe('evaluateClaims', () => {
  it('checks every price-testable claim of the video and two news claims, each naming its source and rule', () => {
    expect(claims.length).toBeGreaterThanOrEqual(11)
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length)
    for (const c of claims) {
      expect(['supported', 'partly supported', 'not supported', 'wrong']).toContain(c.verdict)
      expect(c.rule.length, c.id).toBeGreaterThan(30)
      expect(c.summary).toMatch(/\d/)
      if (c.source.kind === 'video') {
        expect(c.source.title).toBe('Did DeepSeek burst the AI bubble, or will the Stargate Project make it worse?')
        expect(c.source.quote, c.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
        expect(c.source.translation.length, c.id).toBeGreaterThan(10)
      } else {
        expect(c.source.url, c.id).toMatch(/^https?:\/\//)
        expect(c.source.date, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(c.source.outlet.length).toBeGreaterThan(2)
      }
    }
    const videoCount = claims.filter((c) => c.source.kind === 'video').length
    expect(videoCount).toBeGreaterThanOrEqual(9)
  })

  it('NVIDIA fell 17%: the rounded snapshot return decides', () => {
    const c = claim('nvda-fell-17-percent')
    const r = dayReturn('NVDA', '2025-01-27')
    expect(c.verdict).toBe(Math.round(-r * 100) === 17 ? 'supported' : 'partly supported')
    expect(c.summary).toContain(formatPercent(r, 2))
  })

  it('the chip buyers were hurt: the group rule on the buyers’ day-0 abnormal returns', () => {
    const c = claim('chip-buyers-hurt')
    const moves = CHIP_BUYERS.map((s) => move(s, '2025-01-27'))
    expect(c.verdict).toBe(groupMoveVerdict(moves, 'down'))
    // The data: the suppliers fell much more than the buyers.
    const meanAr = (symbols: readonly string[]) =>
      symbols.reduce((a, s) => a + move(s, '2025-01-27').abnormalReturn, 0) / symbols.length
    expect(meanAr(['NVDA', 'AVGO', 'TSM', 'SMH'])).toBeLessThan(meanAr(CHIP_BUYERS))
    expect(c.summary).toContain(formatPercent(meanAr(CHIP_BUYERS), 2))
  })

  it('Stargate lifted its partners: partly supported exactly when some partner (NVIDIA) was not significant', () => {
    const c = claim('stargate-lifted-partners')
    const moves = STARGATE_PARTNERS.map((s) => move(s, '2025-01-22'))
    const expected = groupMoveVerdict(moves, 'up')
    expect(c.verdict).toBe(expected)
    const nvda = move('NVDA', '2025-01-22')
    if ((nvda.p ?? 1) > 0.05) expect(c.verdict).toBe('partly supported')
    expect(c.summary).toMatch(/only indicative/)
  })

  it('chips, not the whole market: SPY judged against its own history, the same significance line', () => {
    const c = claim('chips-not-the-whole-market')
    const spy = eventStudy({
      stock: bars('SPY'),
      market: bars('SPY'),
      day0: '2025-01-27',
      model: 'constant-mean',
      windows: [],
    })
    const marketOwn = { abnormalReturn: spy.abnormalReturn, p: spy.pAR }
    expect(c.verdict).toBe(notTheWholeMarketVerdict([move('SMH', '2025-01-27')], marketOwn))
    expect(c.summary).toContain(formatPercent(dayReturn('SPY', '2025-01-27'), 2))
    // p close to the line is called out rather than hidden.
    if (spy.pAR !== null && spy.pAR > 0.02 && spy.pAR < 0.15) expect(c.borderline).toMatch(/SPY/)
  })

  it('the market would recover: the horizon and the April 2025 drawdown come from the data', () => {
    const c = claim('market-would-recover')
    const measures = MARKET_SYMBOLS.map((s) => measureRecovery(s, bars(s), '2025-01-27'))
    expect(measures.every((m) => m !== null)).toBe(true)
    const valid = measures.filter((m) => m !== null)
    expect(c.verdict).toBe(recoveryVerdict(valid))
    expect(c.rule).toContain(String(RECOVERY_HORIZON_SESSIONS))
    for (const m of valid) {
      // Recomputed by hand on raw closes: first close at or above day -1's.
      const b = bars(m.symbol)
      const k0 = b.findIndex((x) => x.date === '2025-01-27')
      const prev = (b[k0 - 1] as Bar).close
      const k = b.findIndex((x, i) => i > k0 && x.close >= prev)
      expect(m.recovery?.date).toBe(b[k]?.date)
      const low = b.slice(k0 + 1).reduce((lo, x) => (x.close < lo.close ? x : lo))
      expect(m.trough?.date).toBe(low.date)
      // The April low is in view: the trough lies in April 2025.
      expect(m.trough?.date.startsWith('2025-04')).toBe(true)
      expect(c.summary).toContain(formatFullDate(low.date))
    }
  })

  it('the order and spacing of R1, Stargate and Janus-Pro follow the catalog', () => {
    const r1 = getEventById('2025-01-20-deepseek-r1')
    const stargate = getEventById('2025-01-21-stargate')
    const janus = getEventById('2025-01-27-janus-pro')
    expect(r1 && stargate && janus).toBeTruthy()
    const two = claim('r1-two-days-after-stargate')
    expect(two.verdict).toBe((r1?.date ?? '') < (stargate?.date ?? '') ? 'wrong' : 'partly supported')
    const soon = claim('janus-pro-right-after-r1')
    expect(soon.verdict).toBe('supported')
    expect(soon.borderline).toMatch(/7 days/)
    expect(soon.evidence.find((e) => e.label === 'Spacing')?.value).toMatch(
      /R1 → Stargate 1 day \(1 session\); Stargate → Janus-Pro 6 days \(3 sessions\)/,
    )
  })

  it('the Stargate sums match the announcement but 2029 is only inferred', () => {
    const c = claim('stargate-100b-500b-2029')
    expect(c.verdict).toBe('partly supported')
    expect(c.summary).toMatch(/\$100 billion/)
    expect(c.summary).toMatch(/\$500 billion/)
    expect(claim('stargate-announced-jan-21').verdict).toBe(
      getEventById('2025-01-21-stargate')?.date === '2025-01-21' ? 'supported' : 'wrong',
    )
  })

  it('links every claim to a dashboard view that parses cleanly and selects a catalog event', () => {
    for (const c of claims) {
      expect(c.link.startsWith('/?')).toBe(true)
      const { view, notices } = parseViewState(new URLSearchParams(c.link.slice(2)))
      expect(notices, c.id).toEqual([])
      expect(view.from <= view.to).toBe(true)
      const event = getEventById(view.event ?? '')
      expect(event, c.id).toBeDefined()
      if (event) expect(view.from <= event.tradingDate && event.tradingDate <= view.to, c.id).toBe(true)
    }
    const recovery = parseViewState(new URLSearchParams(claim('market-would-recover').link.slice(2))).view
    expect(recovery.base).toBe('2025-01-24')
  })
})
