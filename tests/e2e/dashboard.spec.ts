import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { chartLines, showFullChart } from './full-chart'

const VIEW = '/?symbols=NVDA,AVGO,SPY&from=2025-01-06&to=2025-02-14&mode=percent&base=2025-01-17'
const SCREENS = 'artifacts/screens'

function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

const markers = (page: Page) => page.locator('[data-testid="event-marker"]')

test.describe('dashboard', () => {
  test('the default view draws every line and the event markers', async ({ page }) => {
    const errors = collectErrors(page)
    await page.goto('/')
    await expect(chartLines(page)).toHaveCount(4, { timeout: 30_000 })
    await showFullChart(page)
    await expect(chartLines(page)).toHaveCount(4)
    expect(await markers(page).count()).toBeGreaterThan(10)
    // The markers of the story's key days are there, numbered.
    await expect(page.locator('[data-event-id="2025-01-20-deepseek-r1"]')).toHaveCount(1)
    await expect(page.locator('[data-event-id="2025-01-21-stargate"]')).toHaveCount(1)
    await page.screenshot({ path: `${SCREENS}/default-desktop-light.png` })
    expect(errors).toEqual([])
  })

  test('the chart is in the server HTML: drawn at first paint, even without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(VIEW)
    const preview = page.getByTestId('chart-preview')
    await expect(preview).toBeVisible()
    // Two layouts are in the HTML (narrow and wide); a container query shows one.
    await expect(preview.locator('polyline').filter({ visible: true })).toHaveCount(3)
    expect(await preview.locator('[data-testid^="event-"]').filter({ visible: true }).count()).toBeGreaterThan(5)
    await expect(preview).toContainText('Jan 6')
    await context.close()
  })

  test('zoom and pan are links to the view they show, so they work before hydration and without JavaScript', async ({
    browser,
    page,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const still = await context.newPage()
    await still.goto(VIEW)
    const zoomIn = still.getByRole('link', { name: 'Zoom in' })
    const target = new URL((await zoomIn.getAttribute('href'))!, 'http://localhost').searchParams
    // Fewer sessions inside the view, everything else as it was.
    expect(target.get('from')! > '2025-01-06').toBe(true)
    expect(target.get('to')! < '2025-02-14').toBe(true)
    expect(target.get('from')! < target.get('to')!).toBe(true)
    expect([target.get('symbols'), target.get('mode'), target.get('base')]).toEqual([
      'NVDA,AVGO,SPY',
      'percent',
      '2025-01-17',
    ])
    await zoomIn.click()
    await expect(still.getByLabel('From', { exact: true })).toHaveValue(target.get('from')!)
    await expect(still.getByLabel('To', { exact: true })).toHaveValue(target.get('to')!)
    // At the end of the data there is nowhere later to go: that step is a disabled button, not a dead link.
    await still.goto('/?symbols=NVDA,SPY&from=2025-06-02&to=2025-06-30')
    await expect(still.getByRole('button', { name: 'Pan later' })).toBeDisabled()
    await expect(still.getByRole('link', { name: 'Pan earlier' })).toHaveAttribute('href', /from=2025-05/)
    await context.close()

    // With JavaScript the same link is an in-page transition, which remembers where the zooming began.
    await page.goto(VIEW)
    await expect(page.locator('[data-testid="chart-preview"][data-measured]')).toHaveCount(1, { timeout: 30_000 })
    const earlier = page.getByRole('link', { name: 'Pan earlier' })
    const href = (await earlier.getAttribute('href'))!
    await earlier.click()
    await expect(page).toHaveURL(href)
    expect(new URL(page.url()).searchParams.get('from')! < '2025-01-06').toBe(true)
    await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible()
    await page.getByRole('button', { name: 'Reset zoom' }).click()
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-06')
  })

  test('a shared URL restores the exact view', async ({ page }) => {
    await page.goto('/?symbols=NVDA,ORCL,9984.T&from=2025-01-13&to=2025-01-31&mode=log&base=2025-01-17')
    const chips = page.getByRole('list', { name: 'Symbols on the chart' }).getByRole('link')
    await expect(chips).toHaveText([/NVDA/, /ORCL/, /9984\.T/])
    await expect(page.getByRole('link', { name: 'Log price' })).toHaveAttribute('aria-current', 'true')
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-13')
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-01-31')
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
  })

  test('From and To update the chart and the URL; Back restores the previous range', async ({ page }) => {
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    const historyBefore = await page.evaluate(() => history.length)
    await page.getByLabel('From', { exact: true }).fill('2025-01-21')
    await expect(page).toHaveURL(/from=2025-01-21/)
    expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
    await page.getByLabel('To', { exact: true }).fill('2025-01-31')
    await expect(page).toHaveURL(/to=2025-01-31/)
    const table = page.locator('details', { hasText: 'Data table' })
    await expect(table).toContainText('9 sessions')
    // The table is markup (lib/chart/data-table.ts) that a new view replaces whole: its rows are the new range's.
    await expect(table.locator('tbody tr')).toHaveCount(9)
    await expect(table.locator('tbody tr').first()).toContainText('Tue, Jan 21, 2025')
    await page.goBack()
    await expect(page).toHaveURL(/from=2025-01-21&to=2025-02-14/)
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-02-14')
    await page.goForward()
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-01-31')
  })

  test('presets, mode and symbol changes write the URL', async ({ page }) => {
    await page.goto(VIEW)
    await page.getByRole('link', { name: 'H1 2025' }).click()
    await expect(page).toHaveURL(/from=2025-01-02&to=2025-06-30/)
    await page.getByRole('link', { name: 'Price', exact: true }).click()
    await expect(page).toHaveURL(/mode=price/)
    await page.getByRole('link', { name: 'Remove AVGO' }).click()
    await expect(page).toHaveURL(/symbols=NVDA,SPY&/)
    await expect(chartLines(page)).toHaveCount(2, { timeout: 30_000 })
    await page.getByPlaceholder(/Search or type any ticker/).fill('vistra')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(page).toHaveURL(/symbols=NVDA,SPY,VST&/)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
  })

  test('selecting an event in the list zooms to ten sessions either side and highlights its marker', async ({
    page,
  }) => {
    await page.goto(VIEW)
    await page.getByRole('link', { name: /NVDA falls about 17%.*zoom the chart/ }).click()
    await expect(page).toHaveURL(/event=2025-01-27-nvda-record-loss/)
    await expect(page).toHaveURL(/from=2025-01-10&to=2025-02-10/)
    await expect(page.getByTestId('selected-event')).toBeVisible()
    await showFullChart(page)
    await expect(page.locator('[data-event-id="2025-01-27-nvda-record-loss"]')).toHaveAttribute('aria-pressed', 'true')
  })

  test('an event title in the list is an in-page transition on a plain click and a real link on a modified one', async ({
    page,
    context,
  }) => {
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    // A mark on the window survives an in-page transition and is gone after a page load.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    const title = page.getByRole('link', { name: /NVDA falls about 17%.*zoom the chart/ })
    // Ctrl+click (a new tab) is the browser's: this page keeps its view, a second page opens at the event's view.
    const opened = context.waitForEvent('page')
    await title.click({ modifiers: ['ControlOrMeta'] })
    const tab = await opened
    await tab.waitForLoadState('domcontentloaded')
    expect(tab.url()).toMatch(/event=2025-01-27-nvda-record-loss/)
    await tab.close()
    expect(page.url()).not.toMatch(/event=/)
    // A plain click: the view changes in the page, without a load.
    await title.click()
    await expect(page).toHaveURL(/event=2025-01-27-nvda-record-loss/)
    await expect(page.getByTestId('selected-event')).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    // The compact row of an event outside the chart works the same way.
    await page
      .getByRole('link', { name: /tariff pause.*zoom the chart/i })
      .first()
      .click()
    await expect(page).toHaveURL(/event=2025-04-09-tariff-pause/)
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
  })

  test('on a wide screen the event list brings the selected event to the top of its panel', async ({ page }) => {
    // Cards far from view are laid out only when they come near it, so the list must still land on the card.
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${VIEW}&event=2025-04-09-tariff-pause`)
    const card = page.locator('#event-2025-04-09-tariff-pause')
    const header = page.locator('#events-heading').locator('xpath=../..')
    await expect
      .poll(
        async () => {
          const [c, h] = [await card.boundingBox(), await header.boundingBox()]
          return c && h ? Math.round(c.y - (h.y + h.height)) : null
        },
        { timeout: 15_000 },
      )
      .toBe(8)
    await expect(card).toContainText('tariff pause')
  })

  test('without JavaScript the side panel starts at the selected event on a wide screen, and a phone stays on the chart', async ({
    browser,
  }) => {
    // The browser's first layout scrolls the panel (CSS scroll-initial-target); no script is there to do it.
    const gapUnderHeader = async (width: number) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } })
      const page = await context.newPage()
      await page.goto(`${VIEW}&event=2025-04-09-tariff-pause`)
      const card = page.locator('#event-2025-04-09-tariff-pause')
      await expect(card).toContainText('tariff pause')
      const header = page.locator('#events-heading').locator('xpath=../..')
      const [c, h] = [await card.boundingBox(), await header.boundingBox()]
      const scrolled = await page.evaluate(() => ({
        page: window.scrollY,
        panel: document.querySelector('aside')!.scrollTop,
      }))
      await context.close()
      return { gap: Math.round(c!.y - (h!.y + h!.height)), ...scrolled }
    }
    const wide = await gapUnderHeader(1440)
    // The card is far down the list (April, in a list that starts in July): the panel has moved, the page has not.
    expect(wide.panel).toBeGreaterThan(2_000)
    expect(wide.page).toBe(0)
    // Right under the sticky header, not hidden by it (the padding is an estimate of the header's height).
    expect(wide.gap).toBeGreaterThanOrEqual(0)
    expect(wide.gap).toBeLessThanOrEqual(24)
    const phone = await gapUnderHeader(390)
    expect(phone.page).toBe(0)
    expect(phone.panel).toBe(0)
  })

  test('events outside the chart are compact rows; opening one brings its whole card in the page', async ({ page }) => {
    const html = await (await page.request.get(VIEW)).text()
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    const card = page.locator('#event-2025-04-09-tariff-pause')
    await expect(card).toHaveAttribute('data-card', 'line')
    await expect(card).toContainText('not in the chart’s range')
    await expect(card.getByTestId('verification-note')).toHaveCount(0)
    // An event on the chart has its card in full, text from the page itself.
    await expect(page.locator('#event-2025-01-27-nvda-record-loss')).toHaveAttribute('data-card', 'full')
    await expect(page.locator('#event-2025-01-27-nvda-record-loss').getByTestId('verification-note')).toBeVisible()
    // Its text is in the first HTML, found by the same check as below (so that check can fail).
    const shown = (await page
      .locator('#event-2025-01-27-nvda-record-loss')
      .getByTestId('verification-note')
      .textContent())!
    const shownRuns = shown.match(/[A-Za-z0-9 ,.]{25,}/g) ?? []
    expect(shownRuns.length).toBeGreaterThan(0)
    for (const run of shownRuns) expect(html).toContain(run)

    const details = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.ok())
    await card.getByRole('link').click()
    await expect(page).toHaveURL(/event=2025-04-09-tariff-pause/)
    await details
    await expect(card).toHaveAttribute('data-card', 'full')
    const note = card.getByTestId('verification-note')
    await expect(note).toBeVisible()
    await expect(card.locator('a[target="_blank"]').first()).toHaveAttribute('href', /^https:\/\//)
    // That text was not in the first view's HTML: it came when the card was opened. Runs of plain letters only,
    // which read the same in the markup (where React escapes quotes and ampersands) and in the hydration data.
    const text = (await note.textContent())!.replace(/^(Partly verified|Verified): /, '')
    const runs = text.match(/[A-Za-z0-9 ,.]{25,}/g) ?? []
    expect(runs.length).toBeGreaterThan(0)
    for (const run of runs) expect(html).not.toContain(run)
  })

  test('clicking a marker on the full chart selects its event', async ({ page }) => {
    await page.goto(VIEW)
    await showFullChart(page)
    const marker = page.locator('[data-event-id="2025-01-21-stargate"]')
    await marker.locator('circle').first().hover()
    await expect(page.getByTestId('event-card')).toContainText('Stargate')
    await marker.locator('circle').first().click()
    await expect(page).toHaveURL(/event=2025-01-21-stargate/)
    await expect(page.getByTestId('selected-event')).toContainText('Stargate')
  })

  test('typing a date key by key writes one complete date, and an inverted range is refused with a message', async ({
    page,
  }) => {
    await page.goto(VIEW)
    const from = page.getByLabel('From', { exact: true })
    // Keyboard focus puts the caret on the month, as a reader tabbing to the field gets it.
    await from.focus()
    await page.keyboard.type('01132025')
    await expect(page).toHaveURL(/from=2025-01-13&to=2025-02-14/)
    await expect(from).toHaveValue('2025-01-13')
    await from.fill('2025-03-01')
    await from.press('Enter')
    await expect(page.getByText('From must not be after To (2025-02-14).')).toBeVisible()
    await expect(page).toHaveURL(/from=2025-01-13/)
  })

  test('a marker of the full chart explains its event on keyboard focus, and Enter zooms to it', async ({ page }) => {
    await page.goto(VIEW)
    await showFullChart(page)
    const stargate = page.locator('[data-event-id="2025-01-21-stargate"]')
    await stargate.focus()
    const card = page.getByTestId('event-card')
    await expect(card).toContainText('Stargate')
    await expect(card).toContainText('after the close')
    await expect(card).toContainText('Sources:')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/event=2025-01-21-stargate/)
  })

  test('PNG, SVG and CSV downloads are valid files that say what they hold', async ({ page, request }) => {
    // The server's HTML offers the exports disabled: only the page's script can make the files, and a click before
    // it has hydrated would do nothing. Hydrated, they are enabled (a click waits for that, as a reader sees).
    const html = await (await request.get(VIEW)).text()
    for (const kind of ['PNG', 'SVG', 'CSV'])
      expect(html).toMatch(new RegExp(`<button[^>]*disabled=""[^>]*>Download ${kind}</button>`))
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    await expect(page.getByRole('button', { name: 'Download PNG' })).toBeEnabled({ timeout: 30_000 })

    const download = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()])
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
    }

    const png = await download('Download PNG')
    expect(png.name).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.png')
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const width = png.bytes.readUInt32BE(16)
    expect(width).toBe(2400) // the article-column preset, 1200 px, drawn at 2x
    expect(png.bytes.length).toBeGreaterThan(100_000)
    // Not blank: decode it in the browser and count distinct colours on a sample of pixels.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image()
      img.src = `data:image/png;base64,${b64}`
      await img.decode()
      const canvas = document.createElement('canvas')
      canvas.width = img.naturalWidth
      canvas.height = img.naturalHeight
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      const seen = new Set<number>()
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
      return seen.size
    }, png.bytes.toString('base64'))
    expect(colours).toBeGreaterThan(20)

    const svg = await download('Download SVG')
    expect(svg.name).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.svg')
    const text = svg.bytes.toString('utf8')
    expect(text).not.toContain('var(')
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        text: doc.documentElement.textContent ?? '',
      }
    }, text)
    expect(parsed.error).toBe(false)
    expect(parsed.root).toBe('svg')
    for (const label of ['NVDA', 'AVGO', 'SPY', 'Stargate', 'embedded snapshot']) expect(parsed.text).toContain(label)

    const csv = await download('Download CSV')
    expect(csv.name).toBe('ai-shock_NVDA-AVGO-SPY_2025-01-06_2025-02-14.csv')
    const lines = csv.bytes.toString('utf8').trim().split('\n')
    expect(lines[0]).toBe('date,symbol,close,adj_close,change_since_base')
    expect(lines).toHaveLength(1 + 3 * 28)
    expect(lines.find((l) => l.startsWith('2025-01-17,NVDA,'))).toMatch(/^2025-01-17,NVDA,137\.71,137\.68,0(\.0+)?$/)
  })

  test('empty, error and garbage-URL states never blank the page', async ({ page }) => {
    const errors = collectErrors(page)
    await page.goto('/?symbols=&from=2025-01-06&to=2025-02-14')
    await expect(page.getByText('Choose at least one symbol above to draw the chart.')).toBeVisible()

    await page.goto('/?symbols=NVDA,ZZZZ&from=2025-01-06&to=2025-02-14')
    const alert = page.getByTestId('chart-error')
    await expect(alert).toContainText('ZZZZ')
    // One unknown ticker does not cost the reader the others.
    await alert.getByRole('link', { name: 'Remove ZZZZ and draw the rest' }).click()
    await expect(page).toHaveURL(/symbols=NVDA&/)
    await expect(chartLines(page)).toHaveCount(1, { timeout: 30_000 })

    await page.goto('/?symbols=NVDA&from=2023-01-02&to=2023-03-01')
    await expect(page.getByTestId('chart-empty')).toContainText('the embedded data covers')
    await page.getByRole('link', { name: 'Show all data' }).click()
    await expect(page).toHaveURL(/from=2024-07-01&to=2025-06-30/)
    await expect(chartLines(page)).toHaveCount(1, { timeout: 30_000 })

    await page.goto('/?symbols=%3Cscript%3E&from=yesterday&mode=3d&to=2025-99-99')
    await expect(page.getByRole('status').first()).toContainText('Ignored')
    await expect(chartLines(page)).toHaveCount(4, { timeout: 30_000 })
    expect(errors).toEqual([])
  })

  test('narrow screen: controls stack, the chart stays legible, nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(VIEW)
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    // Long sections fold on a phone: open them to measure their text.
    for (const fold of ['fold-reaction', 'fold-claims', 'fold-events'])
      await page.getByTestId(fold).locator(':scope > summary').click()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const box = await page.getByTestId('price-chart').boundingBox()
    expect(box!.width).toBeGreaterThan(280)
    expect(box!.height).toBeGreaterThan(250)
    // Text columns stay wide enough to read (a squeezed grid once stacked the claims' numbers letter by letter).
    const narrowest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('[data-testid="claim"] dd, [data-testid="event-list"] p')].map(
          (e) => e.getBoundingClientRect().width,
        ),
      ),
    )
    expect(narrowest).toBeGreaterThan(150)
    await page.screenshot({ path: `${SCREENS}/narrow-light.png`, fullPage: false })
  })

  test('dark mode follows the system and the toggle overrides it', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto(VIEW)
    await expect(page.locator('html')).toHaveClass(/dark/)
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    expect(bg).toBe('rgb(11, 17, 32)')
    await expect(chartLines(page)).toHaveCount(3, { timeout: 30_000 })
    await page.screenshot({ path: `${SCREENS}/default-desktop-dark.png` })
    await page.getByRole('button', { name: /Change theme/ }).click() // system -> light
    await expect(page.locator('html')).not.toHaveClass(/dark/)
    await page.reload()
    await expect(page.locator('html')).not.toHaveClass(/dark/)
    await context.close()
  })
})
