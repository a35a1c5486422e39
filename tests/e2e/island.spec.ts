import { expect, test, type Page } from '@playwright/test'
import { pageChunkSources } from '../support/page-chunks'
import { showFullChart } from './full-chart'

/**
 * The first view before (and without) the charting library: the server-drawn chart's island, the controls as
 * links, and the swap to the Recharts chart. Selectors are our own test ids, roles and the shared tooltip
 * attribute, never the library's class names.
 */

const VIEW = '/?symbols=NVDA,AVGO,SPY&from=2025-01-06&to=2025-02-14&mode=percent&base=2025-01-17'
const TOOLTIP = '[data-chart-tooltip]'

const preview = (page: Page) => page.getByTestId('chart-preview')
/** The server-drawn lines actually on screen (the HTML holds a narrow and a wide layout until hydration). */
const previewLines = (page: Page) => preview(page).locator('polyline').filter({ visible: true })

/**
 * Holds back every script the page does not run to hydrate (the chunks its HTML names, as tags or in the loader
 * of a page from memory): that is the lazily loaded full chart. Returns a function that lets them through.
 */
async function holdLazyChunks(page: Page, html: string): Promise<() => void> {
  const needed = new Set(pageChunkSources(html))
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname
    if (!needed.has(path)) await released
    await route.continue()
  })
  return release
}

test('the date fields are date pickers from the first frames on, before any of the page chunks has run', async ({
  page,
}) => {
  // No chunk ever arrives: what runs is the page's own inline scripts.
  await page.route('**/_next/static/chunks/*.js', () => {})
  await page.goto(VIEW, { waitUntil: 'commit' })
  await expect(previewLines(page)).toHaveCount(3)
  for (const label of ['From', 'To']) {
    await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('type', 'date')
  }
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-06')
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2025-02-14')
  // Nothing hydrated: the island has not measured the chart.
  await expect(preview(page)).not.toHaveAttribute('data-measured')
})

test.describe('without JavaScript, the controls are links to the view they make', () => {
  test.use({ javaScriptEnabled: false })

  test('a preset, a symbol chip, a mode and an event each load their view, drawn by the server', async ({ page }) => {
    await page.goto(VIEW)
    await expect(previewLines(page)).toHaveCount(3)

    await page.getByRole('link', { name: 'H1 2025' }).click()
    await expect(page).toHaveURL(/from=2025-01-02&to=2025-06-30/)
    await expect(page.getByRole('link', { name: 'H1 2025' })).toHaveAttribute('aria-current', 'true')
    await expect(preview(page)).toContainText('Jun')

    await page.getByRole('link', { name: 'Remove AVGO' }).click()
    await expect(page).toHaveURL(/symbols=NVDA,SPY&/)
    await expect(previewLines(page)).toHaveCount(2)

    // Percent mode labels the axis in percent; the log scale labels it in dollars.
    await expect(preview(page)).toContainText('%')
    await page.getByRole('link', { name: 'Log price' }).click()
    await expect(page).toHaveURL(/mode=log/)
    await expect(preview(page)).not.toContainText('%')
    await expect(preview(page)).toContainText('$')

    await page.getByRole('link', { name: /NVDA falls about 17%.*zoom the chart/ }).click()
    await expect(page).toHaveURL(/event=2025-01-27-nvda-record-loss/)
    await expect(page).toHaveURL(/from=2025-01-10&to=2025-02-10/)
    await expect(page.getByTestId('selected-event')).toContainText('17%')
    await expect(preview(page)).toContainText('Jan 10')
  })

  test('an event marker on the server-drawn chart is a link to its event', async ({ page }) => {
    await page.goto(VIEW)
    const marker = page
      .getByRole('link', { name: /^Event \d+: White House launch of the \$500B Stargate/ })
      .filter({ visible: true })
      .first()
    await marker.click()
    await expect(page).toHaveURL(/event=2025-01-21-stargate/)
    await expect(page.getByTestId('selected-event')).toContainText('Stargate')
  })
  test('the date fields are a form: Enter or Apply loads the typed range, keeping the rest of the view', async ({
    page,
  }) => {
    await page.goto(VIEW)
    // ISO text fields: the page turns them into date pickers with script (lib/ui/date-field-script.ts).
    await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('type', 'text')
    await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('placeholder', 'YYYY-MM-DD')
    await page.getByLabel('From', { exact: true }).fill('2025-01-21')
    await page.getByLabel('To', { exact: true }).fill('2025-01-31')
    await page.getByLabel('To', { exact: true }).press('Enter')
    // A form writes its fields in its own order and encoding; what counts is the view the link holds.
    await expect(page).toHaveURL(/from=2025-01-21&to=2025-01-31/)
    const query = Object.fromEntries(new URL(page.url()).searchParams)
    expect(query).toEqual({
      symbols: 'NVDA,AVGO,SPY',
      from: '2025-01-21',
      to: '2025-01-31',
      mode: 'percent',
      base: '2025-01-17',
    })
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-21')
    await expect(preview(page)).toContainText('Jan 31')
    await expect(preview(page)).not.toContainText('Feb')

    // A range the page refuses comes back as the default range with the reason, never an error page.
    await page.getByLabel('From', { exact: true }).fill('2025-03-01')
    await page.getByRole('button', { name: 'Apply' }).click()
    await expect(page).toHaveURL(/from=2025-03-01&to=2025-01-31/)
    await expect(page.getByRole('status').filter({ hasText: 'was after To' }).first()).toBeVisible()
    await expect(previewLines(page)).toHaveCount(3)
  })
})

