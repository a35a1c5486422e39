import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from './scripts/chromium.mjs'

const PORT = Number(process.env.E2E_PORT ?? 3217)
/** The live-mode server and the mock upstream it talks to (tests/e2e/live.spec.ts reads these too). */
export const LIVE_PORT = PORT + 100
export const MOCK_PORT = PORT + 1100

export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium with the flags that keep it off the network (scripts/chromium.mjs).
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      // The production build, on the embedded snapshot: no network needed.
      command: `npx next start -H 127.0.0.1 -p ${PORT}`,
      url: `http://127.0.0.1:${PORT}/api/events`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { PRICE_PROVIDER: 'snapshot', NEXT_TELEMETRY_DISABLED: '1' },
    },
    {
      // The local mock of Yahoo's chart API, replaying recorded payloads (tests/e2e/live.spec.ts).
      command: `npx tsx tests/mock-yahoo/server.ts --port ${MOCK_PORT}`,
      url: `http://127.0.0.1:${MOCK_PORT}/__health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // The same build in the default auto mode, with the live provider pointed at the mock.
      command: `npx next start -H 127.0.0.1 -p ${LIVE_PORT}`,
      url: `http://127.0.0.1:${LIVE_PORT}/api/events`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        PRICE_PROVIDER: 'auto',
        YAHOO_BASE_URL: `http://127.0.0.1:${MOCK_PORT}`,
        YAHOO_TIMEOUT_MS: '2000',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
})
