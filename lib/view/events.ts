import type { ChartEvent } from '../chart/model'
import type { EventWithTradingDate, MarketSession } from '../events'
import { sessionLabel } from '../events/effective-date'
import { readerEventId, readerLabel, readerSession, readerTradingDate, type ReaderEvent } from '../events/reader-events'

/** "Tue, Jan 21, 2025, after the close (16:00 ET); market reacts Wed, Jan 22". */
export function eventWhen(
  e: Pick<ChartEvent, 'date' | 'time' | 'session' | 'tradingDate'>,
  format: (iso: string) => string,
): string {
  const time = e.time ? ` (${e.time})` : ''
  const reacts = e.tradingDate !== e.date ? `; first US session to react: ${format(e.tradingDate)}` : ''
  return `${format(e.date)}, ${sessionLabel(e.session as MarketSession)}${time}${reacts}`
}

/** Events as the dashboard draws them, numbered by their place in the whole catalog so numbers never shift. */
export function toChartEvents(events: readonly EventWithTradingDate[]): ChartEvent[] {
  return events.map((e, i) => ({
    id: e.id,
    number: i + 1,
    label: e.label,
    title: e.title,
    date: e.date,
    time: e.time,
    session: e.session,
    tradingDate: e.tradingDate,
    category: e.category,
    importance: e.importance,
    verified: e.verified,
    detail: { summary: e.summary, sources: e.sources, verificationNote: e.verificationNote },
  }))
}

/**
 * The events as the page first sends them: every event's line, but the card text only for those the first view
 * shows in full, i.e. those whose first reacting session falls in `range` (where their markers are) and the
 * selected one. The rest of the text (most of the catalog's bytes) stays out of the HTML and the hydration data;
 * the dashboard asks `GET /api/events` for it when another range brings those events into view.
 */
export function forFirstView(
  events: readonly ChartEvent[],
  range: { from: string; to: string },
  selectedId: string | null,
): ChartEvent[] {
  return events.map((e) => {
    if (e.id === selectedId || (e.tradingDate >= range.from && e.tradingDate <= range.to)) return e
    const { detail: _detail, ...line } = e
    return line
  })
}

/** Where a reader-given link points, for its label (the link itself is shown as given). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

/**
 * The reader's own events as the dashboard draws them: numbered after the catalog, category as chosen (market when
 * none), never verified, and their source shown exactly as given.
 */
export function readerChartEvents(mine: readonly ReaderEvent[], firstNumber: number): ChartEvent[] {
  return mine.map((e, i) => ({
    id: readerEventId(i + 1),
    number: firstNumber + i,
    label: readerLabel(e.title),
    title: e.title,
    date: e.date,
    time: /^\d\d:\d\d$/.test(e.when) ? `${e.when} ET (as given)` : null,
    session: readerSession(e.when),
    tradingDate: readerTradingDate(e),
    category: e.category ?? 'market',
    verified: false,
    detail: {
      summary: 'Added by the reader of this link. Its date, time and source are as given; nothing here was checked.',
      sources: e.url ? [{ title: `Source as given: ${hostOf(e.url)}`, url: e.url }] : [],
      verificationNote: e.url
        ? 'Not verified: the source link is shown as the reader gave it.'
        : 'Not verified, and no source was given.',
    },
    importance: 'minor',
    origin: 'reader',
  }))
}
