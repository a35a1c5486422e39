/** Things the reader should know about the view they asked for (a field ignored, a range moved), one per line. */
export function Notices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null
  return (
    <div role="status" className="rounded-md bg-[var(--warn-bg)] p-3 text-sm text-[var(--warn-fg)]">
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  )
}
