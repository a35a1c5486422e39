/**
 * Which vendor serves live prices, named once. Everything outside `lib/providers/` speaks of `snapshot` and
 * `live` and shows these labels; swapping the vendor changes this file and `registry.ts`, nothing else. No server
 * code here: the browser imports the labels.
 */
import { YAHOO_ID, YAHOO_LABELS } from './yahoo/meta'

export const LIVE_PROVIDER_ID = YAHOO_ID
export type LiveProviderId = typeof LIVE_PROVIDER_ID

/** Where a series came from, as the API's `source` field says it: the snapshot, or the live provider's id. */
export type PriceSource = 'snapshot' | LiveProviderId
export const PRICE_SOURCES = ['snapshot', LIVE_PROVIDER_ID] as const satisfies readonly PriceSource[]

export const LIVE_LABELS = YAHOO_LABELS

export function isLiveSource(source: PriceSource): boolean {
  return source === LIVE_PROVIDER_ID
}
