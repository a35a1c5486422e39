import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { paletteCss } from '@/lib/chart/palette'
import { DATE_FIELD_UPGRADE_SCRIPT } from '@/lib/ui/date-field-script'
import { THEME_INIT_SCRIPT } from '@/lib/ui/theme-script'
import './globals.css'

export const metadata: Metadata = {
  title: 'AI-shock market reaction: NVIDIA, Stargate and DeepSeek',
  description:
    'How NVIDIA and the AI stocks moved around the Stargate announcement and the DeepSeek releases, on real daily prices, with every event annotated.',
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
        {/* The server's ISO text fields become date pickers after the first frame (lib/ui/date-field-script.ts). */}
        <script dangerouslySetInnerHTML={{ __html: DATE_FIELD_UPGRADE_SCRIPT }} />
        {/* The chart palette, from the same module as the exports' colours. */}
        <style dangerouslySetInnerHTML={{ __html: paletteCss() }} />
      </head>
      <body className="antialiased">{children}</body>
    </html>
  )
}
