'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useMemo } from 'react'
import { parseViewState, viewToQuery, type ViewState } from '@/lib/view/state'

/**
 * Next's router learns of `history.pushState` through a patch its root installs in a passive effect, which runs
 * after every component below it has hydrated (effects run child first) and, under load, well after the page
 * already answers clicks. A view written in that gap changed the address bar but not the page. Until a task after
 * the first commit has run (by then every effect of that commit has), a view change goes through the router
 * itself instead (a soft navigation the server renders), which needs no patch.
 */
let historySynced = false

/**
 * The view lives in the URL. Writing it with the native History API keeps Next's router in sync (so Back and
 * Forward restore views) without a server round trip for every control change.
 */
export function useView() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const router = useRouter()
  const parsed = useMemo(() => parseViewState(new URLSearchParams(searchParams.toString())), [searchParams])

  useEffect(() => {
    if (historySynced) return
    const timer = setTimeout(() => {
      historySynced = true
    })
    return () => clearTimeout(timer)
  }, [])

  const setView = useCallback(
    (patch: Partial<ViewState>, options: { replace?: boolean } = {}) => {
      const next = { ...parsed.view, ...patch }
      const url = `${pathname}?${viewToQuery(next)}`
      if (!historySynced) {
        if (options.replace) router.replace(url, { scroll: false })
        else router.push(url, { scroll: false })
        return
      }
      if (options.replace) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
    },
    [parsed.view, pathname, router],
  )

  return { view: parsed.view, notices: parsed.notices, setView }
}
