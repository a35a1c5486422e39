import 'server-only'
import { env } from '../server/env'
import { encodeBody, encodedByteLength, upgradeToBrotli, type EncodedBody } from '../http/encoded-body'
import { getLimitsStore } from '../limits'
import type { PriceSeries } from '../types'
import { pricesToCsv } from './csv'
import { getPriceService, type PricesRequest, type PricesResult } from './index'
import { OPEN_RANGE_TTL_MS } from './service'

export type PricesFormat = 'json' | 'csv'

export interface RenderedPrices {
  /** UTF-8 bytes, encoded once: a cached answer is sent without re-encoding 140 KB of text per request. */
  body: Uint8Array<ArrayBuffer>
  /**
   * The same bytes with their compressed variants, for answers that are cached (made once per cached body).
   * Absent for answers with warnings: they are made for one request, and Next.js compresses those on the way out.
   */
  encoded: EncodedBody | undefined
  /** How the answer was made, for the caller's Cache-Control. */
  kind: 'snapshot' | 'live' | 'with-warnings'
}

/**
 * Memory for rendered answers per process, counted in their real byte length, compressed variants included
 * (gzip and brotli add about 35% and 30% of the raw size for JSON of prices). 5 symbols x 1 year is about
 * 140 KB raw, the largest answer (lib/prices/service.ts, MAX_SESSIONS_PER_ANSWER) about 1.7 MB.
 */
export const RENDERED_CACHE_MAX_BYTES = 32 * 1024 * 1024
/** Memory for the map from request URLs to the answer they produce (a key string each). */
export const RENDERED_ALIAS_MAX_BYTES = 2 * 1024 * 1024
/** Snapshot answers cannot change while the server runs (the data ships with the build). */
const SNAPSHOT_ANSWER_TTL_MS = 24 * 60 * 60 * 1000
/** Live answers are keyed by their windows' fetches; this only bounds how long an unused one is kept. */
const LIVE_ANSWER_TTL_MS = OPEN_RANGE_TTL_MS

interface AnswerKey {
  key: string
}

function renderedCache() {
  return getLimitsStore().byteCache<RenderedPrices>('rendered-answers', {
    maxBytes: RENDERED_CACHE_MAX_BYTES,
    sizeOf: (answer) => (answer.encoded ? encodedByteLength(answer.encoded) : answer.body.byteLength),
  })
}

function aliasCache() {
  return getLimitsStore().byteCache<AnswerKey>('rendered-aliases', {
    maxBytes: RENDERED_ALIAS_MAX_BYTES,
    sizeOf: (alias) => alias.key.length * 2 + 64,
  })
}

const encoder = new TextEncoder()

function render(result: PricesResult, format: PricesFormat): Uint8Array<ArrayBuffer> {
  return encoder.encode(format === 'csv' ? pricesToCsv(result.series) : JSON.stringify(result))
}

/**
 * What an answer without warnings depends on: per series, where it came from and which bars it holds, and for
 * live data which fetch of each window. Two URLs whose ranges select the same sessions (a `from` on a Saturday
 * or before the first bar, a `to` past today) produce the same bytes, so they share one rendered copy; a
 * window fetched again gives a new key, so a copy never outlives the data it was made from.
 */
function normalisedKey(format: PricesFormat, series: readonly PriceSeries[], liveWindows: readonly string[]): string {
  const parts = series.map(
    (s) => `${s.symbol}:${s.source}:${s.bars[0]?.date ?? ''}:${s.bars[s.bars.length - 1]?.date ?? ''}:${s.bars.length}`,
  )
  return `${env().PRICE_PROVIDER}|${format}|${parts.join(',')}|${[...liveWindows].sort().join(',')}`
}

const ttlFor = (kind: RenderedPrices['kind']): number =>
  kind === 'snapshot' ? SNAPSHOT_ANSWER_TTL_MS : LIVE_ANSWER_TTL_MS

/**
 * Makes the brotli variant of a cached answer off the request path and puts it back under the same key (so the
 * cache counts its bytes), unless the entry has changed or gone meanwhile.
 */
function addBrotli(key: string, answer: RenderedPrices): void {
  if (!answer.encoded || answer.encoded.br) return
  upgradeToBrotli(answer.encoded, async (upgraded) => {
    const bodies = renderedCache()
    const current = await bodies.get(key)
    if (current?.value.encoded?.tag !== upgraded.tag || current.value.encoded.br) return
    await bodies.set(key, { ...current.value, encoded: upgraded }, { ttlMs: ttlFor(current.value.kind) })
  })
}

/**
 * Renders an answer, or serves the bytes rendered for an earlier request with the same data. Answers with
 * warnings (a fallback, a symbol left out, a range the data does not cover) are rendered afresh every time:
 * they describe a moment, and a recovered upstream should show at once.
 */
export async function renderPrices(request: PricesRequest, format: PricesFormat): Promise<RenderedPrices> {
  // The provider setting is part of the key: with live data only (PRICE_PROVIDER set to the live provider) the same query must go to the live source.
  const requestKey = `${env().PRICE_PROVIDER}|${format}|${request.symbols.join(',')}|${request.from}|${request.to}`
  const bodies = renderedCache()
  const aliases = aliasCache()
  // Only snapshot answers have aliases: they cannot change, so the URL alone finds them without asking the
  // service. A live answer asks the service every time (cheap when its windows are cached), which says which
  // fetch of each window it is made from.
  const alias = await aliases.get(requestKey)
  if (alias) {
    const hit = await bodies.get(alias.value.key)
    if (hit) {
      addBrotli(alias.value.key, hit.value)
      return hit.value
    }
  }

  const liveWindows: string[] = []
  const result = await getPriceService().getPrices({ ...request, onLiveWindow: (version) => liveWindows.push(version) })
  if (result.warnings.length > 0) return { body: render(result, format), encoded: undefined, kind: 'with-warnings' }
  const kind = result.series.every((s) => s.source === 'snapshot') ? 'snapshot' : 'live'
  const key = normalisedKey(format, result.series, liveWindows)
  const existing = await bodies.get(key)
  let answer = existing?.value
  if (!answer) {
    const body = render(result, format)
    answer = { body, encoded: await encodeBody(body), kind }
    await bodies.set(key, answer, { ttlMs: ttlFor(kind) })
  }
  if (kind === 'snapshot') await aliases.set(requestKey, { key }, { ttlMs: SNAPSHOT_ANSWER_TTL_MS })
  addBrotli(key, answer)
  return answer
}

/** For tests that switch providers between cases. */
export async function resetRenderedPricesForTests(): Promise<void> {
  await renderedCache().clear()
  await aliasCache().clear()
}
