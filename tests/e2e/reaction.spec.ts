import { expect, test } from '@playwright/test'

const SELLOFF_VIEW =
  '/?symbols=NVDA,AVGO,SPY&from=2025-01-10&to=2025-02-10&mode=percent&base=2025-01-17&event=2025-01-27-nvda-record-loss'

test.describe('measured reaction and checked claims', () => {
  test('the reaction table shows NVIDIA’s selloff, sorts by a column and follows the benchmark', async ({
    page,
    request,
  }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(SELLOFF_VIEW)

    // The table is filled by the client after hydration, so once it shows, its buttons respond.
    const table = page.getByTestId('reaction-table')
    await expect(table).toBeVisible()
    const nvda = table.locator('tbody tr[data-symbol="NVDA"]')
    await expect(nvda.locator('td[data-column="return"]')).toHaveText(/^−1[67]\.\d\d%$/)
    await expect(nvda.locator('td[data-column="abnormalReturn"]')).toHaveText(/^−\d+\.\d\d%$/)
    // About 24.5B shares x $24.20: a loss in the hundreds of billions, −$59x.xB.
    await expect(nvda.locator('td[data-column="marketCapChange"]')).toHaveText(/^−\$59\d(\.\d)?B$/)
    await expect(nvda.locator('td[data-column="tAR"]')).toContainText('**')
    await expect(page.getByTestId('reaction-method')).toContainText('120 sessions')

    const rows = table.locator('tbody tr')
    const order = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-symbol')))
    expect(await order()).toEqual(['NVDA', 'AVGO', 'SPY'])

    const header = table.getByRole('columnheader', { name: /Abnormal return/ })
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    // AVGO's abnormal return (about −13.8%) is below NVDA's (about −13.2%); SPY against itself is 0.
    await expect(rows.first()).toHaveAttribute('data-symbol', 'AVGO')
    expect(await order()).toEqual(['AVGO', 'NVDA', 'SPY'])
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(await order()).toEqual(['SPY', 'NVDA', 'AVGO'])

    // Another benchmark changes the abnormal return, never the return itself.
    const returnBefore = await nvda.locator('td[data-column="return"]').textContent()
    const arBefore = await nvda.locator('td[data-column="abnormalReturn"]').textContent()
    await page.getByLabel('Benchmark', { exact: true }).selectOption('QQQ')
    await expect(page.getByTestId('reaction-method')).toContainText('QQQ')
    await expect(page).toHaveURL(/benchmark=QQQ/)
    await expect(nvda.locator('td[data-column="abnormalReturn"]')).not.toHaveText(arBefore ?? '')
    await expect(nvda.locator('td[data-column="return"]')).toHaveText(returnBefore ?? '')

    // The CSV link is the route's own CSV for the same table.
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')
    expect(href).toContain('format=csv')
    const csv = await request.get(href ?? '')
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\n')[0]).toContain('abnormal_return')

    // The bar chart, at the foot of the panel, loads when the reader scrolls near it.
    await page.getByTestId('reaction-panel').evaluate((panel) => panel.scrollIntoView({ block: 'end' }))
    await expect(page.getByRole('figure', { name: /Who was hit hardest/ })).toBeVisible()
    expect(errors).toEqual([])
  })

  test('the study parameters, group tests and CAR figure: controls write the URL, exports download', async ({
    page,
  }) => {
    // Two full page loads, each waiting for the panel's code after the chart: generous on a shared machine.
    test.setTimeout(150_000)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('/?symbols=NVDA,AVGO,9984.T,SPY&from=2025-01-10&to=2025-02-10&event=2025-01-27-nvda-record-loss')
    const panel = page.getByTestId('reaction-panel')
    await expect(panel.getByTestId('reaction-table')).toBeVisible()
    // SoftBank reacts in Tokyo on the next session, and the table says so.
    await expect(panel.locator('tbody tr[data-symbol="9984.T"] th')).toContainText('day 0 Tue, Jan 28, 2025')
    const tests = panel.getByTestId('portfolio-table')
    await expect(tests.locator('[data-test="kolari-pynnonen"]')).toContainText(/p [=<] /)
    const figure = panel.getByTestId('car-figure')
    await expect(figure.locator('svg')).toBeVisible()
    await expect(figure.locator('svg')).toContainText('day 0')

    await panel.getByLabel('Model', { exact: true }).selectOption('constant-mean')
    await expect(page).toHaveURL(/model=constant-mean/)
    await expect(panel.getByTestId('reaction-method')).toContainText('constant-mean model')
    const estimation = panel.getByLabel('Estimation (sessions)', { exact: true })
    await estimation.fill('60')
    await estimation.press('Enter')
    await expect(page).toHaveURL(/estimation=60/)
    await expect(panel.getByTestId('reaction-method')).toContainText('60 sessions requested')

    // Reload: the URL alone restores the study.
    await page.reload()
    // The panel's code loads after the chart is up; on a busy machine that can take a while.
    await expect(page.getByTestId('reaction-panel').getByTestId('reaction-method')).toContainText(
      '60 sessions requested',
      { timeout: 30_000 },
    )

    for (const [button, ext] of [
      ['Figure SVG', 'svg'],
      ['Figure CSV', 'csv'],
      ['Figure PNG', 'png'],
    ] as const) {
      const download = page.waitForEvent('download')
      await page.getByTestId('car-figure').getByRole('button', { name: button }).click()
      expect((await download).suggestedFilename()).toMatch(
        new RegExp(`^car_NVDA-AVGO-9984\\.T_2025-01-27_vs_SPY\\.${ext}$`),
      )
    }
    expect(errors).toEqual([])
  })

  test('the claims panel shows each claim with its source, verdict and a link to the chart', async ({ page }) => {
    await page.goto(SELLOFF_VIEW)
    const claims = page.getByTestId('claims-panel')
    await expect(claims).toBeVisible()
    const count = await claims.getByTestId('claim').count()
    expect(count).toBeGreaterThanOrEqual(11)
    await expect(claims.getByTestId('claim-verdict')).toHaveCount(count)
    await expect(claims.getByTestId('claim-source')).toHaveCount(count)
    await expect(claims.locator('[data-claim-id="nvda-fell-17-percent"] blockquote[lang="ja"]')).toContainText(
      '17%暴落',
    )
    await expect(claims.locator('[data-claim-id="stargate-lifted-partners"] [data-testid="claim-verdict"]')).toHaveText(
      /partly supported/i,
    )
    for (const verdict of await claims.getByTestId('claim-verdict').allTextContents()) {
      expect(['supported', 'partly supported', 'not supported', 'wrong']).toContain(verdict.trim().toLowerCase())
    }
    await expect(
      claims.locator('[data-claim-id="r1-two-days-after-stargate"] [data-testid="claim-verdict"]'),
    ).toHaveText(/wrong/i)
    await expect(claims.locator('[data-claim-id="nvda-fell-17-percent"]')).toContainText('−16.97%')
    await expect(claims.getByRole('link', { name: /See it on the chart/ })).toHaveCount(count)

    await claims
      .locator('[data-claim-id="stargate-lifted-partners"]')
      .getByRole('link', { name: /See it on the chart/ })
      .click()
    await expect(page).toHaveURL(/symbols=ORCL,9984\.T,ARM,MSFT,NVDA,SPY/)
    await expect(page).toHaveURL(/event=2025-01-21-stargate/)
  })

  test('the panels below the first screen are laid out only once the reader comes near them, and then whole', async ({
    browser,
  }) => {
    // A desktop's first screen: the reaction panel starts just below it, within the half viewport in which the
    // browser renders a `content-visibility: auto` block. Its tables, figure and the claims further down each skip
    // layout on their own until the reader comes near; the panel's heading and controls are drawn at once.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto('/?symbols=NVDA,AVGO,AMD,MSFT,SPY')
    const parts = {
      heading: '#reaction-heading',
      table: '[data-testid="reaction-table"]',
      groupTests: '[data-testid="portfolio-table"] > table',
      figure: '[data-testid="car-figure"] > *',
      claims: '[data-testid="claims-panel"] > *',
    }
    const laidOut = () =>
      page.evaluate(
        (selectors) =>
          Object.fromEntries(
            Object.entries(selectors).map(([name, selector]) => {
              const el = document.querySelector(selector)
              return [name, el ? el.checkVisibility({ contentVisibilityAuto: true }) : null]
            }),
          ),
        parts,
      )
    await expect(page.getByTestId('price-chart')).toBeVisible()
    await expect.poll(laidOut).toEqual({ heading: true, table: false, groupTests: false, figure: false, claims: false })

    // Scrolled to, each is rendered in full: its rows and text are there, not a placeholder.
    await page.getByTestId('reaction-table').scrollIntoViewIfNeeded()
    await expect.poll(async () => (await laidOut()).table).toBe(true)
    await expect(page.locator('[data-testid="reaction-table"] tbody tr')).toHaveCount(5)
    await page.getByTestId('car-figure').scrollIntoViewIfNeeded()
    await expect.poll(async () => (await laidOut()).figure).toBe(true)
    await expect(page.locator('[data-testid="car-figure"] svg path').first()).toBeVisible()
    await page.getByTestId('claims-panel').scrollIntoViewIfNeeded()
    await expect.poll(async () => (await laidOut()).claims).toBe(true)
    const box = await page.getByTestId('claims-panel').boundingBox()
    expect(box?.height).toBeGreaterThan(600)
    await context.close()
  })
})
