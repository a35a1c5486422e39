/** The portfolio tests' ids and what each assumes: no statistics here, so the browser can import it. */
export const PORTFOLIO_TEST_IDS = [
  'cross-sectional-t',
  'patell',
  'bmp',
  'kolari-pynnonen',
  'corrado',
  'generalized-sign',
] as const
export type PortfolioTestId = (typeof PORTFOLIO_TEST_IDS)[number]

/** What each test assumes, in one line a reader can follow (shown beside its result). */
export const PORTFOLIO_TEST_INFO: Readonly<Record<PortfolioTestId, { name: string; note: string }>> = {
  'cross-sectional-t': {
    name: 'Cross-sectional t',
    note: 'Treats the firms’ CARs as independent draws; uses only their spread across firms, not the estimation window.',
  },
  patell: {
    name: 'Patell Z',
    note: 'Standardizes each CAR by its own estimation variance; assumes the event did not change that variance and firms are independent.',
  },
  bmp: {
    name: 'BMP (standardized cross-sectional)',
    note: 'Like Patell but lets the event raise the variance; still assumes the firms are independent.',
  },
  'kolari-pynnonen': {
    name: 'Kolari–Pynnönen adjusted BMP',
    note: 'BMP corrected for the cross-correlation of firms sharing one event day, measured on their estimation residuals.',
  },
  corrado: {
    name: 'Corrado rank',
    note: 'Uses ranks, not sizes, of the abnormal returns: robust to outliers and non-normal returns; assumes independent firms.',
  },
  'generalized-sign': {
    name: 'Generalized sign (Cowan)',
    note: 'Counts firms with a positive CAR against the share of positive days in their estimation windows; ignores sizes.',
  },
}
