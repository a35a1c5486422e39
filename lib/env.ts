import 'server-only'
import { z } from 'zod'

const envSchema = z.object({
  PRICE_PROVIDER: z.enum(['auto', 'snapshot', 'yahoo']).default('auto'),
  YAHOO_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'YAHOO_BASE_URL must be an http(s) URL, e.g. http://127.0.0.1:4010' })
    .optional(),
  YAHOO_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /** Requests per minute one client may send that reach the live upstream. */
  LIVE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Cap on cached live windows; unset keeps the service's default (the load test lowers it). */
  PRICE_CACHE_MAX_WINDOWS: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Proxies in front that append to X-Forwarded-For; 0 ignores forwarded headers (lib/limits/client-identity.ts). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Upstream requests per minute for the whole server, every attempt and retry counted (lib/limits/). */
  UPSTREAM_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Requests per minute one client may make to /api/prices and /api/reaction, cached or not. */
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
  /** Requests per minute one client may make for the page `/`, which renders the chart on the server. */
  PAGE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Bytes of live windows (bars) kept in memory per process. */
  PRICE_CACHE_MAX_MIB: z.coerce.number().int().min(1).max(16_384).default(128),
  /** Shared store for every instance (cache, single-flight, limits, budget); unset keeps all of it in memory. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' })
    .optional(),
  /** Byte cap of the shared window cache in Redis; unset keeps the store's default. */
  REDIS_CACHE_MAX_BYTES: z.coerce.number().int().min(1_024).max(16 * 1024 * 1024 * 1024).optional(),
})

export type Env = z.infer<typeof envSchema>

let cached: Env | undefined

/** The validated environment. Fails fast with a message naming the bad variable. */
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse({
      PRICE_PROVIDER: process.env.PRICE_PROVIDER || undefined,
      YAHOO_BASE_URL: process.env.YAHOO_BASE_URL || undefined,
      YAHOO_TIMEOUT_MS: process.env.YAHOO_TIMEOUT_MS || undefined,
      LIVE_REQUESTS_PER_MINUTE: process.env.LIVE_REQUESTS_PER_MINUTE || undefined,
      PRICE_CACHE_MAX_WINDOWS: process.env.PRICE_CACHE_MAX_WINDOWS || undefined,
      TRUST_PROXY_HOPS: process.env.TRUST_PROXY_HOPS || undefined,
      UPSTREAM_REQUESTS_PER_MINUTE: process.env.UPSTREAM_REQUESTS_PER_MINUTE || undefined,
      API_REQUESTS_PER_MINUTE: process.env.API_REQUESTS_PER_MINUTE || undefined,
      PAGE_REQUESTS_PER_MINUTE: process.env.PAGE_REQUESTS_PER_MINUTE || undefined,
      PRICE_CACHE_MAX_MIB: process.env.PRICE_CACHE_MAX_MIB || undefined,
      REDIS_URL: process.env.REDIS_URL || undefined,
      REDIS_CACHE_MAX_BYTES: process.env.REDIS_CACHE_MAX_BYTES || undefined,
    })
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
      throw new Error(`Invalid environment: ${detail}`)
    }
    cached = parsed.data
  }
  return cached
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined
}
