import 'server-only'
import { LRUCache } from 'lru-cache'
import { env } from '../env'
import { pricesToCsv } from './csv'
import { getPriceService, type PricesRequest, type PricesResult } from './index'

export type PricesFormat = 'json' | 'csv'

export interface RenderedPrices {
  /** UTF-8 bytes, encoded once: a cached answer is sent without re-encoding 140 KB of text per request. */
  body: Uint8Array<ArrayBuffer>
  /** How the answer was made, for the caller's Cache-Control. */
  kind: 'snapshot' | 'live' | 'with-warnings'
}

/** Serialised snapshot answers kept per process: about 140 KB for 5 symbols x 1 year, so 32 MiB holds ~200. */
export const RENDERED_CACHE_MAX_BYTES = 32 * 1024 * 1024

/**
 * Snapshot answers cannot change while the server runs (the data ships with the build), so their text is kept:
 * a repeated request costs a lookup instead of a JSON serialisation of thousands of bars. Answers that touched
 * the live source, or carry warnings, are rendered afresh every time.
 */
const renderedSnapshotAnswers = new LRUCache<string, Uint8Array<ArrayBuffer>>({
  maxSize: RENDERED_CACHE_MAX_BYTES,
  sizeCalculation: (body) => Math.max(1, body.byteLength),
})

const encoder = new TextEncoder()

function render(result: PricesResult, format: PricesFormat): Uint8Array<ArrayBuffer> {
  return encoder.encode(format === 'csv' ? pricesToCsv(result.series) : JSON.stringify(result))
}

export async function renderPrices(request: PricesRequest, format: PricesFormat): Promise<RenderedPrices> {
  // The provider setting is part of the key: with PRICE_PROVIDER=yahoo the same query must go to the live source.
  const key = `${env().PRICE_PROVIDER}|${format}|${request.symbols.join(',')}|${request.from}|${request.to}`
  const cached = renderedSnapshotAnswers.get(key)
  if (cached !== undefined) return { body: cached, kind: 'snapshot' }

  const result = await getPriceService().getPrices(request)
  const body = render(result, format)
  if (result.warnings.length > 0) return { body, kind: 'with-warnings' }
  if (result.series.every((s) => s.source === 'snapshot')) {
    renderedSnapshotAnswers.set(key, body)
    return { body, kind: 'snapshot' }
  }
  return { body, kind: 'live' }
}

/** For tests that switch providers between cases. */
export function resetRenderedPricesForTests(): void {
  renderedSnapshotAnswers.clear()
}
