'use client'

import { useId, useMemo, useState, type FormEvent } from 'react'
import { SYMBOLS, SYMBOL_GROUPS, SYMBOL_PATTERN, normalizeSymbol, type SymbolGroup } from '@/lib/symbols'
import { MAX_CHART_SYMBOLS } from '@/lib/view/state'
import { ViewLink } from './view-link'

export interface SymbolPickerProps {
  symbols: string[]
  colorVarOf: (symbol: string) => string
  onChange: (symbols: string[]) => void
  /** The page URL of the view with these symbols: chips are links, so they work before JavaScript runs. */
  hrefFor: (symbols: string[]) => string
}

/** Chips for the chosen symbols, plus curated groups with search and a free field for any other ticker. */
export function SymbolPicker({ symbols, colorVarOf, onChange, hrefFor }: SymbolPickerProps) {
  const [query, setQuery] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const searchId = useId()
  const full = symbols.length >= MAX_CHART_SYMBOLS

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    return SYMBOLS.filter((s) => !q || s.symbol.toLowerCase().includes(q) || s.name.toLowerCase().includes(q))
  }, [query])

  function add(raw: string) {
    const symbol = normalizeSymbol(raw)
    if (!symbol) return
    if (!SYMBOL_PATTERN.test(symbol))
      return setMessage(`“${raw.slice(0, 20)}” is not a ticker (letters, digits, . - ^ =).`)
    if (symbols.includes(symbol)) return setMessage(`${symbol} is already on the chart.`)
    if (full) return setMessage(`At most ${MAX_CHART_SYMBOLS} symbols at once: remove one first.`)
    setMessage(
      SYMBOLS.some((s) => s.symbol === symbol)
        ? null
        : `${symbol} is not among the curated symbols: it can be drawn only if the live price source knows it (not in offline mode).`,
    )
    onChange([...symbols, symbol])
    setQuery('')
  }

  // Focus moves to the next chip (or the search box), never back to the top of the page.
  function remove(symbol: string) {
    const index = symbols.indexOf(symbol)
    const next = symbols[index + 1] ?? symbols[index - 1]
    onChange(symbols.filter((x) => x !== symbol))
    requestAnimationFrame(() => {
      const target = next ? document.querySelector<HTMLElement>(`[aria-label="Remove ${CSS.escape(next)}"]`) : null
      ;(target ?? document.getElementById(searchId))?.focus()
    })
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const exact = matches.find((m) => m.symbol.toLowerCase() === query.trim().toLowerCase())
    add(exact?.symbol ?? (matches.length === 1 && matches[0] ? matches[0].symbol : query))
  }

  const groups = Object.keys(SYMBOL_GROUPS) as SymbolGroup[]

  return (
    <section aria-label="Symbols" className="space-y-2">
      <ul className="flex flex-wrap gap-1.5" aria-label="Symbols on the chart">
        {symbols.map((s) => (
          <li key={s}>
            <ViewLink
              href={hrefFor(symbols.filter((x) => x !== s))}
              onNavigate={() => remove(s)}
              className="inline-flex items-center gap-1 rounded-full border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-sm hover:border-[var(--muted)]"
              aria-label={`Remove ${s}`}
            >
              <span className="h-2.5 w-2.5 rounded-full" style={{ background: `var(${colorVarOf(s)})` }} aria-hidden />
              <span className="font-medium">{s}</span>
              <span aria-hidden className="text-[var(--muted)]">
                ×
              </span>
            </ViewLink>
          </li>
        ))}
        {symbols.length === 0 ? <li className="text-sm text-[var(--muted)]">No symbols chosen.</li> : null}
      </ul>
      <form onSubmit={onSubmit} className="flex gap-2" role="search">
        <label htmlFor={searchId} className="sr-only">
          Add a symbol
        </label>
        <input
          id={searchId}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search or type any ticker (e.g. NVDA, 9984.T)"
          className="min-w-0 flex-1 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 py-1.5 text-sm"
          autoComplete="off"
          maxLength={16}
        />
        <button
          type="submit"
          className="rounded-md bg-[var(--accent)] px-3 py-1.5 text-sm font-medium text-[var(--accent-fg)] disabled:opacity-50"
          disabled={!query.trim()}
        >
          Add
        </button>
      </form>
      {message ? (
        <p className="text-xs text-[var(--muted)]" role="status">
          {message}
        </p>
      ) : null}
      <details className="text-sm" open={query.trim().length > 0 ? true : undefined}>
        <summary className="cursor-pointer text-[var(--muted)]">
          Curated symbols {full ? `(limit of ${MAX_CHART_SYMBOLS} reached)` : ''}
        </summary>
        <div className="mt-2 space-y-2">
          {groups.map((g) => {
            const list = matches.filter((m) => m.groups.includes(g))
            if (list.length === 0) return null
            return (
              <fieldset key={g}>
                <legend className="text-xs font-semibold uppercase tracking-wide text-[var(--muted)]">
                  {SYMBOL_GROUPS[g]}
                </legend>
                <div className="mt-1 flex flex-wrap gap-1">
                  {list.map((m) => {
                    const on = symbols.includes(m.symbol)
                    const className = `rounded border px-2 py-0.5 text-xs ${on ? 'border-[var(--accent)] bg-[var(--accent)] text-[var(--accent-fg)]' : 'border-[var(--border)] bg-[var(--panel)]'} disabled:opacity-40`
                    if (on || !full) {
                      return (
                        <ViewLink
                          key={m.symbol}
                          href={hrefFor(on ? symbols.filter((x) => x !== m.symbol) : [...symbols, m.symbol])}
                          aria-current={on ? 'true' : undefined}
                          title={m.name}
                          onNavigate={() => (on ? onChange(symbols.filter((x) => x !== m.symbol)) : add(m.symbol))}
                          className={className}
                        >
                          {m.symbol}
                        </ViewLink>
                      )
                    }
                    // At the limit a symbol that is not drawn cannot be added: no link to a view that would drop it.
                    return (
                      <button key={m.symbol} type="button" disabled title={m.name} className={className}>
                        {m.symbol}
                      </button>
                    )
                  })}
                </div>
              </fieldset>
            )
          })}
        </div>
      </details>
    </section>
  )
}
