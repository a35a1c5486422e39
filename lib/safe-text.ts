/**
 * Text from a URL, a header or a file is shown back to people in notices, error messages and logs. Control and
 * format characters there can forge lines (CR, LF), hide text or reorder it on screen (the bidi overrides
 * U+202A-U+202E and isolates U+2066-U+2069, the marks U+200E/U+200F), so they are written out as `\u{…}` escapes
 * instead, and the text is cut short so a pasted novel does not come back whole.
 */

// Cc: C0, DEL and C1 controls. Cf: format characters (bidi controls and marks, zero-width characters, BOM, soft
// hyphen). Zl/Zp: the line and paragraph separators. Cs: a lone surrogate half.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

function escapeChar(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`
}

/** `raw` with every unsafe character escaped, cut to at most `max` characters (code points) plus an ellipsis. */
export function printable(raw: string, max = 40): string {
  // Cut by code units first, so a 500 MB line costs no more than a short one.
  const head = Array.from(raw.slice(0, max * 2 + 2))
  const cut = head.length > max || raw.length > max * 2 + 2
  return head.slice(0, max).join('').replace(UNSAFE, escapeChar) + (cut ? '…' : '')
}

/** `printable` in quotes, for naming a value inside a sentence. */
export function quoted(raw: string, max = 24): string {
  return `"${printable(raw, max)}"`
}