test('a preset clicked before the page has hydrated still gets its view', async ({ page }) => {
  // No script runs at all: the state of a reader on a slow network whose click lands before hydration.
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort())
  await page.goto(VIEW)
  await page.getByRole('link', { name: 'All data' }).click()
  await expect(page).toHaveURL(/from=2024-07-01&to=2025-06-30/)
  await expect(preview(page)).toContainText('Jul')
  await expect(page.getByRole('link', { name: 'All data' })).toHaveAttribute('aria-current', 'true')
})

test('a date typed before the page has hydrated is taken when it does', async ({ page }) => {
  // Every script held back: the reader types into the server-rendered field, then the page's JavaScript arrives.
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    await released
    await route.continue()
  })
  // The held scripts hold the load event too, so the reader's turn comes at DOMContentLoaded.
  await page.goto(VIEW, { waitUntil: 'domcontentloaded' })
  await page.getByLabel('From', { exact: true }).fill('2025-01-21')
  const historyBefore = await page.evaluate(() => history.length)
  release()
  await expect(preview(page)).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  await expect(page).toHaveURL(/from=2025-01-21&to=2025-02-14/)
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-21')
  // The typed date is one new history entry, as it is when typed after hydration.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1)
})

test("with none of the page's scripts, the server-drawn chart answers a hover exactly as the island does", async ({
  page,
}) => {
  // A reader whose scripts are blocked or still downloading: only the page's own inline readout runs.
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort())
  await page.goto(VIEW)
  const plot = preview(page).getByTestId('chart-plot').filter({ visible: true })
  await expect(preview(page)).not.toHaveAttribute('data-measured', 'true')
  await plot.scrollIntoViewIfNeeded()
  const box = await plot.boundingBox()
  if (!box) throw new Error('no plot box')
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2)
  const early = page.locator(TOOLTIP)
  await expect(early).toBeVisible()
  for (const symbol of ['NVDA', 'AVGO', 'SPY']) await expect(early).toContainText(symbol)
  await expect(early).toContainText(/[+−-]\d+\.\d\d% day/)
  const earlyText = await early.innerText()
  await page.mouse.move(box.x - 40, box.y - 40)
  await expect(early).toHaveCount(0)

  // The keyboard works too: the plot is focusable in the server's HTML.
  await plot.focus()
  await page.keyboard.press('End')
  await expect(early).toContainText('Feb 14, 2025')
  await page.keyboard.press('ArrowLeft')
  await expect(early).toContainText('Feb 13, 2025')

  // The hydrated island, at the same point of the same view, says exactly the same.
  const hydrated = await page.context().newPage()
  const release = await holdLazyChunks(hydrated, await (await hydrated.request.get(VIEW)).text())
  await hydrated.goto(VIEW)
  await expect(preview(hydrated)).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  const hydratedPlot = preview(hydrated).getByTestId('chart-plot')
  await hydratedPlot.scrollIntoViewIfNeeded()
  const hydratedBox = await hydratedPlot.boundingBox()
  if (!hydratedBox) throw new Error('no plot box')
  await hydrated.mouse.move(hydratedBox.x + hydratedBox.width * 0.3, hydratedBox.y + hydratedBox.height / 2)
  const island = hydrated.locator(TOOLTIP)
  await expect(island).toBeVisible()
  await expect(island).toHaveAttribute('data-testid', 'chart-tooltip')
  expect(await island.innerText()).toBe(earlyText)
  release()
  await hydrated.close()
})

