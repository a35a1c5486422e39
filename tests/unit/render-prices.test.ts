import { beforeEach, describe, expect, it, vi } from 'vitest'
import { resetEnvForTests } from '@/lib/server/env'
import { getPriceService, resetPriceServiceForTests } from '@/lib/prices'
import { renderPrices, resetRenderedPricesForTests } from '@/lib/prices/render'

beforeEach(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  resetPriceServiceForTests()
  resetRenderedPricesForTests()
})

describe('renderPrices', () => {
  it('serialises a snapshot answer once and serves the same text after', async () => {
    const spy = vi.spyOn(getPriceService(), 'getPrices')
    const request = { symbols: ['NVDA', 'SPY'], from: '2025-01-02', to: '2025-02-28' }
    const first = await renderPrices(request, 'json')
    const second = await renderPrices(request, 'json')
    expect(spy).toHaveBeenCalledTimes(1)
    expect(second.body).toEqual(first.body)
    expect(first.kind).toBe('snapshot')
    const parsed = JSON.parse(new TextDecoder().decode(first.body)) as {
      series: { symbol: string; bars: unknown[] }[]
      warnings: string[]
    }
    expect(parsed.series.map((s) => s.symbol)).toEqual(['NVDA', 'SPY'])
    expect(parsed.warnings).toEqual([])
  })

  it('keeps JSON and CSV apart', async () => {
    const request = { symbols: ['NVDA'], from: '2025-01-24', to: '2025-01-27' }
    const json = await renderPrices(request, 'json')
    const csv = await renderPrices(request, 'csv')
    expect(new TextDecoder().decode(json.body).startsWith('{')).toBe(true)
    expect(new TextDecoder().decode(csv.body).startsWith('symbol,date,')).toBe(true)
  })

  it('renders answers with warnings afresh every time', async () => {
    const spy = vi.spyOn(getPriceService(), 'getPrices')
    // The snapshot starts on 2024-07-01, so this range draws a warning.
    const request = { symbols: ['NVDA'], from: '2024-06-01', to: '2024-07-10' }
    const first = await renderPrices(request, 'json')
    await renderPrices(request, 'json')
    expect(first.kind).toBe('with-warnings')
    expect(spy).toHaveBeenCalledTimes(2)
  })
})
