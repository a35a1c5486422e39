import { chromium } from '@playwright/test'
const [, , url, out, width, scheme] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme })
const errors = []
page.on('pageerror', (e) => errors.push(e.message))
await page.goto(url, { waitUntil: 'networkidle' })
await page.waitForTimeout(1200)
await page.screenshot({ path: out, fullPage: true })
console.log('errors', errors)
await browser.close()
