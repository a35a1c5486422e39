import useSWR from 'swr'
import type { PricesResult } from '../prices/service'
import { fetchJson, type FetchError } from './fetcher'

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
