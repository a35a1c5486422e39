'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { useCallback, useMemo } from 'react'
import { parseViewState, viewToQuery, type ViewState } from '@/lib/view/state'

/**
 * The view lives in the URL. Writing it with the native History API keeps Next's router in sync (so Back and
 * Forward restore views) without a server round trip for every control change.
 */
export function useView() {
  const searchParams = useSearchParams()
  const pathname = usePathname()
  const parsed = useMemo(() => parseViewState(new URLSearchParams(searchParams.toString())), [searchParams])

  const setView = useCallback(
    (patch: Partial<ViewState>, options: { replace?: boolean } = {}) => {
      const next = { ...parsed.view, ...patch }
      const url = `${pathname}?${viewToQuery(next)}`
      if (options.replace) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
    },
    [parsed.view, pathname],
  )

  return { view: parsed.view, notices: parsed.notices, setView }
}
