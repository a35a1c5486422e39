import 'server-only'
import { env } from '../env'
import { createSnapshotProvider } from '../providers/snapshot'
import { createYahooProvider } from '../providers/yahoo'
import { snapshotCoverage } from '../snapshot'
import { createPriceService, type PriceService, type PriceServiceOptions } from './service'

export type { PricesRequest, PricesResult, PriceService } from './service'

/** What a test may swap in the service it builds next: time, so retries and cache expiry need no waiting. */
export type PriceServiceTestOverrides = Partial<Pick<PriceServiceOptions, 'sleep' | 'now' | 'today'>>

let service: PriceService | undefined
let testOverrides: PriceServiceTestOverrides = {}

/** The one entry point the routes and the page use for prices, configured from the environment. */
export function getPriceService(): PriceService {
  if (!service) {
    const { PRICE_PROVIDER, YAHOO_BASE_URL, YAHOO_TIMEOUT_MS, PRICE_CACHE_MAX_WINDOWS } = env()
    service = createPriceService({
      mode: PRICE_PROVIDER,
      snapshot: createSnapshotProvider(),
      live: () => createYahooProvider({ baseUrl: YAHOO_BASE_URL, timeoutMs: YAHOO_TIMEOUT_MS }),
      snapshotCoverage,
      maxCachedWindows: PRICE_CACHE_MAX_WINDOWS,
      ...testOverrides,
    })
  }
  return service
}

/**
 * For tests that change process.env between cases: drops the service (and its cache) so the next call builds
 * a fresh one from the environment, with the given overrides.
 */
export function resetPriceServiceForTests(overrides: PriceServiceTestOverrides = {}): void {
  service = undefined
  testOverrides = overrides
}
