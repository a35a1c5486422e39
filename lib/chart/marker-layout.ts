/**
 * Where the event markers go: one layout function for every renderer (the interactive chart, the server-drawn
 * preview, the SVG and PNG exports), so a marker that is a cluster on screen is a cluster in the file too.
 *
 * Rules, in the spirit of TradingView's event icons:
 * - Every hit target is a circle of `hitRadius` around the marker's centre, and no two targets overlap: on one
 *   row two markers are at least `slot` apart, rows are `rowHeight` apart, and `slot` and `rowHeight` are at
 *   least the target's diameter. A pointer or a tap therefore always lands on the marker drawn under it.
 * - The band of stacked markers takes at most `maxBandShare` of the chart's height.
 * - When every event fits as its own marker, every event is drawn. When it does not (a wide range, a narrow
 *   screen), a session whose events do not all find a row keeps its major events and folds its minor ones into
 *   one cluster badge with a count.
 *   If even that does not fit, a marker that finds no free row joins the marker that blocks it, which becomes a
 *   cluster of both (so at "All data" on a phone a few badges stand for the busiest weeks).
 */

import { MILESTONE_EVENT_IDS } from '../events/importance'

export type EventImportance = 'major' | 'minor'

export interface LayoutEvent {
  id: string
  /** Session index on the x axis. */
  index: number
  importance: EventImportance
}

export interface MarkerSizes {
  /** Radius of the drawn circle. */
  radius: number
  /** Radius of the (invisible) hit target around the centre; at least `radius`. */
  hitRadius: number
  /** Centre-to-centre distance of two stacked rows. */
  rowHeight: number
  /** Least centre-to-centre distance of two markers on one row. */
  slot: number
  font: number
}

export interface MarkerLayoutOptions {
  sizes: MarkerSizes
  /** Full height of the chart (band, plot and axis), in the same unit as the xs. */
  chartHeight: number
  /** Share of `chartHeight` the band of markers may take. */
  maxBandShare: number
  /** A hard cap on rows, whatever the height. */
  maxRows: number
}

export interface MarkerItem<E extends LayoutEvent> {
  kind: 'event' | 'cluster'
  /** Stable key: the event id, or `cluster:<first session>:<first id>`. */
  key: string
  /** Centre x, at the (first) session of the item. */
  x: number
  /** 0 is the top row. */
  row: number
  /** One event for `kind: 'event'`; every folded event, in date order, for a cluster. */
  events: E[]
}

export interface MarkerLayout<E extends LayoutEvent> {
  items: MarkerItem<E>[]
  /** Rows in use (at least one). */
  rows: number
  /** Height the band above the plot needs: rows plus a small pad. */
  bandHeight: number
  /** True when minor events were folded into clusters. */
  collapsed: boolean
}

const BAND_PAD = 6

/** The band height for a number of rows. */
export function markerBandHeight(rows: number, sizes: MarkerSizes): number {
  return Math.max(1, rows) * sizes.rowHeight + BAND_PAD
}

/** How many rows fit in the share of the chart the band may take (never fewer than one). */
export function allowedMarkerRows(options: MarkerLayoutOptions): number {
  const byShare = Math.floor((options.maxBandShare * options.chartHeight - BAND_PAD) / options.sizes.rowHeight)
  return Math.max(1, Math.min(Math.floor(options.maxRows), Number.isFinite(byShare) ? byShare : 1))
}

/** Centre y of a row, measured from the top of the band. */
export function markerRowY(row: number, sizes: MarkerSizes): number {
  return row * sizes.rowHeight + sizes.rowHeight / 2 + BAND_PAD / 2
}

interface Candidate<E extends LayoutEvent> {
  x: number
  events: E[]
  cluster: boolean
}

interface PlaceState<E extends LayoutEvent> {
  /** The items of each row; a row is free at x when none of them is closer than a slot. */
  rows: MarkerItem<E>[][]
  items: MarkerItem<E>[]
}

/**
 * First-fit placement of one candidate: the first row whose last marker is at least `slot` to the left. When
 * every row is blocked, `merge` true makes it join the blocking item nearest to it (which becomes a cluster);
 * `merge` false reports failure.
 */
