/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The snapshot JSON is read from disk by server code; make sure it ships with the server output.
  outputFileTracingIncludes: { '/api/**': ['./lib/snapshot/data/**'], '/': ['./lib/snapshot/data/**'] },
}

module.exports = nextConfig
