import { z } from 'zod'

/** Time allowed for one upstream request (connecting, headers and the whole body). */
export const DEFAULT_YAHOO_TIMEOUT_MS = 8_000

/** The variables this provider reads; `lib/server/env.ts` checks them with the app's others at start-up. */
export const yahooEnvShape = {
  YAHOO_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:4010' })
    .optional(),
  YAHOO_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(100)
    .max(60_000)
    .default(DEFAULT_YAHOO_TIMEOUT_MS),
}

export interface YahooEnv {
  YAHOO_BASE_URL?: string | undefined
  YAHOO_TIMEOUT_MS: number
}
