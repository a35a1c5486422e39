import { expect, test, type Page } from '@playwright/test'
import { showFullChart } from './full-chart'

/**
 * Issue 12: a pointer or a tap on a marker opens the event drawn under it, at every width and range; stacked
 * markers never take more than their share of the chart; clusters open a list.
 */

const VIEWS = [
  { name: 'default view', query: '/' },
  { name: 'H1 2025', query: '/?from=2025-01-02&to=2025-06-30' },
  { name: 'All data', query: '/?from=2024-07-01&to=2025-06-30' },
] as const
const WIDTHS = [1440, 1024, 390] as const

interface Target {
  key: string
  kind: 'event' | 'cluster'
  x: number
  y: number
  /** What `elementFromPoint` finds at the centre: the key of the marker it belongs to. */
  hit: string | null
  events: number
}

/** Every marker and cluster badge, with what lies under the centre of its drawn shape. */
async function targets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const nodes = [
      ...document.querySelectorAll<SVGGElement>('[data-testid="event-marker"], [data-testid="event-cluster"]'),
    ]
    return nodes.map((node) => {
      const shape = node.querySelector('circle') as SVGCircleElement
      const box = shape.getBoundingClientRect()
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      const under = document.elementFromPoint(x, y)?.closest('[data-marker-key]')
      const ids = node.getAttribute('data-event-ids')
      return {
        key: node.getAttribute('data-marker-key') ?? '',
        kind: node.getAttribute('data-testid') === 'event-cluster' ? ('cluster' as const) : ('event' as const),
        x,
        y,
        hit: under?.getAttribute('data-marker-key') ?? null,
        events: ids ? ids.split(' ').length : 1,
      }
    })
  })
}

async function openChart(page: Page, query: string) {
  await page.goto(query)
  await showFullChart(page)
  await page.getByTestId('price-chart').scrollIntoViewIfNeeded()
  // Let the marker band settle (its height is measured once the axis is).
  await page.waitForTimeout(300)
}

for (const width of WIDTHS) {
  test.describe(`markers at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 500 ? 844 : 900 }, hasTouch: width < 500, isMobile: width < 500 })

    for (const view of VIEWS) {
      test(`${view.name}: every marker opens the event drawn under its centre`, async ({ page, request }) => {
        await openChart(page, view.query)
        const list = await targets(page)
        expect(list.length).toBeGreaterThan(0)
        for (const t of list) expect(t.hit, `marker ${t.key} at (${t.x.toFixed(0)}, ${t.y.toFixed(0)})`).toBe(t.key)

        // No event is lost: markers plus the events inside clusters are every event on the axis.
        const params = new URL(view.query, 'http://x').searchParams
        const events = (await (
          await request.get(
            `/api/events?from=${params.get('from') ?? '2024-12-16'}&to=${params.get('to') ?? '2025-02-14'}`,
          )
        ).json()) as { events: unknown[] }
        expect(list.reduce((sum, t) => sum + t.events, 0)).toBe(events.events.length)

        // The band of stacked markers stays within its share of the chart's height.
        const band = await page.getByTestId('event-markers').boundingBox()
        const chart = await page.getByTestId('chart-canvas').boundingBox()
        expect(band && chart ? band.height / chart.height : 1).toBeLessThanOrEqual(0.22)

        // A real click (a tap on the phone) at the centre of the last single marker (the crowded end of the
        // default view) opens that event.
        const singles = list.filter((t) => t.kind === 'event')
        for (const t of singles.slice(-1)) {
          const title = await page.locator(`[data-marker-key="${t.key}"]`).getAttribute('aria-label')
          if (width < 500) await page.touchscreen.tap(t.x, t.y)
          else await page.mouse.click(t.x, t.y)
          await expect(page).toHaveURL(new RegExp(`event=${t.key}`))
          const name = /^Event \d+: (.+?)\. /.exec(title ?? '')?.[1] ?? ''
          await expect(page.getByTestId('selected-event')).toContainText(name.slice(0, 20))
        }
      })
    }
  })
}

test('a cluster badge opens its events on click and on Enter, and each entry zooms to its event', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await openChart(page, '/?from=2024-07-01&to=2025-06-30')
  const cluster = page.getByTestId('event-cluster').first()
  await expect(cluster).toBeVisible()
  const ids = ((await cluster.getAttribute('data-event-ids')) ?? '').split(' ')
  expect(ids.length).toBeGreaterThan(1)
  await cluster.click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^\d+\./ })).toHaveCount(ids.length)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(cluster).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await dialog.locator(`[data-event-id="${ids[0]}"]`).click()
  await expect(page).toHaveURL(new RegExp(`event=${ids[0]}`))
})

test('marker labels give the event’s own date and the session that reacted', async ({ page }) => {
  await openChart(page, '/?from=2025-01-02&to=2025-01-17')
  // The national day of mourning for President Carter closed the market on Thu Jan 9; it reacted on Fri Jan 10.
  const label = await page
    .locator('[data-testid="event-marker"]', { hasText: '' })
    .evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('aria-label') ?? '').find((l) => /Carter|mourning/i.test(l)),
    )
  expect(label).toMatch(/Thu, Jan 9, 2025/)
  expect(label).toMatch(/first US session to react: Fri, Jan 10, 2025/)
})
