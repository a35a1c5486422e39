import type { IsoDate } from '../types'

/**
 * What `asOf` is:
 * - `balance_sheet`: the count on the balance-sheet date (a period end);
 * - `count_date`: the date the company gives for its cover-page count;
 * - `filing_date`: the filing date of the report whose cover count the source shows (the count itself is
 *   dated a few days to weeks earlier; the exact day was not visible in the source).
 */
export type SharesAsOfKind = 'balance_sheet' | 'count_date' | 'filing_date'

export interface SharesOutstanding {
  symbol: string
  /** Basic shares outstanding (never the diluted weighted-average count). */
  shares: number
  asOf: IsoDate
  asOfKind: SharesAsOfKind
  source: { title: string; url: string }
  note: string
}

/**
 * Sourced share counts for the day-0 market-cap change. A figure is here only if it was read in a cited
 * source; a symbol without one is absent (see `SHARES_NOT_SOURCED`), so the UI can say that no sourced
 * share count exists instead of showing an invented number.
 *
 * Several sources are XBRL summaries that round to three significant figures, i.e. up to about +/-0.5%,
 * which moves a market-cap change by the same fraction. Counts dated months before January 2025 also miss
 * later buybacks or issuance; the notes say how far away each one is.
 */
export const SHARES_OUTSTANDING: readonly SharesOutstanding[] = [
  {
    symbol: 'NVDA',
    shares: 24_500_000_000,
    asOf: '2025-01-26',
    asOfKind: 'balance_sheet',
    source: {
      title: 'Nvidia Corp financial data (XBRL summary of the FY2025 10-K filed 2025-02-26), portfoliosavvy.com',
      url: 'https://portfoliosavvy.com/fin/0001045810-nvidia-corp',
    },
    note:
      'The FY2025 10-K gives two counts: 24.5B common shares outstanding on the balance sheet at 2025-01-26 and ' +
      '24.4B on the cover (about 2025-02-21). The balance-sheet figure is used because it is dated the day ' +
      'before the 2025-01-27 selloff, and it matches the reported loss: LSEG/Reuters $593B divided by the ' +
      '$24.20 drop in the close is 24.5B. Both counts are rounded to 3 significant figures by the summary ' +
      '(+/-0.2%). A Q3 FY2025 10-Q cover count of about 24.49B (as of 2024-11-15) is mentioned in our research ' +
      'notes but was not read in a source, so it is not used. Diluted weighted shares (about 24.8B) would be ' +
      'wrong here.',
  },
  {
    symbol: 'AVGO',
    shares: 4_687_356_156,
    asOf: '2024-12-20',
    asOfKind: 'filing_date',
    source: {
      title: 'Broadcom Inc. enterprise value (based on the FY2024 10-K), stock-analysis-on.net',
      url: 'https://www.stock-analysis-on.net/NASDAQ/Company/Broadcom-Inc/Valuation/Enterprise-Value',
    },
    note:
      'The source multiplies 4,687,356,156 shares of common stock outstanding by the $220.79 close on the filing ' +
      "date of the FY2024 10-K. AVGO's close was exactly $220.79 on 2024-12-20 in our price data, which dates the " +
      'filing; the count is from that report, taken a little before the filing date. After the July 2024 10:1 split.',
  },
  {
    symbol: 'AMD',
    shares: 1_620_000_000,
    asOf: '2024-07-31',
    asOfKind: 'filing_date',
    source: {
      title: 'Advanced Micro Devices Inc financial data (XBRL summary of the Q2 2024 10-Q filed 2024-07-31)',
      url: 'https://logiportfolio.com/fin/0000002488-advanced-micro-devices-inc',
    },
    note:
      'Cover-page count (Entity Common Stock, Shares Outstanding) of 1.62B, rounded to 3 significant figures by ' +
      'the source (+/-0.3%). About six months before the January 2025 events.',
  },
  {
    symbol: 'MSFT',
    shares: 7_432_300_000,
    asOf: '2023-10-19',
    asOfKind: 'count_date',
    source: {
      title: 'Microsoft Corporation profile, ticker.com ("Shares Outstanding 7432.3M, Oct 19, 2023")',
      url: 'https://ticker.com/MSFT/Microsoft-Corporation-Stock-price-history-chart-earnings/Technology/Computer-Software:-Prepackaged-Software/Profile',
    },
    note:
      'Fifteen months before the January 2025 events; no closer dated count was found. Kept because the count ' +
      'barely moves: wallstreetnumbers.com puts MSFT at 7.43B with less than 0.1% change over a year. Replace ' +
      'with the 10-Q cover count of January 2025 when it can be read in a source.',
  },
  {
    symbol: 'ORCL',
    shares: 2_760_000_000,
    asOf: '2024-06-20',
    asOfKind: 'filing_date',
    source: {
      title: 'Oracle Corp financial data (XBRL summary of the report filed 2024-06-20), logiportfolio.com',
      url: 'https://logiportfolio.com/fin/orcl',
    },
    note:
      'Cover-page count of 2.76B from the report filed 2024-06-20 (the source labels it "Q2 2024"), rounded to ' +
      '3 significant figures (+/-0.2%). About seven months before the January 2025 events.',
  },
  {
    symbol: 'MU',
    shares: 1_110_000_000,
    asOf: '2024-06-27',
    asOfKind: 'filing_date',
    source: {
      title: 'Micron Technology Inc financial data (XBRL summary of the 10-Q filed 2024-06-27), logiportfolio.com',
      url: 'https://logiportfolio.com/fin/0000723125-micron-technology-inc',
    },
    note:
      'Cover-page count of 1.11B, rounded to 3 significant figures (+/-0.5%). About seven months before the ' +
      'January 2025 events.',
  },
  {
    symbol: 'AMZN',
    shares: 10_500_000_000,
    asOf: '2024-08-02',
    asOfKind: 'filing_date',
    source: {
      title: 'Amazon Com Inc financial data (XBRL summary of the Q2 2024 10-Q filed 2024-08-02), logiportfolio.com',
      url: 'https://logiportfolio.com/fin/0001018724-amazon-com-inc',
    },
    note:
      'Cover-page count of 10.5B, rounded to 3 significant figures (+/-0.5%). About six months before the ' +
      'January 2025 events.',
  },
  {
    symbol: 'INTC',
    shares: 4_280_000_000,
    asOf: '2024-08-02',
    asOfKind: 'filing_date',
    source: {
      title: 'Intel Corp financial data (XBRL summary of the Q2 2024 10-Q filed 2024-08-02), logiportfolio.com',
      url: 'https://logiportfolio.com/fin/0000050863-intel-corp',
    },
    note:
      'Cover-page count of 4.28B, rounded to 3 significant figures (+/-0.1%). About six months before the ' +
      'January 2025 events.',
  },
  {
    symbol: 'TSLA',
    shares: 3_210_000_000,
    asOf: '2024-10-24',
    asOfKind: 'filing_date',
    source: {
      title: 'Tesla, Inc. financial data (XBRL summary of the Q3 2024 10-Q filed 2024-10-24), portfoliosavvy.com',
      url: 'https://portfoliosavvy.com/fin/0001318605-tesla-inc',
    },
    note:
      'Cover-page count of 3.21B, rounded to 3 significant figures (+/-0.2%). About three months before the ' +
      'January 2025 events.',
  },
]

