export { AnalysisError, type AnalysisErrorCode } from './errors'
export {
  dailyReturns,
  pricePair,
  rebase,
  simpleReturn,
  type DatedValue,
  type PriceField,
  type RebasedSeries,
} from './returns'
export { ols, type OlsFit } from './ols'
export { fitModel, MODEL_KINDS, type FittedModel, type ModelKind, type ModelObservation } from './models'
export {
  normalCritical,
  normalTwoSidedP,
  significanceLevel,
  studentCritical,
  studentTwoSidedP,
  type SignificanceLevel,
} from './distributions'
export {
  abnormalReturns,
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_PATH,
  DEFAULT_WINDOWS,
  eventStudy,
  marketCapChange,
  PAIRINGS,
  recovery,
  type AbnormalReturnPoint,
  type CarPathPoint,
  type CarResult,
  type CloseTimes,
  type EstimationResidual,
  type EventDay,
  type EventStudyInput,
  type EventStudyResult,
  type EventWindow,
  type IncompleteReason,
  type MarketModel,
  type Pairing,
  type Recovery,
} from './event-study'
export {
  averageRanks,
  corradoStatistic,
  correlation,
  generalizedSignStatistic,
  meanResidualCorrelation,
  portfolio,
  portfolioWindow,
  PORTFOLIO_TEST_IDS,
  PORTFOLIO_TEST_NOTES,
  type PortfolioDay,
  type PortfolioFirm,
  type PortfolioPathPoint,
  type PortfolioResult,
  type PortfolioTest,
  type PortfolioTestId,
  type PortfolioWindow,
} from './portfolio'
export {
  getSharesOutstanding,
  SHARES_NOT_SOURCED,
  SHARES_OUTSTANDING,
  type SharesAsOfKind,
  type SharesOutstanding,
} from './shares-outstanding'
export { nearestSessions, type NearestSessions } from './sessions'
