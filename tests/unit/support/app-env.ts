import { resetEnvForTests } from '@/lib/env'
import { resetPriceServiceForTests } from '@/lib/prices'
import { resetLiveRequestLimiterForTests } from '@/lib/rate-limit'

const APP_ENV_KEYS = ['PRICE_PROVIDER', 'YAHOO_BASE_URL', 'YAHOO_TIMEOUT_MS', 'LIVE_REQUESTS_PER_MINUTE'] as const

/**
 * Remembers the app's environment variables now and returns a function that puts them back and drops every
 * process-wide singleton built from them, for tests that switch providers or limits.
 */
export function saveAppEnv(): () => void {
  const saved = Object.fromEntries(APP_ENV_KEYS.map((k) => [k, process.env[k]]))
  return () => {
    for (const key of APP_ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
    resetEnvForTests()
    resetPriceServiceForTests()
    resetLiveRequestLimiterForTests()
  }
}
