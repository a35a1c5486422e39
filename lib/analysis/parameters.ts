/**
 * The event study's parameter vocabulary and defaults, apart from the statistics so the browser (the panel's
 * controls and URL state) can import them without the distribution functions.
 */

/** `[t1, t2]` in sessions relative to day 0, both ends included. */
export type EventWindow = readonly [number, number]

export const DEFAULT_ESTIMATION = 120
/** Bounds of the event-study parameters a caller may set (the API refuses others). */
export const ESTIMATION_MIN = 20
export const ESTIMATION_MAX = 500
export const GAP_MIN = 0
export const GAP_MAX = 60
/** Event windows reach at most this many sessions either side of day 0. */
export const WINDOW_REACH = 20
export const MAX_WINDOWS = 8

export const DEFAULT_GAP = 10
export const DEFAULT_WINDOWS: readonly EventWindow[] = [
  [0, 0],
  [0, 1],
  [-1, 1],
  [0, 5],
]

/** The CAR path the event-study figure draws by default: day -10 to day +20. */
export const DEFAULT_PATH: EventWindow = [-10, 20]

/** The models of normal return (docs/event-study.md). */
export const MODEL_KINDS = ['market', 'market-adjusted', 'constant-mean'] as const
export type ModelKind = (typeof MODEL_KINDS)[number]

/**
 * How each stock session is paired with a benchmark return:
 * - `same-date`: the benchmark's return on the session of the same calendar date;
 * - `time-matched`: the benchmark's return between the benchmark closes that came at or before the stock's
 *   previous close and its current close, which is the return of the one benchmark session that closed before
 *   it (a Tokyo session is paired with the US session of the evening before); none closed in between (a
 *   benchmark holiday) leaves the day out, two (a holiday of the stock's exchange) give their compounded return;
 * - `dimson`: same-date, plus the benchmark's previous and next sessions as two more regressors.
 */
export const PAIRINGS = ['same-date', 'time-matched', 'dimson'] as const
export type Pairing = (typeof PAIRINGS)[number]
