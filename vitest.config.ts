import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server Components bundle; tests import server modules directly.
      'server-only': fileURLToPath(new URL('./tests/unit/support/server-only.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    // Route tests call handlers thousands of times from one (unknown) client; the per-client request limits
    // are tested with their own values in tests/unit/rate-limit.test.ts.
    env: { API_REQUESTS_PER_MINUTE: '1000000', PAGE_REQUESTS_PER_MINUTE: '1000000' },
  },
})
