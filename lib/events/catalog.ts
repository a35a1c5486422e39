import { z } from 'zod'
import { isIsoDate } from '../dates'
import { YEAR_SHOCKS } from './catalog-year'
import { EVENT_CATEGORY_IDS } from './categories'
import { IMPORTANCE_LEVELS } from './importance'

/**
 * The event catalog: what happened around Stargate and the DeepSeek releases, as data.
 *
 * Facts, figures, dates and source URLs come from the project's research notes (`events.md` in the team's
 * shared reference folder, not part of this repository; it lists 43 events; all of them are here, with the better sources and corrections of its second round, copied on
 * 2026-12-01). The year's other shocks are in `catalog-year.ts`. Titles, summaries and notes are written for this app. The
 * effective trading date is NOT stored here: `lib/events/index.ts` computes it from `date` + `session`
 * with the US market calendar, so a holiday or weekend can never be mistyped into a chart marker.
 */

/** When the event happened relative to the US regular session (09:30-16:00 America/New_York). */
export const MARKET_SESSIONS = [
  'pre_market',
  'during',
  'close',
  'after_close',
  'after_close_likely',
  'pre_or_during',
  'market_closed',
  'weekend',
  'unknown',
] as const
export type MarketSession = (typeof MARKET_SESSIONS)[number]

export { EVENT_CATEGORIES, EVENT_CATEGORY_IDS, type EventCategory, type EventCategoryInfo } from './categories'

/** `yes`: the fact was seen in the listed sources. `partial`: part of it (often the hour) rests on one secondary source or was not found. */
export const VERIFICATION_LEVELS = ['yes', 'partial'] as const
export type Verification = (typeof VERIFICATION_LEVELS)[number]

const isoDateSchema = z.string().refine(isIsoDate, { message: 'must be a real date as YYYY-MM-DD' })

export const eventSourceSchema = z.object({
  title: z.string().min(3),
  url: z.httpUrl(),
})

/** A one-day move as a summary states it: "fell 7.3%" is `{ pct: -7.3, rounding: 0.1 }`, "about 6%" `{ pct: -6, rounding: 1 }`. */
export const statedMoveSchema = z
  .object({
    symbol: z.string().regex(/^[A-Z0-9]+(?:\.[A-Z]{1,2})?$/),
    /** The trading date of the move (the symbol's own session). */
    date: isoDateSchema,
    /** Signed percent as written. */
    pct: z.number().finite(),
    /** The step the text rounds to, in percentage points; the data must be within half of it. */
    rounding: z.union([z.literal(1), z.literal(0.1), z.literal(0.01)]),
  })
  .strict()
export type StatedMove = z.infer<typeof statedMoveSchema>

/** Fields of one catalog entry, without cross-field rules (so derived schemas can extend it). */
export const catalogEventObject = z
  .object({
    id: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)+$/, 'must be <date>-<kebab-slug>'),
    date: isoDateSchema,
    time: z.string().min(1).nullable(),
    timeZone: z.string().min(1).nullable(),
    session: z.enum(MARKET_SESSIONS),
    title: z.string().min(5).max(100),
    summary: z.string().min(20),
    label: z
      .string()
      .min(2)
      .max(24)
      .refine((l) => l.split(/\s+/).length <= 4, { message: 'must be at most 4 words' }),
    category: z.enum(EVENT_CATEGORY_IDS),
    symbols: z.array(z.string().regex(/^[A-Z0-9]+(?:\.[A-Z]{1,2})?$/, 'must be a ticker like NVDA or 9984.T')),
    indexSymbols: z.array(z.string().regex(/^\^[A-Z0-9]+$/, 'must be an index ticker like ^GSPC or ^N225')),
    sources: z.array(eventSourceSchema).min(1),
    verification: z.enum(VERIFICATION_LEVELS),
    verificationNote: z.string().min(1),
    /** From the rule in `importance.ts`, re-measured on the snapshot by a test; never chosen by hand. */
    importance: z.enum(IMPORTANCE_LEVELS),
    /**
     * Every one-day move the summary states for a symbol with price data, as the text states it: a test checks each
     * against the snapshot (close to close on adjusted closes) and fails when they disagree beyond the rounding.
     */
    moves: z.array(statedMoveSchema).optional(),
  })
  .strict()

export type EventSource = z.infer<typeof eventSourceSchema>
/**
 * One catalog entry. `id` is stable (`<date>-<slug>`; shared links depend on it), `date` is local to where the event
 * happened, `time` is as far as it is known, `label` is 1-4 words for a chart marker, `symbols` are tradable tickers
 * (Yahoo notation) and `indexSymbols` index tickers, kept apart because they are not in the price data.
 */
export type CatalogEvent = z.infer<typeof catalogEventObject>

/** One catalog entry; tests run every entry through it so a typo fails CI, not the page. */
export const catalogEventSchema = catalogEventObject.refine((e) => e.id.startsWith(`${e.date}-`), {
  message: 'id must start with the event date',
  path: ['id'],
})

const FIRSTRADE_HOLIDAYS: EventSource = {
  title: 'Firstrade help centre: market holiday schedule',
  url: 'https://help.firstrade.info/en/articles/9268456-market-holiday-schedule',
}
const WIKIPEDIA_EO_14179: EventSource = {
  title: 'Wikipedia: Executive Order 14179',
  url: 'https://en.wikipedia.org/wiki/Executive_Order_14179',
}
const REUTERS_NASDAQ_FUTURES: EventSource = {
  title: 'Reuters via Investing.com: Nasdaq futures tumble as China AI push rattles big tech',
  url: 'https://au.investing.com/news/stock-market-news/nasdaq-futures-tumble-as-chinas-ai-push-rattles-big-tech-3641785',
}
const EPOCH_NVIDIA_600B: EventSource = {
  title: 'Epoch Times via Signal SCV: Nvidia loses nearly $600B in DeepSeek crash',
  url: 'https://signalscv.com/2025/01/nvidia-loses-nearly-600-billion-in-deepseek-crash/',
}
const NEWSER_MUSK_DOUBTS: EventSource = {
  title: 'Newser: Musk doubts the huge AI project Trump announced',
  url: 'https://www.newser.com/story/362993/musk-has-doubts-about-huge-project-trump-announced.html',
}
const SCOON_BIGGEST_LOSS: EventSource = {
  title: 'Scoon TV: biggest market loss in history as Nvidia sheds nearly $600B',
  url: 'https://scoontv.com/biggest-market-loss-in-history-nvidia-stock-sheds-nearly-600-billion-as-deepseek-shakes-ai-darling',
}
const NVIDIA_BOUNCE: EventSource = {
  title: 'Info Malang Raya: Nvidia rises 7% after Monday AI stock rout',
  url: 'https://infomalangraya.com/English/nvidia-rises-7-after-mondays-ai-stock-rout-as-bounce-gains-steam',
}

