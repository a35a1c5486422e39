/**
 * Headers for every response. The pages' Content-Security-Policy needs a per-request nonce and is set in
 * proxy.ts; the API only ever returns JSON or CSV, so its policy allows nothing at all.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }] },
    ]
  },
  // A self-contained server (.next/standalone/server.js with only the node_modules it needs): what the Dockerfile
  // ships and what the cluster and shutdown tests start.
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The stylesheet in the page's <head>, not a file it must fetch first. The page's parse waits for the theme
  // script, which waits for the stylesheet. With the stylesheet inline, and the date fields before the chart as
  // text (components/ui/date-field.tsx), the parse reaches the end of the server-drawn chart in its first slice:
  // side by side, the chart was drawn in 90 against 115 ms (docs/performance.md, the fourteenth pass). The cost:
  // the CSS (27 KiB, 6 KiB gzip) comes with every page, and twice more in its RSC payload, instead of once into
  // the browser's cache.
  experimental: { inlineCss: true },
  // A separate build folder lets benchmarks and parallel test runs build without touching the main `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // For profiling only (scripts/dev/cpu-profile.mjs maps the page's functions back to their source): a build with
  // BROWSER_SOURCE_MAPS=1 also writes the browser chunks' source maps, which `next start` then serves.
  productionBrowserSourceMaps: process.env.BROWSER_SOURCE_MAPS === '1',
}

module.exports = nextConfig
