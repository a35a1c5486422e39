import type { ChartEvent } from './chart/model'
import type { EventWithTradingDate, MarketSession } from './events'
import { sessionLabel } from './events/effective-date'

/** "Tue, Jan 21, 2025, after the close (16:00 ET); market reacts Wed, Jan 22". */
export function eventWhen(e: Pick<ChartEvent, 'date' | 'time' | 'session' | 'tradingDate'>, format: (iso: string) => string): string {
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
    summary: e.summary,
    date: e.date,
    time: e.time,
    session: e.session,
    tradingDate: e.tradingDate,
    category: e.category,
    sources: e.sources,
    verified: e.verified,
    verificationNote: e.verificationNote,
    importance: e.importance,
  }))
}
