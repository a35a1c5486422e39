import { formatPercent, formatPrice } from '../format'
import type { ChartModel } from './model'
import { plotted } from './scales'

/**
 * Last-value tags at the right edge of the plot, as TradingView puts them on its price scale: one per series,
 * in the series' colour, at the height of its last plotted value, nudged apart so no two tags cover each other.
 * Shared by the interactive chart, the server-drawn preview and the SVG export.
 */

export interface LastValueTag {
  symbol: string
  colorVar: string
  value: number
  text: string
  /** Where the line ends, in px from the top of the plot. */
  valueY: number
  /** Centre of the tag after de-overlapping, in px from the top of the plot. */
  y: number
}

/** Width of the gutter right of the plot that holds the tags (prices need more room than percentages). */
export function lastValueGutter(mode: ChartModel['mode']): number {
  return mode === 'percent' ? 58 : 74
}

export function lastValueText(model: ChartModel, value: number, currency: string | null): string {
  return model.mode === 'percent' ? formatPercent(value, 1) : formatPrice(value, currency)
}

function lastPlotted(model: ChartModel, symbol: string): number | null {
  for (let i = model.rows.length - 1; i >= 0; i--) {
    const v = plotted(model, i, symbol)
    if (v !== null) return v
  }
  return null
}

/**
 * The tags, given where a value sits (`yOf`, px from the plot's top), the plot's height and a tag's height.
 * Tags keep their order by value and move as little as they must; when there are more than fit, they overlap
 * evenly rather than leave the plot.
 */
export function lastValueTags(
  model: ChartModel,
  yOf: (value: number) => number,
  plotHeight: number,
  tagHeight: number,
): LastValueTag[] {
  const tags: LastValueTag[] = []
  for (const s of model.series) {
    const value = lastPlotted(model, s.symbol)
    if (value === null) continue
    const valueY = yOf(value)
    if (!Number.isFinite(valueY)) continue
    tags.push({
      symbol: s.symbol,
      colorVar: s.colorVar,
      value,
      text: lastValueText(model, value, s.currency),
      valueY,
      y: valueY,
    })
  }
  tags.sort((a, b) => a.valueY - b.valueY)
  const half = tagHeight / 2
  const step = tags.length > 1 ? Math.min(tagHeight, (plotHeight - tagHeight) / (tags.length - 1)) : tagHeight
  // Down the list, each tag at least a step below the one above; then up from the bottom edge.
  tags.forEach((t, k) => {
    const above = tags[k - 1]
    t.y = Math.max(half, t.valueY, above ? above.y + step : half)
  })
  for (let k = tags.length - 1; k >= 0; k--) {
    const t = tags[k] as LastValueTag
    const below = tags[k + 1]
    t.y = Math.min(t.y, plotHeight - half, below ? below.y - step : plotHeight - half)
  }
  return tags
}
