import 'server-only'
import { snapshotBars } from '../snapshot'
import { getSymbolInfo, guessTimeZone } from '../symbols'
import { ProviderError, type DailyBarsRequest, type DailyBarsResult, type PriceProvider } from './types'

/** Serves the embedded real daily bars. Works offline; knows only the symbols it was built with. */
export function createSnapshotProvider(): PriceProvider {
  return {
    id: 'snapshot',
    async getDailyBars({ symbol, from, to }: DailyBarsRequest): Promise<DailyBarsResult> {
      const all = snapshotBars(symbol)
      if (!all) {
        throw new ProviderError('not_found', `${symbol} is not in the embedded snapshot`, {
          provider: 'snapshot',
          symbol,
        })
      }
      const info = getSymbolInfo(symbol)
      return {
        symbol,
        name: info?.name ?? symbol,
        currency: info?.currency ?? null,
        exchangeTimezone: guessTimeZone(symbol),
        bars: all.filter((b) => b.date >= from && b.date <= to),
      }
    },
  }
}
