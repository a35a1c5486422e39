import { ENV_KEYS, resetEnvForTests } from '@/lib/server/env'
import { resetPriceServiceForTests } from '@/lib/prices'
import { resetLiveRequestLimiterForTests } from '@/lib/api/client-limits'

/** Every variable lib/server/env.ts declares, so a new one is saved and restored without a change here. */
const APP_ENV_KEYS = ENV_KEYS

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
