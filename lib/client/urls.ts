import { viewToQuery, type ViewState } from '../view/state'

/** The /api/prices URL of a view's data: the SWR key on the client and the fallback key on the server. */
export function pricesUrl(symbols: readonly string[], from: string, to: string): string | null {
  if (symbols.length === 0) return null
  return `/api/prices?symbols=${symbols.map(encodeURIComponent).join(',')}&from=${from}&to=${to}`
}

/**
 * The page URL of a view: the `href` of every control that changes the view, so a click before the page's
 * JavaScript runs (or without it) still loads the view the reader asked for.
 */
export function viewHref(view: ViewState): string {
  return `/?${viewToQuery(view)}`
}

/** Where the dashboard gets the card text of events its first view did not carry (the whole catalog, cached). */
export const EVENT_DETAILS_URL = '/api/events'
