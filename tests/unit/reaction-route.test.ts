import { beforeAll, describe, expect, it } from 'vitest'
import { GET } from '@/app/api/reaction/route'
import { resetEnvForTests } from '@/lib/server/env'
import type { ReactionResult, ReactionRow } from '@/lib/reaction/types'
import { snapshotBars } from '@/lib/snapshot'
import type { Bar } from '@/lib/types'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
})

const get = (query: string) => GET(new Request(`http://localhost/api/reaction?${query}`))

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] }
}

async function getReaction(query: string): Promise<{ res: Response; body: ReactionResult }> {
  const res = await get(query)
  expect(res.status, await res.clone().text()).toBe(200)
  return { res, body: (await res.json()) as ReactionResult }
}

function rowOf(body: ReactionResult, symbol: string): ReactionRow {
  const row = body.rows.find((r) => r.symbol === symbol)
  if (!row) throw new Error(`no row for ${symbol}`)
  return row
}

async function expectError(query: string, status: number, code: string): Promise<string> {
  const res = await get(query)
  expect(res.status).toBe(status)
  expect(res.headers.get('cache-control')).toBe('no-store')
  const body = (await res.json()) as ErrorBody
  expect(body.error.code).toBe(code)
  return body.error.message
}

/**
 * The market model written out again from docs/event-study.md, on the raw snapshot bars and without lib/analysis, so a
 * change in the definitions there (window bounds, price field, degrees of freedom) shows up as a mismatch.
 */
function independentEventStudy(
  stock: readonly Bar[],
  market: readonly Bar[],
  day0: string,
  estimation = 120,
  gap = 10,
) {
  const price = (b: Bar) => b.adjClose
  const ret = (bars: readonly Bar[], k: number) => price(bars[k] as Bar) / price(bars[k - 1] as Bar) - 1
  const k0 = stock.findIndex((b) => b.date === day0)
  const marketIndex = new Map(market.map((b, i) => [b.date, i]))
  const xs: number[] = []
  const ys: number[] = []
  for (let k = k0 - gap - estimation; k <= k0 - gap - 1; k++) {
    const m = marketIndex.get((stock[k] as Bar).date) as number
    xs.push(ret(market, m))
    ys.push(ret(stock, k))
  }
  const n = xs.length
  const mx = xs.reduce((a, b) => a + b, 0) / n
  const my = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my)
    sxx += (x - mx) ** 2
  })
  const beta = sxy / sxx
  const alpha = my - beta * mx
  const ssr = xs.reduce((acc, x, i) => acc + ((ys[i] as number) - alpha - beta * x) ** 2, 0)
  const s = Math.sqrt(ssr / (n - 2))
  const rm = (k: number) => ret(market, marketIndex.get((stock[k] as Bar).date) as number)
  const ar = (k: number) => ret(stock, k) - (alpha + beta * rm(k))
  // Prediction-error variances (MacKinlay 1997): s^2 (1 + 1/n + (R_m - mean)^2 / Sxx) for one day, and for a
  // window s^2 (L + L^2 / n + (sum of (R_m - mean))^2 / Sxx).
  const varAr0 = s * s * (1 + 1 / n + (rm(k0) - mx) ** 2 / sxx)
  const varCar01 = s * s * (2 + 4 / n + (rm(k0) - mx + rm(k0 + 1) - mx) ** 2 / sxx)
  return {
    n,
    alpha,
    beta,
    s,
    varAr0,
    varCar01,
    ar0: ar(k0),
    car01: ar(k0) + ar(k0 + 1),
    from: (stock[k0 - gap - estimation] as Bar).date,
    to: (stock[k0 - gap - 1] as Bar).date,
  }
}

