'use client'

import { useState } from 'react'
import type { ChartModel } from '@/lib/chart/model'
import type { PriceSeries } from '@/lib/types'
import type { ViewState } from '@/lib/view-state'

export interface ExportButtonsProps {
  model: ChartModel | null
  series: PriceSeries[]
  view: ViewState
  title: string
  subtitle: string
  footer: string
}

type Kind = 'png' | 'svg' | 'csv'

/** Download buttons. The export code is loaded only when a reader first asks for a file. */
export function ExportButtons({ model, series, view, title, subtitle, footer }: ExportButtonsProps) {
  const [busy, setBusy] = useState<Kind | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function download(kind: Kind) {
    if (!model) return
    setBusy(kind)
    setError(null)
    try {
      const exporter = await import('@/lib/chart/export')
      const name = exporter.exportFileName(kind, { symbols: view.symbols, from: view.from, to: view.to, mode: view.mode })
      if (kind === 'csv') {
        exporter.downloadBlob(new Blob([exporter.chartCsv(model, series)], { type: 'text/csv;charset=utf-8' }), name)
        return
      }
      const palette = exporter.resolvePalette(document.documentElement)
      const svg = exporter.buildChartSvg(model, { palette, title, subtitle, footer })
      if (kind === 'svg') exporter.downloadBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name)
      else exporter.downloadBlob(await exporter.svgToPngBlob(svg, { scale: 2 }), name)
    } catch (e) {
      setError(`Could not make the ${kind.toUpperCase()}: ${e instanceof Error ? e.message : 'unknown error'}`)
    } finally {
      setBusy(null)
    }
  }

  const label: Record<Kind, string> = { png: 'Download PNG', svg: 'Download SVG', csv: 'Download CSV' }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {(['png', 'svg', 'csv'] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          disabled={!model || busy !== null}
          onClick={() => void download(kind)}
          className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-sm hover:border-[var(--muted)] disabled:opacity-50"
        >
          {busy === kind ? 'Preparing…' : label[kind]}
        </button>
      ))}
      {error ? (
        <span role="alert" className="text-xs text-[var(--error-fg)]">
          {error}
        </span>
      ) : null}
    </div>
  )
}
