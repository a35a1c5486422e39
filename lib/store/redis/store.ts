import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { Redis } from 'ioredis'
import { createMemoryCache, createMemoryLimiter, createMemoryLock, LOCAL_LOCK_TOKEN_PREFIX } from '../memory'
import type {
  CountLimiter,
  CountLimiterOptions,
  FlightLock,
  LimitDecision,
  LockAttempt,
  SharedCache,
  SharedStore,
  StoreHealth,
} from '../types'

/**
 * Bumped whenever the layout of what this file writes changes (the value envelope, the index keys), so a deploy
 * with a new layout never reads an old one: its keys simply are not there and it starts cold.
 */
export const STORE_FORMAT_VERSION = 's1'
/**
 * No request waits longer than this for one Redis call; past it the call counts as unanswered and the caller uses
 * its fallback (its own memory, or, for a lock, "unknown": it keeps waiting for the holder). A healthy Redis on the
 * same network answers in about a millisecond; the bound is set well above that because the timer also counts time
 * this process's event loop was busy (and the expiry is only acted on after the loop has read what arrived meanwhile,
 * see `withTimeout`): at 250 ms a burst on a loaded 2-core machine tripped it with Redis idle.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000
/** How long the first connection may take before requests stop waiting for it. */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000
/**
 * One unanswered call does not make Redis "down": a stalled event loop makes every call in flight time out at once
 * with Redis idle. Redis is judged down (and left alone for the backoff) when calls have kept failing, with no
 * answer in between, for at least this long, or at once when the connection itself is lost.
 */
export const REDIS_DOWN_AFTER_FAILING_MS = REDIS_COMMAND_TIMEOUT_MS
/** Once judged down, Redis is left alone this long, so a sick Redis costs a few timeouts, not one per request. */
export const REDIS_BACKOFF_AFTER_FAILURE_MS = 2_000
/** Reconnect delays grow up to this; ioredis keeps trying for as long as the process runs. */
export const REDIS_RECONNECT_MAX_DELAY_MS = 2_000
/** Shared byte cap of the window cache in Redis (the value bytes as stored, compressed or not, plus the key). */
export const REDIS_CACHE_MAX_BYTES = 64 * 1024 * 1024
/** Values shorter than this are stored as they are: gzip's header costs more than it saves. */
export const COMPRESS_MIN_BYTES = 1_024
/** Bound on evictions in one write, so one call can never loop long inside Redis. */
const MAX_EVICTIONS_PER_WRITE = 1_000

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

const ENCODING_RAW = 0
const ENCODING_GZIP = 1
/** Envelope: 1 byte encoding, 8 bytes fresh-until (ms since epoch, float64 BE), then the payload. */
const HEADER_BYTES = 9

export async function encodeValue(value: string, freshUntil: number): Promise<Buffer> {
  const raw = Buffer.from(value, 'utf8')
  let payload = raw
  let encoding = ENCODING_RAW
  if (raw.length >= COMPRESS_MIN_BYTES) {
    const zipped = await gzipAsync(raw)
    if (zipped.length < raw.length) {
      payload = zipped
      encoding = ENCODING_GZIP
    }
  }
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt8(encoding, 0)
  header.writeDoubleBE(freshUntil, 1)
  return Buffer.concat([header, payload])
}

export async function decodeValue(stored: Buffer): Promise<{ value: string; freshUntil: number } | undefined> {
  if (stored.length < HEADER_BYTES) return undefined
  const encoding = stored.readUInt8(0)
  const freshUntil = stored.readDoubleBE(1)
  const payload = stored.subarray(HEADER_BYTES)
  if (encoding === ENCODING_RAW) return { value: payload.toString('utf8'), freshUntil }
  if (encoding === ENCODING_GZIP) return { value: (await gunzipAsync(payload)).toString('utf8'), freshUntil }
  return undefined
}

/**
 * Stores a value and keeps the cache under its byte cap, atomically. Sizes are kept in a hash and the keys in a
 * sorted set by expiry time; entries whose time has passed are dropped from the books first, then the ones that
 * would expire soonest until the total fits. Expired values leave Redis on their own (PX); their sizes stay
 * counted until pruned here, so the count can only overstate what is stored and the cap always holds.
 * (The evicted keys are not declared in KEYS: fine on one Redis, not on Redis Cluster.)
 */
