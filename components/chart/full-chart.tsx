'use client'

import { createElement, startTransition, useEffect, useState } from 'react'
import type { PriceChartProps } from './price-chart'

type PriceChartModule = typeof import('./price-chart')

/**
 * Recharts is the largest piece of the page and the first view does not need it: the server-drawn chart and its
 * island already show the lines, tooltip and markers. So it is asked for only once the page is idle (with a
 * timeout, for a page that never idles) or at the first interaction only it handles (drag to zoom, pan, wheel).
 * Module state, not React state: one download per page, whichever component asks first.
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

/** Longest wait for an idle moment before the full chart is fetched anyway. */
const IDLE_TIMEOUT_MS = 2_000

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
    let cancel: () => void
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(loadFullChart, { timeout: IDLE_TIMEOUT_MS })
      cancel = () => window.cancelIdleCallback(id)
    } else {
      const timer = window.setTimeout(loadFullChart, IDLE_TIMEOUT_MS / 2)
      cancel = () => window.clearTimeout(timer)
    }
    return () => {
      listeners.delete(show)
      cancel()
    }
  }, [])
  return ready
}

/** The Recharts chart, once loaded (render it only when `useFullChartReady` says so). */
export function FullChart(props: PriceChartProps) {
  return loaded ? createElement(loaded.PriceChart, props) : null
}