describe('GET /api/reaction', () => {
  it('measures NVDA and AVGO on 2025-01-27 with the default method', async () => {
    const { res, body } = await getReaction('symbols=NVDA,AVGO&date=2025-01-27')
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400')
    expect(body.day0).toBe('2025-01-27')
    expect(body.benchmark).toBe('SPY')
    expect(body.event).toBeUndefined()
    expect(body.method).toMatchObject({
      benchmark: 'SPY',
      estimation: { sessions: 120, requested: 120, from: '2024-07-19', to: '2025-01-08' },
      gap: 10,
      windows: [
        [0, 0],
        [0, 1],
        [-1, 1],
        [0, 5],
      ],
      model: 'market',
      pairing: 'auto',
      variance: 'prediction-error',
      path: [-10, 20],
      returns: 'simple, adjusted close',
    })
    expect(body.rows.map((r) => r.symbol)).toEqual(['NVDA', 'AVGO'])
    expect(body.warnings).toEqual([])

    const nvda = rowOf(body, 'NVDA')
    expect(nvda).toMatchObject({
      name: 'NVIDIA',
      currency: 'USD',
      prevDate: '2025-01-24',
      prevClose: 142.62,
      close: 118.42,
    })
    expect(nvda.return).toBeCloseTo(-0.1697, 4)
    expect(nvda.abnormalReturn).toBeLessThan(0)
    expect(nvda.abnormalReturn).toBeGreaterThan(nvda.return)
    expect(nvda.tAR).not.toBeNull()
    expect(nvda.tAR as number).toBeLessThan(-2)
    expect(nvda.marketCapChange).not.toBeNull()
    expect(nvda.marketCapChange as number).toBeGreaterThan(-650e9)
    expect(nvda.marketCapChange as number).toBeLessThan(-550e9)
    expect(nvda.marketCapChange).toBeCloseTo((nvda.shares?.shares ?? 0) * (118.42 - 142.62), 0)
    expect(nvda.shares).toMatchObject({ shares: 24_500_000_000, asOf: '2025-01-26' })
    expect(nvda.sharesMissing).toBeNull()
    // Same calendar as the benchmark, so the row's own window is the one the method shows.
    expect(nvda.estimation).toMatchObject(body.method.estimation)
    expect(nvda.car).toHaveLength(4)
    expect(nvda.car.map((c) => c.window)).toEqual(body.method.windows)
    expect(nvda.car.every((c) => c.complete && c.car !== null && c.t !== null)).toBe(true)
    // CAR[0,0] is the day-0 abnormal return itself.
    expect(nvda.car[0]?.car).toBe(nvda.abnormalReturn)
    expect(nvda.car[1]).toMatchObject({ from: '2025-01-27', to: '2025-01-28' })

    const avgo = rowOf(body, 'AVGO')
    expect(avgo.return).toBeLessThan(-0.1)
    expect(avgo.marketCapChange).not.toBeNull()
  })

  it('agrees with an independent computation of the market model on the same snapshot bars', async () => {
    const { body } = await getReaction('symbols=NVDA&date=2025-01-27')
    const nvda = rowOf(body, 'NVDA')
    const ref = independentEventStudy(snapshotBars('NVDA') ?? [], snapshotBars('SPY') ?? [], '2025-01-27')
    expect(ref.n).toBe(120)
    expect(body.method.estimation).toMatchObject({ from: ref.from, to: ref.to })
    expect(nvda.alpha).toBeCloseTo(ref.alpha, 12)
    expect(nvda.beta).toBeCloseTo(ref.beta, 10)
    expect(nvda.s).toBeCloseTo(ref.s, 12)
    expect(nvda.abnormalReturn).toBeCloseTo(ref.ar0, 12)
    expect(nvda.tAR as number).toBeCloseTo(ref.ar0 / Math.sqrt(ref.varAr0), 9)
    const car01 = nvda.car.find((c) => c.window[0] === 0 && c.window[1] === 1)
    expect(car01?.car as number).toBeCloseTo(ref.car01, 12)
    expect(car01?.t as number).toBeCloseTo(ref.car01 / Math.sqrt(ref.varCar01), 9)
  })

  it('finds the recovery as the first close at or above the close of day -1', async () => {
    const { body } = await getReaction('symbols=NVDA,SPY&date=2025-01-27')
    const bars = snapshotBars('NVDA') ?? []
    const k0 = bars.findIndex((b) => b.date === '2025-01-27')
    const target = (bars[k0 - 1] as Bar).close
    const k = bars.findIndex((b, i) => i > k0 && b.close >= target)
    expect(k).toBeGreaterThan(k0)
    expect(rowOf(body, 'NVDA').recovery).toEqual({ date: (bars[k] as Bar).date, sessions: k - k0 })
    expect(body.method.recovery.dataThrough).toBe('2025-06-30')
  })

  it('shows the benchmark against itself with zero abnormal return, an undefined t and no market value', async () => {
    const { body } = await getReaction('symbols=NVDA,SPY&date=2025-01-27')
    const spy = rowOf(body, 'SPY')
    expect(spy.abnormalReturn).toBeCloseTo(0, 12)
    expect(spy.tAR).toBeNull()
    expect(spy.marketCapChange).toBeNull()
    expect(spy.shares).toBeNull()
    expect(spy.sharesMissing).toMatch(/ETF/)
    expect(spy.return).toBeCloseTo(rowOf(body, 'NVDA').marketReturn, 15)
  })

  it('takes day 0 from an event: R1 (released on a holiday) reacts on 2025-01-21', async () => {
    const { body } = await getReaction('symbols=NVDA&event=2025-01-20-deepseek-r1')
    expect(body.day0).toBe('2025-01-21')
    expect(body.event).toMatchObject({ id: '2025-01-20-deepseek-r1', date: '2025-01-20', tradingDate: '2025-01-21' })
    expect(rowOf(body, 'NVDA').prevDate).toBe('2025-01-17')
  })

  it('changes the abnormal return but not the return when the benchmark changes', async () => {
    const spy = rowOf((await getReaction('symbols=NVDA&date=2025-01-27')).body, 'NVDA')
    const { body } = await getReaction('symbols=NVDA&date=2025-01-27&benchmark=qqq')
    const qqq = rowOf(body, 'NVDA')
    expect(body.benchmark).toBe('QQQ')
    expect(body.method.benchmark).toBe('QQQ')
    expect(qqq.return).toBe(spy.return)
    expect(Math.abs(qqq.abnormalReturn - spy.abnormalReturn)).toBeGreaterThan(1e-4)
    expect(qqq.marketReturn).not.toBe(spy.marketReturn)
  })

  it('uses the windows and parameters the caller gives', async () => {
    const { body } = await getReaction('symbols=NVDA&date=2025-01-27&windows=-1:1,0:0,0:0&estimation=60&gap=5')
    expect(body.method.windows).toEqual([
      [-1, 1],
      [0, 0],
    ])
    expect(body.method.gap).toBe(5)
    expect(body.method.estimation.sessions).toBe(60)
    expect(rowOf(body, 'NVDA').car).toHaveLength(2)
  })

  it('reads windows written as the response writes them, [t1,t2]', async () => {
    const { body } = await getReaction(`symbols=NVDA&date=2025-01-27&windows=${encodeURIComponent('[0,1],[-1,1]')}`)
    expect(body.method.windows).toEqual([
      [0, 1],
      [-1, 1],
    ])
  })

  it('marks a window that runs past the data as incomplete and says so', async () => {
    const { res, body } = await getReaction('symbols=NVDA&date=2025-06-27&windows=0:0,0:5')
    const car05 = rowOf(body, 'NVDA').car[1]
    expect(car05).toMatchObject({ window: [0, 5], car: null, t: null, complete: false, incomplete: 'past_end_of_data' })
    expect(body.warnings.join(' ')).toMatch(/NVDA: CAR\[0,\+5\] is not available/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('keeps the symbols it can study and warns about the one whose exchange was closed', async () => {
    // 2025-02-11 is a Tokyo holiday (a US session), so SoftBank has no day 0.
    const { res, body } = await getReaction('symbols=NVDA,9984.T&date=2025-02-11')
    expect(body.rows.map((r) => r.symbol)).toEqual(['NVDA'])
    expect(body.warnings.join(' ')).toMatch(
      /9984\.T left out: 2025-02-11 is not a trading session of 9984\.T.*2025-02-10.*2025-02-12/,
    )
    expect(res.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('measures a Tokyo listing against SPY with its own estimation window and a warning about the hours', async () => {
    const { body } = await getReaction('symbols=9984.T&event=2025-01-21-stargate')
    expect(body.day0).toBe('2025-01-22')
    const sb = rowOf(body, '9984.T')
    expect(sb.currency).toBe('JPY')
    expect(sb.return).toBeGreaterThan(0.1)
    expect(sb.estimation.sessions).toBeLessThan(120)
    expect(sb.estimation.excluded.length).toBe(120 - sb.estimation.sessions)
    expect(sb.sharesMissing).toMatch(/not a US listing/)
    // Stargate was announced after the US close on 01-21: Tokyo's 01-22 session closes after that, and is
    // paired with SPY's 01-21 session, the one that closed before it.
    expect(sb).toMatchObject({ day0: '2025-01-22', pairing: 'time-matched', marketDate: '2025-01-21' })
    expect(body.warnings.join(' ')).toMatch(
      /9984\.T trades on the Tokyo Stock Exchange.*paired with the SPY session that closed before it/,
    )
  })

  it('reacts in Tokyo on the next session to a US-hours event (2025-01-27 selloff: day 0 2025-01-28)', async () => {
    const { body } = await getReaction('symbols=9984.T,NVDA&event=2025-01-27-nvda-record-loss')
    expect(body.day0).toBe('2025-01-27')
    const sb = rowOf(body, '9984.T')
    expect(sb).toMatchObject({ day0: '2025-01-28', pairing: 'time-matched', marketDate: '2025-01-27' })
    const bars = snapshotBars('9984.T') ?? []
    const k = bars.findIndex((b) => b.date === '2025-01-28')
    expect(sb.return).toBeCloseTo((bars[k] as Bar).adjClose / (bars[k - 1] as Bar).adjClose - 1, 14)
    expect(sb.return).toBeCloseTo(-0.0522, 4)
    expect(rowOf(body, 'NVDA')).toMatchObject({ day0: '2025-01-27', pairing: 'same-date' })
  })

  it('keeps the first edition pairing on request and says its abnormal return is only indicative', async () => {
    const { body } = await getReaction('symbols=9984.T&event=2025-01-27-nvda-record-loss&pairing=same-date')
    expect(rowOf(body, '9984.T')).toMatchObject({ day0: '2025-01-28', pairing: 'same-date', marketDate: '2025-01-28' })
    expect(body.method.pairing).toBe('same-date')
    expect(body.warnings.join(' ')).toMatch(/only indicative/)
  })

  it('fits lead and lag betas with pairing=dimson: beta is the sum of three slopes, df = M - 4', async () => {
    const { body } = await getReaction('symbols=9984.T&event=2025-01-27-nvda-record-loss&pairing=dimson')
    const sb = rowOf(body, '9984.T')
    expect(sb.pairing).toBe('dimson')
    expect(sb.dimsonSlopes).toHaveLength(3)
    const [a, b, c] = sb.dimsonSlopes ?? [0, 0, 0]
    expect(sb.beta).toBeCloseTo(a + b + c, 14)
    expect(sb.df).toBe(sb.estimation.sessions - 4)
  })

  it('takes a day 0 of the reader: a date plus session, each listing reacting in its next closing session', async () => {
    const after = (await getReaction('symbols=NVDA,9984.T&date=2025-01-24&session=after-close')).body
    expect(after.day0).toBe('2025-01-27')
    expect(rowOf(after, 'NVDA').day0).toBe('2025-01-27')
    expect(rowOf(after, '9984.T').day0).toBe('2025-01-27')
    expect(after.method).toMatchObject({ session: 'after-close' })
    const before = (await getReaction('symbols=NVDA,9984.T&date=2025-01-24&session=before-open')).body
    expect(before.day0).toBe('2025-01-24')
    expect(rowOf(before, '9984.T').day0).toBe('2025-01-27')
  })

  it('offers the market-adjusted and constant-mean models with their df and variances', async () => {
    const adj = rowOf((await getReaction('symbols=NVDA&date=2025-01-27&model=market-adjusted')).body, 'NVDA')
    expect(adj.beta).toBe(1)
    expect(adj.df).toBe(119)
    expect(adj.abnormalReturn).toBeCloseTo(adj.return - adj.marketReturn, 15)
    // Nothing estimated: Var(AR) = s^2.
    expect(adj.sdAR).toBeCloseTo(adj.s, 15)
    const cm = (await getReaction('symbols=NVDA&date=2025-01-27&model=constant-mean')).body
    const row = rowOf(cm, 'NVDA')
    expect(cm.method.model).toBe('constant-mean')
    expect(row.df).toBe(119)
    expect(row.sdAR).toBeCloseTo(row.s * Math.sqrt(1 + 1 / 120), 15)
    expect(row.abnormalReturn).toBeCloseTo(row.return - row.alpha, 15)
  })

  it('serves the portfolio over the rows other than the benchmark, with all six tests', async () => {
    const { body } = await getReaction('symbols=NVDA,AVGO,TSM,SPY&date=2025-01-27')
    expect(body.portfolio.n).toBe(3)
    expect(body.portfolio.symbols).toEqual(['NVDA', 'AVGO', 'TSM'])
    const day0 = body.portfolio.aar.find((d) => d.day === 0)
    const ars = ['NVDA', 'AVGO', 'TSM'].map((s) => rowOf(body, s).abnormalReturn)
    expect(day0?.value).toBeCloseTo(ars.reduce((a, b) => a + b, 0) / 3, 15)
    const w00 = body.portfolio.caar.find((c) => c.window[0] === 0 && c.window[1] === 0)
    expect(w00?.tests.map((t) => t.id)).toEqual([
      'cross-sectional-t',
      'patell',
      'bmp',
      'kolari-pynnonen',
      'corrado',
      'generalized-sign',
    ])
    // Patell by hand from the rows: sum of SCAR over sqrt(sum df / (df - 2)).
    const scars = ['NVDA', 'AVGO', 'TSM'].map((s) => rowOf(body, s).tAR as number)
    const dfs = ['NVDA', 'AVGO', 'TSM'].map((s) => rowOf(body, s).df)
    const patell = scars.reduce((a, b) => a + b, 0) / Math.sqrt(dfs.reduce((a, d) => a + d / (d - 2), 0))
    expect(w00?.tests.find((t) => t.id === 'patell')?.statistic).toBeCloseTo(patell, 12)
    // The CAR path: day -10 to +20 for each row, and the group's band around the CAAR.
    expect(rowOf(body, 'NVDA').path.map((p) => p.day)).toEqual(Array.from({ length: 31 }, (_, i) => i - 10))
    const p0 = body.portfolio.path.find((p) => p.day === 0)
    expect(p0?.lower).toBeLessThan(p0?.caar ?? 0)
    expect(p0?.upper).toBeGreaterThan(p0?.caar ?? 0)
  })

  it('serves CSV: one row per symbol, the CAR windows as columns, numbers unrounded', async () => {
    const json = (await getReaction('symbols=NVDA,SPY&date=2025-01-27')).body
    const res = await get('symbols=NVDA,SPY&date=2025-01-27&format=csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="reaction_NVDA-SPY_2025-01-27_vs_SPY.csv"',
    )
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600, stale-while-revalidate=86400')
    const lines = (await res.text()).trim().split('\n')
    expect(lines).toHaveLength(3)
    const header = (lines[0] ?? '').split(',')
    for (const column of [
      'symbol',
      'return',
      'abnormal_return',
      't_ar',
      'car_0_0',
      't_car_0_0',
      'car_0_+1',
      'car_-1_+1',
      'car_0_+5',
      't_car_0_+5',
      'market_cap_change',
      'recovery_date',
    ]) {
      expect(header).toContain(column)
    }
    const cells = (lines[1] ?? '').split(',')
    const at = (column: string) => cells[header.indexOf(column)]
    const nvda = rowOf(json, 'NVDA')
    expect(at('symbol')).toBe('NVDA')
    expect(at('return')).toBe(String(nvda.return))
    expect(at('abnormal_return')).toBe(String(nvda.abnormalReturn))
    expect(at('car_-1_+1')).toBe(String(nvda.car[2]?.car))
    expect(at('market_cap_change')).toBe(String(nvda.marketCapChange))
    expect(at('recovery_date')).toBe(nvda.recovery?.date)
    const spyCells = (lines[2] ?? '').split(',')
    expect(spyCells[header.indexOf('t_ar')]).toBe('')
    expect(spyCells[header.indexOf('market_cap_change')]).toBe('')
  })

  describe('bad input is a 400 with a message that says what to fix', () => {
    it('rejects a holiday as day 0 and names the nearest sessions', async () => {
      const message = await expectError('symbols=NVDA,AVGO&date=2025-01-20', 400, 'bad_request')
      expect(message).toMatch(/2025-01-20 is not a trading session of SPY/)
      expect(message).toContain('2025-01-17')
      expect(message).toContain('2025-01-21')
      expect(message).toMatch(/Martin Luther King/)
    })

    it('tells a session after the data ends from a day that is not a session, with the real first date', async () => {
      const after = await expectError('symbols=NVDA&date=2025-07-15', 400, 'bad_request')
      expect(after).toMatch(/2025-07-15 is an NYSE session, but it is after the data ends/)
      expect(after).toMatch(/runs from 2024-07-01 to 2025-06-30/)
      expect(after).not.toMatch(/not a trading session/)
      const saturday = await expectError('symbols=NVDA&date=2025-07-05', 400, 'bad_request')
      expect(saturday).toMatch(/2025-07-05 is not an NYSE session \(a Saturday\), and it is after the data ends/)
      const holiday = await expectError('symbols=NVDA&date=2025-07-04', 400, 'bad_request')
      expect(holiday).toMatch(/Independence Day/)
    })

    it('rejects a Saturday as day 0', async () => {
      const message = await expectError('symbols=NVDA&date=2025-01-25', 400, 'bad_request')
      expect(message).toMatch(/Saturday/)
      expect(message).toContain('2025-01-24')
      expect(message).toContain('2025-01-27')
    })

    it('says how many estimation sessions were available and how many are needed', async () => {
      const message = await expectError('symbols=NVDA,AVGO&date=2024-08-01', 400, 'bad_request')
      expect(message).toMatch(/NVDA has 22 sessions before 2024-08-01/)
      expect(message).toMatch(/needs 131/)
      expect(message).toMatch(/same holds for AVGO/)
    })

    it('says which shorter estimation window would fit when one would', async () => {
      // The V3 release (2024-12-26) comes too soon after the start of the snapshot for 120 sessions.
      const message = await expectError('symbols=NVDA&event=2024-12-26-deepseek-v3', 400, 'bad_request')
      const m = /has (\d+) sessions before 2024-12-26.*estimation=(\d+)\)/.exec(message)
      expect(m, message).not.toBeNull()
      expect(Number(m?.[2])).toBe(Number(m?.[1]) - 10 - 1)
      const longest = Number(m?.[2])
      expect((await get(`symbols=NVDA&event=2024-12-26-deepseek-v3&estimation=${longest}`)).status).toBe(200)
      expect((await get(`symbols=NVDA&event=2024-12-26-deepseek-v3&estimation=${longest + 1}`)).status).toBe(400)
    })

    it('fails when no symbol has day 0 as a session, naming the nearest ones', async () => {
      const message = await expectError('symbols=9984.T&date=2025-02-11', 400, 'bad_request')
      expect(message).toMatch(/2025-02-11 is not a trading session of 9984\.T/)
      expect(message).toContain('2025-02-10')
    })

    it.each([
      ['both date and event', 'symbols=NVDA&date=2025-01-27&event=2025-01-27-nvda-record-loss', /either date or event/],
      ['neither date nor event', 'symbols=NVDA', /date=YYYY-MM-DD or as event/],
      ['no symbols', 'date=2025-01-27', /symbols/],
      ['a date that is not a date', 'symbols=NVDA&date=2025-02-30', /real date/],
      ['a future date', 'symbols=NVDA&date=2999-01-04', /future/],
      ['a word as estimation', 'symbols=NVDA&date=2025-01-27&estimation=abc', /estimation must be a whole number/],
      ['a fraction as estimation', 'symbols=NVDA&date=2025-01-27&estimation=12.5', /whole number/],
      ['a huge estimation', 'symbols=NVDA&date=2025-01-27&estimation=100000', /between 20 and 500.*100000/],
      ['a tiny estimation', 'symbols=NVDA&date=2025-01-27&estimation=5', /between 20 and 500/],
      ['a negative gap', 'symbols=NVDA&date=2025-01-27&gap=-1', /gap must be between 0 and 60/],
      ['a window written backwards', 'symbols=NVDA&date=2025-01-27&windows=5:1', /starts after it ends.*1:5/],
      ['a window too far out', 'symbols=NVDA&date=2025-01-27&windows=-21:0', /outside -20\.\.\+20/],
      ['a window that is not t1:t2', 'symbols=NVDA&date=2025-01-27&windows=0-1', /t1:t2/],
      [
        'too many windows',
        `symbols=NVDA&date=2025-01-27&windows=${Array.from({ length: 9 }, (_, i) => `0:${i}`).join(',')}`,
        /at most 8/,
      ],
      ['a malformed benchmark', 'symbols=NVDA&date=2025-01-27&benchmark=../x', /benchmark is not a valid symbol/],
      ['a malformed event id', 'symbols=NVDA&event=../../etc', /event id/],
      ['a repeated date', 'symbols=NVDA&date=2025-01-27&date=2025-01-28', /more than once/],
      ['a repeated estimation', 'symbols=NVDA&date=2025-01-27&estimation=60&estimation=90', /more than once/],
      [
        'an unknown model',
        'symbols=NVDA&date=2025-01-27&model=capm',
        /model must be one of market, market-adjusted, constant-mean/,
      ],
      ['an unknown pairing', 'symbols=NVDA&date=2025-01-27&pairing=lagged', /pairing must be one of auto/],
      [
        'Dimson with another model',
        'symbols=NVDA&date=2025-01-27&pairing=dimson&model=constant-mean',
        /dimson.*model=market only/,
      ],
      [
        'a session without a date',
        'symbols=NVDA&event=2025-01-27-nvda-record-loss&session=during',
        /session goes with date/,
      ],
      ['an unknown session', 'symbols=NVDA&date=2025-01-27&session=lunch', /before-open, during, after-close/],
      ['a path that leaves out day 0', 'symbols=NVDA&date=2025-01-27&path=1:5', /t1 <= 0 <= t2/],
      ['an unknown format', 'symbols=NVDA&date=2025-01-27&format=xml', /json or csv/],
    ])('rejects %s', async (_, query, pattern) => {
      const res = await get(query)
      expect(res.status).toBe(400)
      const body = (await res.json()) as ErrorBody
      expect(body.error.code).toBe('bad_request')
      expect(body.error.message).toMatch(pattern)
      expect(body.error.issues?.length).toBeGreaterThan(0)
    })
  })

  describe('unknown names are a 404 naming them', () => {
    it('answers 404 for an unknown event id', async () => {
      expect(await expectError('symbols=NVDA&event=2025-01-27-no-such-event', 404, 'not_found')).toContain(
        '2025-01-27-no-such-event',
      )
    })

    it('answers 404 for an unknown symbol', async () => {
      expect(await expectError('symbols=NVDA,ZZZZ&date=2025-01-27', 404, 'not_found')).toContain('ZZZZ')
    })

    it('answers 404 for an unknown benchmark', async () => {
      expect(await expectError('symbols=NVDA&date=2025-01-27&benchmark=ZZZZ', 404, 'not_found')).toContain('ZZZZ')
    })
  })
})
