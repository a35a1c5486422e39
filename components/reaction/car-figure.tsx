'use client'

import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { formatFullDate, formatPercent } from '@/lib/format'
import { buildCarFigureSvg, carFigureCsv, carFigureFileName } from '@/lib/reaction/car-figure'
import type { ReactionResult } from '@/lib/reaction/types'
import { useHydrated } from '@/components/ui/use-hydrated'

const EXPORT_WIDTH = 1600
const EXPORT_HEIGHT = 900
const MIN_WIDTH = 300

type Kind = 'png' | 'svg' | 'csv'

function figureTitle(data: ReactionResult): { title: string; subtitle: string; footer: string } {
  const m = data.method
  const day = (t: number) => (t > 0 ? `+${t}` : String(t))
  return {
    title: `Cumulative abnormal returns, day ${day(m.path[0])} to ${day(m.path[1])}${data.event ? `: ${data.event.title}` : ''}`,
    subtitle: `Day 0 ${formatFullDate(data.day0)} · ${m.model} model against ${m.benchmark} · estimation ${m.estimation.requested} sessions, gap ${m.gap} · band: CAAR ± 1.96 sd (prediction-error variance)`,
    footer:
      'Source: daily adjusted closes; event study as defined in the README. Returns are decimal fractions in the CSV.',
  }
}

/**
 * The event-study figure: each symbol's CAR path, the group's CAAR with its 95% band, day 0 marked. Drawn by
 * the same SVG builder the exports use, at the width of its container.
 */
export function CarFigure({ data }: { data: ReactionResult }) {
  const holder = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(720)
  const [busy, setBusy] = useState<Kind | null>(null)
  const hydrated = useHydrated()
  const [error, setError] = useState<string | null>(null)
  const captionId = useId()

  useEffect(() => {
    const el = holder.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0)
      if (w > 0) setWidth(Math.max(MIN_WIDTH, w))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const height = Math.round(Math.min(460, Math.max(300, width * 0.5)) + (width < 560 ? 60 : 30))
  const svg = useMemo(() => buildCarFigureSvg(data, { width, height }), [data, width, height])
  const caar0 = data.portfolio.path.find((p) => p.day === 0)
  const last = data.portfolio.path[data.portfolio.path.length - 1]

  async function download(kind: Kind) {
    setBusy(kind)
    setError(null)
    try {
      const exporter = await import('@/lib/chart/export')
      const name = carFigureFileName(data, kind)
      if (kind === 'csv') {
        exporter.downloadBlob(new Blob([carFigureCsv(data)], { type: 'text/csv;charset=utf-8' }), name)
        return
      }
      const palette = exporter.resolvePalette(document.documentElement)
      const file = buildCarFigureSvg(data, {
        width: EXPORT_WIDTH,
        height: EXPORT_HEIGHT,
        palette,
        ...figureTitle(data),
      })
      if (kind === 'svg') exporter.downloadBlob(new Blob([file], { type: 'image/svg+xml;charset=utf-8' }), name)
      else exporter.downloadBlob(await exporter.svgToPngBlob(file, { scale: 1 }), name)
    } catch (e) {
      setError(`Could not make the ${kind.toUpperCase()}: ${e instanceof Error ? e.message : 'unknown error'}`)
    } finally {
      setBusy(null)
    }
  }

  if (data.portfolio.path.length === 0) return null
  const label =
    `Event-study figure: cumulative abnormal returns of ${data.portfolio.symbols.join(', ')} from day ${data.method.path[0]} to ${data.method.path[1]}` +
    (caar0 ? `; the group's CAAR is ${formatPercent(caar0.caar, 2)} at day 0` : '') +
    (last ? ` and ${formatPercent(last.caar, 2)} at day ${last.day}` : '') +
    '.'
  return (
    <figure
      aria-labelledby={captionId}
      className="render-when-near min-w-0 space-y-2 [--near-height:38rem]"
      data-testid="car-figure"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Cumulative abnormal returns around day 0</h3>
        <div className="flex flex-wrap gap-2">
          {(['png', 'svg', 'csv'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              disabled={!hydrated || busy !== null}
              onClick={() => void download(kind)}
              className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-xs hover:border-[var(--muted)] disabled:opacity-50"
            >
              {busy === kind ? 'Preparing…' : `Figure ${kind.toUpperCase()}`}
            </button>
          ))}
        </div>
      </div>
      {/* The SVG scales to the holder, so its drawn width can never widen the page before the holder is measured. */}
      <div
        ref={holder}
        className="w-full min-w-0 overflow-hidden [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
        role="img"
        aria-label={label}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {error ? (
        <p role="alert" className="text-xs text-[var(--error-fg)]">
          {error}
        </p>
      ) : null}
      <figcaption id={captionId} className="text-xs text-[var(--muted)]">
        Thin lines: each symbol’s CAR from day {data.method.path[0]}; thick line: the group’s mean (CAAR) with a shaded
        95% band, ± 1.96 × the prediction-error standard deviation with the symbols taken as independent (they share one
        event day, so the band is, if anything, too narrow: see Kolari–Pynnönen in the table above). Dashed line: day 0.
      </figcaption>
    </figure>
  )
}
