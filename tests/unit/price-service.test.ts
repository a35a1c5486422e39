import { describe, expect, it, vi } from 'vitest'
import { DomainError } from '@/lib/errors'
import { createPriceService, type ProviderMode } from '@/lib/prices/service'
import { ProviderError, type DailyBarsRequest, type PriceProvider } from '@/lib/providers/types'
import type { Bar } from '@/lib/types'

// Synthetic bars for testing the service's plumbing only; no real prices here.
function syntheticBars(dates: string[]): Bar[] {
  return dates.map((date, i) => ({
    date,
    open: 10 + i,
    high: 11 + i,
    low: 9 + i,
    close: 10 + i,
    adjClose: 10 + i,
    volume: 100,
  }))
}
const SNAPSHOT_DATES = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08', '2025-01-10']
const LIVE_DATES = ['2024-12-30', '2024-12-31', ...SNAPSHOT_DATES, '2025-01-13']

function fakeSnapshot(symbols: string[]): PriceProvider {
  return {
    id: 'snapshot',
    async getDailyBars({ symbol, from, to }) {
      if (!symbols.includes(symbol))
        throw new ProviderError('not_found', 'not in snapshot', { provider: 'snapshot', symbol })
      return {
        symbol,
        name: symbol,
        currency: 'USD',
        exchangeTimezone: 'America/New_York',
        bars: syntheticBars(SNAPSHOT_DATES).filter((b) => b.date >= from && b.date <= to),
      }
    },
  }
}

function fakeLive(behaviour: (req: DailyBarsRequest, call: number) => Promise<Bar[]> | Bar[]) {
  const calls: DailyBarsRequest[] = []
  const provider: PriceProvider = {
    id: 'yahoo',
    async getDailyBars(req) {
      calls.push(req)
      const bars = await behaviour(req, calls.length)
      return {
        symbol: req.symbol,
        name: `${req.symbol} Inc`,
        currency: 'USD',
        exchangeTimezone: 'America/New_York',
        bars,
      }
    },
  }
  return { provider, calls }
}

function service(mode: ProviderMode, live: PriceProvider, snapshotSymbols = ['NVDA']) {
  return createPriceService({
    mode,
    snapshot: fakeSnapshot(snapshotSymbols),
    live: () => live,
    snapshotCoverage: (s) => (snapshotSymbols.includes(s) ? { from: '2025-01-02', to: '2025-01-10' } : undefined),
    today: () => '2026-11-28',
    sleep: async () => {},
  })
}

const upstreamDown = () => {
  throw new ProviderError('upstream', 'HTTP 500', { provider: 'yahoo', symbol: 'X' })
}

