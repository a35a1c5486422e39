import type { NewsSource, VideoSource } from './types'

/**
 * Where the claims come from. The video's quotes are copied from its Japanese transcript (`seed-transcript-ja.txt` in
 * the team's shared reference folder, not part of this repository; the quotes below are copied from it); the translations are ours. The transcript gives
 * no publication date; it speaks of the NVIDIA fall of 27 January 2025 as news, so it came out shortly after.
 */
const VIDEO = {
  kind: 'video',
  title: 'Did DeepSeek burst the AI bubble, or will the Stargate Project make it worse?',
  originalTitle: 'DeepSeekはAIバブルを崩壊させたのか、それともStargateプロジェクトがそれを悪化させるのか?',
  published: 'shortly after 27 January 2025 (the transcript gives no date)',
  quoteLanguage: 'ja',
} as const

function video(quote: string, translation: string): VideoSource {
  return { ...VIDEO, quote, translation }
}

export const VIDEO_QUOTES = {
  stargateAnnounced: video(
    '1月21日、ドナルド・トランプはStargateプロジェクトを発表しました。',
    'On January 21, Donald Trump announced the Stargate Project.',
  ),
  stargateSums: video(
    '初期投資額は1000億ドルで、2029年までに5000億ドルに達する予定です。',
    'The initial investment is $100 billion, and it is due to reach $500 billion by 2029.',
  ),
  muskNoMoney: video(
    'イーロン・マスクはすぐにトランプを非難し、実際には1000億ドルすら持っていないと主張しました。',
    "Elon Musk immediately attacked Trump, claiming they don't actually have even $100 billion.",
  ),
  r1TwoDaysLater: video(
    'わずか2日後、中国企業のDeepseekは、GPT-4oに似た推論モデルであるr-1という別のオープンソースAIモデルをリリースし',
    'Just two days later, the Chinese company DeepSeek released another open-source AI model, R1, a reasoning model similar to GPT-4o,',
  ),
  janusSoonAfter: video(
    'その直後にJanus Proと呼ばれる画像生成モデルもリリースしました。',
    'and right after that it also released an image-generation model called Janus Pro.',
  ),
  nvdaFell17: video('これを受けて、NVIDIAの株価は17%暴落し', "In response, NVIDIA's share price crashed 17%,"),
  nvda500b: video('5000億ドル以上の価値が吹き飛び', 'wiping out more than $500 billion of value.'),
  buyersHurt: video(
    'NVIDIAの株価が暴落した最も可能性の高い理由は、DeepSeekの発表がNVIDIAからチップを購入しているアメリカのAI企業の価値をさらに下げたからです。',
    "The most likely reason NVIDIA's shares crashed is that DeepSeek's announcement further lowered the value of the American AI companies that buy chips from NVIDIA.",
  ),
  marketRecovers: video('私は株式市場が回復すると予想しています。', 'I expect the stock market to recover.'),
} as const satisfies Record<string, VideoSource>

export const NEWS_SOURCES = {
  reutersSelloff: {
    kind: 'news',
    outlet: 'Reuters (Caroline Valetkevitch), via Financetom',
    date: '2025-01-27',
    title: "Nasdaq drops 3% as China's DeepSeek AI model hits tech shares",
    url: 'http://financetom.com/market/us-stocksnasdaq-drops-3-as-chinas-deepseek-ai-model-hits-tech-shares-327020.htm',
  },
  fastCompanyStargate: {
    kind: 'news',
    outlet: 'Fast Company',
    date: '2025-01-22',
    title: 'Stargate AI project news: Oracle, SoftBank, Arm and Nvidia stock prices soar',
    url: 'https://www.fastcompany.com/91265176/stargate-ai-project-news-oracle-softbank-arm-nvidia-stock-prices-soar',
  },
} as const satisfies Record<string, NewsSource>

/**
 * The Stargate sums and horizon as announced (OpenAI's post of 21 January 2025, read through a mirror; see the
 * catalog entry 2025-01-21-stargate): "$100 billion immediately", "up to $500 billion over the next four years".
 * No end year is named in the announcement.
 */
export const STARGATE_ANNOUNCED = {
  immediateUsd: 100_000_000_000,
  totalUsd: 500_000_000_000,
  years: 4,
  endYearNamed: null,
  source: {
    title: 'OpenAI: Announcing The Stargate Project',
    url: 'https://openai.com/index/announcing-the-stargate-project/',
  },
} as const
