import type { MarkerSizes } from './marker-layout'
import type { ChartMode } from '../view/state'

/**
 * Sizes shared by the interactive chart and its server-rendered first paint, so the swap from one to the other
 * moves nothing on screen.
 */
export const CHART_HEIGHT_CSS = 'clamp(300px, 52vh, 480px)'
export const PLOT_MARGIN = { right: 16, bottom: 4, left: 4 } as const
/** Recharts' default x-axis height. */
export const X_AXIS_HEIGHT = 30
export const X_TICK_TARGET = 8
/**
 * The least room per date label ("Dec 16" at 11-12 px is about 40 px wide) where the chart draws its own ticks: a
 * phone-width plot gets fewer labels rather than overlapping ones (Recharts thins its own; the island must too).
 */
export const X_TICK_MIN_SPACING = 64

/** How many date labels fit a plot `plotWidth` px wide: at most X_TICK_TARGET, at least 2. */
export function xTickTarget(plotWidth: number): number {
  return Math.max(2, Math.min(X_TICK_TARGET, Math.floor(plotWidth / X_TICK_MIN_SPACING)))
}

export function yAxisWidth(mode: ChartMode): number {
  return mode === 'percent' ? 56 : 72
}

/**
 * Marker sizes: full on wide charts, smaller circles on phones. The hit target (24 px across, WCAG 2.2's target
 * size) and the spacing are the same on both, so no two targets ever overlap (see lib/chart/marker-layout.ts).
 */
export const MARKER_SIZES = {
  wide: { radius: 10, hitRadius: 12, rowHeight: 25, slot: 26, font: 10 },
  compact: { radius: 8, hitRadius: 12, rowHeight: 25, slot: 26, font: 9 },
} as const satisfies Record<string, MarkerSizes>
export const COMPACT_BELOW_PX = 560
/** The band of stacked markers never takes more than this share of the chart's height. */
export const MAX_MARKER_BAND_SHARE = 0.22
/** A hard cap on marker rows, whatever the height. */
export const MAX_MARKER_ROWS = 5
