import 'server-only'
import { env } from '../env'
import { createSnapshotProvider } from '../providers/snapshot'
import { createYahooProvider } from '../providers/yahoo'
import { snapshotCoverage } from '../snapshot'
import { createPriceService, type PriceService } from './service'

export type { PricesRequest, PricesResult, PriceService } from './service'

let service: PriceService | undefined

/** The one entry point the routes and the page use for prices, configured from the environment. */
export function getPriceService(): PriceService {
  if (!service) {
    const { PRICE_PROVIDER, YAHOO_BASE_URL, YAHOO_TIMEOUT_MS } = env()
    service = createPriceService({
      mode: PRICE_PROVIDER,
      snapshot: createSnapshotProvider(),
      live: () => createYahooProvider({ baseUrl: YAHOO_BASE_URL, timeoutMs: YAHOO_TIMEOUT_MS }),
      snapshotCoverage,
    })
  }
  return service
}
