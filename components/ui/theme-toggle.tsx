'use client'

import { useEffect, useState } from 'react'
import { THEME_STORAGE_KEY } from '@/lib/ui/theme-script'

type Theme = 'system' | 'light' | 'dark'
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' } // after the first click from system
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' }

function apply(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
}

/** Follows the system by default; a click cycles system, light and dark, remembered on this device. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system')

  useEffect(() => {
    const saved = localStorage.getItem(THEME_STORAGE_KEY)
    // Reading the saved choice must wait for the browser; the server cannot know it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved === 'light' || saved === 'dark') setTheme(saved)
  }, [])

  useEffect(() => {
    if (theme !== 'system') return
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => apply('system')
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [theme])

  return (
    <button
      type="button"
      onClick={() => {
        // From "system", the first click always changes what the reader sees: to the opposite of the current look.
        const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches
        const next: Theme = theme === 'system' ? (systemDark ? 'light' : 'dark') : NEXT[theme]
        setTheme(next)
        localStorage.setItem(THEME_STORAGE_KEY, next)
        apply(next)
      }}
      className="rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1 text-sm"
      aria-label={`${LABEL[theme]}. Change theme`}
    >
      {theme === 'dark' ? '☾ Dark' : theme === 'light' ? '☀ Light' : '◐ System'}
    </button>
  )
}
