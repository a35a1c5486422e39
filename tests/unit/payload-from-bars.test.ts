import { describe, expect, it } from 'vitest'
import { reshapeChart } from '@/lib/providers/yahoo/reshape'
import { parseChartResponse } from '@/lib/providers/yahoo/schema'
import { snapshotBars, snapshotSymbols } from '@/lib/snapshot'
import { getSymbolInfo } from '@/lib/symbols'
import { chartPayloadFromBars, zonedEpochSeconds } from '../mock-yahoo/payload-from-bars'

// The load test's mock serves these payloads as Yahoo; they must carry the snapshot's bars and nothing else.
describe('chartPayloadFromBars', () => {
  it('round-trips every snapshot series through the live provider validation and reshape unchanged', () => {
    for (const symbol of snapshotSymbols()) {
      const bars = snapshotBars(symbol) ?? []
      const info = getSymbolInfo(symbol)
      const zone = info?.timeZone ?? 'America/New_York'
      const payload = chartPayloadFromBars(symbol, bars, {
        currency: info?.currency ?? null,
        exchangeTimezoneName: zone,
        openTime: zone === 'Asia/Tokyo' ? '09:00' : '09:30',
      })
      const result = reshapeChart(parseChartResponse(payload), symbol)
      expect(result.bars, symbol).toEqual(bars)
    }
  })

  it('stamps bars at the 09:30 New York open in both winter and summer time, as Yahoo does', () => {
    // 2025-01-27 14:30 UTC (EST) and 2024-07-01 13:30 UTC (EDT).
    expect(zonedEpochSeconds('2025-01-27', '09:30', 'America/New_York')).toBe(Date.UTC(2025, 0, 27, 14, 30) / 1000)
    expect(zonedEpochSeconds('2024-07-01', '09:30', 'America/New_York')).toBe(Date.UTC(2024, 6, 1, 13, 30) / 1000)
    expect(zonedEpochSeconds('2025-01-27', '09:00', 'Asia/Tokyo')).toBe(Date.UTC(2025, 0, 27, 0, 0) / 1000)
  })

  it('has the shape of the recorded samples: one result, quote and adjclose arrays as long as the timestamps', () => {
    const bars = snapshotBars('NVDA') ?? []
    const payload = chartPayloadFromBars('NVDA', bars, { currency: 'USD', exchangeTimezoneName: 'America/New_York' })
    const [result] = payload.chart.result
    expect(payload.chart.error).toBeNull()
    expect(result.meta).toMatchObject({
      symbol: 'NVDA',
      currency: 'USD',
      exchangeTimezoneName: 'America/New_York',
      dataGranularity: '1d',
    })
    expect(result.timestamp).toHaveLength(bars.length)
    const [quote] = result.indicators.quote
    for (const series of [
      quote.open,
      quote.high,
      quote.low,
      quote.close,
      quote.volume,
      result.indicators.adjclose[0].adjclose,
    ]) {
      expect(series).toHaveLength(bars.length)
    }
  })
})
