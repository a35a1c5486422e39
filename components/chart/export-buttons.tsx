'use client'

import { useId, useState } from 'react'
import {
  DEFAULT_EXPORT_PRESET,
  EVENT_KEY_LABELS,
  EVENT_KEY_STYLES,
  EXPORT_PRESETS,
  EXPORT_PRESET_IDS,
  PNG_SCALE,
  type EventKeyStyle,
  type ExportPresetId,
} from '@/lib/chart/export/presets'
import type { ChartModel } from '@/lib/chart/model'
import type { PriceSeries } from '@/lib/types'
import type { ViewState } from '@/lib/view/state'
import { useHydrated } from '@/components/ui/use-hydrated'

export interface ExportButtonsProps {
  model: ChartModel | null
  series: PriceSeries[]
  view: ViewState
  /** Symbols that have bars in the drawn range: only these go into the file name. */
  drawnSymbols: string[]
  title: string
  subtitle: string
  footer: string
  /** E.g. the symbols left out for lack of data; drawn above the source line. */
  note: string
}

type Kind = 'png' | 'svg' | 'csv'

const FIELD = 'w-full rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1 text-sm'

/** Download buttons and the image's options. The export code is loaded only when a reader first asks for a file. */
export function ExportButtons({
  model,
  series,
  view,
  drawnSymbols,
  title,
  subtitle,
  footer,
  note,
}: ExportButtonsProps) {
  const [busy, setBusy] = useState<Kind | null>(null)
  const hydrated = useHydrated()
  const [error, setError] = useState<string | null>(null)
  const [preset, setPreset] = useState<ExportPresetId>(DEFAULT_EXPORT_PRESET)
  const [eventKey, setEventKey] = useState<EventKeyStyle>('labels')
  // null: follow the view (the default title and subtitle change with it); a string: the reader's own words.
  const [customTitle, setCustomTitle] = useState<string | null>(null)
  const [customSubtitle, setCustomSubtitle] = useState<string | null>(null)
  const id = useId()

  async function download(kind: Kind) {
    if (!model) return
    setBusy(kind)
    setError(null)
    try {
      const exporter = await import('@/lib/chart/export')
      const first = model.dates[0] ?? view.from
      const last = model.dates[model.dates.length - 1] ?? view.to
      const name = exporter.exportFileName(kind, { symbols: drawnSymbols, from: first, to: last, mode: view.mode })
      if (kind === 'csv') {
        exporter.downloadBlob(new Blob([exporter.chartCsv(model, series)], { type: 'text/csv;charset=utf-8' }), name)
        return
      }
      const palette = exporter.resolvePalette(document.documentElement)
      const size = EXPORT_PRESETS[preset]
      const svg = exporter.buildChartSvg(model, {
        palette,
        title: customTitle ?? title,
        subtitle: customSubtitle ?? subtitle,
        footer,
        note,
        width: size.width,
        height: size.height,
        eventKey,
      })
      if (kind === 'svg') exporter.downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name)
      else exporter.downloadBlob(await exporter.svgToPngBlob(svg, { scale: PNG_SCALE }), name)
    } catch (e) {
      setError(`Could not make the ${kind.toUpperCase()}: ${e instanceof Error ? e.message : 'unknown error'}`)
    } finally {
      setBusy(null)
    }
  }

  const label: Record<Kind, string> = { png: 'Download PNG', svg: 'Download SVG', csv: 'Download CSV' }
  const size = EXPORT_PRESETS[preset]
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="export">
      {(['png', 'svg', 'csv'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={!hydrated || !model || busy !== null}
          onClick={() => void download(kind)}
          className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-sm hover:border-[var(--muted)] disabled:opacity-50"
        >
          {busy === kind ? 'Preparing…' : label[kind]}
        </button>
      ))}
      <details className="w-full text-sm sm:w-auto">
        <summary className="cursor-pointer text-[var(--muted)]">
          Image options{' '}
          <span className="text-xs">
            ({size.label}, {size.width} × {size.height})
          </span>
        </summary>
        <div className="mt-2 grid gap-3 rounded-md border border-[var(--border)] p-3 sm:w-[28rem]">
          <label className="grid gap-1">
            <span className="text-xs font-medium text-[var(--muted)]">Size</span>
            <select
              className={FIELD}
              value={preset}
              onChange={(e) => setPreset(e.target.value as ExportPresetId)}
              data-testid="export-preset"
            >
              {EXPORT_PRESET_IDS.map((p) => (
                <option key={p} value={p}>
                  {EXPORT_PRESETS[p].label}: {EXPORT_PRESETS[p].width} × {EXPORT_PRESETS[p].height} (PNG{' '}
                  {EXPORT_PRESETS[p].width * PNG_SCALE} × {EXPORT_PRESETS[p].height * PNG_SCALE})
                </option>
              ))}
            </select>
          </label>
          <label className="grid gap-1">
            <span className="text-xs font-medium text-[var(--muted)]">Title</span>
            <input
              className={FIELD}
              value={customTitle ?? title}
              maxLength={160}
              onChange={(e) => setCustomTitle(e.target.value)}
            />
          </label>
          <label className="grid gap-1">
            <span className="text-xs font-medium text-[var(--muted)]">Subtitle</span>
            <input
              className={FIELD}
              value={customSubtitle ?? subtitle}
              maxLength={240}
              onChange={(e) => setCustomSubtitle(e.target.value)}
            />
          </label>
          {customTitle !== null || customSubtitle !== null ? (
            <button
              type="button"
              className="justify-self-start text-xs text-[var(--accent)] underline"
              onClick={() => {
                setCustomTitle(null)
                setCustomSubtitle(null)
              }}
            >
              Back to the default title and subtitle
            </button>
          ) : null}
          <fieldset className="grid gap-1">
            <legend className="mb-1 text-xs font-medium text-[var(--muted)]">Event key</legend>
            {EVENT_KEY_STYLES.map((k) => (
              <label key={k} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name={`${id}-key`}
                  value={k}
                  checked={eventKey === k}
                  onChange={() => setEventKey(k)}
                />
                {EVENT_KEY_LABELS[k]}
              </label>
            ))}
          </fieldset>
          <p className="text-xs text-[var(--muted)]">
            The source line is always drawn. The plot keeps at least 60% of the image; key lines that do not fit are
            counted in the key.
          </p>
        </div>
      </details>
      {error ? (
        <span role="alert" className="text-xs text-[var(--error-fg)]">
          {error}
        </span>
      ) : null}
    </div>
  )
}
