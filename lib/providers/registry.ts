import 'server-only'
import type { PriceProvider } from './types'
import { createYahooProvider } from './yahoo'
import { yahooEnvShape, type YahooEnv } from './yahoo/env'

/** The live provider's own variables, merged into the app's checked environment (`lib/server/env.ts`). */
export const liveEnvShape = yahooEnvShape
export type LiveEnv = YahooEnv

export function createLiveProvider(env: LiveEnv): PriceProvider {
  return createYahooProvider({ baseUrl: env.YAHOO_BASE_URL, timeoutMs: env.YAHOO_TIMEOUT_MS })
}

/** Longest one upstream attempt may take: what a cross-instance lock on a fetch must outlive. */
export function liveAttemptTimeoutMs(env: LiveEnv): number {
  return env.YAHOO_TIMEOUT_MS
}
