'use client'

import { useId } from 'react'
import { isIsoDate } from '@/lib/dates'
import { RANGE_PRESETS } from '@/lib/presets'
import { CHART_MODES, type ChartMode, type ViewState } from '@/lib/view-state'

const MODE_LABEL: Record<ChartMode, string> = { percent: '% change', price: 'Price', log: 'Log price' }

export interface RangeControlsProps {
  view: ViewState
  onChange: (patch: Partial<ViewState>) => void
}

export function RangeControls({ view, onChange }: RangeControlsProps) {
  const fromId = useId()
  const toId = useId()
  const baseId = useId()

  // A date input reports '' while a reader is still typing; only a complete, ordered range is written.
  const setDate = (key: 'from' | 'to', value: string) => {
    if (!isIsoDate(value)) return
    const next = { from: view.from, to: view.to, [key]: value }
    if (next.from > next.to) return
    onChange({ [key]: value, event: null })
  }

  return (
    <section aria-label="Date range and chart mode" className="space-y-3">
      <div className="flex flex-wrap gap-1.5" role="group" aria-label="Date range presets">
        {RANGE_PRESETS.map((p) => {
          const on = p.from === view.from && p.to === view.to
          return (
            <button
              key={p.id}
              type="button"
              aria-pressed={on}
              onClick={() => onChange({ from: p.from, to: p.to, event: null })}
              className={`rounded-md border px-2.5 py-1 text-sm ${on ? 'border-[var(--accent)] bg-[var(--accent)] text-white' : 'border-[var(--border)] bg-[var(--panel)] hover:border-[var(--muted)]'}`}
            >
              {p.label}
            </button>
          )
        })}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={fromId} className="text-xs font-medium text-[var(--muted)]">
            From
          </label>
          <input id={fromId} type="date" value={view.from} max={view.to} onChange={(e) => setDate('from', e.target.value)} className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm" />
        </div>
        <div className="flex flex-col">
          <label htmlFor={toId} className="text-xs font-medium text-[var(--muted)]">
            To
          </label>
          <input id={toId} type="date" value={view.to} min={view.from} onChange={(e) => setDate('to', e.target.value)} className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm" />
        </div>
        <div className="flex flex-col">
          <span className="text-xs font-medium text-[var(--muted)]" id={`${baseId}-mode`}>
            Mode
          </span>
          <div role="group" aria-labelledby={`${baseId}-mode`} className="inline-flex overflow-hidden rounded-md border border-[var(--border)]">
            {CHART_MODES.map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={view.mode === m}
                onClick={() => onChange({ mode: m })}
                className={`px-2.5 py-1 text-sm ${view.mode === m ? 'bg-[var(--accent)] text-white' : 'bg-[var(--panel)]'}`}
              >
                {MODE_LABEL[m]}
              </button>
            ))}
          </div>
        </div>
        {view.mode === 'percent' ? (
          <div className="flex flex-col">
            <label htmlFor={baseId} className="text-xs font-medium text-[var(--muted)]">
              Base date
            </label>
            <input id={baseId} type="date" value={view.base} onChange={(e) => isIsoDate(e.target.value) && onChange({ base: e.target.value })} className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm" />
          </div>
        ) : null}
      </div>
    </section>
  )
}
