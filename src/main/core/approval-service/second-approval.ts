import type { PendingApproval } from '../../../shared/contract/domains/approvals'
import { HandlerError } from '../../../shared/contract/envelope'
import type { ApprovalAnswer, ApprovalRequest, Approver } from '../../ports/approver'
import type { Clock } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { AuditLog } from '../../ports/store'
import { createApprovalGate, type Approval, type ApprovalCheck, type ApprovalEvent, type RiskyAction } from '../approval'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export type ApprovalRequestOutcome = { ok: true; approval: Approval } | { ok: false; message: string }

/**
 * The order path's side of the two approvals: the trader's confirmation in
 * the app (`confirmed`), then the main side's Approver through the gate.
 */
export interface SecondApproval {
  /** Confirmation, then the second approval; throws `forbidden` when either is missing. Returns the consume to call right before acting. */
  require(action: RiskyAction, confirmed: boolean): Promise<() => void>
  /** The second approval alone, answered rather than thrown (orders.submit reports a refusal in its outcome). */
  request(action: RiskyAction): Promise<ApprovalRequestOutcome>
  /** Marks the approval used, if it still covers the action (and, for an order, the quote has not moved). */
  consume(approval: Approval, action: RiskyAction, quote?: { mark: number }): ApprovalCheck
  pending(): PendingApproval[]
  /** Refuses what is pending (as expired); called before the store closes. */
  dispose(): void
}

export interface SecondApprovalDeps {
  approver: Approver
  clock: Clock
  audit: AuditLog
  sha256: Sha256Hex
  bus: EventBus<KernelEvents>
  /** Where the trader answers: a native dialog (Electron) or a code on the terminal (headless). */
  channel: PendingApproval['channel']
  priceBandPct: () => number
  expiryMs?: number
}

export const CONFIRMATION_NEEDED = 'This is a risky action: confirm it in the app first (confirmed: true); a second approval on the main side follows'

/**
 * Wires the approval gate to the kernel bus: a request the approver receives
 * goes out as `approvals.requested` (with the words the trader reads), and
 * the gate's settlement as `approvals.resolved`.
 */
export function createSecondApproval(deps: SecondApprovalDeps): SecondApproval {
  const { clock, bus } = deps
  const waiting = new Map<string, PendingApproval>()

  const announcing: Approver = {
    request(request: ApprovalRequest): Promise<ApprovalAnswer> {
      const pending: PendingApproval = { id: request.id, title: request.title, details: request.details, channel: deps.channel, expiresAt: request.expiresAt }
      waiting.set(request.id, pending)
      bus.publish('approvals.requested', pending)
      return deps.approver.request(request)
    },
  }

  const settled = (event: ApprovalEvent): void => {
    if (event.state === 'pending') return
    // Only requests the approver saw were announced; an invalid action never reached it.
    if (!waiting.delete(event.requestId)) return
    const answer = event.state === 'approved' ? 'approved' : event.state === 'expired' ? 'expired' : event.state === 'superseded' ? 'superseded' : 'denied'
    bus.publish('approvals.resolved', { id: event.requestId, answer })
  }

  const gate = createApprovalGate({
    approver: announcing,
    clock,
    audit: deps.audit,
    sha256: deps.sha256,
    bus: { publish: (_topic, payload) => settled(payload) },
    priceBandPct: deps.priceBandPct,
    ...(deps.expiryMs !== undefined ? { expiryMs: deps.expiryMs } : {}),
  })

  const consume = (approval: Approval, action: RiskyAction, quote?: { mark: number }): ApprovalCheck => gate.consume(approval, action, clock.now(), quote)

  return {
    async require(action, confirmed) {
      if (!confirmed) throw new HandlerError('forbidden', CONFIRMATION_NEEDED)
      const outcome = await gate.requestSecondApproval(action)
      if (!outcome.ok) throw new HandlerError('forbidden', outcome.message, { reason: outcome.reason })
      return () => {
        const check = consume(outcome.approval, action)
        if (!check.valid) throw new HandlerError('forbidden', `The approval no longer holds: ${check.message}`, { reason: check.reason })
      }
    },
    async request(action) {
      const outcome = await gate.requestSecondApproval(action)
      return outcome.ok ? outcome : { ok: false, message: outcome.message }
    },
    consume,
    pending: () => [...waiting.values()].filter((p) => p.expiresAt > clock.now()),
    dispose: () => gate.dispose(),
  }
}
