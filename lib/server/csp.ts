import { createHash } from 'node:crypto'
import { EARLY_READOUT_SCRIPT } from '../chart/early-readout-script'
import { DATE_FIELD_UPGRADE_SCRIPT } from '../ui/date-field-script'
import { THEME_INIT_SCRIPT } from '../ui/theme-script'

/**
 * The Content-Security-Policy of the pages. It is built per request by `proxy.ts`, because the App Router
 * streams its data to the page in inline `<script>` tags whose content changes with every render: no hash can
 * cover them, and a nonce is the only way to allow them without 'unsafe-inline'. Next.js reads the nonce from
 * this header on the request and puts it on every script it renders.
 */

const scriptHash = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`

/**
 * The theme script and the date fields' upgrade in app/layout.tsx and the chart's early readout in app/page.tsx are
 * static, so they are allowed by their hashes and need no nonce plumbing.
 */
export const THEME_SCRIPT_HASH = scriptHash(THEME_INIT_SCRIPT)
export const EARLY_READOUT_SCRIPT_HASH = scriptHash(EARLY_READOUT_SCRIPT)
export const DATE_FIELD_SCRIPT_HASH = scriptHash(DATE_FIELD_UPGRADE_SCRIPT)

export interface PagePolicyOptions {
  nonce: string
  /** `next dev` needs eval: React rebuilds server error stacks in the browser with it. Never in production. */
  dev?: boolean
}

export function pageContentSecurityPolicy({ nonce, dev = false }: PagePolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets the nonced bootstrap load the route's chunks; 'self' is the fallback for browsers
    // without CSP level 3, which ignore 'strict-dynamic'.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      THEME_SCRIPT_HASH,
      EARLY_READOUT_SCRIPT_HASH,
      DATE_FIELD_SCRIPT_HASH,
      "'strict-dynamic'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    // React style attributes and Recharts set inline styles; a nonce cannot cover attributes, and listing one
    // here would make browsers ignore 'unsafe-inline'.
    'style-src': ["'self'", "'unsafe-inline'"],
    // PNG export draws the chart's SVG from a blob: URL into a canvas; data: covers inline SVG icons.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/** 128 random bits, base64: unguessable, and fresh for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}
