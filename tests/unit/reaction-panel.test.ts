// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createElement } from 'react'
import { SWRConfig } from 'swr'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEFAULT_REACTION_EVENT_ID, ReactionPanel } from '@/components/reaction/reaction-panel'
import { resetEnvForTests } from '@/lib/server/env'
import { events } from '@/lib/events'
import { toChartEvents } from '@/lib/view/events'
import { computeReaction, type ReactionResult } from '@/lib/reaction'
import { reactionUrl } from '@/lib/reaction/client-hooks'
import { DEFAULT_VIEW, type ViewState } from '@/lib/view/state'

const chartEvents = toChartEvents(events)
const view: ViewState = { ...DEFAULT_VIEW, symbols: ['NVDA', 'AVGO', 'SPY'], event: null }
let selloff: ReactionResult

beforeAll(async () => {
  process.env.PRICE_PROVIDER = 'snapshot'
  resetEnvForTests()
  selloff = await computeReaction({ symbols: view.symbols, event: DEFAULT_REACTION_EVENT_ID, benchmark: 'SPY' })
  // Recharts measures its container; jsdom has no layout, so a no-op observer is enough to render.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const onViewChange = vi.fn()

function renderPanel(fallback: Record<string, unknown>, panelView: ViewState = view) {
  return render(
    createElement(
      SWRConfig,
      { value: { fallback, provider: () => new Map() } },
      createElement(ReactionPanel, { view: panelView, events: chartEvents, onViewChange }),
    ),
  )
}

const url = (benchmark = 'SPY') =>
  reactionUrl({ symbols: view.symbols, event: DEFAULT_REACTION_EVENT_ID, benchmark, reaction: view.reaction }) ?? ''
const bodyOrder = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-symbol'))

describe('ReactionPanel', () => {
  it('opens on the selloff event and shows the numbers with their method', () => {
    renderPanel({ [url()]: selloff })
    const table = screen.getByTestId('reaction-table')
    const nvda = within(table).getByRole('row', { name: /NVDA/ })
    expect(within(nvda).getByText('−16.97%')).toBeTruthy()
    expect(nvda.querySelector('[data-column="marketCapChange"]')?.textContent).toBe('−$592.9B')
    // t with the prediction-error variance (-5.62, not AR / s = -5.71), its p-value, and the mark the p earns.
    expect(nvda.querySelector('[data-column="tAR"]')?.textContent).toMatch(/^−5\.62\*\*/)
    expect(nvda.querySelector('[data-column="tAR"]')?.textContent).toContain('p < 0.001')
    const spy = within(table).getByRole('row', { name: /SPY/ })
    expect(spy.querySelector('[data-column="tAR"]')?.textContent).toBe('–')
    expect(spy.querySelector('[data-column="marketCapChange"]')?.textContent).toBe('no sourced share count')
    const method = screen.getByTestId('reaction-method').textContent ?? ''
    expect(method).toMatch(/120 sessions requested/)
    expect(method).toMatch(/120 sessions used/)
    expect(method).toMatch(/prediction error/)
    expect(method).toMatch(/Gap10 sessions/)
    expect((screen.getByLabelText('Event') as HTMLSelectElement).value).toBe(DEFAULT_REACTION_EVENT_ID)
    // Choosing a benchmark writes the URL, like every other control.
    fireEvent.change(screen.getByLabelText('Benchmark'), { target: { value: 'QQQ' } })
    expect(onViewChange).toHaveBeenCalledWith({ benchmark: 'QQQ' })
    const csv = screen.getByRole('link', { name: 'Download CSV' })
    expect(csv.getAttribute('href')).toContain('format=csv')
    expect(csv.getAttribute('download')).toMatch(/\.csv$/)
  })

  it('shows the group tests with statistic, p and N, and the CAR figure with day 0 marked', () => {
    renderPanel({ [url()]: selloff })
    const tests = screen.getByTestId('portfolio-table')
    for (const id of ['cross-sectional-t', 'patell', 'bmp', 'kolari-pynnonen', 'corrado', 'generalized-sign']) {
      const row = tests.querySelector(`[data-test="${id}"]`)
      expect(row, id).not.toBeNull()
      expect(row?.textContent).toMatch(/p [=<] /)
      expect(row?.textContent).toMatch(/N 2/)
    }
    const patell = selloff.portfolio.caar[0]?.tests.find((t) => t.id === 'patell')
    expect(tests.querySelector('[data-test="patell"]')?.textContent).toContain(
      (patell?.statistic ?? 0).toFixed(2).replace('-', '−'),
    )
    const figure = screen.getByTestId('car-figure')
    expect(figure.querySelector('svg')).not.toBeNull()
    expect(figure.textContent).toContain('day 0')
    expect(figure.textContent).toContain('CAAR ± 95%')
  })

  it('writes every study parameter to the URL through onViewChange', () => {
    onViewChange.mockClear()
    renderPanel({ [url()]: selloff })
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'constant-mean' } })
    expect(onViewChange).toHaveBeenLastCalledWith({ reaction: expect.objectContaining({ model: 'constant-mean' }) })
    const estimation = screen.getByLabelText('Estimation (sessions)')
    fireEvent.change(estimation, { target: { value: '60' } })
    fireEvent.blur(estimation)
    expect(onViewChange).toHaveBeenLastCalledWith({ reaction: expect.objectContaining({ estimation: 60 }) })
    const windows = screen.getByLabelText('Windows')
    fireEvent.change(windows, { target: { value: '0:1,5:2' } })
    fireEvent.blur(windows)
    expect(windows.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(screen.getByLabelText('Day 0 from'), { target: { value: 'own' } })
    expect(onViewChange).toHaveBeenLastCalledWith({
      reaction: expect.objectContaining({ day0: '2025-01-27', session: null }),
    })
  })

  it('sorts by a column header and says so with aria-sort', () => {
    renderPanel({ [url()]: selloff })
    const table = screen.getByTestId('reaction-table')
    expect(bodyOrder(table)).toEqual(['NVDA', 'AVGO', 'SPY'])
    const header = within(table).getByRole('columnheader', { name: /Abnormal return/ })
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    const ascending = [...selloff.rows].sort((a, b) => a.abnormalReturn - b.abnormalReturn).map((r) => r.symbol)
    expect(bodyOrder(table)).toEqual(ascending)
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    expect(bodyOrder(table)).toEqual([...ascending].reverse())
  })

  it('uses the event selected on the chart, shown in the picker, and writes a new pick to the URL', () => {
    const r1 = '2025-01-20-deepseek-r1'
    renderPanel({}, { ...view, event: r1 })
    const picker = screen.getByLabelText('Event') as HTMLSelectElement
    expect(picker.value).toBe(r1)
    expect(screen.getByTestId('reaction-skeleton')).toBeTruthy()
    fireEvent.change(picker, { target: { value: '2025-01-21-stargate' } })
    expect(onViewChange).toHaveBeenCalledWith({ event: '2025-01-21-stargate' })
  })

  it("shows the API's message, without a pointless retry, when the question itself is refused (400)", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        { error: { code: 'bad_request', message: '2025-02-11 is not a trading session of 9984.T.' } },
        { status: 400 },
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    renderPanel({})
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('2025-02-11 is not a trading session of 9984.T.')
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull()
  })

  it('offers a retry when the upstream failed (502)', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json(
        { error: { code: 'upstream_error', message: 'No data could be loaded for ORCL.' } },
        { status: 502 },
      ),
    )
    vi.stubGlobal('fetch', fetchMock)
    renderPanel({})
    const alert = await screen.findByRole('alert')
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2))
  })

  it('asks for nothing without symbols', () => {
    renderPanel({}, { ...view, symbols: [] })
    expect(screen.getByText(/Choose at least one symbol/)).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull()
  })
})