/** Curated US-listed symbols with no sourced count, and why; ETFs and non-US listings are out of scope. */
export const SHARES_NOT_SOURCED: readonly { symbol: string; reason: string }[] = [
  {
    symbol: 'TSM',
    reason:
      'TSM trades as ADSs (one ADS = five common shares); the market value needs an ADS-equivalent count of all ' +
      'common shares, and no sourced figure was found.',
  },
  {
    symbol: 'GOOGL',
    reason:
      'Alphabet has Class A, B and C shares; a Class A count alone would understate the market value, and no ' +
      'sourced A+B+C total near January 2025 was found.',
  },
  {
    symbol: 'META',
    reason: 'Meta has Class A and Class B shares; no sourced A+B total near January 2025 was found.',
  },
  {
    symbol: 'AAPL',
    reason:
      'The only dated point-in-time count found is from the 10-K filed October 2025 (14.78B), nine months after ' +
      'the events; the same source shows the count falling 2.25% in a year, so it would misstate January 2025.',
  },
  { symbol: 'ARM', reason: 'ARM trades as ADSs; no sourced share count was found.' },
  { symbol: 'ASML', reason: 'No sourced share count was found.' },
  { symbol: 'SMCI', reason: 'No sourced share count was found.' },
  { symbol: 'PLTR', reason: 'No sourced share count was found.' },
  { symbol: 'VST', reason: 'No sourced share count was found.' },
  { symbol: 'CEG', reason: 'No sourced share count was found.' },
]

const BY_SYMBOL = new Map(SHARES_OUTSTANDING.map((entry) => [entry.symbol, entry]))

/** The sourced share count for a symbol, or undefined when there is none (the UI then says so). */
export function getSharesOutstanding(symbol: string): SharesOutstanding | undefined {
  return BY_SYMBOL.get(symbol.trim().toUpperCase())
}
