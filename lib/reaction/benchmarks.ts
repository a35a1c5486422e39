/** The benchmark used when a request names none: the S&P 500, the market of the market model. */
export const DEFAULT_BENCHMARK = 'SPY'

/** Benchmarks offered in the reaction panel: the broad market, the Nasdaq-100 and the semiconductor sector. */
export const BENCHMARK_CHOICES = ['SPY', 'QQQ', 'SMH'] as const
