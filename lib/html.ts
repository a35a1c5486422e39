const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' }

/**
 * Text safe as an HTML element's content or inside a double-quoted attribute, escaped as React escapes it (so markup
 * built by hand for `dangerouslySetInnerHTML` matches what React would have rendered, character for character).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)
}

// React's own test for a `javascript:` URL (react-dom's sanitizeURL), and what it writes instead of one.
const JAVASCRIPT_URL =
  /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i
const BLOCKED_URL = "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"

/** A URL for an `href`, escaped, with a `javascript:` URL blocked exactly as React blocks it. */
export function escapeUrl(url: string): string {
  return escapeHtml(JAVASCRIPT_URL.test(url) ? BLOCKED_URL : url)
}
