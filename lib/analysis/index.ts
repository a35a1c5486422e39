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
export {
  abnormalReturns,
  DEFAULT_ESTIMATION,
  DEFAULT_GAP,
  DEFAULT_WINDOWS,
  eventStudy,
  marketCapChange,
  recovery,
  type AbnormalReturnPoint,
  type CarResult,
  type EventStudyInput,
  type EventStudyResult,
  type EventWindow,
  type IncompleteReason,
  type MarketModel,
  type Recovery,
} from './event-study'
export {
  getSharesOutstanding,
  SHARES_NOT_SOURCED,
  SHARES_OUTSTANDING,
  type SharesAsOfKind,
  type SharesOutstanding,
} from './shares-outstanding'
export { nearestSessions, type NearestSessions } from './sessions'
