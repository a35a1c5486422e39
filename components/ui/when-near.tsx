'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'

/**
 * Renders `children` only once its place on the page comes near the viewport (within `margin` of it), and a
 * placeholder of the same size until then. For heavy parts below the first screen (a Recharts figure): their code
 * and their first render, tens to hundreds of ms on a phone, then stay out of the first view. Once rendered they
 * stay. Without IntersectionObserver they render at once.
 */
export function WhenNear({
  children,
  placeholder,
  margin = '600px',
}: {
  children: ReactNode
  placeholder: ReactNode
  margin?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [near, setNear] = useState(false)
  useEffect(() => {
    const node = ref.current
    if (near || !node) return
    if (typeof IntersectionObserver !== 'function') {
      // No way to know where it is (an old browser, a test DOM): render it, one task later.
      const timer = window.setTimeout(() => setNear(true), 0)
      return () => window.clearTimeout(timer)
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true)
      },
      { rootMargin: margin },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [near, margin])
  return near ? children : <div ref={ref}>{placeholder}</div>
}
