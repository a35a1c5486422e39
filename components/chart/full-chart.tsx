'use client'

import { createElement, startTransition, useEffect, useState } from 'react'
import type { PriceChartProps } from './price-chart'

type PriceChartModule = typeof import('./price-chart')

/**
 * Recharts is the largest piece of the page, and nothing a reader does first needs it: the server-drawn chart's
 * island shows the lines, the tooltip (pointer and keyboard), the markers and their cards, and zooms on a drag.
 * So it is asked for only at the first gesture only it handles: a press on the chart (after which a drag on the
 * date axis pans) or a wheel over the date axis (or with Ctrl). Not on idle: its first render is the longest task
 * of the page (about 200 ms here, 700 ms with the CPU slowed 4x), and spent unasked it blocks whatever the reader
 * does next. Module state, not React state: one download per page, whichever component asks first.
 */
let loaded: PriceChartModule | null = null
let request: Promise<void> | null = null
const listeners = new Set<() => void>()

/** Starts the download of the full chart (once); a failed download can be asked for again. */
export function loadFullChart(): void {
  request ??= import('./price-chart').then(
    (module) => {
      loaded = module
      for (const listener of listeners) listener()
    },
    () => {
      // The island keeps working; the next interaction that needs the full chart tries again.
      request = null
    },
  )
}

/**
 * True once the full chart's code is here (always false on the server and during hydration). The swap is a
 * transition: Recharts' first render is the largest piece of work on the page, and as a transition React renders it
 * in slices between which the reader's input (hover on the island) is handled, keeping the island on screen until
 * the full chart is ready to commit. A store subscription (useSyncExternalStore) would render it in one blocking task.
 */
export function useFullChartReady(): boolean {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    const show = () => startTransition(() => setReady(true))
    if (loaded) {
      show()
      return
    }
    listeners.add(show)
    return () => {
      listeners.delete(show)
    }
  }, [])
  return ready
}

/** The Recharts chart, once loaded (render it only when `useFullChartReady` says so). */
export function FullChart(props: PriceChartProps) {
  return loaded ? createElement(loaded.PriceChart, props) : null
}
