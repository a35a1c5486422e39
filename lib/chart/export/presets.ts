/**
 * Image sizes for an article, a slide or a post, in CSS pixels; the PNG is drawn at 2x (a 1200 x 675 preset
 * gives a 2400 x 1350 PNG), so it stays sharp on high-density screens and in print.
 */
export const EXPORT_PRESETS = {
  article: { label: 'Article column', width: 1200, height: 675 },
  wide: { label: '16:9 slide', width: 1600, height: 900 },
  square: { label: 'Square', width: 1080, height: 1080 },
  social: { label: 'Social 4:5', width: 1080, height: 1350 },
} as const

export type ExportPresetId = keyof typeof EXPORT_PRESETS
export const EXPORT_PRESET_IDS = Object.keys(EXPORT_PRESETS) as ExportPresetId[]
export const DEFAULT_EXPORT_PRESET: ExportPresetId = 'article'
/** Device pixels per image unit in the PNG. */
export const PNG_SCALE = 2
/** The plot's least share of the image's area. */
export const MIN_PLOT_SHARE = 0.6

export const EVENT_KEY_STYLES = ['labels', 'full', 'none'] as const
export type EventKeyStyle = (typeof EVENT_KEY_STYLES)[number]
export const EVENT_KEY_LABELS: Record<EventKeyStyle, string> = {
  labels: 'Short labels at the markers',
  full: 'Full list under the chart',
  none: 'None (numbered markers only)',
}
