export {
  createApprovalGate,
  DEFAULT_APPROVAL_EXPIRY_MS,
  type Approval,
  type ApprovalCheck,
  type ApprovalEvent,
  type ApprovalEventSink,
  type ApprovalGate,
  type ApprovalGateDeps,
  type ApprovalOutcome,
  type RefusalReason,
  type VoidReason,
} from './approval-gate'
export { RiskyActionSchema, subjectOf, type ActionScope, type OrderSummary, type RiskRuleChange, type RiskyAction, type RiskyActionKind } from './risky-action'
export { describeAction } from './describe-action'