test("a reader's event title in the link stays text in the early readout's data", async ({ page }) => {
  const hostile = '</script><script>window.__pwned=1</script><!--'
  await page.route('**/_next/static/chunks/*.js', (route) => route.abort())
  await page.goto(`${VIEW}&mine=2025-01-24,pre,${encodeURIComponent(encodeURIComponent(hostile))},,`)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  const data = JSON.parse((await page.locator('script[data-chart-readout]').textContent()) ?? 'null') as {
    events: [number, string, string][]
  }
  expect(data.events.map((e) => e[1])).toContainEqual(expect.stringContaining(hostile))
  // The markup after the data is whole: the chart still has its lines.
  await expect(previewLines(page)).toHaveCount(3)
})

test('before Recharts arrives, the island gives the tooltip, keyboard readout and event cards', async ({
  page,
  request,
}) => {
  const html = await (await request.get(VIEW)).text()
  const release = await holdLazyChunks(page, html)
  await page.goto(VIEW)
  await expect(preview(page)).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  await expect(page.getByTestId('chart-canvas')).toHaveCount(0)

  // Pointer: a tooltip with every series' value and daily change at the hovered session.
  const plot = preview(page).getByTestId('chart-plot')
  await plot.scrollIntoViewIfNeeded()
  const box = await plot.boundingBox()
  if (!box) throw new Error('no plot box')
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2)
  const tooltip = page.locator(TOOLTIP)
  await expect(tooltip).toBeVisible()
  for (const symbol of ['NVDA', 'AVGO', 'SPY']) await expect(tooltip).toContainText(symbol)
  await expect(tooltip).toContainText(/[+−-]\d+\.\d\d% day/)
  await page.mouse.move(box.x - 40, box.y - 40)
  await expect(tooltip).toHaveCount(0)

  // Keyboard: the plot is focusable, arrows move the crosshair, a polite live region reads the session out.
  await plot.focus()
  await page.keyboard.press('End')
  await expect(tooltip).toContainText('Feb 14, 2025')
  await page.keyboard.press('ArrowLeft')
  await expect(tooltip).toContainText('Feb 13, 2025')
  await expect(plot.getByRole('status')).toContainText(/Feb 13, 2025: NVDA [+−-]\d+\.\d\d%, [+−-]\d+\.\d\d% on the day/)

  // Markers: focus or hover opens the dashboard's event card; a click selects the event through the URL.
  const stargate = page.getByRole('link', { name: /^Event \d+: White House launch of the \$500B Stargate/ }).first()
  await stargate.focus()
  await expect(page.getByTestId('event-card')).toContainText('Stargate')
  await stargate.click()
  await expect(page).toHaveURL(/event=2025-01-21-stargate/)
  await expect(page.getByTestId('selected-event')).toContainText('Stargate')

  // A drag across the plot zooms to the sessions it spans, with a band while it lasts, still without Recharts.
  await plot.scrollIntoViewIfNeeded()
  const zoomBox = await plot.boundingBox()
  if (!zoomBox) throw new Error('no plot box')
  const atY = zoomBox.y + zoomBox.height / 2
  await page.mouse.move(zoomBox.x + zoomBox.width * 0.2, atY)
  await page.mouse.down()
  await page.mouse.move(zoomBox.x + zoomBox.width * 0.5, atY, { steps: 5 })
  await expect(plot.getByTestId('zoom-band')).toBeVisible()
  await page.mouse.move(zoomBox.x + zoomBox.width * 0.7, atY, { steps: 5 })
  await page.mouse.up()
  await expect(page).not.toHaveURL(/event=/)
  const zoomed = new URL(page.url()).searchParams
  // The event's view was 2025-01-10 to 2025-02-10; a drag over its middle 50% keeps a part of it, in order.
  expect(zoomed.get('from')! > '2025-01-10').toBe(true)
  expect(zoomed.get('to')! < '2025-02-10').toBe(true)
  expect(zoomed.get('from')! < zoomed.get('to')!).toBe(true)
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible()
  await expect(page.getByTestId('zoom-band')).toHaveCount(0)
  await expect(page.getByTestId('chart-canvas')).toHaveCount(0)

  // That press asked for the full chart; once its code arrives it takes over, with the same tooltip selector.
  release()
  await expect(page.getByTestId('event-markers')).toBeVisible({ timeout: 30_000 })
  await page.getByTestId('chart-canvas').scrollIntoViewIfNeeded()
  const canvas = await page.getByTestId('chart-canvas').boundingBox()
  if (!canvas) throw new Error('no chart')
  await page.mouse.move(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.6)
  await expect(page.locator(TOOLTIP)).toBeVisible()
})

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the plot does not move when Recharts takes over (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport)
    // Records where the island's plot area and first line are, on every change, until the island is gone.
    await page.addInitScript(() => {
      type Box = { x: number; y: number; width: number; height: number }
      const w = window as unknown as { __island?: { plot: Box; line: Box; stroke: string } }
      const record = () => {
        const island = document.querySelector('[data-testid="chart-preview"][data-measured="true"]')
        const plot = island?.querySelector('[data-testid="chart-plot-area"]')
        const line = island?.querySelector('polyline')
        if (!plot || !line) return
        const box = (el: Element) => {
          const r = el.getBoundingClientRect()
          return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }
        }
        w.__island = { plot: box(plot), line: box(line), stroke: line.getAttribute('stroke') ?? '' }
      }
      new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true })
    })
    await page.goto(VIEW)
    await showFullChart(page)
    const result = await page.evaluate(() => {
      const w = window as unknown as { __island?: { plot: DOMRect; line: DOMRect; stroke: string } }
      const before = w.__island
      if (!before) return null
      const canvas = document.querySelector('[data-testid="chart-canvas"]')
      const plot = canvas?.querySelector('[data-testid="chart-plot-area"]')?.getBoundingClientRect()
      const line = canvas?.querySelector(`path[stroke="${before.stroke}"]`)?.getBoundingClientRect()
      const box = (r: DOMRect | undefined) =>
        r ? { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height } : null
      return { before, after: { plot: box(plot), line: box(line) } }
    })
    expect(result, 'the island was measured before the swap').not.toBeNull()
    if (!result) return
    for (const part of ['plot', 'line'] as const) {
      const after = result.after[part]
      expect(after, `${part} after the swap`).not.toBeNull()
      if (!after) continue
      const before = result.before[part]
      for (const key of ['x', 'y', 'width', 'height'] as const) {
        expect(
          Math.abs(after[key] - before[key]),
          `${part} ${key}: ${before[key]} -> ${after[key]}`,
        ).toBeLessThanOrEqual(3)
      }
    }
  })
}

