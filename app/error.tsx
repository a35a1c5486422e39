'use client'

import Link from 'next/link'
import { useEffect } from 'react'

/** Last line of defence: a readable message and a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">The dashboard could not be shown</h1>
      <p className="mt-2 text-sm text-[var(--muted)]">
        Something went wrong while preparing this view. Your link is intact: retry, or open the default view.
        {error.digest ? ` (Reference ${error.digest}.)` : null}
      </p>
      <div className="mt-4 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-[var(--accent)] px-3 py-1.5 text-sm font-medium text-[var(--accent-fg)]"
        >
          Retry
        </button>
        <Link href="/" className="rounded-md border border-[var(--border)] px-3 py-1.5 text-sm">
          Default view
        </Link>
      </div>
    </main>
  )
}