const SET_CAPPED_SCRIPT = `
local size = string.len(ARGV[1]) + string.len(KEYS[1])
local cap = tonumber(ARGV[4])
if size > cap then return -1 end
local now = tonumber(ARGV[3])
local expiresAt = now + tonumber(ARGV[2])
local function forget(k)
  local s = tonumber(redis.call('HGET', KEYS[3], k) or '0')
  redis.call('ZREM', KEYS[2], k)
  redis.call('HDEL', KEYS[3], k)
  redis.call('DECRBY', KEYS[4], s)
end
forget(KEYS[1])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[5]))
for _, k in ipairs(expired) do forget(k) end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[2], expiresAt, KEYS[1])
redis.call('HSET', KEYS[3], KEYS[1], size)
local total = redis.call('INCRBY', KEYS[4], size)
local evicted = 0
while total > cap and evicted < tonumber(ARGV[5]) do
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0)
  if #oldest == 0 then break end
  forget(oldest[1])
  redis.call('DEL', oldest[1])
  total = tonumber(redis.call('GET', KEYS[4]) or '0')
  evicted = evicted + 1
end
return evicted
`

/** Frees the lock if ARGV[1] holds it; with ARGV[2] > 0 keeps it that many ms under no token instead. */
const RELEASE_LOCK_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local keep = tonumber(ARGV[2] or '0')
if keep > 0 then return redis.call('SET', KEYS[1], 'done', 'PX', keep) end
return redis.call('DEL', KEYS[1])
`

/**
 * The token bucket of lib/store/memory.ts, atomically in Redis: the same refill rule, the same "spend nothing when
 * refused". The time is Redis's own (TIME), so instances whose clocks differ still agree. Tokens are returned as
 * text because Redis truncates Lua numbers to integers. A bucket idle for a whole window is full, so it expires then.
 */
const TAKE_TOKENS_SCRIPT = `
local capacity = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
tokens = math.min(capacity, tokens + math.max(0, now - at) * capacity / windowMs)
local granted = 0
if tokens >= cost then
  tokens = tokens - cost
  granted = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], windowMs)
