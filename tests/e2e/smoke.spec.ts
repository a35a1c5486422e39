import { expect, test } from '@playwright/test'
import { showFullChart } from './full-chart'

test('the home page loads with the chart and the API answers', async ({ page, request }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Stargate')
  // The server-drawn chart's island is live, and a press on it brings the full chart.
  await showFullChart(page)
  await expect(page.getByTestId('chart-canvas').getByTestId('chart-plot-area')).toBeVisible()

  const prices = await request.get('/api/prices?symbols=NVDA,SPY&from=2025-01-24&to=2025-01-28')
  expect(prices.status()).toBe(200)
  const body = (await prices.json()) as { series: { symbol: string; bars: { date: string; close: number }[] }[] }
  expect(body.series[0]?.bars.map((b) => b.date)).toEqual(['2025-01-24', '2025-01-27', '2025-01-28'])

  const events = await request.get('/api/events?category=deepseek')
  expect(events.status()).toBe(200)
  expect(errors).toEqual([])
})
