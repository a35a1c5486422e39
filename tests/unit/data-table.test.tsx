import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ChartDataTable } from '@/components/chart/data-table'
import { dataTableHtml } from '@/lib/chart/data-table'
import { changeKey, type ChartModel, type ChartSeries } from '@/lib/chart/model'
import { formatFullDate, formatPercent, formatPrice } from '@/lib/format'

// The table as React elements, the way the component rendered it before it became markup: the reference the
// markup must match, character for character.
function ReferenceTable({ model }: { model: ChartModel }) {
  const unit = model.mode === 'percent' ? `% change since ${model.base}` : 'close'
  return (
    <table className="w-full text-right text-xs tabular-nums">
      <caption className="sr-only">
        {model.series.map((s) => s.symbol).join(', ')}: {unit}, and daily change, per session from {model.from} to{' '}
        {model.to}
      </caption>
      <thead className="sticky top-0 bg-[var(--panel)]">
        <tr>
          <th scope="col" className="text-left">
            Session
          </th>
          {model.series.map((s) => (
            <th key={s.symbol} scope="col" className="px-2">
              {s.symbol}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {model.rows.map((row) => (
          <tr key={row.date} className="border-t border-[var(--border)]">
            <th scope="row" className="py-0.5 text-left font-normal">
              {formatFullDate(row.date)}
            </th>
            {model.series.map((s) => {
              const v = row[s.symbol]
              const c = row[changeKey(s.symbol)]
              return (
                <td key={s.symbol} className="px-2">
                  {typeof v === 'number'
                    ? model.mode === 'percent'
                      ? formatPercent(v, 2)
                      : formatPrice(v, s.currency)
                    : '–'}
                  {typeof c === 'number' ? (
                    <span className="ml-1 text-[var(--muted)]">({formatPercent(c, 2)})</span>
                  ) : null}
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

// Synthetic models (not market data): values chosen to exercise the formatting branches, missing values and the
// escaping of texts a hostile provider could send as a symbol or a currency.
const series = (symbol: string, currency: string | null): ChartSeries => ({
  symbol,
  name: symbol,
  currency,
  source: 'snapshot' as ChartSeries['source'],
  colorVar: '--series-1',
  baseDate: '2025-01-17',
})
function model(mode: ChartModel['mode'], list: ChartSeries[]): ChartModel {
  const dates = ['2025-01-16', '2025-01-17', '2025-01-21', '2025-01-22']
  const rows = dates.map((date, i) => {
    const row: ChartModel['rows'][number] = { i, date }
    list.forEach((s, k) => {
      row[s.symbol] = i === 2 && k === 1 ? null : (mode === 'percent' ? 0.0123 * (i - 1) : 101.5 + i * 7.25) * (k + 1)
      row[changeKey(s.symbol)] = i === 0 ? null : -0.0456 * i + 0.01 * k
    })
    return row
  })
  return {
    mode,
    from: dates[0]!,
    to: dates[3]!,
    base: '2025-01-17',
    dates,
    rows,
    series: list,
    events: [],
    sources: [],
  }
}

describe('the chart data table as markup', () => {
  const hostile = series(`<img src=x onerror="alert('x')">&`, `EUR"><b>`)
  const cases: [string, ChartModel][] = [
    ['percent mode', model('percent', [series('NVDA', 'USD'), series('SPY', 'USD')])],
    [
      'price mode, several currencies',
      model('price', [series('NVDA', 'USD'), series('9984.T', 'JPY'), series('X', null)]),
    ],
    ['log mode', model('log', [series('AVGO', 'USD')])],
    ['hostile texts from a provider', model('price', [series('NVDA', 'USD'), hostile])],
    ['no sessions', { ...model('percent', [series('NVDA', 'USD')]), dates: [], rows: [] }],
  ]
  it.each(cases)('is exactly what the React table renders: %s', (_, m) => {
    expect(dataTableHtml(m)).toBe(renderToStaticMarkup(<ReferenceTable model={m} />))
  })

  it('escapes what it shows: a hostile symbol or currency stays text', () => {
    const html = dataTableHtml(cases[3]![1])
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#x27;x&#x27;)&quot;&gt;&amp;')
  })

  it('sits in the disclosure whose summary counts the sessions', () => {
    const m = cases[0]![1]
    const html = renderToStaticMarkup(<ChartDataTable model={m} />)
    expect(html).toContain('<summary class="cursor-pointer text-[var(--muted)]">Data table (4 sessions)</summary>')
    expect(html).toContain(`<div class="mt-2 max-h-80 overflow-auto">${dataTableHtml(m)}</div>`)
  })
})
