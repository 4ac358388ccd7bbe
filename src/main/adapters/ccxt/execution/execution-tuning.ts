import { DEFAULT_RECONNECT_BACKOFF, type BackoffPolicy } from '../discipline/backoff'

export interface ExecutionTuning {
  reconnect: BackoffPolicy
  /** How long an order waits for the private stream's subscription before it is sent anyway. */
  readyTimeoutMs: number
  /** How long the venue's word that fills happened may go without the fills before we ask for them. */
  fillGraceMs: number
  /** Pages of trade history fetched at most by one fillsSince call. */
  maxFillPages: number
}

export const DEFAULT_EXECUTION_TUNING: ExecutionTuning = {
  reconnect: DEFAULT_RECONNECT_BACKOFF,
  readyTimeoutMs: 3_000,
  fillGraceMs: 1_500,
  maxFillPages: 20,
}
