import { expect, type Page } from '@playwright/test'

/**
 * The full (Recharts) chart loads only when the reader reaches for what only it does: a press on the chart is one
 * such gesture (the start of a pan on the date axis). This does what a reader does: waits for the server-drawn
 * chart's island to be live, presses and releases on the plot (no drag, so no zoom), and waits for the full chart.
 */
export async function showFullChart(page: Page): Promise<void> {
  const preview = page.getByTestId('chart-preview')
  await expect(preview).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  await preview.getByTestId('chart-plot').click()
  await expect(page.getByTestId('event-markers')).toBeVisible({ timeout: 30_000 })
}

/** One last-value tag per drawn line, on whichever chart is up (our own test ids, not the library's classes). */
export const chartLines = (page: Page) =>
  page.getByTestId('last-values').locator('[data-symbol]').filter({ visible: true })
