// Dev helper (not part of the app): one screenshot of a page, for looking at it by eye.
//   node scripts/dev/shot.mjs <url> <out.png> [--width 1400] [--dark] [--full] [--selector CSS] [--no-js]
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.mjs'

const [, , url, out, ...rest] = process.argv
if (!url || !out) {
  console.error(
    'usage: node scripts/dev/shot.mjs <url> <out.png> [--width N] [--dark] [--full] [--selector CSS] [--no-js]',
  )
  process.exit(2)
}
const option = (name) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? (rest[i + 1] ?? '') : undefined
}
const flag = (name) => rest.includes(`--${name}`)

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
const context = await browser.newContext({
  viewport: { width: Number(option('width') ?? 1400), height: 900 },
  colorScheme: flag('dark') ? 'dark' : 'light',
  javaScriptEnabled: !flag('no-js'),
})
const page = await context.newPage()
const errors = []
page.on('pageerror', (e) => errors.push(e.message))
await page.goto(url, { waitUntil: flag('no-js') ? 'load' : 'networkidle' })
await page.waitForTimeout(flag('no-js') ? 0 : 800)
const selector = option('selector')
if (selector) await page.locator(selector).first().screenshot({ path: out })
else await page.screenshot({ path: out, fullPage: flag('full') })
if (errors.length > 0) console.log('page errors:', errors)
await browser.close()
