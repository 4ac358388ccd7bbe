// The risk component's public surface: the kernel wires these, nothing else
// in it should reach into the rule files.
export { evaluateIntent } from './evaluate-intent'
export type { RiskContext, RiskAccount, RiskBook, RiskMark, PositionExposure, OpenOrderExposure, RecentIntent, BreakerScopes } from './context'
export { isRiskReducing } from './assessment'
export { walkBook, type BookWalk } from './book-walk'
export { parseRiskConfig, type RiskConfigIssue, type RiskConfigParse } from './config/risk-config'
export { diffRiskConfig, isLoosening, type RiskConfigChange, type ChangeDirection } from './config/config-diff'
export { prepareRiskConfigSave, type RiskConfigSave } from './config/config-save'
export {
  createBreaker,
  applyBreakerInput,
  engageHalt,
  liftHalt,
  pauseBreaker,
  resumeBreaker,
  effectiveBreakerState,
  worstBreakerState,
  type BreakerStep,
} from './breakers/breaker-machine'
export { REDUCING_SHARE, type BreakerThresholds } from './breakers/breaker-trips'
export { API_ERROR_WINDOW_MS, API_ERROR_MIN_CALLS, VOLATILITY_WINDOW_MS } from './breakers/breaker-metrics'
export { serializeBreaker, restoreBreaker, restoreBreakerOrHalt, type BreakerRestore } from './breakers/breaker-persistence'
export { classifyBook } from './breakers/book-anomaly'
export * from './breakers/breaker-types'
