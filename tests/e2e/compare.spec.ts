import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

const SCREENS = 'artifacts/screens'

test.describe('compare shocks', () => {
  test('the preset opens with the five shocks, tables and group tests, and its PNG downloads', async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/')
    await page.getByRole('link', { name: 'Compare the year’s shocks' }).click()
    await expect(page).toHaveURL(/\/compare/)
    await expect(page.getByRole('heading', { name: /AI shocks of the year on event time/ })).toBeVisible()
    await expect(page.getByTestId('compare-event')).toHaveCount(5)
    await expect(
      page.locator('[data-testid="compare-event"][data-event-id="2025-01-27-nvda-record-loss"]'),
    ).toContainText('−16.97%')
    await expect(page.locator('[data-testid="compare-group-row"][data-symbol="NVDA"]')).toHaveCount(4)
    await expect(page.getByTestId('compare-chart').locator('svg polyline')).toHaveCount(5 * 3 * 2)

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ])
    expect(file.suggestedFilename()).toBe('ai-shock_compare_NVDA-SMH-QQQ_5-events.png')
    const bytes = readFileSync(await file.path())
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(2000)
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ])
    expect(readFileSync(await csv.path(), 'utf8').split('\n')[0]).toBe(
      'section,event_id,event_title,symbol,day,date,cum_return,car,estimation_sessions',
    )
    await page.screenshot({ path: `${SCREENS}/compare-desktop-light.png`, fullPage: true })
    expect(errors).toEqual([])
  })

  test('a chosen set from the URL, including a reader event, is compared', async ({ page }) => {
    await page.goto('/compare?events=2025-01-27-nvda-record-loss,mine-1&symbols=NVDA&mine=2025-03-10,during,My%20day,,')
    await expect(page.getByTestId('compare-event')).toHaveCount(2)
    await expect(page.locator('[data-event-id="mine-1"]')).toContainText('your event · not verified')
    await expect(page.getByRole('heading', { name: /Events compared on event time/ })).toBeVisible()
  })
})
