import { chromium } from '@playwright/test'
const [, , url, selector, out, width, scheme] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme ?? 'light' })
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(1200)
await page.locator(selector).first().screenshot({ path: out })
await browser.close()
