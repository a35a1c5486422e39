'use client'

import { useState } from 'react'
import { svgToPngBlob } from '@/lib/chart/export/png'

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** PNG, SVG and CSV of the comparison; the server built the SVG and CSV, the browser only saves or rasterises them. */
export function CompareExport({ svg, csv, fileBase }: { svg: string; csv: string; fileBase: string }) {
  const [error, setError] = useState<string | null>(null)
  const button = 'rounded-md border border-[var(--border)] px-3 py-1 text-sm'
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        onClick={async () => {
          try {
            setError(null)
            save(await svgToPngBlob(svg, { scale: 2 }), `${fileBase}.png`)
          } catch (e) {
            setError(e instanceof Error ? e.message : 'The PNG could not be made.')
          }
        }}
      >
        Download PNG
      </button>
      <button
        type="button"
        className={button}
        onClick={() => save(new Blob([svg], { type: 'image/svg+xml' }), `${fileBase}.svg`)}
      >
        Download SVG
      </button>
      <button
        type="button"
        className={button}
        onClick={() => save(new Blob([csv], { type: 'text/csv' }), `${fileBase}.csv`)}
      >
        Download CSV
      </button>
      {error ? (
        <p role="alert" className="text-xs text-[var(--error-fg)]">
          {error}
        </p>
      ) : null}
    </div>
  )
}
