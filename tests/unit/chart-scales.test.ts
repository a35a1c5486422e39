import { describe, expect, it } from 'vitest'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis } from '@/lib/chart/scales'

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
