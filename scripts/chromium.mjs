/**
 * How every test and script here launches Chromium: Debian's (or CHROMIUM_PATH), never a downloaded one, with the
 * flags that keep it off the network. Used by playwright.config.ts, the bench (scripts/bench-browser.mjs) and the
 * dev helpers, so none of them launches it differently.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without these, Chromium tries to reach Google's services, which this machine's closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Playwright's launch options for that Chromium. */
export const CHROMIUM_LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }
