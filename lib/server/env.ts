import 'server-only'
import { z } from 'zod'
import { LIVE_PROVIDER_ID } from '../providers/live'
import { liveEnvShape } from '../providers/registry'
import { printable } from '../safe-text'

/**
 * Every environment variable the app reads, with its default and its bounds. instrumentation.ts checks them
 * when the server starts and refuses to start on a bad value, naming it; nothing reads `process.env` for these
 * keys anywhere else. A new variable needs only a line here.
 */
export const envSchema = z.object({
  /** `auto`, `snapshot`, or the live provider's id for live data only. */
  PRICE_PROVIDER: z
    .enum(['auto', 'snapshot', LIVE_PROVIDER_ID], { error: `must be auto, snapshot or ${LIVE_PROVIDER_ID}` })
    .default('auto'),
  ...liveEnvShape,
  /** Requests per minute one client may send that reach the live upstream. */
  LIVE_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(30),
  /** Cap on cached live windows; unset keeps the service's default (the load test lowers it). */
  PRICE_CACHE_MAX_WINDOWS: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100_000).optional(),
  /** Proxies in front that append to X-Forwarded-For; 0 ignores forwarded headers (lib/limits/client-identity.ts). */
  TRUST_PROXY_HOPS: z.coerce.number({ error: 'must be a number' }).int().min(0).max(10).default(0),
  /** Upstream requests per minute for the whole server, every attempt and retry counted (lib/limits/). */
  UPSTREAM_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(120),
  /** Requests per minute one client may make to /api/prices and /api/reaction, cached or not. */
  API_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(300),
  /** Requests per minute one client may make for the page `/`, which renders the chart on the server. */
  PAGE_REQUESTS_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1_000_000).default(60),
  /**
   * Memory for rendered pages kept per process (lib/server/page-cache.ts), in MiB; 0 turns the cache off. Used
   * only with PRICE_PROVIDER=snapshot, where a page is a function of its URL and the day.
   */
  PAGE_CACHE_MIB: z.coerce.number({ error: 'must be a number' }).int().min(0).max(16_384).default(64),
  /**
   * When a page from memory loads the framework's chunks (lib/server/defer-scripts.ts): `after-paint` once the
   * first frame is drawn, `eager` as Next.js writes them (for side-by-side measurement).
   */
  PAGE_SCRIPTS: z.enum(['after-paint', 'eager'], { error: 'must be after-paint or eager' }).default('after-paint'),
  /** Bytes of live windows (bars) kept in memory per process. */
  PRICE_CACHE_MAX_MIB: z.coerce.number({ error: 'must be a number' }).int().min(1).max(16_384).default(128),
  /** Shared store for every instance (cache, single-flight, limits, budget); unset keeps all of it in memory. */
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' })
    .optional(),
  /** Byte cap of the shared window cache in Redis; unset keeps the store's default. */
  REDIS_CACHE_MAX_BYTES: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1_024)
    .max(16 * 1024 * 1024 * 1024)
    .optional(),
  /** On SIGTERM, longest wait for requests in flight before the process exits anyway (lib/server/shutdown.ts). */
  SHUTDOWN_GRACE_MS: z.coerce.number({ error: 'must be a number' }).int().min(100).max(120_000).default(8_000),
})

export type Env = z.infer<typeof envSchema>
export const ENV_KEYS = Object.keys(envSchema.shape) as (keyof Env)[]

export type EnvCheck = { ok: true; env: Env } | { ok: false; problems: string[] }

/** Reads and checks the app's variables from `source`. An empty value counts as unset. */
export function readEnv(source: Record<string, string | undefined> = process.env): EnvCheck {
  const raw = Object.fromEntries(ENV_KEYS.map((key) => [key, source[key] || undefined]))
  const parsed = envSchema.safeParse(raw)
  if (parsed.success) return { ok: true, env: parsed.data }
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(environment)')
    const given = source[key]
    return `${key} ${issue.message}${given === undefined ? '' : ` (got "${printable(given, 60)}")`}`
  })
  return { ok: false, problems }
}

export class InvalidEnvError extends Error {
  override readonly name = 'InvalidEnvError'
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join('; ')}`)
  }
}

let cached: Env | undefined

/** The validated environment. Throws InvalidEnvError naming the bad variable (start-up has already checked). */
export function env(): Env {
  if (!cached) {
    const checked = readEnv()
    if (!checked.ok) throw new InvalidEnvError(checked.problems)
    cached = checked.env
  }
  return cached
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined
}
