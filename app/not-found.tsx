import Link from 'next/link'
import { connection } from 'next/server'

/** Rendered per request (not prerendered) so it carries the per-response CSP nonce like every other page. */
export default async function NotFound() {
  await connection()
  return (
    <main className="mx-auto max-w-xl p-6">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-[var(--muted)]">
        This app has two pages, the dashboard and the comparison of shocks (/compare), and an API under /api.
      </p>
      <Link href="/" className="mt-4 inline-block text-[var(--accent)] underline">
        Open the dashboard
      </Link>
    </main>
  )
}
