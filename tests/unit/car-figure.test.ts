import { beforeAll, describe, expect, it } from 'vitest'
import { resetEnvForTests } from '@/lib/server/env'
import { computeReaction, type ReactionResult } from '@/lib/reaction'
import { buildCarFigureSvg, carFigureCsv, carFigureFileName } from '@/lib/reaction/car-figure'

let result: ReactionResult

beforeAll(async () => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  result = await computeReaction({ symbols: ['NVDA', 'AVGO', 'SPY'], event: '2025-01-27-nvda-record-loss' })
})

describe('the event-study figure (real snapshot data)', () => {
  it('draws one CAR path per symbol but the benchmark, the CAAR, its band and day 0', () => {
    const svg = buildCarFigureSvg(result, { width: 800, height: 420 })
    expect(svg.match(/<path /g)).toHaveLength(3) // NVDA, AVGO and the CAAR
    expect(svg).toContain('<polygon')
    expect(svg).toContain('>day 0<')
    expect(svg).toContain('var(--series-1)')
    expect(svg).not.toContain('>SPY<')
  })

  it('makes a standalone file with resolved colours and escaped text', () => {
    const svg = buildCarFigureSvg(result, {
      width: 1600,
      height: 900,
      palette: { '--fg': '#111111', '--panel': '#fff' },
      title: 'A <b>&',
    })
    expect(svg).not.toContain('var(--')
    expect(svg).toContain('A &lt;b&gt;&amp;')
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"')).toBe(true)
  })

  it('writes the numbers behind it: 31 days per symbol and the CAAR with its band', () => {
    const lines = carFigureCsv(result).trim().split('\n')
    expect(lines[0]).toBe('series,day,date,car,sd,lower_95,upper_95,n')
    expect(lines.filter((l) => l.startsWith('NVDA,'))).toHaveLength(31)
    const caar0 = lines.find((l) => l.startsWith('CAAR,0,'))?.split(',') ?? []
    const p0 = result.portfolio.path.find((p) => p.day === 0)
    expect(Number(caar0[3])).toBe(p0?.caar)
    expect(Number(caar0[5])).toBeCloseTo((p0?.caar ?? 0) - 1.959963984540054 * (p0?.sd ?? 0), 14)
    expect(carFigureFileName(result, 'png')).toBe('car_NVDA-AVGO_2025-01-27_vs_SPY.png')
  })
})