test('the full chart is not loaded until the reader reaches for it; a press on the chart loads it', async ({
  page,
  request,
}) => {
  const html = await (await request.get(VIEW)).text()
  const needed = new Set(pageChunkSources(html))
  const lazy: string[] = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/_next/static/chunks/') && path.endsWith('.js') && !needed.has(path)) lazy.push(path)
  })
  await page.goto(VIEW)
  await expect(preview(page)).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
  // Reading the chart (hover, keyboard) and letting the page idle well past any idle callback loads nothing more.
  const plot = preview(page).getByTestId('chart-plot')
  await plot.hover()
  await expect(page.locator(TOOLTIP)).toBeVisible()
  await plot.focus()
  await page.keyboard.press('ArrowLeft')
  await page.waitForTimeout(4_000)
  expect(lazy, 'scripts loaded without a gesture that needs the full chart').toEqual([])
  await expect(page.getByTestId('chart-canvas')).toHaveCount(0)

  await showFullChart(page)
  expect(lazy.length).toBeGreaterThan(0)
  // A press is not a zoom: the range is the one the link named.
  const range = new URL(page.url()).searchParams
  expect([range.get('from'), range.get('to')]).toEqual(['2025-01-06', '2025-02-14'])
})

for (const width of [1440, 390, 320]) {
  test(`the island's date labels never overlap (${width} px wide)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 })
    await page.goto(VIEW)
    await expect(preview(page)).toHaveAttribute('data-measured', 'true', { timeout: 30_000 })
    const boxes = await preview(page)
      .locator('[data-x-tick]')
      .evaluateAll((ticks) =>
        ticks
          .map((t) => t.getBoundingClientRect())
          .filter((r) => r.width > 0)
          .map((r) => ({ left: r.left, right: r.right })),
      )
    expect(boxes.length).toBeGreaterThanOrEqual(2)
    boxes.sort((a, b) => a.left - b.left)
    for (let i = 1; i < boxes.length; i++) {
      const gap = boxes[i]!.left - boxes[i - 1]!.right
      expect(gap, `label ${i} starts ${gap.toFixed(1)} px after label ${i - 1} ends`).toBeGreaterThanOrEqual(4)
    }
  })
}
