import { headers } from 'next/headers'
import Link from 'next/link'
import { redirect, RedirectType } from 'next/navigation'
import { SWRConfig } from 'swr'
import { ClaimsPanel } from '@/components/claims/claims-panel'
import { Dashboard } from '@/components/dashboard/dashboard'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { isExpectedError } from '@/lib/api/errors'
import { pricesUrl, viewHref } from '@/lib/client/urls'
import { readReaderForm, readerFormValues, viewWithReaderEvent, type ReaderFormValues } from '@/lib/view/reader-form'
import { events } from '@/lib/events'
import { forFirstView, toChartEvents } from '@/lib/view/events'
import { getPriceService, type PricesResult } from '@/lib/prices'
import type { ReactionResult } from '@/lib/reaction'
import { liveCaller, requestClientId } from '@/lib/api/client-limits'
import { snapshotImportedAt } from '@/lib/snapshot'
import { reactionQuerySchema } from '@/lib/api/reaction-query'
import { searchParamsToObject } from '@/lib/api/query'
import { computeReaction } from '@/lib/reaction'
import { reactionUrl } from '@/lib/reaction/url'
import { EARLY_READOUT_SCRIPT } from '@/lib/chart/early-readout-script'
import { loadRange, parseViewState } from '@/lib/view/state'

/**
 * The event the reaction table opens on when the URL names none. It restates the reaction panel's default
 * (components/reaction/reaction-panel.tsx, a client module whose values a server component cannot import); should the
 * two differ, the panel simply fetches its own answer.
 */
const SERVER_REACTION_EVENT_ID = '2025-01-27-nvda-record-loss'

/** The catalog as the dashboard draws it: the same for every request, so built once. */
const CHART_EVENTS = toChartEvents(events)

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/**
 * Reads the view from the URL with the same schema as the client, and loads its prices on the server, so the
 * first paint already carries the data the chart needs.
 */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams
  const { view } = parseViewState(query)

  // "Add your own event" sent without JavaScript: a plain GET of this page with the form's fields beside the view's.
  // An accepted event is added the way the form does it in the page, and the reader is sent to that view's link;
  // a refused one shows the form again, open, with the reader's values and why.
  let refusedReaderEvent: { values: ReaderFormValues; message: string } | null = null
  const submitted = readerFormValues((name) => {
    const v = query[name]
    return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : null
  })
  if (submitted) {
    const read = readReaderForm(submitted, view.mine.length)
    if (read.ok) redirect(viewHref(viewWithReaderEvent(view, read.event)), RedirectType.replace)
    refusedReaderEvent = { values: submitted, message: read.message }
  }
  const range = loadRange(view)
  const key = pricesUrl(view.symbols, range.from, range.to)
  const fallback: Record<string, PricesResult | ReactionResult> = {}
  const caller = liveCaller(requestClientId(await headers()))
  if (key) {
    try {
      // Page loads count against the same per-client limit on live upstream requests as the API (the page's
      // own request limit is applied in proxy.ts, where the answer can still be a 429).
      fallback[key] = await getPriceService().getPrices({ symbols: view.symbols, ...range, caller })
    } catch (error) {
      // The client asks again and shows the API's message with a retry; nothing to render here.
      if (!isExpectedError(error)) console.error('[page] prices failed', error)
    }
  }

  // The reaction table's answer for this view, under the key the panel asks for, so it is in the HTML.
  const reactionEvent = view.event && events.some((e) => e.id === view.event) ? view.event : SERVER_REACTION_EVENT_ID
  const reactionKey = reactionUrl({
    symbols: view.symbols,
    event: reactionEvent,
    benchmark: view.benchmark,
    reaction: view.reaction,
  })
  if (reactionKey) {
    const parsed = reactionQuerySchema.safeParse(
      searchParamsToObject(new URL(reactionKey, 'http://localhost').searchParams),
    )
    if (parsed.success) {
      try {
        const { format: _format, ...query } = parsed.data
        fallback[reactionKey] = await computeReaction({ ...query, caller })
      } catch (error) {
        // The panel asks again in the browser and shows the API's message.
        if (!isExpectedError(error)) console.error('[page] reaction failed', error)
      }
    }
  }

  return (
    <SWRConfig value={{ fallback }}>
      {/* First in the body: the chart answers a hover as soon as it is painted, long before hydration. */}
      <script dangerouslySetInnerHTML={{ __html: EARLY_READOUT_SCRIPT }} />
      <main className="mx-auto max-w-[96rem] px-3 py-4 sm:px-6">
        <header className="mb-4 flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-lg font-bold leading-snug sm:text-2xl">
              AI shock: how the market reacted to Stargate and DeepSeek
            </h1>
            {/* A phone gets one line of context, so the chart stays on the first screen. */}
            <p className="text-xs text-[var(--muted)] sm:hidden">
              R1 Jan 20, Stargate Jan 21, NVIDIA −17% on Jan 27, 2025: real daily prices, sourced events.
            </p>
            <p className="hidden max-w-3xl text-sm text-[var(--muted)] sm:block">
              DeepSeek released R1 on 2025-01-20, a US market holiday; Stargate was announced after the close on
              2025-01-21; on 2025-01-27 NVIDIA lost about 17% in one session. Real daily prices, every event dated and
              sourced.{' '}
              <Link href="/compare" className="text-[var(--accent)] underline">
                Compare the year’s shocks
              </Link>
            </p>
          </div>
          <div className="shrink-0">
            <ThemeToggle />
          </div>
        </header>
        <Dashboard
          events={forFirstView(CHART_EVENTS, range, view.event)}
          snapshotImportedAt={snapshotImportedAt()}
          refusedReaderEvent={refusedReaderEvent}
        >
          {/* Awaited, not streamed behind a Suspense boundary: a streamed part only appears through a script, and
              the claims must read without JavaScript too. */}
          <ClaimsPanel />
        </Dashboard>
      </main>
    </SWRConfig>
  )
}
