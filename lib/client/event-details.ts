import * as z from 'zod/mini'
import type { EventDetail } from '../chart/model'
import { fetchJson } from './fetcher'

// No compiled parsers in the browser: zod's probe for them (`new Function`) is a violation the page's CSP reports,
// even though zod catches the refusal. Set here, where the browser first parses an object with zod. `zod/mini`, as
// in the reader's-events codec, keeps this lazily loaded chunk small.
z.config({ jitless: true })

/** The part of `GET /api/events` the event cards read; anything else in the answer is dropped. */
const eventDetailsResponseSchema = z.object({
  events: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      summary: z.string(),
      sources: z.array(z.object({ title: z.string(), url: z.string() })),
      verificationNote: z.string(),
    }),
  ),
})

/** Card text by event id, checked at the boundary: an answer of another shape is an error, never half a card. */
export async function fetchEventDetails(url: string): Promise<ReadonlyMap<string, EventDetail>> {
  const parsed = eventDetailsResponseSchema.safeParse(await fetchJson<unknown>(url))
  if (!parsed.success) throw new Error('The event details came back in an unexpected shape.')
  return new Map(parsed.data.events.map(({ id, ...detail }) => [id, detail]))
}
