import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis, linearTicks, MAX_TICKS } from '@/lib/chart/scales'

// Synthetic models: only the fields the axis reads.
const model = (mode: ChartModel['mode']) => ({ mode, series: [{ currency: 'USD' }], rows: [] }) as unknown as ChartModel

describe('y axis', () => {
  it('labels the low end of a log axis (NVDA near $120 beside SPY near $600)', () => {
    const axis = buildYAxis(model('log'), [116.7, 609.75])
    expect(axis.ticks.some((t) => t >= 110 && t <= 160)).toBe(true)
    expect(axis.ticks.every((t, i) => i === 0 || t > axis.ticks[i - 1]!)).toBe(true)
    expect(axis.domain[0]).toBeLessThanOrEqual(116.7)
    expect(axis.domain[1]).toBeGreaterThanOrEqual(609.75)
  })

  it('always shows the 0% line in percent mode and formats ticks as percentages', () => {
    const axis = buildYAxis(model('percent'), [0.02, 0.09])
    expect(axis.ticks).toContain(0)
    expect(axis.format(0.05)).toBe('+5%')
    expect(axis.format(-0.1)).toBe('\u221210%')
  })
})

describe('y axis under extreme values (what a corrupt upstream bar would bring)', () => {
  const modes: ChartModel['mode'][] = ['price', 'percent', 'log']

  function expectSaneAxis(mode: ChartModel['mode'], values: number[]) {
    const started = performance.now()
    const axis = buildYAxis(model(mode), values)
    const elapsed = performance.now() - started
    expect(elapsed).toBeLessThan(100)
    expect(axis.ticks.length).toBeGreaterThanOrEqual(1)
    expect(axis.ticks.length).toBeLessThanOrEqual(MAX_TICKS + 1)
    expect(axis.ticks.every(Number.isFinite)).toBe(true)
    expect(axis.ticks.every((t, i) => i === 0 || t > axis.ticks[i - 1]!)).toBe(true)
    expect(Number.isFinite(axis.domain[0]) && Number.isFinite(axis.domain[1])).toBe(true)
    expect(axis.domain[1]).toBeGreaterThan(axis.domain[0])
    for (const t of axis.ticks) {
      expect(Number.isFinite(axis.position(t))).toBe(true)
      expect(axis.format(t).length).toBeLessThan(40)
    }
  }

  const named: Array<[string, number[]]> = [
    ['1e300 beside normal prices', [120, 1e300]],
    ['a bar near the smallest double', [5e-324, 120]],
    ['only 5e-324', [5e-324]],
    ['1e19 and 1e19 + 4096', [1e19, 1e19 + 4096]],
    ['equal values', [42, 42, 42]],
    ['the largest doubles of both signs', [Number.MAX_VALUE, -Number.MAX_VALUE]],
    ['NaN and Infinity among real values', [NaN, Infinity, -Infinity, 100, 101]],
    ['nothing but NaN', [NaN]],
    ['no values', []],
  ]
  for (const mode of modes) {
    it.each(named)(`${mode} mode: %s gives a short, finite, ascending tick list at once`, (_, values) => {
      expectSaneAxis(mode, values)
    })
  }

  it('property: any doubles, any mode', () => {
    fc.assert(
      fc.property(fc.constantFrom(...modes), fc.array(fc.double(), { minLength: 0, maxLength: 8 }), (mode, values) => {
        expectSaneAxis(mode, values)
      }),
      { numRuns: 600 },
    )
  })

  it('property: linearTicks over any pair of doubles and any target is bounded and sorted', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.integer({ min: -5, max: 1_000_000 }), (lo, hi, target) => {
        const { ticks, domain } = linearTicks(lo, hi, target)
        expect(ticks.length).toBeLessThanOrEqual(MAX_TICKS + 1)
        expect(ticks.every(Number.isFinite)).toBe(true)
        expect(ticks.every((t, i) => i === 0 || t > ticks[i - 1]!)).toBe(true)
        expect(domain[1]).toBeGreaterThan(domain[0])
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps ordinary axes as they were: 100..200 in steps of 20', () => {
    expect(linearTicks(100, 200, 6).ticks).toEqual([100, 120, 140, 160, 180, 200])
  })
})
