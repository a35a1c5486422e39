/** Event categories: one list for the catalog, the URL state, the chart, the list and the exports. */
export const EVENT_CATEGORY_IDS = ['deepseek', 'stargate', 'market', 'policy', 'company', 'earnings'] as const
export type EventCategory = (typeof EVENT_CATEGORY_IDS)[number]

export interface EventCategoryInfo {
  label: string
  /** CSS custom property that holds the category's colour; the stylesheet defines the actual values. */
  colorVar: `--event-${EventCategory}`
}

export const EVENT_CATEGORIES: Readonly<Record<EventCategory, EventCategoryInfo>> = {
  deepseek: { label: 'DeepSeek', colorVar: '--event-deepseek' },
  stargate: { label: 'Stargate', colorVar: '--event-stargate' },
  market: { label: 'Market', colorVar: '--event-market' },
  policy: { label: 'Policy', colorVar: '--event-policy' },
  company: { label: 'Company', colorVar: '--event-company' },
  earnings: { label: 'Earnings', colorVar: '--event-earnings' },
}
