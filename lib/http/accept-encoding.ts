/**
 * Content-coding negotiation (RFC 9110, section 12.5.3), pure so it can be tested on its own. The API keeps its
 * cached answers compressed and picks the variant here; everything else is left to Next.js' own compression.
 */

/** The codings the cache can hold, in the order preferred when a request weighs them equally. */
export const CONTENT_CODINGS = ['br', 'gzip', 'identity'] as const
export type ContentCoding = (typeof CONTENT_CODINGS)[number]

export interface AcceptedCoding {
  /** Lower case; `x-gzip` is read as `gzip` (RFC 9110 says the two are equivalent). */
  coding: string
  /** 0 to 1; 0 means "not acceptable". */
  q: number
}

// A qvalue has at most three decimals and never exceeds 1 (RFC 9110, section 12.4.2).
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/
/** A client sends a handful of codings; a longer header is read up to this many entries (a bound on input). */
const MAX_ENTRIES = 32

/**
 * The entries of an Accept-Encoding value. A malformed entry (a bad token or qvalue) is skipped, not guessed:
 * `gzip;q=2` does not become "gzip preferred". `undefined` for no header at all, which is not the same as an
 * empty one (an empty value accepts only the identity coding).
 */
export function parseAcceptEncoding(header: string | null | undefined): AcceptedCoding[] | undefined {
  if (header === null || header === undefined) return undefined
  const entries: AcceptedCoding[] = []
  for (const part of header.split(',').slice(0, MAX_ENTRIES)) {
    const [rawCoding = '', ...params] = part.split(';')
    const name = rawCoding.trim().toLowerCase()
    if (name === '' || !TOKEN.test(name)) continue
    let q = 1
    let valid = true
    for (const param of params) {
      const [key = '', value = ''] = param.split('=').map((s) => s.trim())
      if (key.toLowerCase() !== 'q') continue
      if (!QVALUE.test(value)) valid = false
      else q = Number(value)
    }
    if (valid) entries.push({ coding: name === 'x-gzip' ? 'gzip' : name, q })
  }
  return entries
}

/** The weight a request gives `coding`: its own entry, else `*`, else for identity an implicit acceptance. */
function weightOf(coding: ContentCoding, entries: readonly AcceptedCoding[]): number {
  // When a coding is listed twice, the first entry counts; later ones are ignored.
  const own = entries.find((e) => e.coding === coding)
  if (own) return own.q
  const star = entries.find((e) => e.coding === '*')
  if (star) return star.q
  if (coding !== 'identity') return 0
  // Identity is acceptable unless excluded (`identity;q=0`, or `*;q=0` without an identity entry). It is given
  // the lowest weight the request gives anything, so `gzip;q=0.5` still means "gzip rather than nothing".
  const positive = entries.filter((e) => e.q > 0).map((e) => e.q)
  return positive.length > 0 ? Math.min(...positive) : 1
}

/**
 * The coding to send, out of `available` (identity is always available), for a request's Accept-Encoding:
 * the highest weight wins, ties go to the earlier coding of CONTENT_CODINGS (br, then gzip, then none).
 * No header means identity: many simple clients send none and could not read a compressed body. `undefined`
 * when nothing is acceptable, not even identity (`identity;q=0` alone); the caller decides what to send then.
 */
export function negotiateEncoding(
  header: string | null | undefined,
  available: readonly ContentCoding[] = CONTENT_CODINGS,
): ContentCoding | undefined {
  const entries = parseAcceptEncoding(header)
  if (entries === undefined) return 'identity'
  let best: { coding: ContentCoding; q: number } | undefined
  for (const coding of CONTENT_CODINGS) {
    if (coding !== 'identity' && !available.includes(coding)) continue
    const q = weightOf(coding, entries)
    if (q > 0 && (!best || q > best.q)) best = { coding, q }
  }
  return best?.coding
}
