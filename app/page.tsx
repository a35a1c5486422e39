import { headers } from 'next/headers'
import { Suspense } from 'react'
import { SWRConfig } from 'swr'
import { ClaimsPanel } from '@/components/claims-panel'
import { Dashboard } from '@/components/dashboard'
import { ThemeToggle } from '@/components/theme-toggle'
import { ApiError } from '@/lib/api/errors'
import { pricesUrl } from '@/lib/client/urls'
import { events } from '@/lib/events'
import { toChartEvents } from '@/lib/events-view'
import { getPriceService, type PricesResult } from '@/lib/prices'
import { liveCaller, requestClientId } from '@/lib/rate-limit'
import { snapshotImportedAt } from '@/lib/snapshot'
import { loadRange, parseViewState } from '@/lib/view-state'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * Reads the view from the URL with the same schema as the client, and loads its prices on the server, so the
 * first paint already carries the data the chart needs.
 */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { view } = parseViewState(await searchParams)
  const range = loadRange(view)
  const key = pricesUrl(view.symbols, range.from, range.to)
  const fallback: Record<string, PricesResult> = {}
  if (key) {
    try {
      // Page loads count against the same per-client limit on live upstream requests as the API (the page's
      // own request limit is applied in proxy.ts, where the answer can still be a 429).
      const caller = liveCaller(requestClientId(await headers()))
      fallback[key] = await getPriceService().getPrices({ symbols: view.symbols, ...range, caller })
    } catch (error) {
      // The client asks again and shows the API's message with a retry; nothing to render here.
      if (!(error instanceof ApiError)) console.error('[page] prices failed', error)
    }
  }

  return (
    <SWRConfig value={{ fallback }}>
      <main className="mx-auto max-w-[96rem] px-3 py-4 sm:px-6">
        <header className="mb-4 flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-xl font-bold sm:text-2xl">AI shock: how the market reacted to Stargate and DeepSeek</h1>
            <p className="max-w-3xl text-sm text-[var(--muted)]">
              DeepSeek released R1 on 2025-01-20, a US market holiday; Stargate was announced after the close on 2025-01-21; on
              2025-01-27 NVIDIA lost about 17% in one session. Real daily prices, every event dated and sourced.
            </p>
          </div>
          <div className="shrink-0">
            <ThemeToggle />
          </div>
        </header>
        <Dashboard events={toChartEvents(events)} snapshotImportedAt={snapshotImportedAt()}>
          <Suspense fallback={<div className="h-64 animate-pulse rounded-lg bg-[var(--grid)]" aria-label="Checking the claims" />}>
            <ClaimsPanel />
          </Suspense>
        </Dashboard>
      </main>
    </SWRConfig>
  )
}
