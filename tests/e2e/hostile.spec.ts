import { expect, test } from '@playwright/test'
import { LIVE_PORT, MOCK_PORT } from '../../playwright.config'

// The production build in auto mode, its live provider pointed at the mock, which serves the faults of
// tests/hostile-upstream (synthetic payloads, on purpose) after POST /__fault/<fault>. Each test asks for its own
// window (a year before the embedded snapshot), so nothing it sees comes from an earlier test's cache. Every fault
// is also driven through the routes in tests/unit/hostile-upstream.test.ts; these are the ones that matter most
// for the page (values that broke the axis, rows that break the rules, CSV injection, a bomb, a redirect loop).
const LIVE = `http://127.0.0.1:${LIVE_PORT}`
const MOCK = `http://127.0.0.1:${MOCK_PORT}`

const PAGE_FAULTS = [
  'extreme-1e300',
  'extreme-tiny',
  'extreme-1e19',
  'high-below-low',
  'csv-injection',
  'gzip-bomb',
  'redirect-loop',
] as const

/** Faults whose payload is usable once the broken rows are dropped: the page draws the rest and says so. */
const ROW_FAULTS = new Set<string>(['extreme-1e300', 'extreme-tiny', 'extreme-1e19', 'high-below-low'])

/** What a spreadsheet would run as a formula: a cell starting with = + - @ TAB CR that is not a plain number. */
const runsAsFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(cell)

test.describe('the server under a hostile upstream', () => {
  test.beforeEach(async ({ request }) => {
    await request.post(`${MOCK}/__reset`)
  })
  test.afterAll(async ({ request }) => {
    await request.post(`${MOCK}/__reset`)
  })

  PAGE_FAULTS.forEach((fault, i) => {
    test(`${fault}: the page renders from the server, and Log price does not freeze the tab`, async ({
      page,
      request,
    }) => {
      await request.post(`${MOCK}/__fault/${fault}`)
      const year = 2004 + i
      const view = `/?symbols=NVDA&from=${year}-01-05&to=${year}-03-31&mode=price`

      const started = Date.now()
      const html = await request.get(`${LIVE}${view}`)
      expect(html.status()).toBe(200)
      expect(Date.now() - started).toBeLessThan(10_000)
      const text = await html.text()
      expect(text).not.toMatch(/\n\s+at .*\(/)
      // The first paint draws the live bars on the server.
      if (ROW_FAULTS.has(fault)) expect(text).toContain('data-testid="chart-preview"')

      await page.goto(`${LIVE}${view}`)
      if (ROW_FAULTS.has(fault))
        await expect(page.getByTestId('data-warnings')).toContainText(/NVDA: \d+ live bars? dropped/)
      const logPrice = page.getByRole('link', { name: 'Log price' })
      await logPrice.click()
      await expect(logPrice).toHaveAttribute('aria-current', 'true')
      await expect(page).toHaveURL(/mode=log/)
      // A frozen tab cannot run this.
      const answered = await Promise.race([
        page.evaluate(() => 'alive'),
        new Promise((r) => setTimeout(() => r('frozen'), 5000)),
      ])
      expect(answered).toBe('alive')

      // Whatever reached the API, no bar breaks the rules and no CSV cell is a formula.
      const csv = await request.get(`${LIVE}/api/prices?symbols=NVDA&from=${year}-01-05&to=${year}-03-31&format=csv`)
      if (csv.status() === 200) {
        const rows = (await csv.text()).trim().split('\n').slice(1)
        for (const row of rows) {
          const cells = row.split(',')
          for (const cell of cells) expect(runsAsFormula(cell), row).toBe(false)
          const [open, high, low, close] = cells.slice(2, 6).map(Number) as [number, number, number, number]
          expect(high, row).toBeGreaterThanOrEqual(Math.max(open, close))
          expect(low, row).toBeLessThanOrEqual(Math.min(open, close))
          expect(close, row).toBeLessThan(1e7)
          expect(close, row).toBeGreaterThan(0)
        }
      } else {
        expect(csv.status()).toBe(502)
      }
    })
  })

  test('a cached route stays fast while huge bodies and gzip bombs are refused', async ({ request }) => {
    const cached = `${LIVE}/api/prices?symbols=NVDA,SPY&from=2025-01-02&to=2025-02-28`
    expect((await request.get(cached)).status()).toBe(200)
    const timings: number[] = []
    const symbols = ['MSFT', 'AMD', 'INTC', 'MU']
    for (const [fault, year] of [
      ['huge-body', 2016],
      ['gzip-bomb', 2017],
    ] as const) {
      await request.post(`${MOCK}/__fault/${fault}`)
      let done = false
      const inFlight = Promise.all(
        symbols.map((s) => request.get(`${LIVE}/api/prices?symbols=${s}&from=${year}-01-04&to=${year}-03-31`)),
      ).finally(() => (done = true))
      while (!done) {
        const t = Date.now()
        expect((await request.get(cached)).status()).toBe(200)
        timings.push(Date.now() - t)
      }
      // Refused (502) or, on a machine too busy to inflate the cap's worth in the 2 s the e2e server allows, timed
      // out (504): either way an error answer after one upstream request, never data.
      for (const res of await inFlight) expect([502, 504], `${fault}: ${await res.text()}`).toContain(res.status())
      // The faults reached the upstream once per symbol: refused, not retried.
      const seen = (await (await request.get(`${MOCK}/__requests`)).json()) as { requests: { fault?: string }[] }
      expect(seen.requests.filter((r) => r.fault === fault)).toHaveLength(symbols.length)
      await request.post(`${MOCK}/__reset`)
    }
    timings.sort((a, b) => a - b)
    const p50 = timings[Math.floor(timings.length / 2)] ?? 0
    const max = timings.at(-1) ?? 0
    console.info(`cached /api/prices during the faults: ${timings.length} requests, p50 ${p50} ms, max ${max} ms`)
    expect(timings.length).toBeGreaterThan(0)
    // Loose bounds for a shared 2-core machine (about 25 ms p50 when it is quiet); before the fixes one 200 MB body
    // stalled cached routes for 1.5 s and four at once took the server to 2.6 GB.
    expect(p50).toBeLessThan(250)
    expect(max).toBeLessThan(2000)
  })
})
