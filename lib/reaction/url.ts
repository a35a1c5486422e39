import { reactionApiParams, type ReactionView } from './view-params'

export interface ReactionUrlInput {
  symbols: readonly string[]
  /** Catalog id of the event whose trading date is day 0; ignored when the view has a day 0 of its own. */
  event: string
  /**
   * Day 0 as a date instead: for the reader's own events, which the server does not know (they live in the page
   * URL); their trading date is computed by the same rules as the catalog's.
   */
  date?: string
  benchmark: string
  /** The panel's event-study parameters; the API's defaults when omitted. */
  reaction?: ReactionView
  format?: 'json' | 'csv'
}

/**
 * The `/api/reaction` URL for a view; null when there is nothing to ask (no symbols). Kept apart from the SWR
 * hook so the server page builds the very key the panel asks for.
 */
export function reactionUrl({
  symbols,
  event,
  date,
  benchmark,
  reaction,
  format = 'json',
}: ReactionUrlInput): string | null {
  if (symbols.length === 0) return null
  const params = new URLSearchParams({ symbols: symbols.join(',') })
  const day0 = reaction?.day0 ?? date
  if (day0) params.set('date', day0)
  else params.set('event', event)
  params.set('benchmark', benchmark)
  if (reaction) for (const [key, value] of Object.entries(reactionApiParams(reaction))) params.set(key, value)
  if (format === 'csv') params.set('format', 'csv')
  return `/api/reaction?${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':')}`
}
