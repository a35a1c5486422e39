/*
 * REAL data: every statistic of the 2025-01-27 event study of the 21 US stocks against SPY, compared with a
 * recomputation made outside the app (tests/unit/fixtures/event-study/compute_fixture.py, numpy and scipy,
 * matrix forms of the variances) on the same committed snapshot. The fixture is committed, so this test needs
 * no python; regenerate it with `python3 tests/unit/fixtures/event-study/compute_fixture.py`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { MODEL_KINDS } from '@/lib/analysis'
import { resetEnvForTests } from '@/lib/server/env'
import { computeReaction, type ReactionResult } from '@/lib/reaction'

const TOLERANCE = 1e-9

const window = z.tuple([z.number(), z.number()])
const fixtureSchema = z.object({
  day0: z.string(),
  benchmark: z.string(),
  estimation: z.number(),
  gap: z.number(),
  windows: z.array(window),
  symbols: z.array(z.string()),
  models: z.record(
    z.enum(MODEL_KINDS),
    z.object({
      rows: z.array(
        z.object({
          symbol: z.string(),
          alpha: z.number(),
          beta: z.number(),
          s: z.number(),
          df: z.number(),
          abnormalReturn: z.number(),
          tAR: z.number(),
          pAR: z.number(),
          car: z.array(z.object({ window, car: z.number(), t: z.number(), p: z.number(), sd: z.number() })),
        }),
      ),
      portfolio: z.array(
        z.object({
          window,
          value: z.number(),
          n: z.number(),
          rBar: z.number(),
          tests: z.array(z.object({ id: z.string(), statistic: z.number(), p: z.number() })),
        }),
      ),
    }),
  ),
  timeMatched: z.object({
    symbol: z.string(),
    day0: z.string(),
    marketDate: z.string(),
    sessions: z.number(),
    alpha: z.number(),
    beta: z.number(),
    abnormalReturn: z.number(),
    tAR: z.number(),
    pAR: z.number(),
  }),
})

const fixture = fixtureSchema.parse(
  JSON.parse(
    readFileSync(fileURLToPath(new URL('./fixtures/event-study/fixture-2025-01-27.json', import.meta.url)), 'utf8'),
  ),
)

/** Equal to 1e-9, relative for numbers above 1 in size (t-statistics), absolute below (returns, p-values). */
function expectNear(actual: number | null | undefined, expected: number, what: string) {
  expect(actual, what).not.toBeNull()
  expect(actual, what).toBeDefined()
  const diff = Math.abs((actual ?? Number.NaN) - expected)
  expect(diff, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(expected)))
}

/** p-values can be tiny (1e-7 for NVDA): compare those relative to their own size as well. */
function expectP(actual: number | null | undefined, expected: number, what: string) {
  expectNear(actual, expected, what)
  if (expected > 0 && expected < 1e-3) expect(Math.abs((actual ?? 0) / expected - 1), what).toBeLessThan(1e-6)
}

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

describe.each(MODEL_KINDS)('2025-01-27, 21 US stocks vs SPY, model=%s, against the outside recomputation', (model) => {
  const expected = fixture.models[model]
  let result: ReactionResult
  beforeAll(async () => {
    result = await computeReaction({
      symbols: fixture.symbols,
      date: fixture.day0,
      benchmark: fixture.benchmark,
      estimation: fixture.estimation,
      gap: fixture.gap,
      windows: fixture.windows,
      model,
    })
  })

  it('matches every row: parameters, AR, t, p, df and each CAR with its t, p and sd', () => {
    expect(expected?.rows).toHaveLength(21)
    for (const ref of expected?.rows ?? []) {
      const row = result.rows.find((r) => r.symbol === ref.symbol)
      expect(row, ref.symbol).toBeDefined()
      expect(row?.df, ref.symbol).toBe(ref.df)
      expectNear(row?.alpha, ref.alpha, `${ref.symbol} alpha`)
      expectNear(row?.beta, ref.beta, `${ref.symbol} beta`)
      expectNear(row?.s, ref.s, `${ref.symbol} s`)
      expectNear(row?.abnormalReturn, ref.abnormalReturn, `${ref.symbol} AR`)
      expectNear(row?.tAR, ref.tAR, `${ref.symbol} tAR`)
      expectP(row?.pAR, ref.pAR, `${ref.symbol} pAR`)
      for (const c of ref.car) {
        const car = row?.car.find((x) => x.window[0] === c.window[0] && x.window[1] === c.window[1])
        const name = `${ref.symbol} CAR[${c.window.join(',')}]`
        expectNear(car?.car, c.car, name)
        expectNear(car?.t, c.t, `${name} t`)
        expectP(car?.p, c.p, `${name} p`)
        expectNear(car?.sd, c.sd, `${name} sd`)
      }
    }
  })

  it('matches the CAAR, r̄ and every portfolio test statistic and p-value', () => {
    expect(result.portfolio.n).toBe(21)
    for (const ref of expected?.portfolio ?? []) {
      const w = result.portfolio.caar.find((x) => x.window[0] === ref.window[0] && x.window[1] === ref.window[1])
      const name = `[${ref.window.join(',')}]`
      expect(w?.n, name).toBe(ref.n)
      expectNear(w?.value, ref.value, `${name} CAAR`)
      expectNear(w?.rBar, ref.rBar, `${name} r̄`)
      for (const t of ref.tests) {
        const test = w?.tests.find((x) => x.id === t.id)
        expectNear(test?.statistic, t.statistic, `${name} ${t.id}`)
        expectP(test?.p, t.p, `${name} ${t.id} p`)
      }
    }
  })
})

describe('9984.T time-matched to SPY (real data, outside recomputation)', () => {
  it('reacts on 2025-01-28 paired with SPY 2025-01-27, with the same model and t', async () => {
    const ref = fixture.timeMatched
    const result = await computeReaction({ symbols: ['9984.T'], event: '2025-01-27-nvda-record-loss' })
    const row = result.rows[0]
    expect(row).toMatchObject({ symbol: '9984.T', day0: ref.day0, marketDate: ref.marketDate, pairing: 'time-matched' })
    expect(row?.estimation.sessions).toBe(ref.sessions)
    expectNear(row?.alpha, ref.alpha, 'alpha')
    expectNear(row?.beta, ref.beta, 'beta')
    expectNear(row?.abnormalReturn, ref.abnormalReturn, 'AR')
    expectNear(row?.tAR, ref.tAR, 'tAR')
    expectP(row?.pAR, ref.pAR, 'pAR')
  })
})