describe('price service', () => {
  it('serves the snapshot without touching the live provider when it covers the range (auto)', async () => {
    const live = fakeLive(() => syntheticBars(LIVE_DATES))
    const result = await service('auto', live.provider).getPrices({
      symbols: ['NVDA'],
      from: '2025-01-03',
      to: '2025-01-07',
    })
    expect(result.series[0]?.source).toBe('snapshot')
    expect(result.series[0]?.bars.map((b) => b.date)).toEqual(['2025-01-03', '2025-01-06', '2025-01-07'])
    expect(live.calls).toHaveLength(0)
  })

  it('shares one upstream call among 50 concurrent identical requests (single-flight)', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const live = fakeLive(async () => {
      await gate
      return syntheticBars(LIVE_DATES)
    })
    const svc = service('live', live.provider)
    const requests = Array.from({ length: 50 }, () =>
      svc.getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' }),
    )
    release()
    const results = await Promise.all(requests)
    expect(live.calls).toHaveLength(1)
    expect(results.every((r) => r.series[0]?.bars.length === 5)).toBe(true)
  })

  it('answers other ranges in the same years from the cache, sliced', async () => {
    const live = fakeLive(() => syntheticBars(LIVE_DATES))
    const svc = service('live', live.provider)
    await svc.getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' })
    const second = await svc.getPrices({ symbols: ['AMD'], from: '2025-01-06', to: '2025-01-13' })
    expect(live.calls).toHaveLength(1)
    expect(second.series[0]?.bars.map((b) => b.date)).toEqual([
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-01-10',
      '2025-01-13',
    ])
    // The upstream is asked for whole calendar years, so neighbouring ranges share a window.
    expect(live.calls[0]).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
  })

  it('fetches several symbols concurrently', async () => {
    let active = 0
    let peak = 0
    const live = fakeLive(async () => {
      active++
      peak = Math.max(peak, active)
      await new Promise((r) => setTimeout(r, 10))
      active--
      return syntheticBars(LIVE_DATES)
    })
    await service('live', live.provider).getPrices({
      symbols: ['A', 'B', 'C', 'D'],
      from: '2025-01-02',
      to: '2025-01-08',
    })
    expect(peak).toBe(4)
  })

  it('retries a failing upstream, then succeeds', async () => {
    const live = fakeLive((_req, call) => (call < 3 ? upstreamDown() : syntheticBars(LIVE_DATES)))
    const result = await service('live', live.provider).getPrices({
      symbols: ['AMD'],
      from: '2025-01-02',
      to: '2025-01-08',
    })
    expect(live.calls).toHaveLength(3)
    expect(result.warnings).toEqual([])
  })

  it('falls back to the snapshot with a warning when the live source fails (auto)', async () => {
    const live = fakeLive(upstreamDown)
    const result = await service('auto', live.provider).getPrices({
      symbols: ['NVDA'],
      from: '2024-12-01',
      to: '2025-01-10',
    })
    expect(result.series[0]?.source).toBe('snapshot')
    expect(result.warnings.join(' ')).toMatch(/NVDA: live data unavailable .*embedded snapshot/)
  })

  it('keeps the symbols that worked and warns about the one that failed', async () => {
    const live = fakeLive((req) => (req.symbol === 'BAD' ? upstreamDown() : syntheticBars(LIVE_DATES)))
    const result = await service('live', live.provider).getPrices({
      symbols: ['AMD', 'BAD'],
      from: '2025-01-02',
      to: '2025-01-08',
    })
    expect(result.series.map((s) => s.symbol)).toEqual(['AMD'])
    expect(result.warnings).toEqual(['BAD: left out, the live source failed.'])
  })

  it("fails as upstream_failed when nothing could be loaded (the API's 502), upstream_timeout when everything timed out (504)", async () => {
    const down = fakeLive(upstreamDown)
    await expect(
      service('live', down.provider).getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' }),
    ).rejects.toMatchObject({ kind: 'upstream_failed' })
    const slow = fakeLive(() => {
      throw new ProviderError('timeout', 'timed out', { provider: 'yahoo', symbol: 'AMD' })
    })
    await expect(
      service('live', slow.provider).getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' }),
    ).rejects.toMatchObject({ kind: 'upstream_timeout' })
  })

  it('remembers a failure briefly instead of hammering a dead upstream', async () => {
    const live = fakeLive(upstreamDown)
    const svc = service('live', live.provider)
    await expect(svc.getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' })).rejects.toBeInstanceOf(
      DomainError,
    )
    const callsAfterFirst = live.calls.length
    await expect(svc.getPrices({ symbols: ['AMD'], from: '2025-01-02', to: '2025-01-08' })).rejects.toBeInstanceOf(
      DomainError,
    )
    expect(live.calls.length).toBe(callsAfterFirst)
  })

  it("fails as not_found naming an unknown symbol in snapshot mode (the API's 404)", async () => {
    const live = fakeLive(() => [])
    const promise = service('snapshot', live.provider).getPrices({
      symbols: ['NVDA', 'ZZZZ'],
      from: '2025-01-02',
      to: '2025-01-08',
    })
    await expect(promise).rejects.toMatchObject({ kind: 'not_found', message: expect.stringContaining('ZZZZ') })
    expect(live.calls).toHaveLength(0)
  })

  it('warns when the data does not reach the requested start', async () => {
    const result = await service('snapshot', fakeLive(() => []).provider).getPrices({
      symbols: ['NVDA'],
      from: '2024-12-01',
      to: '2025-01-10',
    })
    expect(result.warnings).toEqual(['NVDA: data starts on 2025-01-02, after the requested 2024-12-01.'])
  })

  it('does not build the live client until something needs it', async () => {
    const factory = vi.fn(() => fakeLive(() => []).provider)
    const svc = createPriceService({
      mode: 'auto',
      snapshot: fakeSnapshot(['NVDA']),
      live: factory,
      snapshotCoverage: () => ({ from: '2025-01-02', to: '2025-01-10' }),
    })
    await svc.getPrices({ symbols: ['NVDA'], from: '2025-01-02', to: '2025-01-08' })
    expect(factory).not.toHaveBeenCalled()
  })
})
