import { beforeAll, describe, expect, it, vi } from 'vitest'
import { getPriceService, resetPriceServiceForTests } from '@/lib/prices'
import { computeReaction } from '@/lib/reaction'
import { resetEnvForTests } from '@/lib/server/env'

beforeAll(() => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  resetPriceServiceForTests()
})

/**
 * The page asks the same studies on every load (its reaction table, two claims); on snapshot data their answer
 * cannot change until the next deploy, so it is computed once per question.
 */
describe('the reaction answers of the embedded snapshot', () => {
  it('are computed once per question, and a different question is computed anew', async () => {
    const prices = vi.spyOn(getPriceService(), 'getPrices')
    const question = { symbols: ['NVDA', 'AMD'], event: '2025-01-27-nvda-record-loss', benchmark: 'SPY' }
    const first = await computeReaction(question)
    const again = await computeReaction({ ...question })
    expect(again).toEqual(first)
    expect(prices).toHaveBeenCalledTimes(1)

    const other = await computeReaction({ ...question, estimation: 60 })
    expect(prices).toHaveBeenCalledTimes(2)
    expect(other).not.toEqual(first)
    prices.mockRestore()
  })

  it('are asked again when the provider setting changes', async () => {
    const question = { symbols: ['AVGO'], event: '2025-01-27-nvda-record-loss', benchmark: 'SPY' }
    await computeReaction(question)
    process.env.PRICE_PROVIDER = 'auto'
    resetEnvForTests()
    resetPriceServiceForTests()
    const prices = vi.spyOn(getPriceService(), 'getPrices')
    await computeReaction(question)
    expect(prices).toHaveBeenCalledTimes(1)
    prices.mockRestore()
    process.env.PRICE_PROVIDER = 'snapshot'
    resetEnvForTests()
    resetPriceServiceForTests()
  })
})
