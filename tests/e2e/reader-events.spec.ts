import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { decodeReaderEvents } from '@/lib/events/reader-events'

const VIEW = '/?symbols=NVDA,SPY&from=2025-01-06&to=2025-02-14&mode=percent&base=2025-01-17'
const SCREENS = 'artifacts/screens'

/** Opens the form and sends an event whose source is not an http(s) link (a synthetic input, refused on purpose). */
async function sendSneakyEvent(page: Page): Promise<Locator> {
  const form = page.getByTestId('reader-event-form')
  await form.getByText('Add your own event').click()
  await form.getByLabel('Date').fill('2025-02-03')
  await form.getByLabel('Title').fill('Sneaky')
  await form.getByLabel('Source link (optional)').fill('javascript:alert(1)')
  await form.getByRole('button', { name: 'Add to the chart' }).click()
  return form
}

test.describe('reader-defined events', () => {
  test('an event added through the form is on the chart, in the list and the reaction panel, survives a shared link and is exported', async ({
    page,
    browser,
  }) => {
    await page.goto(VIEW)
    // The chart's island live (the page hydrated) before any click: earlier clicks race hydration on a busy machine.
    await expect(page.getByTestId('chart-preview')).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })

    const form = page.getByTestId('reader-event-form')
    await form.getByText('Add your own event').click()
    await form.getByLabel('Date').fill('2025-02-03')
    await form.getByLabel('When').selectOption('after')
    await form.getByLabel('Title').fill('My tariff test')
    await form.getByLabel('Category (optional)').selectOption('policy')
    await form.getByLabel('Source link (optional)').fill('https://example.org/story?id=1')
    await form.getByRole('button', { name: 'Add to the chart' }).click()

    // In the URL, selected, and drawn at the first session after an after-the-close event (Tue 2025-02-04).
    await expect(page).toHaveURL(/mine=2025-02-03/)
    await expect(page).toHaveURL(/event=mine-1/)
    await expect(page.locator('[data-testid="price-chart"] [data-event-id="mine-1"]')).toHaveCount(1)
    const item = page.locator('#event-mine-1')
    await expect(item).toHaveAttribute('data-origin', 'reader')
    await expect(item.getByTestId('reader-mark')).toHaveText(/your event · not verified/i)
    await expect(item).not.toContainText('✓ verified')
    await expect(item.getByRole('link', { name: /Source as given: example\.org/ })).toHaveAttribute(
      'href',
      'https://example.org/story?id=1',
    )
    await expect(item).toContainText('first US session to react: Tue, Feb 4, 2025')

    // Day 0 of the reaction panel.
    const reaction = page.getByTestId('reaction-panel')
    await expect(reaction.getByRole('heading', { name: /My tariff test/ })).toBeVisible()
    await expect(reaction.getByTestId('reaction-method')).toContainText('Tue, Feb 4, 2025')
    await expect(reaction.getByTestId('reaction-table')).toContainText('NVDA')
    await page.screenshot({ path: `${SCREENS}/reader-event-desktop-light.png`, fullPage: false })

    // A fresh browser context opening the shared link sees the same event.
    const shared = page.url()
    const context = await browser.newContext()
    const other = await context.newPage()
    await other.goto(shared)
    await expect(other.locator('[data-testid="price-chart"] [data-event-id="mine-1"]')).toHaveCount(1)
    await expect(other.locator('#event-mine-1')).toContainText('My tariff test')
    await expect(other.getByTestId('reaction-method')).toContainText('Tue, Feb 4, 2025')

    // Exported with the chart: the SVG's key names it and says it is the reader's.
    const [file] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: 'Download SVG' }).click(),
    ])
    const svg = readFileSync(await file.path(), 'utf8')
    expect(svg).toContain('My tariff test')
    expect(svg).toContain('added by the reader, not verified')
    const [png] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: 'Download PNG' }).click(),
    ])
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
    await context.close()
  })

  test('a bad reader event in a link is left out with a notice, the good one still opens', async ({ page }) => {
    await page.goto(`${VIEW}&mine=2025-02-30,pre,Bad,,;2025-01-24,pre,Good%20one,,`)
    await expect(page.getByRole('status').filter({ hasText: 'Ignored your event 1' })).toContainText('not a real date')
    await expect(page.locator('#event-mine-1')).toContainText('Good one')
  })

  test('the form refuses a source that is not an http(s) link and says why', async ({ page }) => {
    await page.goto(VIEW)
    // The in-page check needs the page hydrated (before, the form is sent to the server): wait for that, as above.
    await expect(page.getByTestId('chart-preview')).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
    const form = await sendSneakyEvent(page)
    await expect(form.getByRole('alert')).toHaveText('Not added: the source must be an http(s) link.')
    await expect(page).not.toHaveURL(/mine=/)
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('the form opens, and an event it sends is added by the server: in the link, selected, drawn and listed', async ({
      page,
    }) => {
      await page.goto(VIEW)
      const form = page.getByTestId('reader-event-form')
      await expect(form.getByLabel('Title')).toBeHidden()
      await form.getByText('Add your own event').click()
      await expect(form.getByText('Close the form')).toBeVisible()
      // The time field shows only for "At a time", by CSS alone.
      await expect(form.getByLabel('Time (ET)')).toBeHidden()
      await form.getByLabel('When').selectOption('time')
      await expect(form.getByLabel('Time (ET)')).toBeVisible()
      await form.getByLabel('Date').fill('2025-02-03')
      await form.getByLabel('Time (ET)').fill('17:30')
      await form.getByLabel('Title').fill('My tariff test')
      await form.getByLabel('Category (optional)').selectOption('policy')
      await form.getByRole('button', { name: 'Add to the chart' }).click()

      // One redirect to the view's own link: the event in `mine=`, selected, the range around its first session
      // (17:30 New York on Mon 2025-02-03 is after the close: Tue 2025-02-04), the other settings kept.
      await expect(page).toHaveURL(/event=mine-1/)
      const url = new URL(page.url())
      expect(decodeReaderEvents(url.searchParams.get('mine')).events).toEqual([
        { date: '2025-02-03', when: '17:30', title: 'My tariff test', category: 'policy', url: null },
      ])
      expect(url.searchParams.get('symbols')).toBe('NVDA,SPY')
      expect(url.searchParams.get('mode')).toBe('percent')
      expect([...url.searchParams.keys()].filter((k) => k.startsWith('add-'))).toEqual([])
      expect(url.searchParams.get('from')! < '2025-02-04' && url.searchParams.get('to')! > '2025-02-04').toBe(true)
      await expect(page.locator('#event-mine-1')).toContainText('My tariff test')
      await expect(page.locator('#event-mine-1')).toContainText('first US session to react: Tue, Feb 4, 2025')
      await expect(page.getByTestId('selected-event')).toContainText('My tariff test')
      await expect(
        page.getByTestId('chart-preview').locator('[data-event-id="mine-1"]').filter({ visible: true }),
      ).toHaveCount(1)
    })

    test('a refused event comes back in the open form, with the reader’s values and why', async ({ page }) => {
      await page.goto(VIEW)
      const form = await sendSneakyEvent(page)
      // The same words as the in-page check: both read the form with lib/view/reader-form.ts.
      await expect(form.getByRole('alert')).toHaveText('Not added: the source must be an http(s) link.')
      await expect(form.getByLabel('Title')).toHaveValue('Sneaky')
      await expect(form.getByLabel('Date')).toHaveValue('2025-02-03')
      await expect(form.getByLabel('Source link (optional)')).toHaveValue('javascript:alert(1)')
      expect(new URL(page.url()).searchParams.get('mine')).toBeNull()
      // The chart and the rest of the view are as they were.
      await expect(page.getByTestId('chart-preview').locator('polyline').filter({ visible: true })).toHaveCount(2)
    })
  })
})
