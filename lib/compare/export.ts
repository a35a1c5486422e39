import { PORTFOLIO_TEST_IDS } from '../analysis'
import { COMPARE_WINDOW, type Comparison } from './model'
import { LIVE_LABELS } from '../providers/live'

/** Okabe-Ito colours (colour-blind safe), one per event, in the order the events are listed. */
export const COMPARE_EVENT_COLOURS = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#7a5c00',
  '#444444',
] as const
export const compareColour = (i: number) => COMPARE_EVENT_COLOURS[i % COMPARE_EVENT_COLOURS.length] as string

export interface CompareSvgTheme {
  background: string
  text: string
  muted: string
  grid: string
}

export const LIGHT_EXPORT_THEME: CompareSvgTheme = {
  background: '#ffffff',
  text: '#111827',
  muted: '#4b5563',
  grid: '#d1d5db',
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(0)}%`

/** Round tick values spanning [lo, hi]; at most 6, bounded whatever the input. */
function ticks(lo: number, hi: number): number[] {
  const span = Math.max(hi - lo, 0.01)
  const raw = span / 4
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step, i = 0; v <= hi + 1e-12 && i < 12; v += step, i++)
    out.push(Number(v.toFixed(10)))
  return out
}

/**
 * The comparison as a standalone SVG: a row of panels per measure (cumulative return, CAR), one panel per symbol,
 * one line per event on event time, with a key of the events and the method under it. Colours are concrete so the
 * file stands alone; the page passes its theme's CSS variables instead.
 */
export function buildCompareSvg(
  c: Comparison,
  theme: CompareSvgTheme = LIGHT_EXPORT_THEME,
  title = 'AI shocks compared on event time',
): string {
  const panelW = 360
  const panelH = 200
  const pad = { left: 52, right: 12, top: 28, bottom: 30 }
  const cols = Math.max(1, c.symbols.length)
  const measures = [
    { key: 'cumReturn' as const, name: 'Cumulative return since day −6' },
    { key: 'car' as const, name: `CAR(−5, t) vs ${c.benchmark}` },
  ]
  const width = cols * panelW + 40
  const keyTop = 70 + measures.length * panelH
  const height = keyTop + 24 + c.events.length * 18 + 40
  const [d1, d2] = COMPARE_WINDOW
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">`,
  )
  parts.push(`<rect width="${width}" height="${height}" fill="${theme.background}"/>`)
  parts.push(`<text x="20" y="30" font-size="18" font-weight="700" fill="${theme.text}">${esc(title)}</text>`)
  parts.push(
    `<text x="20" y="50" font-size="12" fill="${theme.muted}">Days ${d1} to +${d2} around each event's first trading session (day 0); market model against ${esc(c.benchmark)}.</text>`,
  )
  measures.forEach((m, r) => {
    c.symbols.forEach((symbol, col) => {
      const x0 = 20 + col * panelW
      const y0 = 60 + r * panelH
      const rows = c.rows.filter((row) => row.symbol === symbol)
      const values = rows.flatMap((row) => row.points.map((p) => p[m.key]).filter((v): v is number => v !== null))
      const lo = Math.min(0, ...values)
      const hi = Math.max(0, ...values)
      const plotW = panelW - pad.left - pad.right
      const plotH = panelH - pad.top - pad.bottom
      const sx = (day: number) => x0 + pad.left + ((day - d1) / (d2 - d1)) * plotW
      const sy = (v: number) => y0 + pad.top + (hi === lo ? plotH / 2 : ((hi - v) / (hi - lo)) * plotH)
      parts.push(
        `<text x="${x0 + pad.left}" y="${y0 + 18}" font-size="12" font-weight="600" fill="${theme.text}">${esc(symbol)} · ${esc(m.name)}</text>`,
      )
      for (const t of ticks(lo, hi)) {
        parts.push(
          `<line x1="${x0 + pad.left}" x2="${x0 + pad.left + plotW}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" stroke="${theme.grid}" stroke-width="${t === 0 ? 1.2 : 0.6}"/>`,
        )
        parts.push(
          `<text x="${x0 + pad.left - 6}" y="${(sy(t) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="${theme.muted}">${pct(t)}</text>`,
        )
      }
      parts.push(
        `<line x1="${sx(0).toFixed(1)}" x2="${sx(0).toFixed(1)}" y1="${y0 + pad.top}" y2="${y0 + pad.top + plotH}" stroke="${theme.muted}" stroke-dasharray="3 3"/>`,
      )
      for (const day of [d1, 0, 5, 10, 15, d2]) {
        parts.push(
          `<text x="${sx(day).toFixed(1)}" y="${y0 + pad.top + plotH + 14}" font-size="10" text-anchor="middle" fill="${theme.muted}">${day > 0 ? `+${day}` : day}</text>`,
        )
      }
      c.events.forEach((event, i) => {
        const row = rows.find((rw) => rw.eventId === event.id)
        if (!row) return
        const pts = row.points
          .filter((p) => p[m.key] !== null)
          .map((p) => `${sx(p.day).toFixed(1)},${sy(p[m.key] as number).toFixed(1)}`)
        if (pts.length > 1)
          parts.push(
            `<polyline fill="none" stroke="${compareColour(i)}" stroke-width="2" points="${pts.join(' ')}"><title>${esc(event.title)}</title></polyline>`,
          )
      })
    })
  })
  parts.push(
    `<text x="20" y="${keyTop + 10}" font-size="12" font-weight="600" fill="${theme.text}">Events (day 0)</text>`,
  )
  c.events.forEach((event, i) => {
    const y = keyTop + 28 + i * 18
    parts.push(`<line x1="20" x2="44" y1="${y - 4}" y2="${y - 4}" stroke="${compareColour(i)}" stroke-width="3"/>`)
    parts.push(
      `<text x="52" y="${y}" font-size="12" fill="${theme.text}">${esc(event.tradingDate)} · ${esc(event.title)}${event.origin === 'reader' ? ' (added by the reader, not verified)' : ''}</text>`,
    )
  })
  parts.push(
    `<text x="20" y="${height - 12}" font-size="10" fill="${theme.muted}">Data: embedded snapshot of ${LIVE_LABELS.snapshotOrigin}. Estimation up to 120 sessions ending at day −6, shorter where the data start later (see the table).</text>`,
  )
  parts.push('</svg>')
  return parts.join('')
}

