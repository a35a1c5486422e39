'use client'

import { useId } from 'react'
import { RANGE_PRESETS } from '@/lib/view/presets'
import { viewHref } from '@/lib/client/urls'
import { DateField } from '../ui/date-field'
import { ViewLink } from './view-link'
import { CHART_MODES, rangeProblem, viewToQuery, type ChartMode, type ViewState } from '@/lib/view/state'

const MODE_LABEL: Record<ChartMode, string> = { percent: '% change', price: 'Price', log: 'Log price' }

export interface RangeControlsProps {
  view: ViewState
  onChange: (patch: Partial<ViewState>) => void
}

export function RangeControls({ view, onChange }: RangeControlsProps) {
  const baseId = useId()
  // What the range form sends besides its own fields: the rest of the view, less the event a new range leaves.
  const fields = new Set(view.mode === 'percent' ? ['from', 'to', 'base', 'event'] : ['from', 'to', 'event'])
  const carried = [...new URLSearchParams(viewToQuery(view))].filter(([name]) => !fields.has(name))

  return (
    <section aria-label="Date range and chart mode" className="space-y-3">
      {/* Presets and modes are links to the view they make, so they work before (and without) JavaScript.
          One scrollable row on phones, so the presets do not push the chart below the first screen. */}
      <div
        className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1 sm:flex-wrap sm:overflow-visible"
        role="group"
        aria-label="Date range presets"
      >
        {RANGE_PRESETS.map((p) => {
          const on = p.from === view.from && p.to === view.to
          return (
            <ViewLink
              key={p.id}
              href={viewHref({ ...view, from: p.from, to: p.to, event: null })}
              aria-current={on ? 'true' : undefined}
              onNavigate={() => onChange({ from: p.from, to: p.to, event: null })}
              className={`shrink-0 whitespace-nowrap rounded-md border px-2.5 py-1 text-sm ${on ? 'border-[var(--accent)] bg-[var(--accent)] text-[var(--accent-fg)]' : 'border-[var(--border)] bg-[var(--panel)] hover:border-[var(--muted)]'}`}
            >
              {p.label}
            </ViewLink>
          )
        })}
      </div>
      {/* The dates are a GET form to the page, so a reader without JavaScript (or before it runs) gets the range
          they typed with Enter or Apply; with JavaScript each field writes the view when the reader pauses. */}
      <div className="flex flex-wrap items-end gap-3">
        <form method="get" action="/" onSubmit={(e) => e.preventDefault()} className="contents">
          {carried.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <DateField
            label="From"
            name="from"
            value={view.from}
            validate={(d) =>
              d > view.to ? `From must not be after To (${view.to}).` : rangeProblem(view, { from: d })
            }
            onCommit={(from) => onChange({ from, event: null })}
          />
          <DateField
            label="To"
            name="to"
            value={view.to}
            validate={(d) =>
              d < view.from ? `To must not be before From (${view.from}).` : rangeProblem(view, { to: d })
            }
            onCommit={(to) => onChange({ to, event: null })}
          />
          {view.mode === 'percent' ? (
            <DateField
              label="Base date"
              name="base"
              value={view.base}
              validate={(base) => rangeProblem(view, { base })}
              onCommit={(base) => onChange({ base })}
            />
          ) : null}
          <button
            type="submit"
            className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-sm hover:border-[var(--muted)]"
          >
            Apply
          </button>
        </form>
        <div className="flex flex-col">
          <span className="text-xs font-medium text-[var(--muted)]" id={`${baseId}-mode`}>
            Mode
          </span>
          <div
            role="group"
            aria-labelledby={`${baseId}-mode`}
            className="inline-flex overflow-hidden rounded-md border border-[var(--border)]"
          >
            {CHART_MODES.map((m) => (
              <ViewLink
                key={m}
                href={viewHref({ ...view, mode: m })}
                aria-current={view.mode === m ? 'true' : undefined}
                onNavigate={() => onChange({ mode: m })}
                className={`px-2.5 py-1 text-sm ${view.mode === m ? 'bg-[var(--accent)] text-[var(--accent-fg)]' : 'bg-[var(--panel)]'}`}
              >
                {MODE_LABEL[m]}
              </ViewLink>
            ))}
          </div>
        </div>
      </div>
    </section>
  )
}
