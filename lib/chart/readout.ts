import { formatFullDate, formatPercent, formatPrice } from '../format'
import { EVENT_CATEGORIES } from '../events/categories'
import { changeKey, type ChartModel } from './model'
import { buildYAxis, plotted, plottedValues } from './scales'

/** A plotted value as both tooltips write it: a percent change, or a price in its currency. */
export function formatChartValue(model: ChartModel, value: number, currency: string | null): string {
  return model.mode === 'percent' ? formatPercent(value, 2) : formatPrice(value, currency)
}

/** A daily change as the tooltips write it, or '' for a session without one. */
export function formatDailyChange(change: unknown): string {
  return typeof change === 'number' ? `${formatPercent(change, 2)} day` : ''
}

/**
 * What the page's early readout (lib/chart/early-readout-script.ts) needs to show the tooltip before React has
 * hydrated: every text already formatted on the server by the same functions as the React tooltip, so the two
 * can never disagree, and each series' vertical position in the plot (0 at the top, 1 at the bottom, the same axis
 * as the lines). Compact on purpose: it is inline in the HTML, beside the chart it describes.
 */
export interface EarlyReadoutData {
  /** The sessions' dates, written out. */
  dates: string[]
  series: {
    symbol: string
    colorVar: string
    /** Per session: the value as written, or null where the series has no session. */
    values: (string | null)[]
    /** Per session: the daily change as written ('' where there is none). */
    changes: string[]
    /** Per session: where the point sits, a fraction of the plot's height from its top. */
    y: (number | null)[]
  }[]
  /** The events on the axis: session index, "number. title", category colour variable. */
  events: [number, string, string][]
}

export function earlyReadoutData(model: ChartModel): EarlyReadoutData {
  const axis = buildYAxis(model, plottedValues(model))
  return {
    dates: model.rows.map((row) => formatFullDate(row.date)),
    series: model.series.map((s) => ({
      symbol: s.symbol,
      colorVar: s.colorVar,
      values: model.rows.map((row) => {
        const value = row[s.symbol]
        return typeof value === 'number' ? formatChartValue(model, value, s.currency) : null
      }),
      changes: model.rows.map((row) => formatDailyChange(row[changeKey(s.symbol)])),
      y: model.rows.map((_, i) => {
        const v = plotted(model, i, s.symbol)
        return v === null ? null : Math.round((1 - axis.position(v)) * 10_000) / 10_000
      }),
    })),
    events: model.events.map((e) => [e.index, `${e.number}. ${e.title}`, EVENT_CATEGORIES[e.category].colorVar]),
  }
}

/**
 * JSON that is safe inside an HTML `<script type="application/json">`: no `<` (so no `</script>` or `<!--`), no
 * `>` or `&`, and no U+2028/U+2029, all written as JSON escapes that parse back to the same text. Event titles can
 * come from the reader's own URL, so this is the boundary that keeps them text.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
