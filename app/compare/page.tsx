import Link from 'next/link'
import { CompareView } from '@/components/compare/compare-view'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { isExpectedError } from '@/lib/api/errors'
import { loadComparison, parseCompareQuery } from '@/lib/compare'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Compare shocks: the events and symbols come from the URL (`events`, `symbols`, `benchmark`, `mine`, `preset`). */
export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams
  // Checkboxes submit repeated `events=`; a link writes one comma-separated value. Both mean the same list.
  const events = raw.events
  const { query, notices } = parseCompareQuery({ ...raw, events: Array.isArray(events) ? events.join(',') : events })
  let loaded: Awaited<ReturnType<typeof loadComparison>> | null = null
  let failure: string | null = null
  try {
    loaded = await loadComparison(query)
  } catch (error) {
    if (!isExpectedError(error)) console.error('[compare] failed', error)
    failure = isExpectedError(error)
      ? error.message
      : 'The comparison could not be computed just now; reload the page to try again.'
  }
  const content = loaded ? (
    <CompareView comparison={loaded.comparison} query={query} notices={[...notices, ...loaded.notices]} />
  ) : (
    <p role="alert" className="rounded-md bg-[var(--error-bg)] p-3 text-sm text-[var(--error-fg)]">
      {failure}
    </p>
  )
  return (
    <main className="mx-auto max-w-[96rem] px-3 py-4 sm:px-6">
      <header className="mb-4 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-bold sm:text-2xl">Compare shocks: was the DeepSeek selloff the big one?</h1>
          <p className="max-w-3xl text-sm text-[var(--muted)]">
            Several events lined up on event time, with the same event study for each.{' '}
            <Link href="/" className="text-[var(--accent)] underline">
              Back to the dashboard
            </Link>
          </p>
        </div>
        <div className="shrink-0">
          <ThemeToggle />
        </div>
      </header>
      {content}
    </main>
  )
}
