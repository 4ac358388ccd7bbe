export { createExecutionEngine } from './execution-engine'
export { createClientOrderIds, type ClientOrderIds } from './client-order-ids'
export { hasDeadManSwitch, type CancelAllAfter } from './dead-man-switch'
export { adoptVenueState, canTransition } from './order-lifecycle'
export {
  DEFAULT_EXECUTION_TUNING,
  type CancelAllReport,
  type ExecutionEngine,
  type ExecutionEngineDeps,
  type ExecutionEngineEvent,
  type ExecutionEngineEvents,
  type ExecutionEventSink,
  type ExecutionStep,
  type ExecutionTuning,
  type ReconcileReport,
} from './engine-types'
