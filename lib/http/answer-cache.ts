import 'server-only'
import { getLimitsStore } from '../limits'
import { encodeBody, encodedByteLength, upgradeToBrotli, type EncodedBody } from './encoded-body'

/** A finished API answer: its bytes in every coding and the headers it is sent with. */
export interface CachedAnswer {
  encoded: EncodedBody
  headers: Record<string, string>
}

/**
 * A byte-capped cache of finished answers for a route whose answer is fixed by its query (answers made only from
 * the embedded snapshot, without warnings). Kept compressed, like the prices answers (lib/prices/render.ts):
 * gzip when stored, brotli added in the background. Counted in every variant's bytes.
 */
export function answerCache(name: string, maxBytes: number) {
  const cache = () =>
    getLimitsStore().byteCache<CachedAnswer>(name, {
      maxBytes,
      sizeOf: (answer) => encodedByteLength(answer.encoded) + JSON.stringify(answer.headers).length * 2,
    })

  const addBrotli = (key: string, answer: CachedAnswer, ttlMs: number) =>
    upgradeToBrotli(answer.encoded, async (upgraded) => {
      const current = await cache().get(key)
      if (current?.value.encoded.tag !== upgraded.tag || current.value.encoded.br) return
      await cache().set(key, { ...current.value, encoded: upgraded }, { ttlMs })
    })

  return {
    async get(key: string, ttlMs: number): Promise<CachedAnswer | undefined> {
      const hit = await cache().get(key)
      if (hit) addBrotli(key, hit.value, ttlMs)
      return hit?.value
    },
    async put(
      key: string,
      body: Uint8Array<ArrayBuffer>,
      headers: Record<string, string>,
      ttlMs: number,
    ): Promise<CachedAnswer> {
      const answer = { encoded: await encodeBody(body), headers }
      await cache().set(key, answer, { ttlMs })
      addBrotli(key, answer, ttlMs)
      return answer
    },
    clear: () => cache().clear(),
  }
}
