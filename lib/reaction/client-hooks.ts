import useSWR from 'swr'
import { fetchJson, type FetchError } from '../client/fetcher'
import type { ReactionResult } from './types'

export interface ReactionUrlInput {
  symbols: readonly string[]
  /** Catalog id of the event whose trading date is day 0. */
  event: string
  /**
   * Day 0 as a date instead: for the reader's own events, which the server does not know (they live in the page
   * URL); their trading date is computed by the same rules as the catalog's.
   */
  date?: string
  benchmark: string
  format?: 'json' | 'csv'
}

/** The `/api/reaction` URL for a view; null when there is nothing to ask (no symbols). */
export function reactionUrl({ symbols, event, date, benchmark, format = 'json' }: ReactionUrlInput): string | null {
  if (symbols.length === 0) return null
  const params = new URLSearchParams(date ? { symbols: symbols.join(','), date, benchmark } : { symbols: symbols.join(','), event, benchmark })
  if (format === 'csv') params.set('format', 'csv')
  return `/api/reaction?${params.toString().replaceAll('%2C', ',')}`
}

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
