/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets benchmarks and parallel test runs build without touching the main `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The snapshot JSON is read from disk by server code; make sure it ships with the server output.
  outputFileTracingIncludes: { '/api/**': ['./lib/snapshot/data/**'], '/': ['./lib/snapshot/data/**'] },
}

module.exports = nextConfig
