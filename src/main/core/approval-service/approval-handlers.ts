import type { CommandHandlers } from '../contract/dispatcher'
import type { SecondApproval } from './second-approval'

/** approvals.pending: what waits for an answer on the main side (the renderer shows it; it cannot answer). */
export function approvalHandlers(approvals: SecondApproval): Pick<CommandHandlers, 'approvals.pending'> {
  return { 'approvals.pending': () => approvals.pending() }
}
