/**
 * Yahoo chart v8 bodies re-encoded from daily bars we already hold, for the mock server's `--payloads` folder.
 *
 * The recorded fixtures cover AAPL in 2020 only; load tests need more symbols. Every number written here is a
 * bar of the embedded snapshot (real Yahoo daily bars, see lib/snapshot/data/PROVENANCE.md) put back into the
 * wire format it came from: the same open/high/low/close/volume and adjusted close, one row per session,
 * stamped at the exchange's local opening time as Yahoo stamps daily bars. Nothing is invented or filled: meta
 * fields that cannot be derived from the bars or the symbol table (first trade date, 52-week range, the
 * current trading period) are left out rather than made up, and there is no `events` block because the
 * snapshot does not record dividends or splits.
 *
 *   npx tsx --conditions=react-server tests/mock-yahoo/payload-from-bars.ts --out <dir> [--symbols NVDA,SPY]
 *
 * writes `<dir>/<SYMBOL>.json` for the snapshot's symbols (`react-server` lets lib/snapshot's `server-only`
 * guard load outside Next.js).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Bar } from '../../lib/types'

export interface ChartPayloadMeta {
  currency: string | null
  /** IANA zone of the exchange, e.g. `America/New_York`. */
  exchangeTimezoneName: string
  /** Local opening time `HH:MM` the bars are stamped at: 09:30 in New York, 09:00 in Tokyo. */
  openTime?: string
  longName?: string
  shortName?: string
  exchangeName?: string
  fullExchangeName?: string
  instrumentType?: string
}

/** Same key order as the recorded samples in tests/fixtures/yahoo. */
interface ChartPayload {
  chart: {
    result: [
      {
        meta: Record<string, string | number | boolean | null | string[]>
        timestamp: number[]
        indicators: {
          quote: [{ low: number[]; volume: number[]; close: number[]; high: number[]; open: number[] }]
          adjclose: [{ adjclose: number[] }]
        }
      },
    ]
    error: null
  }
}

const DEFAULT_OPEN_TIME = '09:30'

/** Offset of `zone` from UTC at `epochMs`, in seconds (negative west of Greenwich). */
function zoneOffsetSeconds(epochMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((wall - epochMs) / 1000)
}

/** Epoch seconds of a local wall-clock time on `date` in `zone` (opening times never fall in a DST gap). */
export function zonedEpochSeconds(date: string, time: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const asUtc = Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN, hh ?? NaN, mm ?? NaN) / 1000
  if (!Number.isFinite(asUtc)) throw new Error(`bad date or time: ${date} ${time}`)
  // The offset at the guessed instant is the offset at the answer, except within hours of a DST change.
  const first = asUtc - zoneOffsetSeconds(asUtc * 1000, zone)
  return asUtc - zoneOffsetSeconds(first * 1000, zone)
}

function zoneAbbreviation(epochSeconds: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(
    new Date(epochSeconds * 1000),
  )
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone
}

/**
 * A chart v8 body (`{ chart: { result: [ ... ], error: null } }`) holding `bars` as Yahoo would send them for
 * a daily request. `bars` must be ascending; they are written as given, digit for digit.
 */
