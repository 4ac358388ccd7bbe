import type { ApprovalAnswer, ApprovalRequest, Approver } from '../../src/main/ports/approver'

/**
 * The second approval for tests, without a terminal or a dialog: answers
 * come from a script, one per request, in order; an empty script denies
 * (no answer means no). Every request is kept for the test to read.
 */
export interface ScriptedApprover extends Approver {
  readonly requests: ApprovalRequest[]
  /** Queues the answers to the next requests. */
  script(...answers: ApprovalAnswer[]): void
}

export function createScriptedApprover(): ScriptedApprover {
  const queue: ApprovalAnswer[] = []
  const requests: ApprovalRequest[] = []
  return {
    requests,
    script: (...answers) => void queue.push(...answers),
    request(request) {
      requests.push(request)
      return Promise.resolve(queue.shift() ?? 'denied')
    },
  }
}