function placeOne<E extends LayoutEvent>(state: PlaceState<E>, c: Candidate<E>, slot: number, merge: boolean): boolean {
  const row = state.rows.findIndex((items) => items.every((it) => Math.abs(c.x - it.x) >= slot))
  if (row !== -1) {
    const item: MarkerItem<E> = {
      kind: c.cluster ? 'cluster' : 'event',
      key: c.cluster ? `cluster:${c.events[0]?.index ?? 0}:${c.events[0]?.id ?? ''}` : (c.events[0]?.id ?? ''),
      x: c.x,
      row,
      events: [...c.events],
    }
    state.rows[row]?.push(item)
    state.items.push(item)
    return true
  }
  if (!merge) return false
  let target: MarkerItem<E> | null = null
  // The nearest item, the lower row on a tie; a milestone's own marker only when nothing else is there.
  const isMilestone = (it: MarkerItem<E>) => it.kind === 'event' && it.events.some((e) => milestoneRank(e) === 0)
  const others = state.rows.map((items) => items.filter((it) => !isMilestone(it)))
  for (const items of others.some((r) => r.length > 0) ? others : state.rows) {
    for (const it of items) {
      const d = Math.abs(c.x - it.x)
      const best = target ? Math.abs(c.x - target.x) : Infinity
      if (d < best || (d === best && target && it.row > target.row)) target = it
    }
  }
  if (!target) return false
  target.events.push(...c.events)
  if (target.kind === 'event') {
    target.kind = 'cluster'
    target.key = `cluster:${target.events[0]?.index ?? 0}:${target.events[0]?.id ?? ''}`
  }
  return true
}

/** Places all candidates without merging, or none of them (the state is left as it was). */
function tryPlaceAll<E extends LayoutEvent>(state: PlaceState<E>, candidates: Candidate<E>[], slot: number): boolean {
  const trial: PlaceState<E> = { rows: state.rows.map((items) => [...items]), items: [] }
  for (const c of candidates) if (!placeOne(trial, c, slot, false)) return false
  state.rows = trial.rows
  state.items.push(...trial.items)
  return true
}

const byIndex = <E extends LayoutEvent>(a: E, b: E) => a.index - b.index

/** The story's milestones (lib/events/importance.ts) come first when a crowded session keeps only some markers. */
const milestoneRank = (e: LayoutEvent) => (MILESTONE_EVENT_IDS.includes(e.id) ? 0 : 1)

/**
 * Lays out the markers. `xOf` gives the centre x of a session index; events are expected in date order (ties
 * keep their order). Non-finite xs are treated as 0.
 */
export function layoutMarkers<E extends LayoutEvent>(
  events: readonly E[],
  xOf: (index: number) => number,
  options: MarkerLayoutOptions,
): MarkerLayout<E> {
  const { sizes } = options
  const rows = allowedMarkerRows(options)
  const slot = Math.max(sizes.slot, 2 * sizes.hitRadius)
  const x = (index: number) => {
    const v = xOf(index)
    return Number.isFinite(v) ? v : 0
  }
  const sorted = [...events].sort(byIndex)

  const finish = (items: MarkerItem<E>[], collapsed: boolean): MarkerLayout<E> => {
    const used = Math.max(1, ...items.map((i) => i.row + 1))
    for (const item of items) if (item.kind === 'cluster') item.events.sort(byIndex)
    return { items, rows: used, bandHeight: markerBandHeight(used, sizes), collapsed }
  }

  const empty = (): PlaceState<E> => ({ rows: Array.from({ length: rows }, () => []), items: [] })
  const whole = empty()
  if (
    tryPlaceAll(
      whole,
      sorted.map((e) => ({ x: x(e.index), events: [e], cluster: false })),
      slot,
    )
  )
    return finish(whole.items, false)

  // Session by session: every event on its own where the session's events all find a row; where they do not,
  // the majors as themselves and the minors as one cluster (a lone minor stays itself).
  const state = empty()
  // The story's milestones are placed first, each as itself, so no crowd of neighbours can fold them away.
  const milestones = new Set(sorted.filter((e) => milestoneRank(e) === 0).map((e) => e.id))
  for (const e of sorted)
    if (milestones.has(e.id) && !placeOne(state, { x: x(e.index), events: [e], cluster: false }, slot, false))
      milestones.delete(e.id)
  for (let k = 0; k < sorted.length;) {
    const index = (sorted[k] as E).index
    const session: E[] = []
    while (k < sorted.length && (sorted[k] as E).index === index) {
      const e = sorted[k++] as E
      if (!milestones.has(e.id)) session.push(e)
    }
    if (session.length === 0) continue
    const cx = x(index)
    const alone = session.map((e) => ({ x: cx, events: [e], cluster: false }))
    if (tryPlaceAll(state, alone, slot)) continue
    // Majors keep markers of their own while a row is free, the story's milestones first; what is left of the
    // session (majors that found no row, and the minors) becomes one cluster. Only that cluster may join a
    // neighbour's marker, so a milestone is never hidden inside another session's badge.
    const majors = session.filter((e) => e.importance === 'major').sort((a, b) => milestoneRank(a) - milestoneRank(b))
    const rest: E[] = []
    for (const e of majors)
      if (rest.length > 0 || !placeOne(state, { x: cx, events: [e], cluster: false }, slot, false)) rest.push(e)
    rest.push(...session.filter((e) => e.importance !== 'major'))
    if (rest.length > 0) placeOne(state, { x: cx, events: rest, cluster: rest.length > 1 }, slot, true)
  }
  return finish(state.items, true)
}
