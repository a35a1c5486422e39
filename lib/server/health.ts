import 'server-only'
import { getLimitsStore } from '../limits'
import { snapshotImportedAt, snapshotSymbols } from '../snapshot'
import { getSharedStore, type StoreHealth } from '../store'
import { sharedFlightCounts } from '../store/shared-flight'
import { pageCacheStats, type PageCacheStats } from './page-cache'
import { drainingSince } from './shutdown'

export interface HealthReport {
  /** `ok`: ready and fully shared; `degraded`: ready, but Redis is configured and unreachable (answers from memory);
   *  `draining`: shutting down, send no more traffic; `failing`: not ready (the snapshot did not load). */
  status: 'ok' | 'degraded' | 'draining' | 'failing'
  live: true
  ready: boolean
  snapshot: { loaded: true; symbols: number; importedAt: string } | { loaded: false; error: string }
  store: StoreHealth | { kind: 'memory' | 'redis'; reachable: boolean }
  /** Upstream requests the server-wide budget allows now (shared by every instance when Redis is reachable). */
  upstreamBudget: { remaining: number; limit: number; windowMs: number }
  /** Which path this instance's shared single-flights took since start (only with Redis): `fetched` under the
   *  shared lock, `peer` another instance's value, `fetched-fallback` while Redis was down, `fetched-after-wait`. */
  singleFlight?: ReturnType<typeof sharedFlightCounts>
  /** The rendered pages this instance keeps (only when the page cache is on): entries, bytes against the bound,
   *  and answers since start (`hits` from memory, `misses` rendered, `stored` pages kept). */
  pageCache?: PageCacheStats
  drainingSince?: string
}

function checkSnapshot(): HealthReport['snapshot'] {
  try {
    return { loaded: true, symbols: snapshotSymbols().length, importedAt: snapshotImportedAt() }
  } catch {
    // The detail goes to the log, not to whoever asks.
    console.error('[health] the embedded snapshot failed to load')
    return { loaded: false, error: 'the embedded snapshot failed to load' }
  }
}

/**
 * Liveness and readiness in one answer. Ready means this instance can answer every request it gets: the
 * snapshot is loaded and it is not shutting down. An unreachable Redis does not make it unready (it answers
 * from memory then) but is reported, so an operator sees it.
 */
export async function checkHealth(): Promise<HealthReport> {
  const snapshot = checkSnapshot()
  const store = await getSharedStore().probe()
  const budget = getLimitsStore().upstreamBudget()
  const upstreamBudget = { remaining: await budget.remaining(), limit: budget.limit, windowMs: budget.windowMs }
  const draining = drainingSince()
  const ready = snapshot.loaded && draining === undefined
  const status: HealthReport['status'] = draining
    ? 'draining'
    : !snapshot.loaded
      ? 'failing'
      : store.reachable
        ? 'ok'
        : 'degraded'
  const singleFlight = store.kind === 'redis' ? { singleFlight: sharedFlightCounts() } : {}
  const pageCache = pageCacheStats()
  return {
    status,
    live: true,
    ready,
    snapshot,
    store,
    upstreamBudget,
    ...singleFlight,
    ...(pageCache ? { pageCache } : {}),
    ...(draining ? { drainingSince: draining } : {}),
  }
}