return { granted, tostring(tokens) }
`

type RedisWithScripts = Redis & {
  takeTokens(key: string, capacity: number, windowMs: number, cost: number): Promise<[number, string]>
  setCapped(
    key: string,
    index: string,
    sizes: string,
    total: string,
    value: Buffer,
    ttlMs: number,
    now: number,
    cap: number,
    maxEvictions: number,
  ): Promise<number>
  releaseLock(key: string, token: string, keepForMs: number): Promise<unknown>
}

export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError'
}

export interface RedisStoreOptions {
  url: string
  /** Prefix of every key; separate deployments (or test files) sharing one Redis pass different ones. */
  namespace?: string
  maxBytes?: number
  commandTimeoutMs?: number
  /** How long calls must keep failing before Redis is judged down (REDIS_DOWN_AFTER_FAILING_MS). */
  downAfterFailingMs?: number
  backoffAfterFailureMs?: number
  /** Where warnings go; tests pass a spy. */
  warn?: (message: string) => void
}

/**
 * The store in Redis, with this instance's memory as the fallback. Every call is bounded by a named timeout, past
 * which that call answers from memory; a lost connection, or calls failing for REDIS_DOWN_AFTER_FAILING_MS with
 * no answer between them, switch the instance to its memory for a short backoff (logged once), and ioredis
 * reconnects in the background, after which Redis is used again. So Redis trouble costs latency at worst, never
 * an error: nothing here throws to the caller.
 */
export function createRedisStore(options: RedisStoreOptions): SharedStore {
  const prefix = `${options.namespace ?? 'ai-shock'}:${STORE_FORMAT_VERSION}:`
  const maxBytes = options.maxBytes ?? REDIS_CACHE_MAX_BYTES
  const timeoutMs = options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS
  const backoffMs = options.backoffAfterFailureMs ?? REDIS_BACKOFF_AFTER_FAILURE_MS
  const downAfterMs = options.downAfterFailingMs ?? REDIS_DOWN_AFTER_FAILING_MS
  const warn = options.warn ?? ((message: string) => console.warn(message))

  const client = new Redis(options.url, {
    connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    // No ioredis commandTimeout: its timer fires straight after a stalled event loop, before the answer that
    // arrived meanwhile is read (on a loaded machine that split the cluster's single-flight). `withTimeout` below
    // is the one bound.
    // Fail at once while disconnected instead of queueing: the caller has a fallback and should not wait.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(REDIS_RECONNECT_MAX_DELAY_MS, 50 * 2 ** Math.min(attempt, 10)),
  }) as RedisWithScripts
  client.defineCommand('setCapped', { numberOfKeys: 4, lua: SET_CAPPED_SCRIPT })
  client.defineCommand('releaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK_SCRIPT })
  client.defineCommand('takeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS_SCRIPT })

  let degradedReason: string | undefined = 'connecting to Redis'
  let degradedSince: string | undefined = new Date().toISOString()
  let warnedDown = false
  let backoffUntil = 0
  let everReady = false
  const firstReady = new Promise<void>((resolve) => {
    client.once('ready', () => resolve())
    setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS).unref()
  })

  /** Logged once per outage, not once per failed call. */
  function markDown(reason: string) {
    if (!warnedDown) {
      warn(`[store] Redis unavailable (${reason}); this instance answers from its own memory until Redis is back.`)
      warnedDown = true
      degradedSince = new Date().toISOString()
    }
    degradedReason = reason
  }
  function markUp() {
    if (warnedDown) warn('[store] Redis is reachable again; shared cache, locks and limits are back in Redis.')
    warnedDown = false
    everReady = true
    degradedReason = undefined
    degradedSince = undefined
  }
  client.on('ready', markUp)
  // Without an error listener ioredis would raise every connection error as an unhandled 'error' event.
  client.on('error', (error: Error) => markDown(error.message || error.name))
  client.on('close', () => {
    if (everReady) markDown('connection closed')
  })

  /**
   * Bounds a call by `timeoutMs`. When the timer fires the call is given up only after the event loop has also
   * read its sockets (setImmediate runs after the poll phase): when this process was too busy to look, the
   * answer is usually already there, and a busy process is not a slow Redis.
   */
  function withTimeout<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false
      const timer = setTimeout(() => {
        setImmediate(() => {
          if (!settled) reject(new RedisTimeoutError(`no answer within ${timeoutMs} ms`))
        })
      }, timeoutMs)
      promise.then(
        (value) => {
          settled = true
          clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          settled = true
          clearTimeout(timer)
          reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
  }

  /** Start of the current run of failed calls (no answer since), if there is one. */
  let failingSince: number | undefined
  function recordSuccess() {
    failingSince = undefined
    if (degradedReason !== undefined) markUp()
  }
  function recordFailure(error: unknown) {
    const reason = error instanceof Error ? error.message : String(error)
    const at = Date.now()
    failingSince ??= at
    // A timeout alone is not an outage until calls have kept failing for a while; any other error is.
    if (!(error instanceof RedisTimeoutError) || at - failingSince >= downAfterMs) {
      backoffUntil = at + backoffMs
      markDown(reason)
    }
  }
  /** Whether to send a call to Redis at all: connected, and not inside the backoff after judging it down. */
  const usable = () => client.status === 'ready' && Date.now() >= backoffUntil

  /**
   * Runs `call` against Redis when it is usable, else (or when it fails or is slow) `fallback`. `always` sends
   * the call whenever the connection is up, backoff or not: for writes other instances wait for (a cached value,
   * a released lock), where one more bounded wait costs less than a second upstream request.
   */
  async function run<T>(call: () => Promise<T>, fallback: () => Promise<T>, { always = false } = {}): Promise<T> {
    if (!everReady) await firstReady
    if (always ? client.status !== 'ready' : !usable()) return fallback()
    try {
      const result = await withTimeout(call())
      recordSuccess()
      return result
    } catch (error) {
      recordFailure(error)
      return fallback()
    }
  }

  const memoryCache = createMemoryCache({ maxBytes })
  const memoryLock = createMemoryLock()
  const key = (name: string) => prefix + name
  const index = { set: key('cache-index'), sizes: key('cache-sizes'), total: key('cache-bytes') }

  const cache: SharedCache = {
    get: (name) =>
      run(
        async () => {
          const stored = await client.getBuffer(key(`cache:${name}`))
          const decoded = stored ? await decodeValue(stored) : undefined
          return decoded ? { value: decoded.value, stale: Date.now() >= decoded.freshUntil } : undefined
        },
        () => memoryCache.get(name),
      ),
    async set(name, value, ttl) {
      // The local copy answers during an outage; it costs memory only for windows this instance has seen.
      await memoryCache.set(name, value, ttl)
      const encoded = await encodeValue(value, Date.now() + ttl.ttlMs)
      const pxMs = Math.max(1, Math.ceil(ttl.ttlMs + (ttl.staleMs ?? 0)))
      await run(
        () =>
          client
            .setCapped(
              key(`cache:${name}`),
              index.set,
              index.sizes,
              index.total,
              encoded,
              pxMs,
              Date.now(),
              maxBytes,
              MAX_EVICTIONS_PER_WRITE,
            )
            .then(() => undefined),
        async () => undefined,
        // Other instances may be waiting for exactly this value: skipping the write would send them upstream too.
        { always: true },
      )
    },
    async delete(name) {
      await memoryCache.delete(name)
      await run(
        () => client.del(key(`cache:${name}`)).then(() => undefined),
        async () => undefined,
      )
    },
  }

  let lockCounter = 0
  const lock: FlightLock = {
    async acquire(name, ttlMs): Promise<LockAttempt> {
      if (!everReady) await firstReady
      // Judged down: the instance is on its own, its local lock is the only one there is.
      if (!usable()) {
        const local = await memoryLock.acquire(name, ttlMs)
        return local.outcome === 'acquired' ? { ...local, fallback: true } : local
      }
      const lockKey = key(`lock:${name}`)
      const token = `${process.pid}-${Date.now()}-${++lockCounter}-${randomUUID()}`
      const sent = client.set(lockKey, token, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')
      try {
        const ok = await withTimeout(sent)
        recordSuccess()
        return ok === 'OK' ? { outcome: 'acquired', token, fallback: false } : { outcome: 'held' }
      } catch (error) {
        recordFailure(error)
        // The SET may still land after we gave up on it: free that lock then, or every instance would wait
        // for a holder that is not fetching until it expires.
        sent.then((ok) => (ok === 'OK' ? client.releaseLock(lockKey, token, 0) : 0)).catch(() => {})
        // Not known to be free: the caller keeps waiting (bounded) instead of fetching beside a holder.
        return { outcome: 'unanswered' }
      }
    },
    release(name, token, options) {
      if (token.startsWith(LOCAL_LOCK_TOKEN_PREFIX)) return memoryLock.release(name, token, options)
      // Sent whenever connected (a waiter may take over at once); if it is lost, the lock's expiry frees it.
      return run(
        () =>
          client
            .releaseLock(key(`lock:${name}`), token, Math.max(0, Math.ceil(options?.keepForMs ?? 0)))
            .then(() => undefined),
        async () => undefined,
        { always: true },
      )
    },
  }

  function limiter(limiterOptions: CountLimiterOptions): CountLimiter {
    const fallback = createMemoryLimiter(limiterOptions)
    const { points, windowMs } = limiterOptions
    const bucketKey = (id: string) => key(`limit:${limiterOptions.name}:${id}`)
    const refillPerMs = points / windowMs
    return {
      take: (id, cost = 1) =>
        run<LimitDecision>(
          async () => {
            const [granted, left] = await client.takeTokens(bucketKey(id), points, windowMs, cost)
            const tokens = Number(left)
            return granted === 1
              ? { allowed: true, remaining: Math.floor(tokens) }
              : { allowed: false, remaining: 0, retryAfterMs: Math.max(1, Math.ceil((cost - tokens) / refillPerMs)) }
          },
          () => fallback.take(id, cost),
        ),
      // A take of nothing: refills and reads the bucket without spending.
      remaining: (id) =>
        run(
          async () => Math.floor(Number((await client.takeTokens(bucketKey(id), points, windowMs, 0))[1])),
          () => fallback.remaining(id),
        ),
    }
  }

  function health(): StoreHealth {
    return degradedReason === undefined
      ? { kind: 'redis', reachable: true }
      : { kind: 'redis', reachable: false, degradedReason, ...(degradedSince ? { degradedSince } : {}) }
  }

  return {
    kind: 'redis',
    cache,
    lock,
    limiter,
    health,
    async probe() {
      if (!everReady) await firstReady
      if (client.status === 'ready') {
        try {
          await withTimeout(client.ping())
          backoffUntil = 0
          recordSuccess()
        } catch (error) {
          // By the same rule as any call: one slow PING on a busy instance does not take the store off Redis.
          recordFailure(error)
        }
      }
      return health()
    },
    async close() {
      client.disconnect(false)
    },
  }
}
