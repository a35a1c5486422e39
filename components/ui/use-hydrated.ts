import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False in the server's HTML and until React has hydrated the component, true from then on. A button that only
 * script can carry out (an export) is rendered disabled until then: a click on it before hydration would
 * otherwise do nothing, and the reader would not know. Without JavaScript it stays disabled, which is the truth.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