const CATALOG_ENTRIES = [
  {
    id: '2024-12-26-deepseek-v3',
    date: '2024-12-26',
    time: null,
    timeZone: 'Asia/Shanghai (release); US session unknown',
    session: 'unknown',
    title: 'DeepSeek publishes V3 with open weights',
    summary:
      'DeepSeek put out V3, a mixture-of-experts model with 671B parameters in total and 37B active for each token, ' +
      'and posted the weights openly on GitHub and Hugging Face. Its model card puts the full training at roughly ' +
      '2.788M H800 GPU-hours.',
    label: 'DeepSeek-V3',
    category: 'deepseek',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "Hugging Face: deepseek-ai/DeepSeek-V3 commit history ('Release DeepSeek-V3', 26 Dec 2024)",
        url: 'https://huggingface.co/deepseek-ai/DeepSeek-V3/commits/63b3686c7aa0d7e086751b28f2962e816c0bac5c/README.md',
      },
      {
        title: 'Hugging Face: deepseek-ai/DeepSeek-V3-Base commit history',
        url: 'https://huggingface.co/deepseek-ai/DeepSeek-V3-Base/commits/b3480c8cccc78b782bb7623abb79cc4d104831ad',
      },
      {
        title: 'GitHub: deepseek-ai/DeepSeek-V3 repository and model card',
        url: 'https://github.com/deepseek-ai/DeepSeek-V3',
      },
      {
        title: 'Hubel Labs: blog post on the open-source DeepSeek-V3 release',
        url: 'https://hubel-labs.com/blog-posts-database/open-source-deepseek-v3-frontier-llm-model-released-by-chinese-team',
      },
    ],
    verification: 'yes',
    verificationNote:
      "DeepSeek's own Hugging Face commit history shows 'Release DeepSeek-V3' on 26 December after uploads on the 25th; the GPU-hour figure is from its README. The hour of release was not found, so the US session is unknown.",
    importance: 'minor',
  },
  {
    id: '2024-12-27-deepseek-v3-report',
    date: '2024-12-27',
    time: null,
    timeZone: null,
    session: 'unknown',
    title: 'V3 technical report prices the final training run at about $5.6M',
    summary:
      'The V3 report (arXiv 2412.19437) was submitted on 27 December. It estimates the final training run at roughly ' +
      '$5.576M, assuming H800 time rents for $2 per GPU-hour, and says the figure leaves out earlier research, ablation ' +
      'runs, hardware and staff. Coverage of the report says about 2,048 H800s were used for around two months.',
    label: 'V3 paper ($5.6M)',
    category: 'deepseek',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "Hugging Face: DeepSeek's V3 collection (technical report, published 27 Dec 2024)",
        url: 'https://huggingface.co/collections/deepseek-ai/deepseek-v3',
      },
      { title: 'arXiv 2412.19437: DeepSeek-V3 Technical Report (PDF)', url: 'https://arxiv.org/pdf/2412.19437' },
      { title: 'SciLynk: paper record with the submission date', url: 'https://www.scilynk.com/paper/W4405903187' },
      { title: 'IBM Think: explainer on DeepSeek', url: 'https://www.ibm.com/think/topics/deepseek' },
      {
        title: 'Center Consulting AI library: DeepSeek-V3 paper summary',
        url: 'https://centerconsulting.com/ai-library/papers/deepseek-v3',
      },
    ],
    verification: 'partial',
    verificationNote:
      'The submission date comes from two paper indexes. The $5.576M figure and the $2-per-hour assumption are quoted by IBM and others; the PDF itself could not be opened. The 2,048-GPU count comes only from secondary pages.',
    importance: 'minor',
  },
  {
    id: '2025-01-03-msft-80b',
    date: '2025-01-03',
    time: null,
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'Microsoft plans about $80B of AI datacenter spending in FY2025',
    summary:
      "Brad Smith, Microsoft's president, wrote in a blog post that the company expected to invest around $80B in " +
      'datacenters built for AI during its 2025 fiscal year, with more than half of it spent in the United States.',
    label: 'MSFT $80B plan',
    category: 'company',
    symbols: ['MSFT', 'NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: 'AFP via Fortune: Microsoft president on $80B of AI spending',
        url: 'https://fortune.com/2025/01/03/microsoft-president-ai-electricity-of-our-age-80-billion-spend',
      },
      {
        title: 'Anadolu via A News: Microsoft to spend $80B on AI data centers',
        url: 'https://www.anews.com.tr/tech/2025/01/04/microsoft-to-spend-80-billion-on-ai-data-centers-in-fiscal-2025',
      },
    ],
    verification: 'yes',
    verificationNote: 'Two wire reports quote the blog post. When it was posted is not known.',
    importance: 'minor',
  },
  {
    id: '2025-01-06-nvda-record-close',
    date: '2025-01-06',
    time: '16:00 ET',
    timeZone: 'America/New_York',
    session: 'close',
    title: 'NVDA sets a record close near $149.43',
    summary:
      "On the day of Jensen Huang's CES keynote NVDA rose 3.4% to a record close of $149.43, the January high from which the later slide can be measured; it stood until June.",
    label: 'NVDA record close',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "Arabian Business: 'Nvidia's previous record close was $149.43 on January 6'",
        url: 'https://www.arabianbusiness.com/industries/technology/nvidia-shares-surge-as-it-becomes-worlds-most-valuable-company-again',
      },
      {
        title: 'Bloomberg via Business Standard: the record that had stood since January',
        url: 'https://www.business-standard.com/amp/world-news/as-shares-hit-record-nvidia-reclaims-title-of-world-top-valued-stock-125062600130_1.html',
      },
      {
        title: "Nvidia Daily: why NVDA's price has fallen (ABC-derived explainer)",
        url: 'https://nvidiadaily.com/index.php/2025/01/28/what-is-nvidia-why-the-nvda-stock-price-has-fallen-and-why-everyone-is-talking-about-it',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Bloomberg via Business Standard and Arabian Business give the $149.43 record; it is the highest close in the price data until 25 June 2025.',
    importance: 'minor',
    moves: [{ symbol: 'NVDA', date: '2025-01-06', pct: 3.4, rounding: 0.1 }],
  },
  {
    id: '2025-01-09-market-closed-carter',
    date: '2025-01-09',
    time: null,
    timeZone: 'America/New_York',
    session: 'market_closed',
    title: "US stock markets shut for President Carter's day of mourning",
    summary:
      'Thursday 9 January was declared a national day of mourning for Jimmy Carter, and neither NYSE nor ' +
      'Nasdaq opened for stocks or options that day; the bond market shut early, at 2 p.m. ET. There is no ' +
      'session to plot on this date.',
    label: 'Closed (Carter)',
    category: 'market',
    symbols: [],
    indexSymbols: [],
    sources: [
      {
        title: 'Fox Business: NYSE and Nasdaq to close on 9 January for the day of mourning (quotes both exchanges)',
        url: 'https://www.foxbusiness.com/markets/nyse-nasdaq-close-jan-9-national-day-mourning-following-death-jimmy-carter',
      },
      {
        title: 'The Epoch Times: NYSE and Nasdaq to close on Jan. 9 for Carter day of mourning',
        url: 'https://theepochtimes.com/business/nyse-nasdaq-to-close-on-jan-9-to-observe-day-of-mourning-for-carter-5783784',
      },
      {
        title: 'AP via NewsMuncher: US stock markets closed for national day of mourning',
        url: 'https://newsmuncher.com/article/76f499b6233e429abeaff7b480d586a8/us-stock-markets-to-remain-closed-in-honor-of-jimmy-carter-on-national-day-of-mourning',
      },
      FIRSTRADE_HOLIDAYS,
    ],
    verification: 'yes',
    verificationNote: 'A newspaper, an AP syndication and a broker holiday table all agree.',
    importance: 'minor',
  },
  {
    id: '2025-01-10-deepseek-app',
    date: '2025-01-10',
    time: null,
    timeZone: null,
    session: 'unknown',
    title: 'DeepSeek launches its V3-based chatbot app',
    summary:
      "DeepSeek's chatbot app for consumers, built on V3, went live on 10 January according to press " +
      'reports. It is the same app that sat at the top of the US download charts about two weeks later.',
    label: 'DeepSeek app',
    category: 'deepseek',
    symbols: [],
    indexSymbols: [],
    sources: [
      {
        title: "The Trumpet: report on Alibaba's Qwen 2.5 that dates the DeepSeek app launch",
        url: 'https://thetrumpet.ng/ai-war-alibaba-unleashes-qwen-2-5-ai-model-claims-it-outperforms-deepseek-v3-gpt-4o',
      },
    ],
    verification: 'partial',
    verificationNote:
      'Only a secondary page that paraphrases Reuters. Another page confuses this date with the V3 model release.',
    importance: 'minor',
  },
  {
    id: '2025-01-13-ai-diffusion-rule',
    date: '2025-01-13',
    time: 'morning ET',
    timeZone: 'America/New_York',
    session: 'pre_or_during',
    title: "Commerce issues the 'AI Diffusion' export rule; Nvidia pushes back",
    summary:
      "An interim Commerce Department rule divided the world into three tiers of access to advanced AI chips and model weights, capping volumes for most countries. Nvidia's head of government affairs attacked it publicly as a misguided overreach. NVDA fell 2.0% and most chip stocks slipped, but AMD (+1.1%) and Broadcom (+0.4%) closed higher.",
    label: 'AI Diffusion rule',
    category: 'policy',
    symbols: ['NVDA', 'AMD', 'AVGO', 'ORCL'],
    indexSymbols: [],
    sources: [
      {
        title: 'BIS (primary): advanced computing and AI diffusion interim final rule',
        url: 'https://bis.gov/advanced-compute-resources',
      },
      {
        title: 'Federal Register doc 2025-00636 (90 FR 4544), via the FR Tracker mirror of the Federal Register API',
        url: 'https://frtracker.app/fr/2025-00636',
      },
      {
        title: 'WinBuzzer: new US AI chip export rules face industry backlash',
        url: 'https://winbuzzer.com/2025/01/13/new-us-ai-chip-export-rules-face-industry-backlash-bz-nvidia-and-others-xcxwbn/',
      },
      {
        title: "Fortune via inkl: Nvidia's sharp words for the AI export-control rules",
        url: 'https://inkl.com/news/nvidia-takes-the-gloves-off-with-sharp-words-for-biden-s-ai-export-control-rules-while-trumpeting-trump-s-return',
      },
      {
        title: 'Azzet: US ramps up AI security measures on Nvidia chips',
        url: 'https://azzet.com/news/us-ramps-up-ai-security-measures-nvidia-chips-in',
      },
    ],
    verification: 'yes',
    verificationNote:
      'The BIS page (primary) and the Federal Register entry for the rule; Fortune reports it came out that morning. An earlier text said chip stocks fell; the price data show AMD and Broadcom, two of its symbols, closed higher, and the text now says so.',
    importance: 'minor',
    moves: [
      { symbol: 'NVDA', date: '2025-01-13', pct: -2.0, rounding: 0.1 },
      { symbol: 'AMD', date: '2025-01-13', pct: 1.1, rounding: 0.1 },
      { symbol: 'AVGO', date: '2025-01-13', pct: 0.4, rounding: 0.1 },
    ],
  },
  {
    id: '2025-01-20-mlk-holiday-inauguration',
    date: '2025-01-20',
    time: null,
    timeZone: 'America/New_York',
    session: 'market_closed',
    title: "Markets closed on MLK Day as Trump takes office and revokes Biden's AI order",
    summary:
      'Inauguration day fell on Martin Luther King Jr. Day, a market holiday, so US exchanges did not ' +
      'trade. Among his first-day actions, Trump rescinded EO 14110, the AI executive order Biden signed in ' +
      '2023.',
    label: 'Inauguration (closed)',
    category: 'policy',
    symbols: [],
    indexSymbols: [],
    sources: [
      FIRSTRADE_HOLIDAYS,
      {
        title: 'Mondaq: a new executive order on artificial intelligence',
        url: 'https://www.mondaq.com/unitedstates/new-technology/1584288/a-new-executive-order-has-been-issued-on-artificial-intelligence',
      },
      WIKIPEDIA_EO_14179,
    ],
    verification: 'yes',
    verificationNote:
      'The closure is from a broker holiday table; the date of the revocation from Mondaq and Wikipedia.',
    importance: 'minor',
  },
  {
    id: '2025-01-20-deepseek-r1',
    date: '2025-01-20',
    time: null,
    timeZone: 'Asia/Shanghai',
    session: 'market_closed',
    title: 'DeepSeek releases the R1 reasoning model under the MIT license',
    summary:
      "DeepSeek published its reasoning models R1 and R1-Zero, which it says match OpenAI's o1 on maths, coding and " +
      "reasoning, under the MIT license, along with six smaller distilled models and a 'deepseek-reasoner' API. The " +
      'day was a US market holiday, so 21 January was the first session that could react.',
    label: 'R1 release',
    category: 'deepseek',
    symbols: ['NVDA', 'MSFT', 'META', 'GOOGL'],
    indexSymbols: [],
    sources: [
      { title: 'GitHub: deepseek-ai/DeepSeek-R1 repository', url: 'https://github.com/deepseek-ai/DeepSeek-R1' },
      {
        title: "StudyNil: mirror of DeepSeek's 20 January news post",
        url: 'https://www.studynil.com/ai/ai-tools/deepseek/news/news250120.html',
      },
      { title: 'OpenRouter: DeepSeek R1 model page', url: 'https://openrouter.ai/deepseek/deepseek-r1' },
    ],
    verification: 'yes',
    verificationNote:
      "What was released comes from the repository README; the date from a mirror of DeepSeek's news page and OpenRouter's listing. The hour was not found.",
    importance: 'major',
  },
  {
    id: '2025-01-21-stargate',
    date: '2025-01-21',
    time: 'late afternoon ET, around or just after 16:00',
    timeZone: 'America/New_York',
    session: 'after_close_likely',
    title: 'White House launch of the $500B Stargate Project',
    summary:
      'In the Roosevelt Room, Trump appeared with Sam Altman, Masayoshi Son and Larry Ellison to present Stargate, a ' +
      'new company that will build AI infrastructure in the US for OpenAI. It plans to commit $100B right away and up ' +
      'to $500B over four years. SoftBank, OpenAI, Oracle and MGX are the first equity investors; Arm, Microsoft, ' +
      'NVIDIA, Oracle and OpenAI the first technology partners. Son chairs it, and the first site is in Texas.',
    label: 'Stargate',
    category: 'stargate',
    symbols: ['ORCL', 'NVDA', 'MSFT', 'ARM', 'SFTBY', '9984.T'],
    indexSymbols: [],
    sources: [
      {
        title: 'OpenAI: Announcing The Stargate Project',
        url: 'https://openai.com/index/announcing-the-stargate-project/',
      },
      {
        title: "WTGuru: mirror of OpenAI's Stargate announcement",
        url: 'https://piggo.wtguru.com/news/14133/announcing-the-stargate-project',
      },
      {
        title: "Center Consulting AI library: Stargate milestone (quotes SoftBank's release)",
        url: 'https://www.centerconsulting.com/ai-library/milestones/2025-stargate',
      },
      {
        title: 'The American Presidency Project: remarks on AI infrastructure with reporters',
        url: 'https://presidency.ucsb.edu/documents/remarks-artificial-intelligence-infrastructure-development-and-exchange-with-reporters',
      },
      {
        title: 'WBFO: what Trump did on his first full day',
        url: 'https://www.wbfo.org/2025-01-21/what-did-trump-do-on-his-first-full-day',
      },
      {
        title: 'TopNews: economy coverage of the Stargate announcement',
        url: 'https://1375.topnews.com/en/economy/?article=6028587531008644330-e05a094d9fac935f16&thread=6028587531008644330',
      },
      {
        title: "AP (Michelle L. Price) via an e-paper copy: executives to 'join Trump in the afternoon'",
        url: 'http://online.flipbuilder.com/toms/ygru/files/basic-html/page2.html',
      },
      {
        title: "CNBC via NBC Connecticut: Musk undercuts Trump's Stargate announcement ('Tuesday afternoon')",
        url: 'https://www.nbcconnecticut.com/news/business/money-report/musk-undercuts-trumps-stargate-ai-investment-announcement/3480315/',
      },
      {
        title: 'The Telegraph (India): OpenAI and Oracle form Stargate with SoftBank',
        url: 'https://www.telegraphindia.com/world/openai-oracle-form-ai-data-firm-stargate-with-softbank-launching-100-billion-infrastructure-project/cid/2079133',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Content checked through a mirror of OpenAI's post and a quote of SoftBank's release; openai.com itself could not be fetched. AP, CNBC and the Telegraph put it in the afternoon; Forbes has ORCL up 7% in regular trading on early reports (the price data: +7.17%) and about 3% more after the announcement, which puts it after the close. No start time was found.",
    importance: 'major',
  },
  {
    id: '2025-01-21-musk-no-money',
    date: '2025-01-21',
    time: 'evening ET',
    timeZone: 'America/New_York',
    session: 'after_close',
    title: "Musk says Stargate's backers lack the money",
    summary:
      "Replying on X to OpenAI's Stargate post, Elon Musk claimed the investors did not really have the funds and that " +
      "SoftBank had 'well under $10B secured'. Altman disputed it the next day. Most outlets reported the exchange on 22 January.",
    label: 'Musk doubts Stargate',
    category: 'stargate',
    symbols: ['ORCL', 'SFTBY', '9984.T', 'TSLA'],
    indexSymbols: [],
    sources: [
      {
        title: "CNBC via NBC Connecticut: Musk undercuts Trump's Stargate announcement",
        url: 'https://www.nbcconnecticut.com/news/business/money-report/musk-undercuts-trumps-stargate-ai-investment-announcement/3480315/',
      },
      {
        title: 'CNN via RNZ: Musk bashes the AI project Trump announced',
        url: 'https://www-green.cache-green.aws.rnz.net.nz/news/world/539748/musk-bashes-nz-880b-ai-project-trump-announced-claiming-its-backers-don-t-have-the-money',
      },
      {
        title: 'CNN via KRDO: Musk says Stargate backers do not have the money',
        url: 'https://krdo.com/news/2025/01/22/elon-musk-bashes-the-500-billion-ai-project-trump-announced-claiming-its-backers-dont-have-the-money/',
      },
      NEWSER_MUSK_DOUBTS,
      {
        title: 'Breitbart: Musk claims the Stargate project does not have the money',
        url: 'https://www.breitbart.com/tech/2025/01/22/sour-grapes-elon-musk-claims-trumps-ai-stargate-project-doesnt-have-the-money/',
      },
      {
        title: 'Nvidia Daily: Musk says the Stargate programme lacks funding',
        url: 'https://nvidiadaily.com/index.php/2025/01/23/says-stargate-ai-program-lacks-funding',
      },
    ],
    verification: 'yes',
    verificationNote:
      'CNBC via NBC Connecticut says Musk wrote overnight on Tuesday and Altman replied on Wednesday morning; CNN copies agree. It was posted on the evening of 21 January ET; 22 January is the day it was covered.',
    importance: 'major',
  },
  {
    id: '2025-01-22-stargate-reaction',
    date: '2025-01-22',
    time: 'pre-market and regular session ET',
    timeZone: 'America/New_York',
    session: 'during',
    title: 'Stargate names rally: Oracle, SoftBank, Arm and Nvidia rise',
    summary:
      "Oracle was up roughly 9-11% before the open and closed 6.8% higher; SoftBank finished 10.6% higher in Tokyo, Arm closed up 15.9% and Nvidia 4.4%. When CNBC asked about Musk's jab, Satya Nadella would say only that Microsoft was good for its $80B.",
    label: 'Stargate rally',
    category: 'market',
    symbols: ['ORCL', '9984.T', 'SFTBY', 'ARM', 'NVDA', 'MSFT'],
    indexSymbols: [],
    sources: [
      {
        title: 'Reuters (Medha Singh) via ARY News: Oracle shares jump on Stargate',
        url: 'https://arynews.tv/oracle-shares-price-january-22-2025/',
      },
      {
        title: 'Reuters via BusinessLive: Oracle shares surge after $500B Stargate plan',
        url: 'https://www.businesslive.co.za/bd/companies/telecoms-and-technology/2025-01-22-oracle-shares-surge-after-500bn-stargate-plan-revealed/',
      },
      {
        title: 'Fast Company: Oracle, SoftBank, Arm and Nvidia shares soar on Stargate',
        url: 'https://www.fastcompany.com/91265176/stargate-ai-project-news-oracle-softbank-arm-nvidia-stock-prices-soar',
      },
      { title: 'Breaking AI News: copy of MarketWatch market coverage', url: 'https://breakingai.news/?p=6816' },
      NEWSER_MUSK_DOUBTS,
    ],
    verification: 'yes',
    verificationNote:
      "Reuters via BusinessLive and ARY News, Fast Company and a MarketWatch copy for the early moves; the closing moves are the price data's.",
    importance: 'major',
    moves: [
      { symbol: 'ORCL', date: '2025-01-22', pct: 6.8, rounding: 0.1 },
      { symbol: '9984.T', date: '2025-01-22', pct: 10.6, rounding: 0.1 },
      { symbol: 'ARM', date: '2025-01-22', pct: 15.9, rounding: 0.1 },
      { symbol: 'NVDA', date: '2025-01-22', pct: 4.4, rounding: 0.1 },
    ],
  },
  {
    id: '2025-01-22-r1-arxiv',
    date: '2025-01-22',
    time: null,
    timeZone: null,
    session: 'unknown',
    title: 'The R1 paper appears on arXiv',
    summary:
      "DeepSeek's R1 paper, on building reasoning ability with reinforcement learning, was posted to arXiv as " +
      '2501.12948 on 22 January, two days after the model; the repository had carried the same PDF since release day.',
    label: 'R1 paper',
    category: 'deepseek',
    symbols: [],
    indexSymbols: [],
    sources: [
      { title: 'arXiv 2501.12948: DeepSeek-R1 paper', url: 'https://arxiv.org/abs/2501.12948' },
      { title: 'Takara TLDR: summary page for 2501.12948', url: 'https://tldr.takara.ai/p/2501.12948' },
      { title: "Cong Chan's blog: notes on DeepSeek-R1", url: 'https://congchan.github.io/posts/deepseek-r1' },
      {
        title: 'Center Consulting AI library: DeepSeek-R1 milestone',
        url: 'https://www.centerconsulting.com/ai-library/milestones/2025-deepseek-r1',
      },
    ],
    verification: 'yes',
    verificationNote: 'Several citation pages give 22 January 2025.',
    importance: 'minor',
  },
  {
    id: '2025-01-23-eo-14179',
    date: '2025-01-23',
    time: null,
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'Trump signs EO 14179 on US leadership in AI',
    summary:
      'Under this order, agencies had to go back over whatever they had done under the rescinded Biden AI ' +
      'order and reverse what stood in the way, and an AI Action Plan was due within 180 days.',
    label: 'EO 14179',
    category: 'policy',
    symbols: [],
    indexSymbols: [],
    sources: [
      {
        title: 'Federal Register via govinfo (primary): Executive Order 14179 of 23 January 2025, 90 FR 8741',
        url: 'https://www.govinfo.gov/content/pkg/FR-2025-01-31/html/2025-02172.htm',
      },
      WIKIPEDIA_EO_14179,
      {
        title: 'Skadden: executive briefing on the withdrawn Biden AI order',
        url: 'https://skadden.com/insights/publications/executive-briefing/ai-broad-biden-order-is-withdrawn',
      },
    ],
    verification: 'yes',
    verificationNote:
      'The order as published in the Federal Register (primary), with Wikipedia and Skadden; the time of signing was not recorded.',
    importance: 'minor',
  },
  {
    id: '2025-01-24-meta-capex-nvda',
    date: '2025-01-24',
    time: 'before the open ET',
    timeZone: 'America/New_York',
    session: 'pre_market',
    title: 'Meta targets $60-65B of 2025 capex; NVDA slips 3.1%',
    summary:
      "In a Facebook post before Friday's open, Mark Zuckerberg put Meta's 2025 capital spending at $60-65B, mostly for AI datacenters, and said the company would end the year with more than 1.3M GPUs. NVDA lost 3.1% that day to close at $142.62, its last close before the DeepSeek sell-off.",
    label: 'Meta capex plan',
    category: 'company',
    symbols: ['META', 'NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: 'Reuters (Jaspreet Singh) headline via Unshared News: Meta plans $60-65B of capex in 2025',
        url: 'https://www.unsharednews.com/mark-zuckerberg-says-meta-is-planning-to-invest-60b-to-65b-in-capex-in-2025-will-end-the-year-with-13m-gpus-and-plans-to-grow-its-ai-teams-significantly-jaspreet-singhreuters',
      },
      {
        title: 'Mint (citing Reuters): Meta plans to invest up to $65 billion in 2025',
        url: 'https://www.livemint.com/market/stock-market-news/meta-plans-to-invest-up-to-65-billion-for-capex-in-2025-shares-gain-1-6-in-early-market-session/amp-11737730373511.html',
      },
      {
        title: 'ForexLive: Zuckerberg says Meta will invest $60-65B; META lower in premarket trading',
        url: 'https://www.forexlive.com/news/metas-zuckerberg-says-will-invest-60-65b-in-capex-this-year-20250124/',
      },
      {
        title: 'Quartz: Meta fourth-quarter earnings and AI data centers',
        url: 'https://qz.com/meta-fourth-quarter-earnings-revenue-ai-data-centers-1851747683',
      },
      {
        title: 'Wealth Creation Investing: Nvidia slides as AI capex faces questions',
        url: 'https://wealthcreationinvesting.com/investing-news/nvidia-stock-slides-as-ai-related-capex-faces-questions-post-chinas-deepseek-launch',
      },
      EPOCH_NVIDIA_600B,
    ],
    verification: 'yes',
    verificationNote:
      "Reuters copies give the post; ForexLive saw META moving lower in premarket trading on the news, so the post came before the 09:30 open (an earlier entry said 'during'). Two secondary sources and the price data give NVDA's $142.62 close.",
    importance: 'minor',
    moves: [{ symbol: 'NVDA', date: '2025-01-24', pct: -3.1, rounding: 0.1 }],
  },
  {
    id: '2025-01-26-deepseek-appstore',
    date: '2025-01-26',
    time: null,
    timeZone: 'America/New_York',
    session: 'weekend',
    title: 'DeepSeek tops the US App Store free chart',
    summary:
      'On Sunday 26 January, Appfigures data put DeepSeek first among free iPhone apps in the US, ahead of ChatGPT, ' +
      'after ranking around 31st a few days earlier. By Monday it led in the US and 51 other countries, and Reuters ' +
      'reported it had overtaken ChatGPT in downloads.',
    label: 'App Store #1',
    category: 'deepseek',
    symbols: ['AAPL', 'MSFT'],
    indexSymbols: [],
    sources: [
      {
        title: "TechCrunch via Guidantech: DeepSeek displaces ChatGPT as the App Store's top app",
        url: 'https://guidantech.com/deepseek-displaces-chatgpt-as-the-app-stores-top-app',
      },
      {
        title: 'TechEdt: DeepSeek overtakes ChatGPT as the No. 1 app',
        url: 'https://techedt.com/deepseek-overtakes-chatgpt-as-the-no-1-app-on-the-app-store',
      },
      REUTERS_NASDAQ_FUTURES,
    ],
    verification: 'yes',
    verificationNote: 'TechCrunch copies citing Appfigures and Sensor Tower, plus Reuters.',
    importance: 'minor',
  },
  {
    id: '2025-01-27-nvda-record-loss',
    date: '2025-01-27',
    time: '09:30-16:00 ET',
    timeZone: 'America/New_York',
    session: 'during',
    title: 'NVDA falls about 17%, the largest one-day value loss of any US company',
    summary:
      'Nvidia dropped around 17% on Monday, its worst day since March 2020, erasing about $589B (Bloomberg) or $593B ' +
      "(LSEG/Reuters) of market value. No US company had ever lost as much in a day; Nvidia's own earlier record was " +
      '$279B in September 2024. Its value went from roughly $3.5T to $2.9T and it lost the most-valuable-company title.',
    label: 'NVDA −17%',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: 'Reuters (Caroline Valetkevitch) via Financetom: Nasdaq drops 3% as DeepSeek hits tech shares',
        url: 'http://financetom.com/market/us-stocksnasdaq-drops-3-as-chinas-deepseek-ai-model-hits-tech-shares-327020.htm',
      },
      { title: "PR Chief (copy of CNBC): Nvidia's worst day since March 2020", url: 'https://prchief.com/?p=81728' },
      REUTERS_NASDAQ_FUTURES,
      {
        title: 'CNBC via T-Room: Nvidia sheds almost $600B in market cap',
        url: 'https://t-room.us/finance/nvidia-sheds-almost-600b-in-market-cap-biggest-one-day-loss-in-u-s-history/',
      },
      SCOON_BIGGEST_LOSS,
      {
        title: 'Fintech News: Nvidia plunge erases a record $589B',
        url: 'https://fintechnews.site/nvidia-s-plunge-erases-record-589-billion-ripples-through-market',
      },
      EPOCH_NVIDIA_600B,
    ],
    verification: 'yes',
    verificationNote:
      'Reuters (a bylined copy via Financetom, $593B per LSEG), CNBC, Forbes and Bloomberg copies. The close differs by source: $118.42 (−16.97%), $118.58 (−16.86%) or $118.51; the price data give $118.42.',
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2025-01-27', pct: -17, rounding: 1 }],
  },
  {
    id: '2025-01-27-index-moves',
    date: '2025-01-27',
    time: '16:00 ET',
    timeZone: 'America/New_York',
    session: 'close',
    title: 'Nasdaq −3.07%, S&P 500 −1.46%, chip index −9.2%; the Dow rises',
    summary:
      'The Nasdaq Composite fell 612.47 points to 19,341.83 and the S&P 500 lost 88.96 to 6,012.28, while the Dow ' +
      'gained 289.33 to 44,713.58 as money moved into defensive stocks. The Philadelphia semiconductor index slid 9.2%, ' +
      'its worst session since March 2020. AI-infrastructure names such as Broadcom, TSMC, Arm, Marvell and Oracle ' +
      'fell hardest; Apple gained.',
    label: 'Nasdaq −3.1%',
    category: 'market',
    symbols: ['AVGO', 'TSM', 'ARM', 'MRVL', 'ORCL', 'AAPL'],
    indexSymbols: ['^IXIC', '^GSPC', '^SOX', '^DJI'],
    sources: [
      {
        title: 'Reuters (Caroline Valetkevitch) via Financetom: index closes of 27 January',
        url: 'http://financetom.com/market/us-stocksnasdaq-drops-3-as-chinas-deepseek-ai-model-hits-tech-shares-327020.htm',
      },
      REUTERS_NASDAQ_FUTURES,
      {
        title: 'inkl: tech stocks crash as Nvidia tumbles on China AI threat',
        url: 'https://inkl.com/news/stock-market-today-tech-stocks-crash-nvidia-tumbles-on-china-ai-threat',
      },
      {
        title: 'AP via Milwaukee Independent: tech stocks tumble with heavy losses for Nvidia',
        url: 'https://milwaukeeindependent.com/newswire/tech-stocks-tumble-heavy-losses-nvidia-chinese-competitor-threatens-upend-ai-frenzy',
      },
      {
        title: 'High Energy Trading: semiconductor upheaval after DeepSeek',
        url: 'https://highenergytrading.net/posts/deepseek-ai-nvidia-market-collapse-semiconductor-upheaval',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Index closes from Reuters. Single-stock moves (AVGO about −17%, TSM about −13%, ARM about −10%, ORCL about −14%) come from secondary pages; AP reports SoftBank −8.3% in Tokyo.',
    importance: 'major',
  },
  {
    id: '2025-01-27-nvidia-statement',
    date: '2025-01-27',
    time: 'afternoon ET',
    timeZone: 'America/New_York',
    session: 'during',
    title: "Nvidia praises R1 as an 'excellent' advance",
    summary:
      "Speaking to CNBC, a Nvidia spokesperson praised DeepSeek's model as an excellent step forward built " +
      'on test-time scaling with export-compliant hardware, and argued that running such models for many ' +
      'users still needs plenty of Nvidia GPUs and high-speed networking.',
    label: 'Nvidia responds',
    category: 'company',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      { title: "Slicast: Nvidia's statement on DeepSeek", url: 'https://www.slicast.com/article/1sf6hyh' },
      NVIDIA_BOUNCE,
      SCOON_BIGGEST_LOSS,
    ],
    verification: 'yes',
    verificationNote: 'CNBC and Reuters wording through copies; Forbes describes it as an afternoon statement.',
    importance: 'major',
  },
  {
    id: '2025-01-27-deepseek-attack',
    date: '2025-01-27',
    time: null,
    timeZone: 'Asia/Shanghai / America/New_York',
    session: 'unknown',
    title: 'DeepSeek restricts sign-ups after cyberattacks',
    summary:
      "DeepSeek's status page announced a temporary limit on new registrations, citing large-scale malicious attacks; " +
      'existing users could still log in. NSFocus later described DDoS waves between 25 and 27 January.',
    label: 'Sign-ups limited',
    category: 'deepseek',
    symbols: [],
    indexSymbols: [],
    sources: [
      { title: 'Tech Startups: DeepSeek limits registrations after attacks', url: 'https://techstartups.com/?p=94046' },
      {
        title: 'TechTarget SearchSecurity (copy): NSFocus on DDoS attacks against DeepSeek',
        url: 'https://vuink.com/post/grpugnetrg-d-dpbz/searchsecurity/news/366618543/NSFocus-DeepSeek-AI-hit-with-well-planned-DDoS-attacks',
      },
    ],
    verification: 'yes',
    verificationNote: 'Seen in both sources; the hour is not known.',
    importance: 'minor',
  },
  {
    id: '2025-01-27-janus-pro',
    date: '2025-01-27',
    time: null,
    timeZone: 'Asia/Shanghai (early Jan 28 local, per one report)',
    session: 'unknown',
    title: 'DeepSeek open-sources the Janus-Pro image model',
    summary:
      'DeepSeek released Janus-Pro in 1B and 7B sizes, a multimodal model that can both interpret and generate images. ' +
      'It reports a GenEval score of 0.80, against 0.67 for DALL-E 3 and 0.74 for SD3-Medium. It came out during the ' +
      'sell-off but did not set it off.',
    label: 'Janus-Pro',
    category: 'deepseek',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      { title: 'GitHub: deepseek-ai/Janus repository', url: 'https://github.com/deepseek-ai/Janus' },
      {
        title: 'Weights & Biases ML news: Janus-Pro image generation model',
        url: 'https://wandb.ai/byyoung3/ml-news/reports/DeepSeek-s-new-multi-modal-image-generation-model-Janus-Pro---VmlldzoxMTEyMjg2MA',
      },
      {
        title: 'XYZ Labs (Substack): DeepSeek launches Janus-Pro',
        url: 'https://xyzlabs.substack.com/p/deepseek-launches-janus-pro-a-new',
      },
    ],
    verification: 'yes',
    verificationNote:
      "The repository's news line dates the release 27 January. One page places it in the early hours of 28 January in Beijing (27 January in the US), so the US session is uncertain.",
    importance: 'major',
  },
  {
    id: '2025-01-27-trump-wakeup',
    date: '2025-01-27',
    time: 'evening ET (after 17:00)',
    timeZone: 'America/New_York',
    session: 'after_close',
    title: "Trump calls DeepSeek a 'wake-up call' for US industry",
    summary:
      'At the House Republican retreat at Doral, Trump told lawmakers DeepSeek should serve as a spur for ' +
      'US companies and suggested cheaper AI might even be positive. The same speech included a threat of ' +
      'tariffs on chips made abroad.',
    label: "'Wake-up call'",
    category: 'policy',
    symbols: ['NVDA', 'TSM'],
    indexSymbols: [],
    sources: [
      {
        title: "AP via Prince George Citizen: Trump called the DeepSeek news 'positive' and a 'wake-up call'",
        url: 'https://princegeorgecitizen.com/politics/president-trump-to-meet-with-nvidia-ceo-jensen-huang-at-the-white-house-10162842',
      },
      { title: 'Yahoo News: Trump on DeepSeek', url: 'https://au.news.yahoo.com/trump-deepseek-224113253.html' },
      {
        title: 'Business Standard: Trump vows tariffs and calls DeepSeek progress good',
        url: 'https://www.business-standard.com/amp/world-news/trump-vows-tariffs-on-foreign-firms-calls-deepseek-progress-good-125012800132_1.html',
      },
      {
        title: 'CNN transcript, 27 January 2025',
        url: 'https://transcripts.cnn.com/show/cg/date/2025-01-27/segment/02',
      },
    ],
    verification: 'yes',
    verificationNote:
      'AP via Prince George Citizen, The Hill and Bloomberg copies. A CNN transcript at 17:00 ET says the speech was about to start, so it came after the close.',
    importance: 'major',
  },
  {
    id: '2025-01-27-altman-response',
    date: '2025-01-27',
    time: 'evening ET',
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'Altman calls R1 impressive and says OpenAI will bring releases forward',
    summary:
      'Sam Altman posted on X that R1 was impressive given its price and that a fresh competitor was ' +
      'invigorating. He promised that OpenAI would pull some releases forward and reaffirmed his belief ' +
      'that more compute matters.',
    label: 'Altman responds',
    category: 'company',
    symbols: ['MSFT'],
    indexSymbols: [],
    sources: [
      {
        title: 'Business Standard: Sam Altman on DeepSeek R1',
        url: 'https://www.business-standard.com/amp/technology/tech-news/sam-altman-deepseek-r1-openai-agi-race-chatgpt-125012800400_1.html',
      },
      {
        title: "Tech Startups: Altman breaks his silence on DeepSeek's breakthrough",
        url: 'https://techstartups.com/2025/01/28/openai-ceo-sam-altman-finally-breaks-silence-on-deepseeks-ai-breakthrough-heres-what-he-said',
      },
    ],
    verification: 'yes',
    verificationNote:
      'The embedded post is dated 28 January UTC, the evening of 27 January in New York; Axios copies call it Monday.',
    importance: 'minor',
  },
  {
    id: '2025-01-28-nvda-rebound',
    date: '2025-01-28',
    time: '16:00 ET',
    timeZone: 'America/New_York',
    session: 'close',
    title: 'NVDA wins back roughly 9%',
    summary:
      "Nvidia bounced by roughly 9% on Tuesday to close at $128.99: retail money bought the dip and most analysts left their ratings unchanged. The gain made up only part of Monday's loss.",
    label: 'NVDA rebound',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title:
          "Bloomberg Law: Microsoft probing if DeepSeek-linked group obtained OpenAI data (NVDA 'closing at $128.99')",
        url: 'https://news.bloomberglaw.com/ip-law/microsoft-probing-if-deepseek-linked-group-obtained-openai-data',
      },
      {
        title: 'Link4Din: Nvidia stock recovers after historic $600B loss',
        url: 'https://link4din.com/guardians-numeric-wisdom/business/nvidia-stock-sees-recovery-after-historic-usd-600-billion-loss/amp',
      },
      {
        title: 'Moneycontrol (Hindi): Nvidia shares rebound 9%',
        url: 'https://hindi.moneycontrol.com/news/world/nvidia-share-price-rebound-9-percent-after-600-billion-usd-deepseek-mauling-1953804.html/amp',
      },
      NVIDIA_BOUNCE,
    ],
    verification: 'yes',
    verificationNote:
      "Bloomberg, on its own Bloomberg Law site, gives the $128.99 close ('a gain of almost 9%'); the price data agree (+8.93%). Earlier pages gave $128.86, measured from another base.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2025-01-28', pct: 9, rounding: 1 }],
  },
  {
    id: '2025-01-28-distillation',
    date: '2025-01-28',
    time: null,
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'Distillation claims: Sacks, a Microsoft/OpenAI probe and the FT',
    summary:
      'The day after the sell-off, David Sacks said on Fox that there was substantial evidence of DeepSeek ' +
      'distilling OpenAI models, and Bloomberg reported a Microsoft/OpenAI look into unusual API data pulls ' +
      'by accounts possibly tied to DeepSeek. The FT (coverage dated 29 January) wrote that OpenAI had seen ' +
      "some evidence of distillation. OpenAI's own statement stayed general, about PRC firms trying to " +
      'distil US models.',
    label: 'Distillation claims',
    category: 'deepseek',
    symbols: ['MSFT', 'NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: 'Bloomberg Law: Microsoft probing if DeepSeek-linked group obtained OpenAI data',
        url: 'https://news.bloomberglaw.com/ip-law/microsoft-probing-if-deepseek-linked-group-obtained-openai-data',
      },
      {
        title: 'Bloomberg via TRT Global: Microsoft and OpenAI probe DeepSeek',
        url: 'https://trt.global/world/article/18259120',
      },
      {
        title: 'Business Today: OpenAI and Microsoft look into DeepSeek',
        url: 'https://www.businesstoday.in/technology/news/story/openai-microsoft-looking-into-deepseek-over-alleged-copying-of-ai-model-reports-462626-2025-01-30',
      },
      {
        title: 'PANews: distillation allegations against DeepSeek',
        url: 'https://panewslab.com/en/articledetails/u66tlyhx.html',
      },
      {
        title: 'Silicon Republic: DeepSeek, OpenAI and Microsoft',
        url: 'https://www.siliconrepublic.com/business/deepseek-openai-microsoft-ai-us',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Bloomberg's own report (Bloomberg Law) on 28 January carries the probe, Sacks's remark and OpenAI's statement; the FT item is known only through coverage dated 29 January. Hours unknown.",
    importance: 'major',
  },
  {
    id: '2025-01-29-qwen25-max',
    date: '2025-01-29',
    time: null,
    timeZone: 'Asia/Shanghai',
    session: 'unknown',
    title: 'Alibaba answers with Qwen2.5-Max',
    summary:
      'Alibaba Cloud used WeChat, on the first day of the Lunar New Year, to claim that its ' +
      'mixture-of-experts model Qwen2.5-Max outscored DeepSeek-V3, GPT-4o and Llama-3.1-405B on several ' +
      'benchmarks. Shipping in the middle of the holiday was taken as evidence of the pressure DeepSeek had ' +
      'created for Chinese competitors.',
    label: 'Qwen2.5-Max',
    category: 'company',
    symbols: ['BABA', '9988.HK'],
    indexSymbols: [],
    sources: [
      {
        title: 'The European Business Review: Alibaba unveils Qwen 2.5-Max',
        url: 'https://www.europeanbusinessreview.com/alibaba-unveils-new-ai-model-qwen-2-5-max-amid-deepseeks-rapid-rise/',
      },
      {
        title: "AutoGPT: China's AI race heats up as Alibaba challenges DeepSeek",
        url: 'https://autogpt.net/chinas-ai-race-heats-up-as-alibaba-challenges-deepseek',
      },
      {
        title: 'TechUncode: Qwen 2.5-Max surpasses industry giants',
        url: 'https://techuncode.com/alibabas-qwen-2-5-max-ai-model-surpasses-industry-giants-sparks-market-shifts',
      },
    ],
    verification: 'yes',
    verificationNote:
      '29 January is the Beijing date; in New York it may have been the evening of 28 January. The Qwen blog post itself was not found.',
    importance: 'minor',
  },
  {
    id: '2025-01-29-azure-r1',
    date: '2025-01-29',
    time: null,
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'R1 lands on Azure AI Foundry and GitHub; Nvidia NIM follows',
    summary:
      'A day after its probe was reported, Microsoft added R1 to the Azure AI Foundry catalogue and to GitHub Models. ' +
      'Nvidia offered R1 as a NIM microservice on 30 January.',
    label: 'R1 on Azure',
    category: 'company',
    symbols: ['MSFT', 'NVDA', 'AMZN'],
    indexSymbols: [],
    sources: [
      { title: 'heise online: DeepSeek-R1 on Azure AI Foundry and GitHub', url: 'https://heise.de/-10261707' },
      {
        title: 'WinBuzzer: GitHub adds DeepSeek-R1 while OpenAI examines possible API misuse',
        url: 'https://winbuzzer.com/2025/01/30/github-enhances-ai-offerings-with-deepseek-r1-while-openai-examines-possible-api-misuse-xcxwbn/',
      },
      {
        title: "Evrim Ağacı: DeepSeek's rise and cloud adoption",
        url: 'https://evrimagaci.org/tpg/deepseek-ais-rise-sparks-global-cloud-adoption-amid-security-concerns-175922',
      },
      {
        title: 'TechCheck: what DeepSeek means for Microsoft',
        url: 'https://techcheck.online/deepseek-just-changed-the-ai-economics-game-heres-what-it-means-for-microsoft/',
      },
    ],
    verification: 'partial',
    verificationNote: "Secondary sources only; Microsoft Learn's R1 deployment page carries no date.",
    importance: 'minor',
  },
  {
    id: '2025-01-29-msft-earnings',
    date: '2025-01-29',
    time: null,
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'Microsoft FQ2: Azure grows 31%, quarterly capex $22.6B',
    summary:
      'Revenue of $69.6B (+12%) and EPS of $3.23 beat forecasts, but Azure growth of 31% was slightly short and the 31-32% outlook disappointed. Capex reached $22.6B in the quarter, and Microsoft stood by its roughly $80B AI datacenter plan for the fiscal year. The shares fell 6.2% on 30 January, their worst day since October 2022.',
    label: 'MSFT earnings',
    category: 'earnings',
    symbols: ['MSFT'],
    indexSymbols: [],
    sources: [
      {
        title: 'Reuters via Business Recorder: Microsoft quarterly results',
        url: 'https://brecorder.com/news/amp/40345451',
      },
      {
        title: 'Finbold: why Microsoft stock is falling despite positive earnings',
        url: 'https://finbold.com/heres-why-microsoft-stock-is-falling-despite-positive-earnings/?related=1',
      },
      {
        title: 'Quartz: Microsoft second-quarter earnings',
        url: 'https://qz.com/microsoft-second-quarter-earnings-ai-copilot-openai-1851750959',
      },
      {
        title: 'Vista News: Microsoft shares slump more than 6% on outlook',
        url: 'https://vistanewsonline.com/microsoft-inventory-slumps-greater-than-6-on-disappointing-income-outlook',
      },
      {
        title: 'Neowin: Microsoft reports $69.6 billion revenue in its fiscal second quarter',
        url: 'https://www.neowin.net/news/microsoft-reports-696-billion-revenue-in-the-second-quarter-of-2025-fiscal-year/',
      },
    ],
    verification: 'yes',
    verificationNote: 'Reuters (via Business Recorder) and a CNBC copy.',
    importance: 'major',
    moves: [{ symbol: 'MSFT', date: '2025-01-30', pct: -6.2, rounding: 0.1 }],
  },
  {
    id: '2025-01-29-meta-earnings',
    date: '2025-01-29',
    time: 'call at 17:00 ET',
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'Meta Q4 2024 beats and keeps its $60-65B capex plan',
    summary:
      'Meta reported Q4 revenue of $48.39B (+21%) and EPS of $8.02, above expectations. Capex for 2024 came to ' +
      '$39.23B, and management repeated the $60-65B plan for 2025. Zuckerberg said DeepSeek strengthened the case for ' +
      'an open-source standard.',
    label: 'META earnings',
    category: 'earnings',
    symbols: ['META'],
    indexSymbols: [],
    sources: [
      {
        title: 'MENAFN: Meta reports fourth-quarter and full-year 2024 results',
        url: 'https://menafn.com/1109145737/Meta-Reports-Fourth-Quarter-And-Full-Year-2024-Results',
      },
      { title: 'Digital Producer: Meta Q4 2024 results', url: 'https://digitalproducer.com/?p=19226' },
      {
        title: 'Goldberg Law (copy): Meta Platforms Q4 2024 earnings call',
        url: 'http://goldberglawma.com/?id=news%2Fmeta-platforms-meta-q4-2024-021515629.html',
      },
      {
        title: 'YourStory: Meta Q4 FY24 earnings',
        url: 'https://ts.yourstory.com/2025/01/meta-q4-fy24-earnings-mark-zuckerberg-hints-big-year-2025',
      },
    ],
    verification: 'yes',
    verificationNote: 'Copies of the press release, plus a call transcript that puts the call at 17:00 ET.',
    importance: 'minor',
  },
  {
    id: '2025-01-30-italy-blocks',
    date: '2025-01-30',
    time: null,
    timeZone: 'Europe/Rome',
    session: 'unknown',
    title: "Italy's privacy regulator blocks DeepSeek",
    summary:
      "Italy's data-protection watchdog, the Garante, ordered an immediate block on DeepSeek and started an " +
      "investigation, saying the company's replies on how it handles personal data were 'totally " +
      "insufficient'.",
    label: 'Italy blocks app',
    category: 'policy',
    symbols: [],
    indexSymbols: [],
    sources: [
      {
        title: "LaPresse (English): the privacy guarantor blocks DeepSeek (quotes the Garante's statement)",
        url: 'https://za.lapresse.it/news-za/2025/01/30/ai-privacy-guarantor-blocks-deepseek/amp',
      },
      {
        title: 'Il Post: limitazioni a DeepSeek dal Garante della privacy (Italian)',
        url: 'https://www.ilpost.it/2025/01/30/limitazioni-deepseek-garante-privacy/',
      },
      {
        title: "Reuters via Daily Maverick: Italy's privacy watchdog blocks DeepSeek",
        url: 'https://www.dailymaverick.co.za/article/2025-01-30-italys-privacy-watchdog-blocks-chinese-ai-app-deepseek/',
      },
    ],
    verification: 'yes',
    verificationNote:
      "LaPresse, an Italian news agency, quotes the Garante's own statement; Reuters via Daily Maverick and Il Post agree. Hour unknown.",
    importance: 'minor',
  },
  {
    id: '2025-01-31-o3-mini',
    date: '2025-01-31',
    time: null,
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'OpenAI ships o3-mini, including to free users',
    summary:
      'OpenAI made o3-mini, a lower-cost reasoning model, available in ChatGPT and through its API. Free ' +
      'ChatGPT users could use a reasoning model for the first time, a move widely read as a reply to R1.',
    label: 'o3-mini',
    category: 'company',
    symbols: ['MSFT'],
    indexSymbols: [],
    sources: [
      { title: 'OpenAI: OpenAI o3-mini', url: 'https://openai.com/index/openai-o3-mini/' },
      {
        title: 'DeepLearning.AI The Batch: o3-mini',
        url: 'https://deeplearning.ai/the-batch/o3-mini-a-faster-more-affordable-reasoning-model-for-coding-math-and-science',
      },
    ],
    verification: 'yes',
    verificationNote: "OpenAI's page is dated 31 January 2025.",
    importance: 'minor',
  },
  {
    id: '2025-01-31-trump-huang',
    date: '2025-01-31',
    time: 'afternoon ET (hour not given)',
    timeZone: 'America/New_York',
    session: 'unknown',
    title: 'Jensen Huang at the White House: DeepSeek and export curbs',
    summary:
      "Nvidia's CEO met Trump at the White House on Friday afternoon to talk about DeepSeek and AI-chip export policy, at a time when reports said tighter curbs were being considered. NVDA closed 3.7% lower that day at $120.07.",
    label: 'Trump–Huang meeting',
    category: 'policy',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title:
          "Reuters via Malay Mail: Trump and Nvidia CEO discuss DeepSeek and chip exports ('Friday afternoon meeting')",
        url: 'https://www.malaymail.com/news/money/2025/02/01/trump-and-nvidia-ceo-discuss-deepseek-ai-chip-exports-during-meeting-source-says/165140',
      },
      {
        title: 'AP via Prince George Citizen: Trump to meet Nvidia CEO Jensen Huang at the White House',
        url: 'https://princegeorgecitizen.com/politics/president-trump-to-meet-with-nvidia-ceo-jensen-huang-at-the-white-house-10162842',
      },
      {
        title: 'LevelAct: Nvidia CEO and Trump discuss DeepSeek and AI chip exports',
        url: 'https://levelact.com/nvidia-ceo-and-president-trump-discuss-deepseek-and-ai-chip-exports-during-meeting',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Reuters via Malay Mail ('the Friday afternoon meeting') and AP confirm 31 January; one page's 26 January is wrong. Whether it fell before the close is not known, so the session stays unknown (day 0 is the same either way only if it was before 16:00).",
    importance: 'minor',
    moves: [{ symbol: 'NVDA', date: '2025-01-31', pct: -3.7, rounding: 0.1 }],
  },
  {
    id: '2025-02-01-tariffs',
    date: '2025-02-01',
    time: null,
    timeZone: 'America/New_York',
    session: 'weekend',
    title: 'Trump orders tariffs on Canada, Mexico and China',
    summary:
      'On Saturday 1 February Trump signed orders setting 25% tariffs on Canada and Mexico and 10% on China ' +
      'from 4 February. Two days later, on Monday, he delayed the Canadian and Mexican duties by 30 days; ' +
      'the Chinese one went ahead.',
    label: 'Tariffs signed',
    category: 'policy',
    symbols: [],
    indexSymbols: ['^GSPC', '^IXIC'],
    sources: [
      {
        title: 'AP via Manufacturing.net: Trump agrees to pause tariffs on Canada and Mexico',
        url: 'https://www.manufacturing.net/laws-regulations/news/22932399/trump-agrees-to-pause-tariffs-on-canada-mexico',
      },
      {
        title: 'Politico via E&E News: Trump backs off tariff threat',
        url: 'https://www.eenews.net/articles/trump-backs-off-tariff-threat-with-canada-and-mexico/',
      },
      {
        title: 'KPMG TaxNewsFlash: the three tariff orders and the White House fact sheet',
        url: 'https://kpmg.com/us/en/taxnewsflash/news/2025/02/tnf-united-states-tariffs-canada-mexico-china.html',
      },
    ],
    verification: 'yes',
    verificationNote: "Reported by AP and by Politico's E&E News.",
    importance: 'minor',
  },
  {
    id: '2025-02-04-alphabet-earnings',
    date: '2025-02-04',
    time: null,
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'Alphabet guides to $75B of capex as Cloud misses',
    summary:
      'Alphabet forecast about $75B of 2025 capital spending, far above the roughly $58B analysts expected and the $52.5B it spent in 2024. Google Cloud revenue of $11.96B (+30%) missed estimates. The stock fell about 9% after hours and closed 7.3% lower on 5 February.',
    label: 'GOOGL earnings',
    category: 'earnings',
    symbols: ['GOOGL', 'GOOG'],
    indexSymbols: [],
    sources: [
      { title: 'Reuters via Asharq Al-Awsat: Alphabet results', url: 'https://english.aawsat.com/node/5108924' },
      {
        title: 'DatacenterDynamics: Google expects 2025 capex of $75B',
        url: 'https://datacenterdynamics.com/en/news/google-expects-2025-capex-to-surge-to-75bn-on-ai-data-center-buildout',
      },
      {
        title: 'Observer: Alphabet AI spending and earnings',
        url: 'https://observer.com/2025/02/alphabet-google-ai-spending-earnings/',
      },
    ],
    verification: 'yes',
    verificationNote:
      'Reuters via Asharq Al-Awsat and Observer. Some copies said the stock fell about 8% on 5 February; the price data give −7.29% ($206.38 to $191.33), and the text follows the data. The 8-9% figures were intraday or after hours.',
    importance: 'major',
    moves: [{ symbol: 'GOOGL', date: '2025-02-05', pct: -7.3, rounding: 0.1 }],
  },
  {
    id: '2025-02-04-amd-earnings',
    date: '2025-02-04',
    time: null,
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'AMD posts a record $7.66B quarter, but data center falls short',
    summary:
      "Sales climbed 24% to a record $7.66B; the data-center segment grew 69% to $3.9B yet came in under some analysts' numbers. Instinct GPUs brought in more than $5B over the year. The stock slipped roughly 4-5% after hours and closed 6.3% lower the next day.",
    label: 'AMD earnings',
    category: 'earnings',
    symbols: ['AMD'],
    indexSymbols: [],
    sources: [
      {
        title: "AMD's release via Nasdaq.com: record fourth quarter and full year 2024",
        url: 'https://www.nasdaq.com/articles/amd-reports-record-fourth-quarter-and-full-year-2024-financial-results',
      },
      {
        title: "DNyuz: AMD's Q4 revenue hits $7.66B",
        url: 'https://dnyuz.com/2025/02/04/amds-q4-revenue-hits-7-66b-up-24-but-stock-falls',
      },
      {
        title: 'Nasdaq: AMD earnings, data center and PC',
        url: 'https://www.nasdaq.com/articles/amd-earnings-data-center-and-pc-shine',
      },
      {
        title: 'Azzet: AMD beats Q4 forecasts, shares decline on guidance',
        url: 'https://azzet.com/news/amd-beats-q4-forecasts-shares-decline-on-guidance',
      },
    ],
    verification: 'yes',
    verificationNote:
      "A copy of AMD's release and VentureBeat via DNyuz for the after-hours price; the next day's close is the price data's (−6.27%).",
    importance: 'major',
    moves: [{ symbol: 'AMD', date: '2025-02-05', pct: -6.3, rounding: 0.1 }],
  },
  {
    id: '2025-02-06-amazon-earnings',
    date: '2025-02-06',
    time: null,
    timeZone: 'America/New_York',
    session: 'after_close',
    title: 'Amazon points to ~$100B of 2025 capex; AWS grows 19%',
    summary:
      'Fourth-quarter capital spending reached a record of about $26-28B, and management said that pace was representative of 2025, which points to more than $100B for the year, most of it for AWS and AI. AWS sales were up 19% at $28.8B. A weak first-quarter outlook knocked the stock down about 7% after hours; it closed about 4% lower on 7 February.',
    label: 'AMZN earnings',
    category: 'earnings',
    symbols: ['AMZN'],
    indexSymbols: [],
    sources: [
      {
        title: "Amazon's Business Wire release via FinancialContent: fourth-quarter results",
        url: 'https://markets.financialcontent.com/guymondailyherald/article/bizwire-2025-2-6-amazoncom-announces-fourth-quarter-results',
      },
      { title: 'GMTEight: Amazon Q4 results', url: 'https://gmteight.com/content/detail/229947' },
      {
        title: 'App Economy Insights: Amazon outspending everyone',
        url: 'https://www.appeconomyinsights.com/p/amazon-outspending-everyone',
      },
      {
        title: 'Fintool: AMZN Q4 2024 earnings',
        url: 'https://fintool.com/app/research/companies/AMZN/earnings/Q4%202024',
      },
    ],
    verification: 'yes',
    verificationNote:
      "Amazon's release (via FinancialContent) gives net sales of $187.8B and AWS at $28.8B; the capex figure is still unsettled ($26.3B or $27.8B) because the excerpt seen does not show it. The next day's close is the price data's (−4.05%).",
    importance: 'minor',
    moves: [{ symbol: 'AMZN', date: '2025-02-07', pct: -4, rounding: 1 }],
  },
  {
    id: '2025-02-17-presidents-day',
    date: '2025-02-17',
    time: null,
    timeZone: 'America/New_York',
    session: 'market_closed',
    title: "No US trading on Presidents' Day",
    summary: "NYSE and Nasdaq stayed shut for Washington's Birthday, so the chart has no session on this Monday.",
    label: "Closed (Presidents' Day)",
    category: 'market',
    symbols: [],
    indexSymbols: [],
    sources: [
      {
        title: "Kiplinger: is the stock market open on Presidents' Day?",
        url: 'https://kiplinger.com/investing/stocks/is-the-stock-market-open-on-presidents-day',
      },
      FIRSTRADE_HOLIDAYS,
    ],
    verification: 'yes',
    verificationNote: 'A financial-news page and a broker holiday table agree.',
    importance: 'minor',
  },
  {
    id: '2025-02-24-deepseek-open-source-week',
    date: '2025-02-24',
    time: null,
    timeZone: 'Asia/Shanghai',
    session: 'unknown',
    title: "DeepSeek's Open-Source Week and a 545% margin claim",
    summary:
      'Each weekday from 24 to 28 February DeepSeek open-sourced a piece of its infrastructure: FlashMLA, ' +
      'DeepEP, DeepGEMM, DualPipe/EPLB and 3FS. A sixth write-up, around 1 March, walked through its V3/R1 ' +
      'inference system and claimed a theoretical cost-profit margin of 545%.',
    label: 'Open-Source Week',
    category: 'deepseek',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      { title: 'GitHub: deepseek-ai/open-infra-index', url: 'https://github.com/deepseek-ai/open-infra-index' },
    ],
    verification: 'yes',
    verificationNote:
      "Primary source (DeepSeek's GitHub). The README does not print the date of the sixth post; 1 March is from memory.",
    importance: 'minor',
  },
  {
    id: '2025-02-26-nvda-q4fy25',
    date: '2025-02-26',
    time: '16:20 ET (release); 17:00 ET (call)',
    timeZone: 'America/New_York',
    session: 'after_close',
    title: "Nvidia's Q4 FY2025 revenue hits a record $39.3B",
    summary:
      'Revenue came in at $39.33B (+78% year on year), with data center at $35.6B (+93%) and GAAP EPS of $0.89; ' +
      'revenue for fiscal 2025 was $130.5B. Nvidia guided Q1 FY26 revenue to about $43B ±2% with gross margin near ' +
      '71%. Huang described reasoning models as a further scaling law.',
    label: 'NVDA earnings',
    category: 'earnings',
    symbols: ['NVDA'],
    indexSymbols: [],
    sources: [
      {
        title: "NVIDIA's Form 8-K of 26 February 2025 via ADVFN",
        url: 'https://au.advfn.com/stock-market/NASDAQ/NVDA/stock-news/95519887/form-8-k-current-report',
      },
      { title: 'Nvidia Daily: Q4 FY2025 results', url: 'https://nvidiadaily.com/?p=16778' },
      {
        title: 'THX News: Nvidia record $39.3B revenue driven by AI',
        url: 'https://thxnews.com/2025/02/26/nvidia-record-39-3b-revenue-driven-by-ai/',
      },
    ],
    verification: 'yes',
    verificationNote:
      "NVIDIA's 8-K (via ADVFN) and copies of the release; GlobeNewswire stamped it 16:20:07 ET. The pre-report close of $131.28 agrees with the price data.",
    importance: 'major',
  },
  {
    id: '2025-02-27-nvda-post-earnings',
    date: '2025-02-27',
    time: '16:00 ET',
    timeZone: 'America/New_York',
    session: 'close',
    title: 'Margin guidance sinks NVDA 8.5%; Nasdaq −2.78%',
    summary:
      'The beat was not enough: a forecast of lower gross margins sent NVDA down about 8.5%, pushing its ' +
      'value back under $3T. The Nasdaq lost 2.78% and the S&P 500 1.59% the same day.',
    label: 'NVDA −8.5%',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: ['^IXIC', '^GSPC'],
    sources: [
      {
        title: 'CNBC via NBC Washington: Nvidia drops out of the $3T club',
        url: 'https://www.nbcwashington.com/news/business/money-report/nvidia-bounced-from-the-3-trillion-market-cap-club-after-falling-more-than-8/3854897/',
      },
      {
        title: 'ForexFlash: Nvidia sinks over 8% as earnings miss lofty hopes',
        url: 'https://forexflash.com/articles/nvidia-stock-sinks-over-8-market-cap-dips-below-3t-as-earnings-are-no-match-for-sky-high-expectations',
      },
      {
        title: 'Cryptopolitan: Nvidia loses $450B in 24 hours',
        url: 'https://www.cryptopolitan.com/nvidia-losses-450b-over-the-past-24-hours/',
      },
    ],
    verification: 'yes',
    verificationNote: "CNBC's report, read through NBC Washington.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2025-02-27', pct: -8.5, rounding: 0.1 }],
  },
  {
    id: '2025-03-03-nvda-tariffs',
    date: '2025-03-03',
    time: '16:00 ET',
    timeZone: 'America/New_York',
    session: 'close',
    title: 'Tariff news and a smuggling report push NVDA down 8.7%',
    summary:
      'Two blows landed together: a WSJ story on Chinese buyers evading export controls, and Trump ' +
      'confirming that the Canada/Mexico tariffs would begin the next day. NVDA ended about 8.7% lower, ' +
      'near $114, with the S&P 500 down 1.8% and the Nasdaq down 2.6%.',
    label: 'NVDA −8.7%',
    category: 'market',
    symbols: ['NVDA'],
    indexSymbols: ['^GSPC', '^IXIC'],
    sources: [
      {
        title: 'CNBC: Nvidia shares fall 9% on tariff fears',
        url: 'https://www.cnbc.com/2025/03/03/nvidia-shares-fall-9percent-on-tariff-fears.html',
      },
      { title: 'Morshedi (reworded copy of CNBC): closing report of 3 March', url: 'https://morshedi.se/?p=659166' },
      {
        title: 'AP via WaterWorld: tariffs against Canada, China and Mexico take effect',
        url: 'https://www.waterworld.com/water-utility-management/news/55272208/tariffs-against-canada-china-and-mexico-take-effect',
      },
      {
        title: "Forbes via Hargreaves Lansdown: Nvidia falls 9% as Trump's tariffs rout stocks",
        url: 'https://hl.co.uk/news/nvidia-falls-9-as-trumps-tariffs-rout-stocks',
      },
      {
        title: 'WallaNow: Nvidia resets as tariffs hit Canada and Mexico',
        url: 'https://wallanow.com/nvidias-inventory-takes-a-tough-reset-as-tariffs-hit-canada-and-mexico',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNBC (its own URL, seen cited in a copy), a copy of CNBC's closing text, AP via WaterWorld, and Forbes via HL, which says 'Monday' with earnings 'last Wednesday', fixing 3 March. The price data agree on NVDA.",
    importance: 'major',
    moves: [{ symbol: 'NVDA', date: '2025-03-03', pct: -8.7, rounding: 0.1 }],
  },
  {
    id: '2025-03-04-tariffs-effective',
    date: '2025-03-04',
    time: 'just after midnight ET',
    timeZone: 'America/New_York',
    session: 'pre_market',
    title: 'North American tariffs start 4 March, eased two days later',
    summary:
      'The 25% duties on Canadian and Mexican goods came into force just after midnight on 4 March (10% on Canadian energy), and the 10% tariff on Chinese imports was doubled to 20%; China answered with duties of up to 15% on US farm goods. On 6 March Trump carved out USMCA-compliant goods until 2 April.',
    label: 'Tariffs in force',
    category: 'policy',
    symbols: [],
    indexSymbols: ['^GSPC', '^IXIC'],
    sources: [
      {
        title: 'AP (Boak, Wiseman, Gillies) via Industrial Distribution: US tariffs on Canada and Mexico take effect',
        url: 'https://www.inddist.com/economy/news/22934922/us-tariffs-on-canada-mexico-take-effect-china-mexico-canada-retaliate',
      },
      {
        title: 'Global Construction Review: Trump pauses tariffs after markets slide',
        url: 'https://globalconstructionreview.com/trump-pauses-tariffs-after-markets-slide/?sub4=The+Punchlist',
      },
      {
        title: 'VOA: Trump delays tariffs on most Mexican exports',
        url: 'https://www.voanews.com/a/trump-delays-tariffs-on-most-mexican-exports-to-us-/8001566.html',
      },
    ],
    verification: 'yes',
    verificationNote:
      "AP via Industrial Distribution gives the start 'just past midnight' and the doubling of the China tariff to 20%, which an earlier entry could not verify.",
    importance: 'minor',
  },
  {
    id: '2025-03-10-nasdaq-4pct',
    date: '2025-03-10',
    time: '16:00 ET (EDT)',
    timeZone: 'America/New_York (EDT from Mar 9)',
    session: 'close',
    title: "Nasdaq's worst day since September 2022 (−4.0%); NVDA −5.1%",
    summary:
      "Trump's refusal to rule out a recession set off a broad sell-off: the Nasdaq dropped 4.0% to " +
      "17,468.32, the S&P 500 2.7% and the Dow 2.08%. All seven 'Magnificent Seven' names closed lower, " +
      'with NVDA off about 5.1% and TSLA about 15%.',
    label: 'Nasdaq −4%',
    category: 'market',
    symbols: ['NVDA', 'TSLA'],
    indexSymbols: ['^IXIC', '^GSPC', '^DJI'],
    sources: [
      {
        title: "CNN via RNZ (RNZ's cache host): US stocks drop after Trump won't rule out a recession",
        url: 'https://www-green.cache-green.aws.rnz.net.nz/news/world/544381/us-stocks-drop-after-trump-says-he-won-t-rule-out-a-recession',
      },
      {
        title: 'UPI: stock market tumbles on tariffs and recession fears',
        url: 'https://www.upi.com/Top_News/US/2025/03/10/stock-market-tumble-tariffs-recession/9341741629326/',
      },
      {
        title: 'VSTAR: after Black Monday, is the Nasdaq in a bear market?',
        url: 'https://vstar.com/article/after-black-monday-did-the-nasdaq-enter-a-bear-market',
      },
    ],
    verification: 'yes',
    verificationNote:
      "CNN's report, read through RNZ. US daylight saving began on 9 March, so from this date New York is on EDT (UTC−4).",
    importance: 'major',
    moves: [
      { symbol: 'NVDA', date: '2025-03-10', pct: -5.1, rounding: 0.1 },
      { symbol: 'TSLA', date: '2025-03-10', pct: -15, rounding: 1 },
    ],
  },
] satisfies CatalogEvent[]

/** Written in chronological order as far as it is known; `lib/events` sorts again, so order here is not load-bearing. */
export const EVENT_CATALOG: readonly CatalogEvent[] = [...CATALOG_ENTRIES, ...YEAR_SHOCKS]
