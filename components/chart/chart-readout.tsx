'use client'

import { useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { ChartModel } from '@/lib/chart/model'
import { buildYAxis, plotted, plottedValues } from '@/lib/chart/scales'
import { ChartTooltipBody, sessionReadout } from './chart-tooltip'

export interface ChartReadoutProps {
  model: ChartModel
  /** The plot box inside the chart, in px from the chart's edges (the same box both charts draw in). */
  box: { left: number; right: number; top: number; bottom: number }
  /** Follow the pointer too (the server-drawn chart); over the Recharts chart only the keyboard drives it. */
  pointer: boolean
  /**
   * Pointer mode: a mouse or pen drag across the plot asks for the sessions it spans, with the full chart's own
   * rule (at least three sessions, from the first to the last the drag touched); a shorter press is no zoom.
   */
  onZoom?: (fromIndex: number, toIndex: number) => void
}

/** A drag shorter than this (in sessions either way) is a press, not a zoom: the full chart's own rule. */
export const MIN_DRAG_SESSIONS = 2

const STEP: Record<string, (i: number, last: number) => number> = {
  ArrowLeft: (i) => i - 1,
  ArrowRight: (i) => i + 1,
  PageUp: (i) => i - 5,
  PageDown: (i) => i + 5,
  Home: () => 0,
  End: (_, last) => last,
}

/**
 * The crosshair and tooltip of the chart, without Recharts: a few KiB that make the server-drawn chart readable
 * as soon as the page hydrates, long before the charting library has loaded. The plot is focusable: arrow keys
 * move the crosshair session by session and a polite live region reads the values out. Over the Recharts chart
 * the same layer stays for the keyboard (Recharts' own accessibility layer is off), with the pointer left to it.
 * On the server-drawn chart a drag across the plot zooms too, so a reader's first zoom needs no charting library.
 */
export function ChartReadout({ model, box, pointer, onZoom }: ChartReadoutProps) {
  const [index, setIndex] = useState<number | null>(null)
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null)
  const [announce, setAnnounce] = useState('')
  const last = model.dates.length - 1
  // The same axis as the chart's; made once per model, not on every pointer move.
  const y = useMemo(() => buildYAxis(model, plottedValues(model)), [model])
  const fx = (i: number) => (last <= 0 ? 0.5 : i / last)

  const indexAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const f = rect.width > 0 ? (event.clientX - rect.left) / rect.width : 0
    return Math.round(Math.min(1, Math.max(0, f)) * Math.max(0, last))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') return setIndex(null)
    const step = STEP[event.key]
    if (!step || last < 0) return
    event.preventDefault()
    const next = Math.min(last, Math.max(0, step(index ?? last, last)))
    setIndex(next)
    setAnnounce(sessionReadout(model, next))
  }

  const i = index !== null && index <= last ? index : null
  const f = i === null ? 0 : fx(i)
  return (
    <div
      className={`absolute outline-none focus-visible:ring-2 focus-visible:ring-[var(--accent)] ${pointer ? 'cursor-crosshair touch-pan-y' : 'pointer-events-none'}`}
      style={{ left: box.left, right: box.right, top: box.top, bottom: box.bottom }}
      data-testid="chart-plot"
      tabIndex={0}
      role="group"
      aria-roledescription="chart"
      aria-label="Prices by session. Left and right arrow keys move through the sessions; Home and End go to the first and last."
      onKeyDown={onKeyDown}
      onBlur={() => setIndex(null)}
      onPointerMove={
        pointer
          ? (event) => {
              const at = indexAt(event)
              setIndex(at)
              if (drag) setDrag({ ...drag, end: at })
            }
          : undefined
      }
      onPointerLeave={pointer ? () => setIndex(null) : undefined}
      onPointerDown={
        pointer && onZoom
          ? (event) => {
              // A touch drag across the plot scrubs the readout (the page still scrolls vertically); mouse and pen
              // drags zoom, as on the full chart.
              if (event.pointerType === 'touch' || event.button !== 0) return
              // Captured, so a drag that leaves the plot still ends here.
              event.currentTarget.setPointerCapture?.(event.pointerId)
              const at = indexAt(event)
              setDrag({ start: at, end: at })
            }
          : undefined
      }
      onPointerUp={
        pointer && onZoom
          ? () => {
              if (drag && Math.abs(drag.end - drag.start) >= MIN_DRAG_SESSIONS)
                onZoom(Math.min(drag.start, drag.end), Math.max(drag.start, drag.end))
              setDrag(null)
            }
          : undefined
      }
      onPointerCancel={pointer ? () => setDrag(null) : undefined}
    >
      {drag && drag.end !== drag.start ? (
        <div
          className="pointer-events-none absolute inset-y-0 bg-[var(--accent)] opacity-[0.12]"
          style={{
            left: `${fx(Math.min(drag.start, drag.end)) * 100}%`,
            width: `${(fx(Math.max(drag.start, drag.end)) - fx(Math.min(drag.start, drag.end))) * 100}%`,
          }}
          data-testid="zoom-band"
          aria-hidden
        />
      ) : null}
      {i !== null ? (
        <>
          <div
            className="pointer-events-none absolute inset-y-0 w-px bg-[var(--muted)]"
            style={{ left: `${f * 100}%` }}
            aria-hidden
          />
          {model.series.map((s) => {
            const v = plotted(model, i, s.symbol)
            return v === null ? null : (
              <span
                key={s.symbol}
                className="pointer-events-none absolute h-1.5 w-1.5 -translate-x-1/2 -translate-y-1/2 rounded-full"
                style={{ left: `${f * 100}%`, top: `${(1 - y.position(v)) * 100}%`, background: `var(${s.colorVar})` }}
                aria-hidden
              />
            )
          })}
          <div
            className="pointer-events-none absolute top-2 z-10"
            // Beside the crosshair, on the side with more room, as Recharts places its own.
            style={f < 0.5 ? { left: `calc(${f * 100}% + 12px)` } : { right: `calc(${(1 - f) * 100}% + 12px)` }}
            aria-hidden
          >
            <ChartTooltipBody model={model} index={i} />
          </div>
        </>
      ) : null}
      <span className="sr-only" role="status" aria-live="polite">
        {announce}
      </span>
    </div>
  )
}
