import useSWR from 'swr'
import { fetchJson, type FetchError } from '../client/fetcher'
import type { ReactionResult } from './types'

// The URL builder lives apart from the hook so the server page can build the same key without importing SWR.
export { reactionUrl, type ReactionUrlInput } from './url'

/**
 * The event study for the reaction panel. `keepPreviousData` keeps the last table on screen while another
 * benchmark or event loads; a failed answer is not retried on its own, since a 400 (day 0 not a session of a
 * symbol) would only fail again: the panel offers a retry button instead.
 */
export function useReaction(url: string | null) {
  return useSWR<ReactionResult, FetchError>(url, fetchJson, {
    keepPreviousData: true,
    revalidateOnFocus: false,
    revalidateIfStale: false,
    shouldRetryOnError: false,
  })
}
