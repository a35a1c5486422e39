import { addDays } from '../dates'
import type { IsoDate } from '../types'

/**
 * Cache-Control for /api/prices, by what the answer is made of and whether its window can still change. Named
 * here so the README's table and the route cannot drift apart (the README lists the same values).
 */
export const PRICES_CACHE = {
  /**
   * Embedded snapshot data for a closed window: it changes only with a deploy that ships a new snapshot, so a
   * browser keeps it a day and a CDN a year, without revalidating (a deploy that changes the snapshot purges the CDN).
   */
  closedSnapshot: 'public, max-age=86400, s-maxage=31536000, immutable',
  /**
   * Live data for a closed window: its sessions are final, but the adjusted closes move when a later dividend is
   * paid, so it is kept a day (the price service's own TTL for closed windows), without revalidating.
   */
  closedLive: 'public, max-age=86400, immutable',
  /** A window that reaches the current session may gain a bar at any time. */
  open: 'public, max-age=300, stale-while-revalidate=600',
  /** Fallbacks and partial answers: kept briefly so a recovered upstream shows soon. */
  withWarnings: 'public, max-age=60',
} as const

/**
 * A window is closed once its last day is two calendar days behind today's UTC date: by then every exchange,
 * east or west of UTC, has closed and published that session.
 */
export function isClosedWindow(to: IsoDate, today: IsoDate): boolean {
  return to <= addDays(today, -2)
}

export function pricesCacheControl(kind: 'snapshot' | 'live' | 'with-warnings', to: IsoDate, today: IsoDate): string {
  if (kind === 'with-warnings') return PRICES_CACHE.withWarnings
  if (!isClosedWindow(to, today)) return PRICES_CACHE.open
  return kind === 'snapshot' ? PRICES_CACHE.closedSnapshot : PRICES_CACHE.closedLive
}

/** Cache-Control of a redirect to the canonical URL: the mapping never changes, so it may be kept long. */
export const CANONICAL_REDIRECT_CACHE = 'public, max-age=86400, s-maxage=31536000'

/**
 * The one URL of a prices query: symbols as the API reads them (trimmed, upper case, without duplicates, in the
 * caller's order, which is the order of the answer's series), explicit dates, and `format` only when it is not
 * the default. The page builds exactly this form, so its own requests are never redirected.
 */
/**
 * Whether a request's query already is the canonical one. Compared as decoded name/value pairs in order, not as
 * text: Next.js may re-encode the query it hands the route (`,` as `%2C`), and a text comparison would then
 * redirect the canonical URL to itself forever.
 */
export function isCanonicalQuery(search: URLSearchParams, canonicalPath: string): boolean {
  const wanted = [...new URL(canonicalPath, 'http://canonical.invalid').searchParams]
  const given = [...search]
  return (
    given.length === wanted.length &&
    given.every(([name, value], i) => wanted[i]?.[0] === name && wanted[i]?.[1] === value)
  )
}

export function canonicalPricesPath(query: {
  symbols: readonly string[]
  from: IsoDate
  to: IsoDate
  format: 'json' | 'csv'
}): string {
  const base = `/api/prices?symbols=${query.symbols.map(encodeURIComponent).join(',')}&from=${query.from}&to=${query.to}`
  return query.format === 'csv' ? `${base}&format=csv` : base
}