const csvCell = (v: string | number | null) => {
  if (v === null) return ''
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Every number of the comparison, unrounded: one row per event, symbol and day, then the group CAARs. */
export function compareCsv(c: Comparison): string {
  const lines = ['section,event_id,event_title,symbol,day,date,cum_return,car,estimation_sessions']
  for (const row of c.rows) {
    const title = c.events.find((e) => e.id === row.eventId)?.title ?? ''
    for (const p of row.points)
      lines.push(
        ['path', row.eventId, title, row.symbol, p.day, p.date, p.cumReturn, p.car, row.estimation]
          .map(csvCell)
          .join(','),
      )
  }
  lines.push('')
  lines.push(
    [
      'section',
      'symbol',
      'window',
      'n_events',
      'caar',
      ...PORTFOLIO_TEST_IDS.flatMap((id) => [`${id}_stat`, `${id}_p`]),
    ].join(','),
  )
  for (const g of c.groups) {
    for (const w of g.caar) {
      lines.push(
        [
          'group',
          g.symbol,
          `[${w.window[0]},${w.window[1]}]`,
          g.n,
          w.value,
          ...PORTFOLIO_TEST_IDS.flatMap((id) => {
            const t = w.tests.find((x) => x.id === id)
            return [t?.statistic ?? null, t?.p ?? null]
          }),
        ]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${lines.join('\n')}\n`
}