export function chartPayloadFromBars(symbol: string, bars: readonly Bar[], meta: ChartPayloadMeta): ChartPayload {
  const zone = meta.exchangeTimezoneName
  const openTime = meta.openTime ?? DEFAULT_OPEN_TIME
  const timestamp = bars.map((bar) => zonedEpochSeconds(bar.date, openTime, zone))
  const last = bars[bars.length - 1]
  const lastStamp = timestamp[timestamp.length - 1]

  const wireMeta: ChartPayload['chart']['result'][0]['meta'] = {
    currency: meta.currency,
    symbol,
    ...(meta.exchangeName !== undefined ? { exchangeName: meta.exchangeName } : {}),
    ...(meta.fullExchangeName !== undefined ? { fullExchangeName: meta.fullExchangeName } : {}),
    ...(meta.instrumentType !== undefined ? { instrumentType: meta.instrumentType } : {}),
    // Yahoo reports the instrument as of the response; the last bar is the latest state these bars know.
    ...(last !== undefined && lastStamp !== undefined
      ? {
          regularMarketTime: lastStamp,
          gmtoffset: zoneOffsetSeconds(lastStamp * 1000, zone),
          timezone: zoneAbbreviation(lastStamp, zone),
        }
      : {}),
    exchangeTimezoneName: zone,
    ...(last !== undefined
      ? {
          regularMarketPrice: last.close,
          regularMarketDayHigh: last.high,
          regularMarketDayLow: last.low,
          regularMarketVolume: last.volume,
        }
      : {}),
    ...(meta.longName !== undefined ? { longName: meta.longName } : {}),
    ...(meta.shortName !== undefined ? { shortName: meta.shortName } : {}),
    priceHint: 2,
    dataGranularity: '1d',
    range: '',
  }

  return {
    chart: {
      result: [
        {
          meta: wireMeta,
          timestamp,
          indicators: {
            quote: [
              {
                low: bars.map((b) => b.low),
                volume: bars.map((b) => b.volume),
                close: bars.map((b) => b.close),
                high: bars.map((b) => b.high),
                open: bars.map((b) => b.open),
              },
            ],
            adjclose: [{ adjclose: bars.map((b) => b.adjClose) }],
          },
        },
      ],
      error: null,
    },
  }
}

/** Local opening times of the exchanges in the symbol table (09:30 unless listed). */
const OPEN_TIME_BY_ZONE: Record<string, string> = { 'Asia/Tokyo': '09:00' }

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const out = value('out')
  if (!out) throw new Error('usage: payload-from-bars.ts --out <dir> [--symbols NVDA,SPY]')
  // Loaded here, not at the top: importing the pure function above must not pull in the snapshot.
  const { snapshotBars, snapshotSymbols } = await import('../../lib/snapshot')
  const { getSymbolInfo, guessTimeZone } = await import('../../lib/symbols')
  const symbols = value('symbols')?.split(',') ?? snapshotSymbols()
  mkdirSync(out, { recursive: true })
  for (const symbol of symbols) {
    const bars = snapshotBars(symbol)
    if (!bars) throw new Error(`${symbol} is not in the embedded snapshot`)
    const info = getSymbolInfo(symbol)
    const zone = info?.timeZone ?? guessTimeZone(symbol)
    const payload = chartPayloadFromBars(symbol, bars, {
      currency: info?.currency ?? null,
      exchangeTimezoneName: zone,
      openTime: OPEN_TIME_BY_ZONE[zone] ?? DEFAULT_OPEN_TIME,
      ...(info ? { longName: info.name, shortName: info.name, fullExchangeName: info.exchange } : {}),
    })
    writeFileSync(join(out, `${symbol}.json`), `${JSON.stringify(payload, null, 2)}\n`)
  }
  console.log(`wrote ${symbols.length} chart payloads from the snapshot's bars to ${out}`)
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error(`payload-from-bars: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}

/** One row of a hand-built payload: a timestamp and the fields Yahoo sends per bar (null where it sends null). */
export interface PayloadRow {
  ts: number
  open: number | null
  high: number | null
  low: number | null
  close: number | null
  volume: number | null
  /** The adjusted close; the close when left out. */
  adj?: number | null
}

/**
 * The `chart.result[0]` object Yahoo sends for these rows, the one builder every test payload uses (the hostile
 * upstream and the provider's unit tests); `withAdjclose: false` leaves the adjusted closes out, as Yahoo does for
 * some instruments.
 */
export function chartResultFromRows(
  meta: Record<string, unknown>,
  rows: readonly PayloadRow[],
  { withAdjclose = true } = {},
) {
  return {
    meta,
    timestamp: rows.map((r) => r.ts),
    indicators: {
      quote: [
        {
          open: rows.map((r) => r.open),
          high: rows.map((r) => r.high),
          low: rows.map((r) => r.low),
          close: rows.map((r) => r.close),
          volume: rows.map((r) => r.volume),
        },
      ],
      ...(withAdjclose ? { adjclose: [{ adjclose: rows.map((r) => (r.adj === undefined ? r.close : r.adj)) }] } : {}),
    },
  }
}

/** The whole response body around one result. */
export function chartEnvelope(result: unknown) {
  return { chart: { result: [result], error: null } }
}
