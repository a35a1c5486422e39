import { chartLines } from './full-chart'
import { expect, test } from '@playwright/test'
import { LIVE_PORT, MOCK_PORT } from '../../playwright.config'

// A second server runs the same build with PRICE_PROVIDER=auto and YAHOO_BASE_URL pointing at the local mock,
// which replays real recorded Yahoo responses (AAPL, 2020-08-31 to 2020-11-06).
const LIVE = `http://127.0.0.1:${LIVE_PORT}`
const MOCK = `http://127.0.0.1:${MOCK_PORT}`

interface PricesBody {
  series: { symbol: string; source: string; bars: { date: string; close: number; adjClose: number }[] }[]
  warnings: string[]
}

test.describe('live provider against the mock upstream', () => {
  test.beforeEach(async ({ request }) => {
    await request.post(`${MOCK}/__reset`)
  })

  test('the API returns the recorded payload’s bars, trading dates and adjusted closes', async ({ request }) => {
    const res = await request.get(`${LIVE}/api/prices?symbols=AAPL&from=2020-08-31&to=2020-11-06`)
    expect(res.status()).toBe(200)
    const body = (await res.json()) as PricesBody
    const aapl = body.series[0]!
    expect(aapl.source).toBe('yahoo')
    expect(aapl.bars).toHaveLength(49)
    expect(aapl.bars[0]).toMatchObject({ date: '2020-08-31', close: 129.0399932861328, adjClose: 125.05753326416016 })
    expect(aapl.bars.at(-1)?.date).toBe('2020-11-06')
  })

  test('the dashboard draws live data and says it is live', async ({ page }) => {
    await page.goto(`${LIVE}/?symbols=AAPL&from=2020-09-01&to=2020-11-06&mode=price&base=2020-09-01`)
    await expect(chartLines(page)).toHaveCount(1)
    await expect(page.getByTestId('data-status')).toContainText('Live')
  })

  test('a failing upstream falls back to the snapshot with a visible warning', async ({ page, request }) => {
    await request.post(`${MOCK}/__mode/error500`)
    // Half of this range is before the snapshot, so auto mode asks the live source first.
    await page.goto(`${LIVE}/?symbols=NVDA&from=2024-06-03&to=2024-08-30&mode=price&base=2024-06-03`)
    await expect(chartLines(page)).toHaveCount(1)
    const warnings = page.getByTestId('data-warnings')
    await expect(warnings).toContainText('live data unavailable')
    await expect(warnings).toContainText('embedded snapshot')
    await expect(page.getByTestId('data-status')).toContainText('Embedded snapshot')
  })
})
