/**
 * Shared by the peer pages of the bench (scripts/bench-peers.mjs): the data the app's chart draws, read from
 * the page's inline JSON, and the readout every page shows on hover: the session's date and, per series, the
 * value and the daily change, as the app's tooltip does. `[data-chart-tooltip]` is what the bench's probe looks
 * for; `window.__chartPainted` says when the library has drawn its lines (canvas pages have nothing to query).
 */
export const data = JSON.parse(document.getElementById('bench-data').textContent)
export const COLOURS = ['#76b900', '#cc092f', '#ed1c24', '#00a4ef', '#6b7280']
export const plotElement = document.querySelector('[data-bench-plot]')
const readout = document.querySelector('[data-chart-tooltip]')

const pct = (v) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(2)}%`)

/** Shows the readout for session `index` (or hides it for a negative one). */
export function showReadout(index) {
  if (index < 0 || index >= data.dates.length) {
    readout.hidden = true
    return
  }
  readout.textContent = [
    data.dates[index],
    ...data.series.map((s) => `${s.symbol} ${pct(s.values[index])} (${pct(s.changes[index])} on the day)`),
  ].join('  ·  ')
  readout.hidden = false
}

/** Marks the chart as painted once the frame after the call has been presented. */
export function markPainted() {
  requestAnimationFrame(() => requestAnimationFrame(() => (window.__chartPainted = performance.now())))
}
