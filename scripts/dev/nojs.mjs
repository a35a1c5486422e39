// Dev helper: the page as a reader without JavaScript sees it (the server-rendered chart preview).
import { chromium } from '@playwright/test'
const [, , url, out, width = '1400', scheme = 'light'] = process.argv
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: Number(width), height: 900 }, colorScheme: scheme })
const page = await context.newPage()
await page.goto(url)
await page.screenshot({ path: out })
await browser.close()
