export interface ReactionUrlInput {
  symbols: readonly string[]
  /** Catalog id of the event whose trading date is day 0. */
  event: string
  benchmark: string
  format?: 'json' | 'csv'
}

/** The `/api/reaction` URL for a view; null when there is nothing to ask (no symbols). */
export function reactionUrl({ symbols, event, benchmark, format = 'json' }: ReactionUrlInput): string | null {
  if (symbols.length === 0) return null
  const params = new URLSearchParams({ symbols: symbols.join(','), event, benchmark })
  if (format === 'csv') params.set('format', 'csv')
  return `/api/reaction?${params.toString().replaceAll('%2C', ',')}`
}
