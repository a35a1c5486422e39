import type { CatalogEvent } from './catalog'

/**
 * The year's other shocks: market-moving days of 2024-07-01 .. 2025-06-30 outside the January 2025 story.
 *
 * Facts, figures, times and URLs come from the project's second round of research (`events.md` in the team's
 * shared reference folder, not part of this repository, section "Other shocks in the data window"; copied here on
 * 2026-12-01, each fact with its source URL). Titles,
 * summaries and notes are written for this app. Every one-day move a summary states for a symbol in the price data
 * is listed in `moves` and checked against the snapshot by `tests/unit/event-moves.test.ts`; where a source and the
 * price data disagree the text follows the price data and the note says so. A copy of an outlet's story is named
 * "<outlet> via <site>"; "unlabelled copy" means the page reads as one outlet's wire text without naming it.
 */
export const YEAR_SHOCKS = [
  {
    id: '2024-07-17-chip-rout',
    date: '2024-07-17',
    time: '09:30-16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'Chip stocks plunge on a China-curbs report and Trump on Taiwan',
    summary:
      'Bloomberg reported that Washington was weighing its harshest trade curbs yet on companies that keep supplying ' +
      'China with advanced chip technology, and Trump told Bloomberg Businessweek that Taiwan should pay for its own ' +
      'defence. The Philadelphia semiconductor index shed more than $500B of value in its worst session since 2020. ' +
      "ASML's US shares fell 12.7% despite beating forecasts, AMD 10.2%, TSMC 8.0% and NVDA 6.6%.",
    label: 'Chip rout',
    category: 'market',
    symbols: ['NVDA', 'ASML', 'AMD', 'TSM', 'ARM', 'SMH', 'SOXX'],
    indexSymbols: ['^SOX', '^IXIC'],
    sources: [
      {
        title: 'Reuters text via Barchart (Quiver markets wrap): semiconductors lose $500B in sell-off',
        url: 'https://www.barchart.com/story/news/27457410/quiver-markets-wrap-semiconductors-lose-500b-in-sell-off',
      },
      {
        title: 'CNBC via Mezha: chip shares fall on Biden administration plans and Trump remarks',
        url: 'https://st.mezha.media/en/2024/07/18/shares-of-companies-in-the-semiconductor-industry-fell-due-to-the-biden-administration-s-plans-and-trump-s-statements/index.amp',
      },
      {
        title: 'WTX News (unlabelled copy): chip stocks drop on fears of tougher China rules',
        url: 'https://wtxnews.com/chip-stocks-drop-on-fears-us-to-toughen-china-rules',
      },
      {
        title: 'DatacenterDynamics: chip stocks fall as Biden weighs new China export sanctions',
        url: 'https://direct.datacenterdynamics.com/en/news/chip-stocks-fall-as-biden-reportedly-weighs-up-new-china-export-sanctions',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Reuters and CNBC copies and an unlabelled copy agree on the story and the index figures. One secondary page puts TSMC at about −6%; the price data give −7.98%, and the text follows the data.',
    importance: 'major',
    moves: [
      { symbol: 'ASML', date: '2024-07-17', pct: -12.7, rounding: 0.1 },
      { symbol: 'AMD', date: '2024-07-17', pct: -10.2, rounding: 0.1 },
      { symbol: 'TSM', date: '2024-07-17', pct: -8.0, rounding: 0.1 },
      { symbol: 'NVDA', date: '2024-07-17', pct: -6.6, rounding: 0.1 },
    ],
  },
  {
    id: '2024-07-24-tesla-alphabet-selloff',
    date: '2024-07-24',
    time: '09:30-16:00 ET; results after the close on 23 July',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'Tesla and Alphabet results set off the worst day since 2022',
    summary:
      'Alphabet and Tesla reported after the close on Tuesday. On Wednesday the Nasdaq lost 654.94 points (−3.64%) to ' +
      '17,342.41, its worst day since October 2022, and the S&P 500 fell 2.31%, its first drop of more than 2% in over ' +
      'a year. Tesla sank 12.3% on a profit miss and a later robotaxi date, Alphabet 5.0% after a YouTube advertising ' +
      'miss and heavy spending, and NVDA 6.8%.',
    label: 'Nasdaq −3.6%',
    category: 'market',
    symbols: ['TSLA', 'GOOGL', 'NVDA', 'AVGO', 'ARM', 'META', 'MSFT'],
    indexSymbols: ['^IXIC', '^GSPC', '^DJI'],
    sources: [
      {
        title: 'NY Times News Today (unlabelled copy of CNBC): S&P 500 and Nasdaq tumble for worst day since 2022',
        url: 'https://nytimesnewstoday.com/sp-500-nasdaq-tumble-for-worst-day-since-2022-as-tesla-alphabet-slide-after-quarterly-results-live-updates',
      },
      {
        title: 'Reuters via Kitco: Nasdaq hits one-month low as Tesla and Alphabet knock megacaps',
        url: 'https://www.kitco.com/news/off-the-wire/2024-07-24/nasdaq-hits-one-month-low-tesla-alphabet-knock-megacaps-down',
      },
      {
        title: 'India Today: why the US stock market had its worst day since 2022',
        url: 'https://indiatoday.in/business/story/explained-why-did-us-stock-market-see-worst-day-since-2022-tesla-alphabet-nadaq-dow-jones-2571552-2024-07-25',
      },
      {
        title: 'Yahoo Finance via Goldberg Law (copy): Nasdaq sinks over 3% in a tech sell-off',
        url: 'http://goldberglawma.com/?id=news%2Fstock-market-news-today-nasdaq-sinks-over-3-as-tesla-alphabet-triggered-tech-sell-off-170849280.html',
      },
      {
        title: 'Sherwood News: market wrap, stocks sink to their worst day of 2024',
        url: 'https://www.sherwood.news/markets/market-wrap-sp500-stocks-sink-worst-day-2024',
      },
    ],
    verification: 'yes',
    verificationNote:
      'A CNBC closing text (unlabelled copy), Reuters via Kitco, a Yahoo Finance copy and India Today give the same index closes; the price data agree on every stock move.',
    importance: 'major',
    moves: [
      { symbol: 'TSLA', date: '2024-07-24', pct: -12.3, rounding: 0.1 },
      { symbol: 'GOOGL', date: '2024-07-24', pct: -5.0, rounding: 0.1 },
      { symbol: 'NVDA', date: '2024-07-24', pct: -6.8, rounding: 0.1 },
    ],
  },
  {
    id: '2024-07-31-boj-fed-nvda',
    date: '2024-07-31',
    time: 'BOJ decision in the Tokyo day; Fed statement 14:00 ET',
    timeZone: 'Asia/Tokyo and America/New_York (EDT)',
    session: 'during',
    title: 'BOJ hikes, the Fed eyes September, and NVDA adds a record ~$330B',
    summary:
      'The Bank of Japan raised its policy rate to 0.25% from 0.1%; at 2 p.m. ET the Fed held at 5.25-5.50% and Powell ' +
      'said a September cut could be on the table. NVDA jumped 12.8% to $117.02, adding about $330B, then the largest ' +
      "one-day gain in value of any Wall Street company, after Microsoft's capex report and AMD's higher AI-chip " +
      "forecast. The Fed's September minutes later named the BOJ's late-July messaging as one trigger of the August unwind.",
    label: 'BOJ hike; NVDA +12.8%',
    category: 'market',
    symbols: ['NVDA', 'AMD', 'MSFT', '9984.T', 'SMH'],
    indexSymbols: [],
    sources: [
      {
        title: 'Reuters via Mint: Nvidia jumps 13%, adds a record $329 billion in market value',
        url: 'https://www.livemint.com/market/stock-market-news/nvidia-share-price-jumps-13-adds-record-329-billion-in-market-value-11722478445402.html',
      },
      {
        title: 'Nikkei Asia: Japan stocks dive 4,451 points, more than Black Monday',
        url: 'https://asia.nikkei.com/Business/Markets/Equities/Japan-stocks-dive-4-451-points-more-than-Black-Monday-in-1987',
      },
      {
        title: "AP via KEYT: Japan's Nikkei 225 sinks in its worst losses since 1987",
        url: 'https://keyt.com/news/2024/08/04/japans-nikkei-225-stock-index-sinks-8-in-worst-losses-since-1987/',
      },
      {
        title: 'Forex Raven: the July FOMC statement compared with June (copy of the statement)',
        url: 'https://forex.weraven.com/comparing-the-july-fomc-statement-to-the-june-fomc-statement',
      },
      {
        title: "Mint live blog: Powell's press conference, 31 July 2024",
        url: 'https://www.livemint.com/economy/us-fed-meet-live-updates-powell-led-fomc-policy-decision-today-31-july-2024-us-fed-key-interest-rate-us-economy-11722429284781-page-576.html',
      },
      {
        title: 'Federal Reserve: minutes of the FOMC meeting of 17-18 September 2024',
        url: 'https://federalreserve.gov/monetarypolicy/fomcminutes20240918.htm',
      },
    ],
    verification: 'yes',
    verificationNote:
      "NVDA's figures from Reuters via Mint; the BOJ decision from Nikkei Asia and AP; the Fed from a copy of its statement and Mint's live blog; the BOJ as a trigger from the Fed's own minutes. The price data agree on NVDA.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2024-07-31', pct: 12.8, rounding: 0.1 }],
  },
  {
    id: '2024-08-02-jobs-report',
    date: '2024-08-02',
    time: '16:00 ET; the jobs report came out that morning',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'A weak jobs report puts the Nasdaq in a correction; Intel −26%',
    summary:
      'July payrolls grew by only 114,000 against about 185,000 expected and unemployment rose to 4.3%, its highest ' +
      'since October 2021, feeding fears of a recession. The Nasdaq closed 2.43% lower at 16,776.16, more than 10% below ' +
      'its record, and the S&P 500 fell 1.84%. Intel lost 26.1% on weak guidance and job cuts, and Amazon 8.8% on its outlook.',
    label: 'Weak jobs report',
    category: 'market',
    symbols: ['INTC', 'AMZN', 'NVDA'],
    indexSymbols: ['^IXIC', '^GSPC', '^DJI'],
    sources: [
      {
        title: 'Globals News (unlabelled copy of a wire market wrap): Dow plunges 600 points, Nasdaq enters correction',
        url: 'https://globalsnews.com/dow-plunges-600-points-nasdaq-enters-correction/?amp=1',
      },
      {
        title: 'ABC Audio via 1009 Magic: stocks recover some losses as calls grow for a Fed cut',
        url: 'https://1009magic.com/uncategorized/stocks-recover-some-losses-after-tumultuous-trading-calls-grow-for-a-fed-rate-cut',
      },
    ],
    verification: 'partial',
    verificationNote:
      'The jobs figures are from ABC Audio; the index closes and stock moves from an unlabelled copy of a wire wrap. The price data confirm the stock moves; the hour of the report is not in the sources.',
    importance: 'major',
    moves: [
      { symbol: 'INTC', date: '2024-08-02', pct: -26.1, rounding: 0.1 },
      { symbol: 'AMZN', date: '2024-08-02', pct: -8.8, rounding: 0.1 },
    ],
  },
  {
    id: '2024-08-05-global-selloff',
    date: '2024-08-05',
    time: 'Tokyo session overnight; US 09:30-16:00 ET',
    timeZone: 'Asia/Tokyo and America/New_York (EDT)',
    session: 'during',
    title: "Global selloff: the Nikkei's record point drop and a VIX spike",
    summary:
      'As yen carry trades unwound after the BOJ hike and the soft US jobs data, the Nikkei 225 lost 4,451.28 points ' +
      '(−12.4%) to 31,458.42, its largest point fall ever and its worst day since 1987. In New York the VIX rose by as ' +
      'much as 42 points during the day, the biggest jump in data back to 1990; the S&P 500 fell 3.0% and the Nasdaq ' +
      '3.43%. NVDA lost 6.4%, and Apple 4.8% after Berkshire Hathaway halved its stake.',
    label: 'Global selloff',
    category: 'market',
    symbols: ['NVDA', 'AAPL', 'TSLA', '9984.T'],
    indexSymbols: ['^N225', '^VIX', '^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'CNBC via NBC Chicago: Dow slides as the Nasdaq falls into a correction (live updates)',
        url: 'https://www.nbcchicago.com/news/business/money-report/dow-futures-slide-200-points-after-nasdaq-falls-into-a-correction-live-updates/3511859/',
      },
      {
        title: "AP via AJC: Japan's Nikkei 225 sinks nearly 13%",
        url: 'https://www.ajc.com/news/nation-world/japans-nikkei-225-stock-index-sinks-nearly-13-as-investors-dump-a-wide-range-of-shares/B7B2YZVQVVEI3MGX74L2JZFVBU/',
      },
      {
        title: 'Nikkei Asia: Japan stocks dive 4,451 points, more than Black Monday',
        url: 'https://asia.nikkei.com/Business/Markets/Equities/Japan-stocks-dive-4-451-points-more-than-Black-Monday-in-1987',
      },
      {
        title: 'Bloomberg via NDTV Profit: record VIX spike rocks Wall Street',
        url: 'https://www.ndtvprofit.com/business/record-vix-spike-rocks-wall-street-traders-all-in-on-market-calm',
      },
      {
        title: 'Federal Reserve: minutes of the FOMC meeting of 17-18 September 2024',
        url: 'https://federalreserve.gov/monetarypolicy/fomcminutes20240918.htm',
      },
    ],
    verification: 'yes',
    verificationNote:
      'US closes from CNBC via NBC Chicago, the Nikkei from AP and Nikkei Asia, the VIX jump from Bloomberg via NDTV Profit. The price data agree on NVDA and Apple; SoftBank fell 18.7% in Tokyo in the data, a figure no source was found to confirm.',
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2024-08-05', pct: -6.4, rounding: 0.1 },
      { symbol: 'AAPL', date: '2024-08-05', pct: -4.8, rounding: 0.1 },
    ],
  },
  {
    id: '2024-08-28-nvda-q2fy25',
    date: '2024-08-28',
    time: 'after the close ET (hour not found)',
    timeZone: 'America/New_York (EDT)',
    session: 'after_close',
    title: 'NVIDIA Q2 FY2025: $30.0B revenue and a $50B buyback',
    summary:
      'Revenue of $30.04B (+122% year on year) beat the roughly $28.7B expected, with data center at $26.3B and GAAP EPS ' +
      'of $0.67; guidance of $32.5B ±2% for the next quarter topped consensus and the board added $50B of buybacks. ' +
      "Gross margin slipped from the first quarter's 78.4%. The stock had closed 2.1% lower at $125.61 and fell about " +
      '6.9% more after hours.',
    label: 'NVDA Q2 FY25',
    category: 'earnings',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "GlobeNewswire via ShareCG (copy of NVIDIA's release): results for the second quarter of fiscal 2025",
        url: 'https://ShareCG.com/nbc/articles/1/2088937/NVIDIA-Announces-Financial-Results-Second-Quarter-Fiscal-2025',
      },
      {
        title: 'Reuters via Mint: Nvidia declines 7% in extended trade after Q2 results',
        url: 'https://www.livemint.com/market/stock-market-news/nvidia-share-price-declines-7-in-extended-trade-after-q2-results-50-billion-buyback-11724897991017.html',
      },
    ],
    verification: 'yes',
    verificationNote:
      "The results from a copy of NVIDIA's release; the estimates and the after-hours move from Reuters via Mint. The exact hour of the release was not found. The day's close agrees with the price data; after-hours moves cannot be checked on daily bars.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2024-08-28', pct: -2.1, rounding: 0.1 }],
  },
  {
    id: '2024-08-29-nvda-post-earnings',
    date: '2024-08-29',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'NVDA falls 6.4% after its Q2 report',
    summary:
      'NVDA ended Thursday 6.4% lower at $117.59: a slightly lower gross margin, a full-year margin outlook in the ' +
      'mid-70s below consensus and slower growth outweighed the beat, although management expected several billion ' +
      'dollars of Blackwell revenue in the fourth quarter.',
    label: 'NVDA −6.4%',
    category: 'market',
    symbols: ['NVDA', 'TSM'],
    indexSymbols: [],
    sources: [
      {
        title: 'The Express News Today (unlabelled copy of CNBC): Nvidia falls about 6% after earnings',
        url: 'https://theexpressnewstoday.com/?p=148252',
      },
      {
        title: 'Dustin Jones (copy): Nvidia shares after the second-quarter report',
        url: 'https://dustinjones.ca/migores1/jjk8a202436P1okd11.html',
      },
    ],
    verification: 'partial',
    verificationNote:
      "An unlabelled copy of CNBC's text says 'about 6%' and gives the margin details; the exact close comes from the price data.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2024-08-29', pct: -6.4, rounding: 0.1 }],
  },
  {
    id: '2024-09-03-nvda-279b',
    date: '2024-09-03',
    time: '09:30-16:00 ET; DOJ report after the close',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'NVDA −9.5%, a record ~$279B one-day loss of value',
    summary:
      'Weak ISM manufacturing figures set off a chip selloff: NVDA fell 9.5% to $108.00, erasing about $279B of value, ' +
      'at the time the largest one-day loss of market value for any US company. The semiconductor index dropped 7.75%, ' +
      'the Nasdaq 3.26% and the S&P 500 2.12%. After the close Bloomberg reported Justice Department antitrust ' +
      'subpoenas and NVDA slid about 2% more; the next day Nvidia said it had not been subpoenaed.',
    label: 'NVDA −9.5%',
    category: 'market',
    symbols: ['NVDA', 'AMD', 'INTC', 'TSM', 'SMH', 'SOXX'],
    indexSymbols: ['^IXIC', '^GSPC', '^SOX'],
    sources: [
      {
        title: 'CNBC via NBC New York: stocks to kick off September trading (live updates)',
        url: 'https://nbcnewyork.com/news/business/money-report/stock-futures-are-little-changed-to-kick-off-september-trading-live-updates/5757212',
      },
      {
        title: 'Reuters text via Business News Malaysia: Nvidia suffers a record loss of market value',
        url: 'https://businessnews.com.my/2024/09/04/nvidia-record-loss-market-value/',
      },
      {
        title: 'Reuters text via Mothership: Nvidia loses $279 billion',
        url: 'https://mothership.sg/2024/09/nvidia-lose/',
      },
      {
        title: 'Silicon Investor (unlabelled copy of CNBC, 3 Sep 2024 5:30 PM EDT): DOJ subpoena report',
        url: 'https://si.frajer.net/readmsg.aspx?msgid=34808274',
      },
      {
        title: 'Semafor: Justice Department ramps up pressure on Nvidia as shares slump',
        url: 'https://www.semafor.com/article/09/03/2024/justice-department-ramp-up-pressure-on-nvidia-as-shares-slump',
      },
      {
        title: 'Cointelegraph via Cointeeth: Nvidia says it was not subpoenaed',
        url: 'https://cointeeth.com/news-flash/613060',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Index closes from CNBC via NBC New York; the $279B and the chip index from Reuters copies; the after-hours move from a copy of CNBC and Semafor; the denial from Cointelegraph copies. That it beat Meta's 2022 loss ($232B in one secondary page, $251B in another) is left out as unresolved.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2024-09-03', pct: -9.5, rounding: 0.1 }],
  },
  {
    id: '2024-09-18-fed-cut-50',
    date: '2024-09-18',
    time: '14:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'The Fed cuts by half a point, its first cut in four years',
    summary:
      'The FOMC lowered the federal funds target by 50 basis points to 4.75-5.00%, saying it had gained confidence that ' +
      'inflation was moving toward 2%; Governor Bowman dissented in favour of a quarter point. Stocks ended the day a ' +
      'little lower, SPY down 0.3%, before rallying to records the next day.',
    label: 'Fed cuts 50 bp',
    category: 'policy',
    symbols: ['SPY', 'QQQ'],
    indexSymbols: ['^GSPC'],
    sources: [
      {
        title: 'Federal Reserve: minutes of the FOMC meeting of 17-18 September 2024',
        url: 'https://federalreserve.gov/monetarypolicy/fomcminutes20240918.htm',
      },
      {
        title: 'Mint via MENAFN: full text of the FOMC statement',
        url: 'https://menafn.com/1108689796/US-Fed-Rate-Cut-Full-Text-Of-Monetary-Policy-Statement-By-FOMC',
      },
      {
        title: 'Lincoln Daily News: business news of 19 September 2024',
        url: 'https://archives.lincolndailynews.com/2024/Sep/19/NEWS/business_j.shtml',
      },
      {
        title: 'Gotta Go Pest Control (copy of the Fed press page): FOMC statement',
        url: 'https://gottagopestcontrol.ca/federal-reserve-board-federal-reserve-issues-fomc-statement',
      },
      {
        title: 'Experiential Wealth: what changed in the 18 September statement',
        url: 'https://experientialwealth.com/fomc-september-18-2024-press-release-what-has-changed',
      },
    ],
    verification: 'yes',
    verificationNote:
      "The Fed's own minutes (primary) and copies of the statement; the 2 p.m. release time from a copy of the Fed's press page. The day's index closes were not collected; SPY's move is from the price data.",
    importance: 'minor',
    moves: [{ symbol: 'SPY', date: '2024-09-18', pct: -0.3, rounding: 0.1 }],
  },
  {
    id: '2024-09-19-post-cut-records',
    date: '2024-09-19',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'Post-cut rally takes the S&P 500 and the Dow to records',
    summary:
      'A day after the cut, and helped by lower jobless claims, the S&P 500 rose 1.7% to a record near 5,713, its first ' +
      'close above 5,700, and the Dow closed above 42,000 for the first time; the Nasdaq gained 2.5%. NVDA rose 4.0%, ' +
      'AMD 5.7% and Tesla 7.4%.',
    label: 'Post-cut records',
    category: 'market',
    symbols: ['NVDA', 'AMD', 'TSLA'],
    indexSymbols: ['^GSPC', '^DJI', '^IXIC'],
    sources: [
      {
        title: 'Reuters via Financetom: S&P 500 surges to a record close on Fed-cut euphoria',
        url: 'https://financetom.com/market/us-stockssp-500-surges-to-record-high-close-on-euphoria-over-fed-rate-cut-272591.htm',
      },
      {
        title: 'NY Post via BTC365 (copy): Dow jumps to another all-time high',
        url: 'http://btc365-futebol.com/2024/09/19/business/dow-jumps-to-another-all-time-high-day-after-fed-delivers-big-rate-cut',
      },
      {
        title: 'Zacks via a Yahoo Finance copy: stock market news for 20 September',
        url: 'https://y.gogonow.de/uk.finance.yahoo.com/news/stock-market-news-sep-20-085700528.html',
      },
      {
        title: 'Nasdaq.com: US markets close at all-time highs after the Fed cut',
        url: 'https://www.nasdaq.com/articles/us-markets-close-all-time-high-day-after-fed-rate-cut',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Reuters via Financetom for the preliminary closes, Zacks for the final S&P close of 5,713.64; the NY Post copy's Dow figure is used but its S&P figure is wrong. The price data agree on the stock moves.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2024-09-19', pct: 4.0, rounding: 0.1 },
      { symbol: 'AMD', date: '2024-09-19', pct: 5.7, rounding: 0.1 },
      { symbol: 'TSLA', date: '2024-09-19', pct: 7.4, rounding: 0.1 },
    ],
  },
  {
    id: '2024-10-15-asml-early-results',
    date: '2024-10-15',
    time: 'about 10:30 ET (shortly before 16:30 in Amsterdam)',
    timeZone: 'Europe/Amsterdam (CEST) and America/New_York (EDT)',
    session: 'during',
    title: 'ASML publishes weak results a day early by mistake',
    summary:
      "A technical error put ASML's third-quarter results on its website a day early and Bloomberg flashed them at once: " +
      'bookings of €2.6B were half the roughly €5.6B expected, and 2025 sales guidance was narrowed to €30-35B. ASML ' +
      'closed at €668.10 in Amsterdam, its worst day since 1998; its US shares fell 16.3%, AMD 5.2%, NVDA 4.7% and Broadcom 3.5%.',
    label: 'ASML leak',
    category: 'company',
    symbols: ['ASML', 'NVDA', 'AMD', 'AVGO', 'ARM', 'SMH'],
    indexSymbols: ['^SOX'],
    sources: [
      {
        title: 'CNBC via NBC Chicago: ASML shares fall after results released earlier than expected',
        url: 'https://www.nbcchicago.com/news/business/money-report/chip-firm-asml-shares-fall-12-after-earnings-released-earlier-than-expected/3574323/',
      },
      {
        title: 'NOS: ASML hard onderuit na te vroeg verschenen kwartaalcijfers (Dutch)',
        url: 'https://nos.nl/artikel/2540868-asml-hard-onderuit-op-de-beurs-na-te-vroeg-verschenen-kwartaalcijfers',
      },
      {
        title: 'Omroep Brabant: ASML publiceert per ongeluk cijfers (Dutch)',
        url: 'https://www.omroepbrabant.nl/nieuws/4572220/asml-publiceert-per-ongeluk-cijfers-en-die-zijn-niet-best-aandeel-keldert',
      },
      {
        title: 'ANP via ZeelandNet: ASML in talks with authorities about the results error (Dutch)',
        url: 'https://www.zeelandnet.nl/nieuws/asml-in-gesprek-met-autoriteiten-over-fout-met-kwartaalcijfers',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNBC via NBC Chicago; NOS and Omroep Brabant for the time and the €668.10 close; ANP for Bloomberg's flash. The price data disagree with CNBC's breaking 'at least 4%' for Broadcom (−3.47% at the close), and the text follows the data.",
    importance: 'major',
    moves: [
      { symbol: 'ASML', date: '2024-10-15', pct: -16.3, rounding: 0.1 },
      { symbol: 'AMD', date: '2024-10-15', pct: -5.2, rounding: 0.1 },
      { symbol: 'NVDA', date: '2024-10-15', pct: -4.7, rounding: 0.1 },
      { symbol: 'AVGO', date: '2024-10-15', pct: -3.5, rounding: 0.1 },
    ],
  },
  {
    id: '2024-10-30-smci-auditor',
    date: '2024-10-30',
    time: 'filing before or early in the session (hour not found)',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'Super Micro loses a third of its value as EY resigns as auditor',
    summary:
      'Super Micro disclosed that Ernst & Young had resigned as its auditor, saying it was unwilling to be associated ' +
      "with the financial statements prepared by management and questioning the board's independence. The AI-server " +
      "maker's shares fell as much as 35% in the morning and closed 32.7% lower at $33.07.",
    label: 'SMCI auditor quits',
    category: 'company',
    symbols: ['SMCI', 'NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: 'PR Chief (unlabelled copy of CNBC): Super Micro shares plunge as auditor resigns',
        url: 'https://prchief.com/super-micro-shares-plunge-35-as-auditor-resigns-after-raising-concerns-months-earlier',
      },
      {
        title: "DatacenterDynamics: Supermicro's shares drop 33% as auditor resigns",
        url: 'https://www.datacenterdynamics.com/en/news/supermicros-share-price-drops-33-as-auditor-resigns-over-firms-financial-statements/',
      },
      {
        title: 'Benzinga: Super Micro stock after the auditor exit',
        url: 'https://www.benzinga.com/news/24/10/41646425/super-micro-computer-stock-plummets-over-4-in-thursday-pre-market-whats-going-on',
      },
      {
        title: 'NewsTVE (unlabelled copy of AP, 30 Oct 11:24 AM): Super Micro shares plunge',
        url: 'https://newstve.com/super-micro-computer-s-shares-plunge-after-accounting-firm-resigns-16269.html',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Unlabelled copies of CNBC and AP, DatacenterDynamics and Benzinga for the close; the price data agree. The hour of the filing was not found.',
    importance: 'major',
    moves: [{ symbol: 'SMCI', date: '2024-10-30', pct: -32.7, rounding: 0.1 }],
  },
  {
    id: '2024-10-31-ai-capex-selloff',
    date: '2024-10-31',
    time: '09:30-16:00 ET; results after the close on 30 October',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'AI spending worries: Microsoft and Meta fall after beating',
    summary:
      "Microsoft and Meta both beat estimates after the close on 30 October, but Microsoft's cloud outlook disappointed " +
      'and Meta pointed to much higher AI spending. On 31 October Microsoft fell about 6% to $406.35, Meta 4.1% and NVDA ' +
      '4.7%; the Nasdaq lost 2.76% and the S&P 500 1.86%, their biggest one-day fall in nearly two months.',
    label: 'AI capex worries',
    category: 'earnings',
    symbols: ['MSFT', 'META', 'NVDA'],
    indexSymbols: ['^IXIC', '^GSPC'],
    sources: [
      {
        title: 'Lambham: tech stocks slide on AI spending worries',
        url: 'https://www.lambham.com/post/stock-market-today--microsoft--meta-tech-stocks-slide-on-ai-concerns--spending-worries',
      },
      { title: 'Rckir (copy of a Yahoo-style market wrap)', url: 'https://rckir.com/?p=20255' },
      {
        title: 'GuruFocus: Microsoft and Meta stocks drop amid AI investment concerns',
        url: 'https://test.gurufocus.com/news/2578359/microsoft-and-meta-stocks-drop-amid-ai-investment-concerns',
      },
      {
        title: 'Cointelegraph via Binance Square: Meta and Microsoft shares drop despite strong Q3',
        url: 'https://binance.com/zh-CN/square/post/2024-10-31-meta-and-microsoft-shares-drop-despite-strong-q3-earnings-15595737404770',
      },
    ],
    verification: 'partial',
    verificationNote:
      'Secondary pages only; the price data confirm the stock moves within rounding (one page has Meta at $567.68, the data $567.58).',
    importance: 'major',
    moves: [
      { symbol: 'MSFT', date: '2024-10-31', pct: -6, rounding: 1 },
      { symbol: 'META', date: '2024-10-31', pct: -4.1, rounding: 0.1 },
      { symbol: 'NVDA', date: '2024-10-31', pct: -4.7, rounding: 0.1 },
    ],
  },
  {
    id: '2024-11-06-election-rally',
    date: '2024-11-06',
    time: '09:30-16:00 ET; result projected overnight',
    timeZone: 'America/New_York (EST)',
    session: 'during',
    title: 'Trump wins: the Dow gains 1,508 points to a record',
    summary:
      'With Trump projected the winner of the 5 November election, the Dow rose 1,508.05 points (+3.57%) to a record ' +
      '43,729.93, its first 1,000-point gain since November 2022; the S&P 500 (+2.53%) and the Nasdaq (+2.95%) also ' +
      'closed at records and the Russell 2000 rose 5.84%. Tesla climbed about 15% and banks rallied on hopes of lighter rules.',
    label: 'Election rally',
    category: 'market',
    symbols: ['TSLA', 'SPY', 'QQQ'],
    indexSymbols: ['^DJI', '^GSPC', '^IXIC'],
    sources: [
      {
        title: 'NY Times News Today (unlabelled copy of CNBC): Dow soars 1,500 points to a record',
        url: 'https://nytimesnewstoday.com/dow-soars-1500-points-to-record-high-in-best-day-since-2022-after-trump-election-win-live-updates',
      },
      {
        title: 'Maritime Economies (unlabelled copy of CNBC): Dow soars 1,500 points',
        url: 'https://maritime-economies.eu/index.php/finance-1/24-stockmarkets/1447-dow-soars-1-500-points-to-record-high-in-best-day-since-2022-after-trump-election-win-live-updates',
      },
      { title: 'ABC via Whee: markets after the election', url: 'https://whee.net/?p=17186' },
      {
        title: 'The Epoch Times: Dow soars 1,500 points to a record after Trump win',
        url: 'https://theepochtimes.com/business/dow-jones-soars-1500-points-to-record-high-after-trump-win-5755627',
      },
    ],
    verification: 'yes',
    verificationNote:
      'CNBC closing text through two unlabelled copies, ABC and the Epoch Times; the price data agree on Tesla (+14.75%).',
    importance: 'major',
    moves: [{ symbol: 'TSLA', date: '2024-11-06', pct: 15, rounding: 1 }],
  },
  {
    id: '2024-11-20-nvda-q3fy25',
    date: '2024-11-20',
    time: 'about 16:20 ET',
    timeZone: 'America/New_York (EST)',
    session: 'after_close',
    title: 'NVIDIA Q3 FY2025: $35.1B revenue, $37.5B guided',
    summary:
      'Revenue reached $35.08B (+94% year on year), data center $30.8B (+112%) and GAAP EPS $0.78; Nvidia guided the ' +
      'next quarter to $37.5B ±2%, a little above the $37.09B expected, and Huang said Blackwell was in full production. ' +
      'The shares had closed 0.8% lower at $145.89, slipped about 2% after hours and ended the next day 0.5% higher.',
    label: 'NVDA Q3 FY25',
    category: 'earnings',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "Proximilar: mirror of NVIDIA's EDGAR filing (EX-99.1 press release)",
        url: 'https://stocks.proximilar.com/nvda/edgar-report',
      },
      {
        title: 'GlobeNewswire via MENAFN: NVIDIA announces results for the third quarter of fiscal 2025',
        url: 'https://menafn.com/1108908432/NVIDIA-Announces-Financial-Results-For-Third-Quarter-Fiscal-2025',
      },
      {
        title: 'Reuters via CNA: Nvidia forecast fails to meet lofty expectations',
        url: 'https://www.channelnewsasia.com/business/nvidia-revenue-earnings-ai-forecast-fail-expectations-investors-4760671?cid=cna_flip_070214',
      },
      { title: 'Reportify: filing timestamp (21:21 UTC)', url: 'https://reportify.ai/filings/1056845898404990976' },
      {
        title: 'Financial Express: Nvidia shares drop despite strong Q3',
        url: 'https://www.financialexpress.com/business/investing-abroad-nvidia-shares-drop-despite-strong-q3-results-record-date-for-dividend-announced-3671165/lite',
      },
    ],
    verification: 'yes',
    verificationNote:
      "The release from a mirror of the EDGAR filing and the GlobeNewswire copy; consensus and the after-hours move from Reuters via CNA. The hour rests on a filing listing's 21:21 UTC stamp (16:21 EST), partial-grade evidence. The price data agree on both closes.",
    importance: 'minor',
    moves: [
      { symbol: 'NVDA', date: '2024-11-20', pct: -0.8, rounding: 0.1 },
      { symbol: 'NVDA', date: '2024-11-21', pct: 0.5, rounding: 0.1 },
    ],
  },
  {
    id: '2024-12-13-broadcom-1t',
    date: '2024-12-13',
    time: '09:30-16:00 ET; results after the close on 12 December',
    timeZone: 'America/New_York (EST)',
    session: 'during',
    title: 'Broadcom jumps 24% and passes $1 trillion on its AI outlook',
    summary:
      "After Thursday's report Broadcom said its AI revenue had more than tripled to $12.2B in fiscal 2024, and Hock Tan " +
      'put the market for its AI chips at $60-90B a year by 2027. The stock closed 24.4% higher at $224.80, its best day ' +
      "on record, and the company's value passed $1 trillion.",
    label: 'AVGO +24%',
    category: 'company',
    symbols: ['AVGO', 'NVDA', 'SMH'],
    indexSymbols: [],
    sources: [
      {
        title: 'The Primary Market: Broadcom reaches a $1 trillion valuation',
        url: 'https://theprimarymarket.com/broadcom-reaches-valuation-of-1-trillion-amid-massive-ai-revenue-jump/',
      },
      {
        title: 'Benzinga: Broadcom joins the $1 trillion club',
        url: 'https://www.benzinga.com/24/12/42488220/broadcom-joins-1-trillion-club-eyes-best-month-ever-the-next-magnificent-tech-giant',
      },
      {
        title: 'Investopedia via Alekbo (copy): Broadcom joins the $1 trillion club',
        url: 'https://alekbo.com/news-line/broadcom-joins-1-trillion-market-cap-club-as-stock-soars-on-ai-demand.html',
      },
    ],
    verification: 'partial',
    verificationNote: 'Secondary pages only; the price data match the close exactly.',
    importance: 'major',
    moves: [{ symbol: 'AVGO', date: '2024-12-13', pct: 24.4, rounding: 0.1 }],
  },
  {
    id: '2024-12-18-hawkish-cut',
    date: '2024-12-18',
    time: '14:00 ET',
    timeZone: 'America/New_York (EST)',
    session: 'during',
    title: "The Fed's 'hawkish cut' knocks 1,123 points off the Dow",
    summary:
      'The Fed cut by a quarter point to 4.25-4.50% as expected, but its projections showed only two cuts in 2025 instead ' +
      "of four and inflation staying higher for longer. After Powell's press conference futures priced about a 6% chance " +
      'of a January cut, from 98% the day before. The Dow lost about 1,123 points (−2.6%) for a tenth straight fall, its ' +
      'longest losing run since 1974; the S&P 500 fell about 3%, the Nasdaq 3.6% and Tesla 8.3%.',
    label: 'Hawkish Fed cut',
    category: 'policy',
    symbols: ['TSLA', 'NVDA', 'SPY', 'QQQ'],
    indexSymbols: ['^DJI', '^GSPC', '^IXIC'],
    sources: [
      {
        title: 'CNN: the Dow extends its losing streak to 10 days',
        url: 'https://www.cnn.com/2024/12/18/economy/dow-10-day-losing-streak/index.html',
      },
      {
        title: 'Cheztalal Restaurant (copy of the Fed press page): FOMC statement',
        url: 'https://cheztalalrestaurant.ca/federal-reserve-board-federal-reserve-issues-fomc-statement',
      },
      {
        title: 'MyDailyMagazine: Dow plummets after the Fed rate cut',
        url: 'https://mydailymagazine.com/dow-jones-plummets-feds-rate-cut-alch5/',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNN (its own URL, read through a copy) and copies of the Fed's statement. The Dow's close and Tesla's fall are from a secondary page; the price data agree on Tesla.",
    importance: 'major',
    moves: [{ symbol: 'TSLA', date: '2024-12-18', pct: -8.3, rounding: 0.1 }],
  },
  {
    id: '2025-04-02-liberation-day',
    date: '2025-04-02',
    time: 'a little after 16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'after_close',
    title: "'Liberation Day': a 10% baseline tariff and steep country rates",
    summary:
      'In the Rose Garden Trump declared a national emergency under IEEPA and announced a 10% tariff on all imports from ' +
      '5 April and higher country rates from 9 April, among them 34% on China on top of the existing 20%, 20% on the EU, ' +
      '46% on Vietnam and 24% on Japan. S&P futures fell 2.2% during the ceremony; SPY had gained 0.6% in the regular ' +
      'session before it.',
    label: 'Liberation Day',
    category: 'policy',
    symbols: ['SPY', 'QQQ', 'AAPL', 'NVDA'],
    indexSymbols: ['^GSPC'],
    sources: [
      { title: 'WSJ live coverage (archive.md snapshot, last updated 5:20 PM EDT)', url: 'https://archive.md/evz8R' },
      {
        title: 'Newsweek via Common Dreams (gopher mirror): stocks plunge after the tariff announcement',
        url: 'https://gopherproxy.meulie.net/magical.fish/0/feeds/news/commondreams/2025/04/2025-04-02%252017-24-55-04-00Stocks%2520Plunge%2520After%2520Trumps%2520Sweeping%2520Tariff%2520Announcement',
      },
      {
        title: 'Updatem (copy of the White House fact sheet): national emergency on tariffs',
        url: 'https://updatem.com/fact-sheet-president-donald-j-trump-declares-national-emergency-to-increase-our-competitive-edge-protect-our-sovereignty-and-strengthen-our-national-and-economic-security',
      },
      {
        title: 'NTL Consulting (copy of the White House fact sheet)',
        url: 'https://ntlconsulting.blogspot.com/2025/04',
      },
      {
        title: 'Straight Arrow News: Dow drops nearly 1,700 points',
        url: 'https://straightarrownews-preprod.go-vip.net/cc/dow-jones-drops-nearly-1700-points-as-trumps-tariffs-roil-stock-market',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Copies of the White House fact sheet, WSJ live coverage (archived) and Newsweek, which puts the announcement 'a little after markets closed'. 'On top of the existing 20%' is from Straight Arrow News.",
    importance: 'major',
    moves: [{ symbol: 'SPY', date: '2025-04-02', pct: 0.6, rounding: 0.1 }],
  },
  {
    id: '2025-04-03-tariff-crash',
    date: '2025-04-03',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'Tariff crash, day one: S&P 500 −4.84%, the worst day since 2020',
    summary:
      'The S&P 500 fell 4.84% to 5,396.52, its worst day since June 2020, and the Nasdaq 5.97%, its biggest fall since ' +
      'March 2020; the Dow lost 1,679.39 points. Companies with Asian supply chains were hit hardest: Apple fell 9.2%, ' +
      'about $300B of value, Amazon 9.0% and NVDA 7.8%.',
    label: 'Tariff crash',
    category: 'market',
    symbols: ['AAPL', 'NVDA', 'AMZN', 'TSLA'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      { title: 'Steinews (unlabelled, reworded copy of CNBC): closing report', url: 'https://steinews.com/?p=6712' },
      { title: 'CNN via TASS: US indices suffer their worst day since 2020', url: 'https://tass.com/economy/1938689' },
      {
        title: 'CNN via News.az: Dow, S&P 500 and Nasdaq suffer their worst loss since 2020',
        url: 'https://news.az/news/dow-s-p-500-nasdaq-suffer-worst-one-day-loss-since-2020',
      },
      {
        title: 'Reuters quoted in a copy of the Guardian live blog',
        url: 'https://bestinbusiness.news/donald-trumps-sweeping-tariffs-trigger-biggest-one-day-wall-street-fall-since-2020-as-it-happened-trump-tariffs/amp',
      },
      {
        title: 'Straight Arrow News: Dow drops nearly 1,700 points',
        url: 'https://straightarrownews-preprod.go-vip.net/cc/dow-jones-drops-nearly-1700-points-as-trumps-tariffs-roil-stock-market',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNBC's closing text through a reworded copy, CNN copies and Reuters in the Guardian's live blog. The sources round Apple to 9.3%; the price data give −9.25% on adjusted closes, and the text follows the data.",
    importance: 'major',
    moves: [
      { symbol: 'AAPL', date: '2025-04-03', pct: -9.2, rounding: 0.1 },
      { symbol: 'AMZN', date: '2025-04-03', pct: -9.0, rounding: 0.1 },
      { symbol: 'NVDA', date: '2025-04-03', pct: -7.8, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-04-china-retaliates',
    date: '2025-04-04',
    time: "09:30-16:00 ET; China's announcement before the US open",
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'China hits back with 34%; the Nasdaq enters a bear market',
    summary:
      "China's commerce ministry answered with a 34% tariff on all US goods from 10 April, and the selling deepened: the " +
      'S&P 500 fell 5.97% to 5,074.08, its biggest drop since March 2020, and the Nasdaq 5.8% to 15,587.79, about 22% ' +
      'below its December record. The Dow lost 2,231.07 points, its first back-to-back falls of more than 1,500. NVDA ' +
      'lost 7.4%, Apple 7.3% and Tesla 10.4%.',
    label: 'China retaliates',
    category: 'policy',
    symbols: ['NVDA', 'AAPL', 'TSLA', 'SPY', 'QQQ'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'AP (Stan Choe) via Lincoln Daily News: Wall Street tumbles again',
        url: 'https://archives.lincolndailynews.com/2025/Apr/05/NEWS/business_c.shtml',
      },
      { title: 'Exposé News (unlabelled copy of CNBC): closing report', url: 'https://exposenews.xyz/?p=2112' },
      {
        title: 'Guardian via Ghana Oil Info (copy of the live blog): Wall Street tumbles after China retaliates',
        url: 'https://ghanaoilinfo.com/wall-street-tumbles-again-after-china-announces-retaliatory-34-tariffs-on-us-goods-business-live/',
      },
    ],
    verification: 'yes',
    verificationNote:
      'AP via Lincoln Daily News, CNBC through an unlabelled copy and a copy of the Guardian live blog. The two-day loss of about $5 trillion is secondary only and left out. The price data agree with the stock moves.',
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-04-04', pct: -7.4, rounding: 0.1 },
      { symbol: 'AAPL', date: '2025-04-04', pct: -7.3, rounding: 0.1 },
      { symbol: 'TSLA', date: '2025-04-04', pct: -10.4, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-07-false-pause-report',
    date: '2025-04-07',
    time: 'about 30 minutes after the open ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: "A false '90-day pause' report whipsaws stocks",
    summary:
      "A misreading of Kevin Hassett's Fox interview spread on X, then to some outlets, as a report that Trump was " +
      'weighing a 90-day tariff pause for every country but China. Within minutes the Dow swung from a 1,700-point loss ' +
      'to an 800-point gain; about 20 minutes later the White House called it fake news and the gains vanished. SPY ' +
      'closed 0.2% lower, QQQ 0.2% higher and NVDA 3.5% higher.',
    label: 'False pause report',
    category: 'market',
    symbols: ['SPY', 'QQQ', 'NVDA'],
    indexSymbols: ['^DJI'],
    sources: [
      {
        title: 'AP via Value the Markets: bogus report briefly lifted markets',
        url: 'https://www.valuethemarkets.com/news/bogus-report-on-tariff-pause-briefly-lifted-markets-before-white-house-denied-it',
      },
      {
        title: 'The New Republic: fake tariff-pause story causes stock-market mayhem',
        url: 'https://newrepublic.com/post/193676/fake-news-story-tariffs-pause-mayhem-stock-market',
      },
      {
        title: 'IBTimes: markets spike on a quote about a tariff pause, then dip',
        url: 'https://www.ibtimes.com/markets-spike-over-quote-about-trump-considering-pause-tariffs-dip-again-after-proven-false-3769080',
      },
      {
        title: 'Mitrade: live news, 8 April 2025',
        url: 'https://mitrade.com/au/insights/news/live-news/article-8-746133-20250408',
      },
    ],
    verification: 'yes',
    verificationNote:
      "AP via Value the Markets, the New Republic, IBTimes and Mitrade for the timing. AP's 'loss of 629 points' was intraday; the Dow's final close was not collected, so the closing moves here are the price data's.",
    importance: 'minor',
    moves: [
      { symbol: 'SPY', date: '2025-04-07', pct: -0.2, rounding: 0.1 },
      { symbol: 'QQQ', date: '2025-04-07', pct: 0.2, rounding: 0.1 },
      { symbol: 'NVDA', date: '2025-04-07', pct: 3.5, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-09-tariff-pause',
    date: '2025-04-09',
    time: 'shortly after 13:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: 'A 90-day tariff pause: S&P 500 +9.52%, Nasdaq +12.16%',
    summary:
      "In a Truth Social post Trump paused the higher 'reciprocal' tariffs for 90 days, with a 10% rate meanwhile, and " +
      "raised China's to 125%. The S&P 500 jumped 9.52%, its best day since 2008, the Nasdaq 12.16%, its best since 2001, " +
      'and the Dow 2,962.86 points, its largest point gain ever. NVDA rose 18.7%, Tesla 22.7% and Apple 15.3%, on record volume.',
    label: '90-day pause',
    category: 'policy',
    symbols: ['NVDA', 'TSLA', 'AAPL', 'SPY', 'QQQ'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'WSJ via The Australian (mirror): Wall Street stocks soar after the 90-day tariff pause',
        url: 'https://newsbite.mooo.com/www.theaustralian.com.au/business/the-wall-street-journal/wall-st-stocks-soar-after-donald-trump-announces-90day-tariff-pause/news-story/6eb7b6915c5966320989c5402312c0ef',
      },
      {
        title: 'NPR via Hawaii Public Radio: US stocks soar after Trump pauses most tariffs',
        url: 'https://www.hawaiipublicradio.org/national-international/2025-04-09/u-s-stocks-soar-after-trump-pauses-most-tariffs',
      },
      {
        title: 'AP via WSOC: the Dow surges',
        url: 'https://www.wsoctv.com/news/dow-surges-2600-us/HQB6GV62CZBMPKHHPEC2I4FHTY/',
      },
      {
        title: 'Newsweek: Trump authorizes a 90-day pause on reciprocal tariffs',
        url: 'https://www.qa.newsweek.com/trump-authorizes-90-day-pause-reciprocal-tariffs-stocks-skyrocket-2057589',
      },
      {
        title: 'Mondovisione: historic market rally as stocks soar',
        url: 'https://mondovisione.com/media-and-resources/news/historic-market-rally-stocks-soar-after-trump-pauses-tariffs-202549',
      },
    ],
    verification: 'yes',
    verificationNote:
      "WSJ via a mirror of The Australian ('shortly after 1 pm'), NPR, AP and Newsweek; the exact closes are from Mondovisione (secondary) and match Newsweek's rounded figures. The price data agree on the stock moves.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-04-09', pct: 18.7, rounding: 0.1 },
      { symbol: 'TSLA', date: '2025-04-09', pct: 22.7, rounding: 0.1 },
      { symbol: 'AAPL', date: '2025-04-09', pct: 15.3, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-10-pause-rally-fades',
    date: '2025-04-10',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'The pause rally fades as the China rate is put at 145%',
    summary:
      'Once the White House made clear that duties on Chinese goods now added up to 145%, stocks gave back much of the ' +
      'previous day: the Dow fell about 1,014 points after being down more than 2,100, the S&P 500 3.46% and the Nasdaq ' +
      '4.31%. NVDA lost 5.9%, Tesla 7.3%, Meta 6.7% and Apple 4.2%.',
    label: 'Rally fades',
    category: 'market',
    symbols: ['NVDA', 'TSLA', 'AAPL', 'META'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'Republic World: US markets crash again after the tariff reversal',
        url: 'https://www.republicworld.com/business/us-markets-crash-again-after-trump-reverses-tariff-pause-tech-stocks-tumble',
      },
      {
        title: 'AInvest: trade tensions trigger a thousand-point Dow plunge',
        url: 'https://www.ainvest.com/news/trade-tensions-trigger-thousand-point-dow-plunge-market-crisis-2504/',
      },
    ],
    verification: 'partial',
    verificationNote:
      "Secondary pages only. The price data disagree with one of them on NVDA ('nearly 7%'; the data give −5.91%) and Tesla (8%; the data −7.27%); the text follows the data.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-04-10', pct: -5.9, rounding: 0.1 },
      { symbol: 'TSLA', date: '2025-04-10', pct: -7.3, rounding: 0.1 },
      { symbol: 'META', date: '2025-04-10', pct: -6.7, rounding: 0.1 },
      { symbol: 'AAPL', date: '2025-04-10', pct: -4.2, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-15-nvda-h20-charge',
    date: '2025-04-15',
    time: 'evening ET, after the close',
    timeZone: 'America/New_York (EDT)',
    session: 'after_close',
    title: 'NVIDIA flags a ~$5.5B H20 charge after a China licence rule',
    summary:
      'In an 8-K Nvidia said the US government had told it on 9 April that its H20 chips, and others like them, need a ' +
      'licence for China, Hong Kong, Macau and D:5 countries, and on 14 April that the rule would apply indefinitely. It ' +
      'expected charges of up to about $5.5B in its fiscal first quarter. The stock slid in after-hours trading.',
    label: 'H20 licence charge',
    category: 'company',
    symbols: ['NVDA', 'AMD', 'SMH'],
    indexSymbols: [],
    sources: [
      {
        title: 'CNBC via NBC San Diego: Nvidia to record a $5.5 billion charge tied to H20 exports',
        url: 'https://www.nbcsandiego.com/news/business/money-report/nvidia-says-it-will-record-5-5-billion-quarterly-charge-tied-to-h20-processors-exported-to-china/3804789/',
      },
      { title: 'Dow Jones Newswires (Dean Seal) via TTM Goal', url: 'https://ttmgoal.com/m/news/2527929654' },
      {
        title: 'Scenari Economici: Nvidia falls after US limits on H20 exports (Italian, quotes the 8-K)',
        url: 'https://scenarieconomici.it/nvidia-cade-in-borsa-dopo-che-gli-usa-annunciano-limiti-allexport-dei-chip-h20/',
      },
      {
        title: 'Investing.com: Nvidia faces export restrictions, expects $5.5 billion of charges',
        url: 'https://ng.investing.com/news/sec-filings/nvidia-faces-export-restrictions-anticipates-55-billion-charges-93CH-1867302',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNBC via NBC San Diego and Dow Jones ('said Tuesday evening') put it on 15 April; Investing.com's 'Monday' is wrong. The 8-K's wording is quoted by two pages. After-hours moves cannot be checked on daily bars.",
    importance: 'major',
  },
  {
    id: '2025-04-16-chips-powell',
    date: '2025-04-16',
    time: '09:30-16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: "Chips lead a fall on the H20 charge and Powell's tariff warning",
    summary:
      "Chip stocks led the market down after Nvidia's H20 disclosure, with AMD flagging a hit of about $800M of its own " +
      'and ASML falling on weak guidance. In Chicago, Powell warned that tariffs were likely to lift inflation and slow ' +
      'growth and that the Fed was in no hurry to cut. The S&P 500 fell 2.24% and the Nasdaq 3.07%; NVDA lost 6.9%, AMD ' +
      '7.3% and ASML 7.1%.',
    label: 'Chips and Powell',
    category: 'market',
    symbols: ['NVDA', 'AMD', 'ASML', 'SMH'],
    indexSymbols: ['^GSPC', '^IXIC'],
    sources: [
      {
        title: 'Dow Jones Newswires via TTM Goal: Nvidia premarket and ASML guidance',
        url: 'https://ttmgoal.com/news/2527219580',
      },
      {
        title: 'CKHQ (copy): market close, 16 April',
        url: 'https://en.ckhq.net/html/d75cbde500c392d09fd257deb2bf56cb.html',
      },
      {
        title: 'TechAnnouncer: tech stocks dive as trade tensions escalate',
        url: 'https://techannouncer.com/tech-stocks-dive-as-trade-tensions-escalate-and-tariff-warnings-loom/?amp=1',
      },
      {
        title: 'GLR News: Nvidia falls, dragging down markets',
        url: 'https://glrnews.com/breaking-news/2025/04/16/trumps-tariffs-nvidia-falls-dragging-down-markets-1365632',
      },
    ],
    verification: 'partial',
    verificationNote:
      "Dow Jones Newswires for the premarket and ASML; the closes and AMD's $800M from secondary copies. The price data agree on the stock moves.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-04-16', pct: -6.9, rounding: 0.1 },
      { symbol: 'AMD', date: '2025-04-16', pct: -7.3, rounding: 0.1 },
      { symbol: 'ASML', date: '2025-04-16', pct: -7.1, rounding: 0.1 },
    ],
  },
  {
    id: '2025-04-21-sell-america',
    date: '2025-04-21',
    time: '09:30-16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'during',
    title: "'Sell America': Trump attacks Powell and the Dow falls 972 points",
    summary:
      "Trump called Powell 'Mr. Too Late, a major loser' on Truth Social and demanded immediate rate cuts, days after " +
      "floating his 'termination'. The Dow closed 971.82 points (−2.48%) lower at 38,170.41, the S&P 500 fell 2.36% and " +
      'the Nasdaq 2.55%, while the dollar index sank to its lowest since March 2022 and gold hit records. NVDA fell 4.5% ' +
      'and Tesla 5.7%.',
    label: 'Sell America',
    category: 'policy',
    symbols: ['NVDA', 'TSLA', 'AMZN', 'META'],
    indexSymbols: ['^DJI', '^GSPC', '^IXIC'],
    sources: [
      {
        title: 'Newser (citing CNBC and the WSJ): markets slide as Trump renews attacks on Powell',
        url: 'https://www.newser.com/story/367447/markets-slide-as-trump-renews-attacks-on-powell.html',
      },
      {
        title: 'Yonhap via AsiaToday: US closing figures',
        url: 'https://en.asiatoday.co.kr/view.php?key=20250422000909029',
      },
      {
        title: 'Business Today: Dow, Nasdaq and S&P 500 take a beating',
        url: 'https://www.businesstoday.in/markets/global-markets/story/dow-nasdaq-sp500-takes-a-beating-as-donald-trump-slams-fed-chief-over-rate-cut-inaction-472945-2025-04-21',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Newser and Yonhap via AsiaToday. One page's larger figures (Dow −1,043, S&P −2.8%) look intraday and are not used. Sources round Tesla to 5.8%; the price data give −5.75% on adjusted closes.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-04-21', pct: -4.5, rounding: 0.1 },
      { symbol: 'TSLA', date: '2025-04-21', pct: -5.7, rounding: 0.1 },
    ],
  },
  {
    id: '2025-05-12-geneva-truce',
    date: '2025-05-12',
    time: 'Monday morning, before the US open',
    timeZone: 'Europe/Zurich and America/New_York (EDT)',
    session: 'pre_market',
    title: 'US-China truce in Geneva: tariffs cut to 30% and 10% for 90 days',
    summary:
      'After weekend talks in Geneva the two sides said that by 14 May the US would cut its combined tariff on most ' +
      'Chinese goods from 145% to 30% and China its tariff on US goods from 125% to 10%, for 90 days, with a standing ' +
      'channel for further talks. The S&P 500 rose 3.3%, the Nasdaq 4.3% and the Dow 2.8%; NVDA gained 5.4% and Apple about 6%.',
    label: 'Geneva truce',
    category: 'policy',
    symbols: ['NVDA', 'AAPL', 'AMZN', 'SPY', 'QQQ'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'Newser (AP closes): stocks leap after a truce in the trade war',
        url: 'https://www.newser.com/story/368565/stocks-leap-after-truce-in-trade-war.html',
      },
      {
        title: 'AFP via CNA (TopNews copy): markets after the Geneva talks',
        url: 'https://1375.topnews.com/en/economy/?article=5644198863445897309-84ba11900b82df9058&thread=1202472750222141745',
      },
      {
        title: 'The Washington Times: global markets rally as the US and China cool tensions',
        url: 'https://twt-assets.washtimes.com/news/2025/may/12/global-markets-rally-us-china-cool-trade-tensions',
      },
      {
        title: 'Xinhua via Caixin: China-US joint statement on a mutual rollback of tariffs',
        url: 'https://www.caixinglobal.com/2025-05-12/china-us-joint-statement-mutual-rollback-of-some-tariffs-continued-negotiations-on-outstanding-issues-includes-timeline-of-the-trade-war-102318875.html',
      },
      {
        title: 'Millennium Post: US and China reach a deal to slash reciprocal tariffs',
        url: 'https://www.millenniumpost.in/world/us-china-reach-deal-to-slash-reciprocal-tariffs-by-115-610329',
      },
    ],
    verification: 'yes',
    verificationNote:
      "AP closes via Newser, AFP, the Washington Times, and the joint statement via Xinhua. Apple went ex-dividend that day: +6.18% on the close, +6.31% on adjusted closes, so the text says 'about 6%'.",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-05-12', pct: 5.4, rounding: 0.1 },
      { symbol: 'AAPL', date: '2025-05-12', pct: 6, rounding: 1 },
    ],
  },
  {
    id: '2025-05-28-nvda-q1fy26-court',
    date: '2025-05-28',
    time: 'about 16:20 ET (release), 17:00 (call); court ruling that day (hour not found)',
    timeZone: 'America/New_York (EDT)',
    session: 'after_close',
    title: 'NVIDIA Q1 FY2026 with a $4.5B H20 charge; a court blocks the tariffs',
    summary:
      "Revenue was $44.1B (+69% year on year) and data center $39.1B; because of April's H20 licence rule Nvidia took a " +
      '$4.5B charge and could not ship another $2.5B of H20, and it guided the next quarter to $45.0B ±2%, net of about ' +
      '$8.0B of lost H20 sales. The same day the Court of International Trade ruled that the IEEPA tariffs exceeded the ' +
      "president's authority, and futures rallied overnight.",
    label: 'NVDA Q1 FY26',
    category: 'earnings',
    symbols: ['NVDA', 'AMD', 'SMH'],
    indexSymbols: ['^GSPC'],
    sources: [
      {
        title: 'GlobeNewswire via a Yahoo Finance copy (Goldberg Law): NVIDIA announces first-quarter results',
        url: 'http://www.goldberglawma.com/?id=news%2Fnvidia-announces-financial-results-first-202000263.html',
      },
      {
        title: 'Reuters via Financetom: US stock futures climb as a federal court rules against the tariffs',
        url: 'https://www.financetom.com/market/us-stocksus-stock-futures-climb-as-federal-court-rules-against-trumps-tariffs-380143.htm',
      },
      { title: "Barron's via iTiger: the court ruling and futures", url: 'https://www.itiger.com/news/2539548742' },
      {
        title: 'SEC EDGAR: NVIDIA correspondence confirming the $4.5B charge',
        url: 'https://www.sec.gov/Archives/edgar/data/1045810/000104581025000192/filename1.htm',
      },
    ],
    verification: 'yes',
    verificationNote:
      "The release through a copy, Reuters via Financetom for futures and premarket, Barron's for the ruling, and NVIDIA's own SEC letter for the charge. The 16:20 hour rests on a listing's 20:20 UTC stamp (partial-grade).",
    importance: 'minor',
  },
  {
    id: '2025-05-29-nvda-court-stay',
    date: '2025-05-29',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'NVDA rises after earnings; an appeals court stay trims the gains',
    summary:
      "Stocks rose on Nvidia's results and the trade-court ruling, but the gains narrowed after the Federal Circuit " +
      'temporarily stayed that decision. NVDA closed 3.2% higher at $139.19; the S&P 500 ended 0.40% up and the Nasdaq 0.39%.',
    label: 'NVDA +3.2%',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: ['^GSPC', '^IXIC', '^DJI'],
    sources: [
      {
        title: 'Yonhap via Asia Economy: US closing figures',
        url: 'https://cm.asiae.co.kr/en/article/2025053005261911202',
      },
      {
        title: 'AP via LBC: Wall Street climbs after the trade ruling',
        url: 'https://www.lbc.co.uk/usa/politics/wall-street-climbs-trump-trade-tarrifs/',
      },
    ],
    verification: 'partial',
    verificationNote:
      "Index closes from Yonhap via Asia Economy; no text source gives NVDA's close, which is the price data's (+3.25%, written 3.2% on adjusted closes).",
    importance: 'minor',
    moves: [{ symbol: 'NVDA', date: '2025-05-29', pct: 3.2, rounding: 0.1 }],
  },
  {
    id: '2025-06-25-nvda-record-close',
    date: '2025-06-25',
    time: '16:00 ET',
    timeZone: 'America/New_York (EDT)',
    session: 'close',
    title: 'NVDA closes at a record $154.31 and is most valuable again',
    summary:
      'NVDA rose 4.3% to a record close of $154.31, above the $149.43 high that had stood since 6 January, lifting its ' +
      "value to about $3.77T, ahead of Microsoft's $3.66T. The stock was 63% above its April low.",
    label: 'NVDA record $154.31',
    category: 'market',
    symbols: ['NVDA', 'MSFT'],
    indexSymbols: [],
    sources: [
      {
        title: 'Bloomberg (Ryan Vlastelica) via Business Standard: Nvidia reclaims the title of most valuable stock',
        url: 'https://www.business-standard.com/amp/world-news/as-shares-hit-record-nvidia-reclaims-title-of-world-top-valued-stock-125062600130_1.html',
      },
      {
        title: 'Arabian Business: Nvidia becomes the most valuable company again',
        url: 'https://www.arabianbusiness.com/industries/technology/nvidia-shares-surge-as-it-becomes-worlds-most-valuable-company-again',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Bloomberg via Business Standard and Arabian Business; the price data agree (the highest close in the data up to that date).',
    importance: 'minor',
    moves: [{ symbol: 'NVDA', date: '2025-06-25', pct: 4.3, rounding: 0.1 }],
  },
] satisfies CatalogEvent[]
