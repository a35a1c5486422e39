import useSWR from 'swr'
import type { PricesResult } from '../prices/service'
import type { EventDetail } from '../chart/model'
import { fetchJson, type FetchError } from './fetcher'
import { EVENT_DETAILS_URL } from './urls'

/**
 * Prices for the chart. `keepPreviousData` keeps the last chart on screen while a new range or symbol loads,
 * so a change never blanks it; the server's first answer arrives through SWRConfig's fallback.
 */
export function usePrices(url: string | null) {
  return useSWR<PricesResult, FetchError>(url, fetchJson, {
    keepPreviousData: true,
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: false,
  })
}

/** The parser (and zod with it) loads with the first request for it: the first view never needs it. */
async function fetchEventDetailsLater(url: string): Promise<ReadonlyMap<string, EventDetail>> {
  return (await import('./event-details')).fetchEventDetails(url)
}

/**
 * The card text of every catalog event, asked for only once `wanted` (an event the view shows in full came
 * without it): the first view's own events arrive in the page. One request per session; never refetched.
 */
export function useEventDetails(wanted: boolean) {
  return useSWR<ReadonlyMap<string, EventDetail>, Error>(wanted ? EVENT_DETAILS_URL : null, fetchEventDetailsLater, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    revalidateOnReconnect: false,
    shouldRetryOnError: false,
  })
}
