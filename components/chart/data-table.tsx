import { dataTableHtml } from '@/lib/chart/data-table'
import type { ChartModel } from '@/lib/chart/model'

/**
 * The chart's numbers as a table: the accessible alternative to the drawing, and handy for checking values. The table
 * itself is markup from `dataTableHtml` (lib/chart/data-table.ts), so hydration adopts the server's table as it is
 * instead of walking its hundreds of cells; a new view replaces it whole.
 */
export function ChartDataTable({ model }: { model: ChartModel }) {
  return (
    <details className="rounded-md border border-[var(--border)] bg-[var(--panel)] p-2 text-sm">
      <summary className="cursor-pointer text-[var(--muted)]">Data table ({model.dates.length} sessions)</summary>
      <div className="mt-2 max-h-80 overflow-auto" dangerouslySetInnerHTML={{ __html: dataTableHtml(model) }} />
    </details>
  )
}
