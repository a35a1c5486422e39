import 'server-only'
import { env } from '../server/env'
import { getLimitsStore, resetLimitsStoreForTests } from '../limits'
import { createSnapshotProvider } from '../providers/snapshot'
import { LIVE_PROVIDER_ID } from '../providers/live'
import { createLiveProvider } from '../providers/registry'
import { snapshotCoverage } from '../snapshot'
import {
  cachedWindowBytes,
  createPriceService,
  type CachedWindow,
  type PriceService,
  type PriceServiceOptions,
} from './service'
import { cachedWindowCodec } from './window-codec'

export type { PricesRequest, PricesResult, PriceService } from './service'

/** What a test may swap in the service it builds next: time, so retries and cache expiry need no waiting. */
export type PriceServiceTestOverrides = Partial<Pick<PriceServiceOptions, 'sleep' | 'now' | 'today'>>

let service: PriceService | undefined
let testOverrides: PriceServiceTestOverrides = {}

/** The one entry point the routes and the page use for prices, configured from the environment. */
export function getPriceService(): PriceService {
  if (!service) {
    const e = env()
    const { PRICE_PROVIDER, PRICE_CACHE_MAX_WINDOWS, PRICE_CACHE_MAX_MIB } = e
    const store = getLimitsStore()
    service = createPriceService({
      mode: PRICE_PROVIDER === LIVE_PROVIDER_ID ? 'live' : PRICE_PROVIDER,
      snapshot: createSnapshotProvider(),
      live: () => createLiveProvider(e),
      snapshotCoverage,
      windowCache: store.byteCache<CachedWindow>('live-windows', {
        maxBytes: PRICE_CACHE_MAX_MIB * 1024 * 1024,
        sizeOf: cachedWindowBytes,
        maxEntries: PRICE_CACHE_MAX_WINDOWS,
        now: testOverrides.now,
        // Written as text, so the window cache is shared by every instance when REDIS_URL is set.
        codec: cachedWindowCodec,
      }),
      singleFlight: store.singleFlight('live-windows'),
      budget: store.upstreamBudget(),
      ...testOverrides,
    })
  }
  return service
}

/**
 * For tests that change process.env between cases: drops the service (and its cache, with every other limit
 * and cache in the store) so the next call builds
 * a fresh one from the environment, with the given overrides.
 */
export function resetPriceServiceForTests(overrides: PriceServiceTestOverrides = {}): void {
  service = undefined
  // The window cache, single-flight and budget live in the store: a fresh service starts with fresh ones.
  resetLimitsStoreForTests()
  testOverrides = overrides
}
