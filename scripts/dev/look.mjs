// Dev helper (not part of the app): screenshots and downloads for looking at the UI by eye.
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH_OPTIONS } from '../chromium.mjs'
const [, , base, outDir] = process.argv
const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS)
const url = `${base}/?symbols=NVDA,AVGO,SPY&from=2025-01-06&to=2025-02-14&mode=percent&base=2025-01-17`
for (const [name, width, scheme] of [
  ['desktop-light', 1400, 'light'],
  ['desktop-dark', 1400, 'dark'],
  ['narrow-light', 390, 'light'],
  ['narrow-dark', 360, 'dark'],
]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, acceptDownloads: true })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(url, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  await page.screenshot({
    path: `${outDir}/${name}.png`,
    fullPage: name.startsWith('narrow'),
    clip: name.startsWith('narrow') ? { x: 0, y: 0, width, height: 1800 } : undefined,
  })
  if (name === 'desktop-light' || name === 'desktop-dark') {
    for (const label of ['Download PNG', 'Download SVG', 'Download CSV']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ])
      await download.saveAs(`${outDir}/${name}-${download.suggestedFilename()}`)
    }
  }
  console.log(name, 'errors:', errors)
  await page.close()
}
await browser.close()
