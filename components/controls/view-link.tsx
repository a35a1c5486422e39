'use client'

import type { AnchorHTMLAttributes, MouseEvent } from 'react'

export interface ViewLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** The URL of the resulting view (lib/client/urls.ts `viewHref`): what a click loads before hydration. */
  href: string
  /** The in-page transition once JavaScript runs. */
  onNavigate: () => void
}

/** True for a plain primary click; a modified one (new tab, new window, download) is left to the browser. */
export function isPlainClick(event: MouseEvent<Element>): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  )
}

/**
 * A control that changes the view, as a real link: the server renders the view at its `href`, so it works at
 * first paint and without JavaScript; after hydration a plain click becomes an in-page transition.
 */
export function ViewLink({ href, onNavigate, onClick, ...rest }: ViewLinkProps) {
  return (
    <a
      href={href}
      {...rest}
      onClick={(event) => {
        onClick?.(event)
        if (!isPlainClick(event)) return
        event.preventDefault()
        onNavigate()
      }}
    />
  )
}
