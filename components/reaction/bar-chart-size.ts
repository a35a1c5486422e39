/** The day-0 bar chart's size, apart from the chart itself so its placeholder can match it without loading Recharts. */
export const BAR_ROW_PX = 30
export const BAR_CHART_PADDING_PX = 48

export function barChartHeightPx(rows: number): number {
  return rows * BAR_ROW_PX + BAR_CHART_PADDING_PX
}
