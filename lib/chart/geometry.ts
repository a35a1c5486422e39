import type { ChartMode } from '../view-state'

/**
 * Sizes shared by the interactive chart and its server-rendered first paint, so the swap from one to the other
 * moves nothing on screen.
 */
export const CHART_HEIGHT_CSS = 'clamp(300px, 52vh, 480px)'
export const PLOT_MARGIN = { right: 16, bottom: 4, left: 4 } as const
/** Recharts' default x-axis height. */
export const X_AXIS_HEIGHT = 30
export const X_TICK_TARGET = 8

export function yAxisWidth(mode: ChartMode): number {
  return mode === 'percent' ? 56 : 72
}

/** Marker size: full on wide charts, smaller on phones so the band of labels does not eat the plot. */
export const MARKER_SIZES = {
  wide: { radius: 9, rowHeight: 22, font: 10 },
  compact: { radius: 7, rowHeight: 17, font: 8 },
} as const
export const COMPACT_BELOW_PX = 560
/** Rows for event labels: as many as the busiest session needs (7 events on 2025-01-27), up to this cap. */
export const MAX_MARKER_ROWS = 8

export function markerBandHeight(rows: number, size: (typeof MARKER_SIZES)[keyof typeof MARKER_SIZES]): number {
  return rows * size.rowHeight + 6
}
