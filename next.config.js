/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A separate build folder lets benchmarks and parallel test runs build without touching the main `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
}

module.exports = nextConfig
