/**
 * Chart export (SVG, PNG, CSV): loaded on demand with `await import('@/lib/chart/export')` when a reader asks
 * for a download, so none of it weighs on the first page load. Keep it free of React and Recharts.
 */
export {
  buildChartSvg,
  buildChartSvgWithLayout,
  escapeXml,
  DEFAULT_EXPORT_HEIGHT,
  DEFAULT_EXPORT_WIDTH,
  EXPORT_PALETTE_VARS,
  type ChartSvgOptions,
} from './svg'
export { resolvePalette, svgToPngBlob, type PngOptions } from './png'
export { chartCsv, CHART_CSV_HEADER } from './csv'
export { exportFileName, type ExportKind } from './filename'

/** Saves a blob under `fileName` through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  // Firefox only follows a click on a link that is in the document.
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking in the same tick can cancel the download before the browser has started reading the blob.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}
