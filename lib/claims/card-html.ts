import { formatFullDate } from '../format'
import { escapeHtml, escapeUrl } from '../html'
import type { CheckedClaim, ClaimSource, Verdict } from './types'

/** Each verdict's colour is a theme variable, so the badges follow dark mode. */
export const VERDICT_STYLE: Record<Verdict, { colorVar: string; meaning: string }> = {
  supported: { colorVar: '--event-market', meaning: 'the data bear it out' },
  'partly supported': { colorVar: '--event-policy', meaning: 'roughly right, or right only in part' },
  'not supported': { colorVar: '--muted', meaning: 'the data do not bear it out' },
  wrong: { colorVar: '--event-deepseek', meaning: 'the data contradict it' },
}

/** The badge's inline style, as React writes it from this object (tests/unit/support/reference-markup.tsx). */
export function verdictStyle(verdict: Verdict): { color: string; borderColor: string; backgroundColor: string } {
  const colorVar = VERDICT_STYLE[verdict].colorVar
  return {
    color: `var(${colorVar})`,
    borderColor: 'currentColor',
    backgroundColor: `color-mix(in srgb, var(${colorVar}) 10%, transparent)`,
  }
}

function badgeHtml(verdict: Verdict): string {
  const s = verdictStyle(verdict)
  const style = escapeHtml(`color:${s.color};border-color:${s.borderColor};background-color:${s.backgroundColor}`)
  return (
    `<span data-testid="claim-verdict" data-verdict="${escapeHtml(verdict)}" title="${escapeHtml(VERDICT_STYLE[verdict].meaning)}" ` +
    `class="inline-block rounded-full border px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide" style="${style}">${escapeHtml(verdict)}</span>`
  )
}

function sourceHtml(source: ClaimSource): string {
  if (source.kind === 'video') {
    return (
      '<figure class="space-y-1 border-l-2 border-[var(--border)] pl-2 text-xs" data-testid="claim-source" data-source-kind="video">' +
      `<figcaption class="text-[var(--muted)]">Video: <cite>“${escapeHtml(source.title)}”</cite> (${escapeHtml(source.published)})</figcaption>` +
      `<blockquote lang="ja" class="[overflow-wrap:anywhere]">「${escapeHtml(source.quote)}」</blockquote>` +
      `<p class="text-[var(--muted)]">Translation: “${escapeHtml(source.translation)}”</p>` +
      '</figure>'
    )
  }
  return (
    '<p class="border-l-2 border-[var(--border)] pl-2 text-xs text-[var(--muted)]" data-testid="claim-source" data-source-kind="news">' +
    `News: ${escapeHtml(source.outlet)}, ${escapeHtml(formatFullDate(source.date))}: ` +
    `<a href="${escapeUrl(source.url)}" target="_blank" rel="noopener noreferrer" class="text-[var(--accent)] underline underline-offset-2 [overflow-wrap:anywhere]">${escapeHtml(source.title)}</a>` +
    '</p>'
  )
}

/**
 * One claim's card (its `<li>`), as markup: exactly what the `ClaimCard` JSX of
 * tests/unit/support/reference-markup.tsx renders for it (tests/unit/claim-card-html.test.tsx compares the two on
 * every claim and on hostile synthetic ones). The panel holds about 500 elements and texts that only link out; React
 * hydrates markup (`dangerouslySetInnerHTML`) as one element, where it would walk every one of them.
 */
export function claimCardHtml(claim: CheckedClaim): string {
  const out = [
    `<li class="render-when-near flex min-w-0 flex-col gap-2 rounded-md border border-[var(--border)] p-3" data-testid="claim" data-claim-id="${escapeHtml(claim.id)}">`,
    '<div class="flex flex-wrap items-start justify-between gap-2">',
    `<p class="min-w-0 flex-1 font-medium">${escapeHtml(claim.claim)}</p>`,
    badgeHtml(claim.verdict),
    '</div>',
    sourceHtml(claim.source),
    `<p class="text-sm">${escapeHtml(claim.summary)}</p>`,
    `<p class="text-xs" data-testid="claim-rule"><span class="font-semibold">Rule: </span>${escapeHtml(claim.rule)}</p>`,
  ]
  if (claim.borderline) {
    out.push(
      `<p class="rounded bg-[var(--warn-bg)] px-2 py-1 text-xs text-[var(--warn-fg)]" data-testid="claim-borderline"><span class="font-semibold">Borderline: </span>${escapeHtml(claim.borderline)}</p>`,
    )
  }
  out.push('<dl class="grid grid-cols-1 gap-x-3 gap-y-0.5 text-xs sm:grid-cols-[minmax(0,11rem)_minmax(0,1fr)]">')
  for (const e of claim.evidence) {
    out.push(
      `<div class="contents"><dt class="min-w-0 text-[var(--muted)] [overflow-wrap:anywhere]">${escapeHtml(e.label)}</dt>` +
        `<dd class="mb-1 min-w-0 tabular-nums [overflow-wrap:anywhere] sm:mb-0">${escapeHtml(e.value)}</dd></div>`,
    )
  }
  out.push(
    '</dl>',
    `<a href="${escapeUrl(claim.link)}" class="mt-auto self-start text-sm text-[var(--accent)] underline underline-offset-2">See it on the chart<span class="sr-only">: ${escapeHtml(claim.claim)}</span></a>`,
    '</li>',
  )
  return out.join('')
}
