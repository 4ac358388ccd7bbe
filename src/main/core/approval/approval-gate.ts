import { DEFAULT_RISK_CONFIG } from '../../../shared/domain/risk'
import type { Approver, ApprovalAnswer, ApprovalRequest } from '../../ports/approver'
import type { Clock, TimerHandle } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { AuditLog } from '../../ports/store'
import { canonicalJson } from './canonical-json'
import { describeAction } from './describe-action'
import { RiskyActionSchema, subjectOf, type RiskyAction, type RiskyActionKind } from './risky-action'

export const DEFAULT_APPROVAL_EXPIRY_MS = 30_000

/** A second approval of one exact set of parameters; its id is the request's id. */
export interface Approval {
  id: string
  paramsHash: string
  approvedAt: number
  expiresAt: number
}

export type RefusalReason = 'denied' | 'expired' | 'superseded' | 'invalid'
export type ApprovalOutcome = { ok: true; approval: Approval } | { ok: false; requestId: string | null; reason: RefusalReason; message: string }

export type VoidReason = 'unknown_approval' | 'already_used' | 'params_changed' | 'expired' | 'quote_missing' | 'quote_moved'
export type ApprovalCheck = { valid: true } | { valid: false; reason: VoidReason; message: string }

export interface ApprovalEvent {
  requestId: string
  kind: RiskyActionKind
  title: string
  state: 'pending' | 'approved' | RefusalReason
  expiresAt: number
  at: number
}

/** Where the gate announces pending and settled requests; the kernel bus fits once it has the topic. */
export interface ApprovalEventSink {
  publish(topic: 'approval.changed', payload: ApprovalEvent): void
}

export interface ApprovalGateDeps {
  approver: Approver
  clock: Clock
  audit: AuditLog
  sha256: Sha256Hex
  bus?: ApprovalEventSink
  /** How long the trader has to answer, and how long the approval then stays usable. */
  expiryMs?: number
  /** The risk config's priceBandPct, read at verify time so edits apply at once. */
  priceBandPct?: () => number
  newId?: () => string
}

export interface ApprovalGate {
  /** Asks the Approver; resolves by the expiry at the latest. Never throws for a refusal. */
  requestSecondApproval(action: RiskyAction): Promise<ApprovalOutcome>
  /** Checks an approval still covers `action` now; pure, so callers may ask more than once. */
  verify(approval: Approval, action: RiskyAction, now: number, currentQuote?: { mark: number }): ApprovalCheck
  /** verify, then marks the approval used (one approval, one action) and audits the result. */
  consume(approval: Approval, action: RiskyAction, now: number, currentQuote?: { mark: number }): ApprovalCheck
  /** Refuses whatever is still pending (as expired) and stops its timers; call before the store closes. */
  dispose(): void
}

interface Pending {
  subject: string
  settle(answer: ApprovalAnswer | 'superseded', note?: string): void
}

interface Issued {
  approval: Approval
  used: boolean
}

const ACTOR = 'approval-gate'
// Domain-separates these hashes from any other sha256 of the same JSON.
const HASH_PREFIX = 'ai-trading-workstation/approval/v1\n'

export function createApprovalGate(deps: ApprovalGateDeps): ApprovalGate {
  const { approver, clock, audit, bus } = deps
  const expiryMs = deps.expiryMs ?? DEFAULT_APPROVAL_EXPIRY_MS
  const bandPct = deps.priceBandPct ?? (() => DEFAULT_RISK_CONFIG.priceBandPct)
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID())
  const pending = new Map<string, Pending>()
  const issued = new Map<string, Issued>()

  const hashOf = (action: RiskyAction): string => deps.sha256(HASH_PREFIX + canonicalJson(action))

  // Kept a while past expiry so a late verify says "expired", not "unknown".
  const prune = (now: number): void => {
    for (const [id, entry] of issued) if (entry.approval.expiresAt + expiryMs < now) issued.delete(id)
  }

  // async: an audit write that throws becomes a rejection rather than a synchronous throw.
  async function requestSecondApproval(input: RiskyAction): Promise<ApprovalOutcome> {
    const now = clock.now()
    prune(now)
    const parsed = RiskyActionSchema.safeParse(input)
    if (!parsed.success) {
      // Issue paths and messages only: the rejected values might be anything, a secret included.
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(action)'}: ${issue.message}`)
      audit.append({ kind: 'approval.invalid', actor: ACTOR, payload: { issues } }, now)
      return { ok: false, requestId: null, reason: 'invalid', message: `Not a valid risky action: ${issues.join('; ')}` }
    }
    const action = parsed.data
    const subject = subjectOf(action)
    const { title, details } = describeAction(action)
    const request: ApprovalRequest = { id: newId(), title, details, paramsHash: hashOf(action), expiresAt: now + expiryMs }
    const announce = (state: ApprovalEvent['state'], at: number): void =>
      bus?.publish('approval.changed', { requestId: request.id, kind: action.kind, title, state, expiresAt: request.expiresAt, at })

    pending.get(subject)?.settle('superseded', `superseded by request ${request.id}`)
    audit.append({ kind: 'approval.requested', actor: ACTOR, subject, payload: { requestId: request.id, action, paramsHash: request.paramsHash, title, details, expiresAt: request.expiresAt } }, now)
    announce('pending', now)

    return await new Promise<ApprovalOutcome>((resolve) => {
      let done = false
      let timer: TimerHandle | null = null
      const settle = (answer: ApprovalAnswer | 'superseded', note?: string): void => {
        if (done) return
        done = true
        timer?.cancel()
        if (pending.get(subject)?.settle === settle) pending.delete(subject)
        const at = clock.now()
        // An approval that arrives at or after the deadline is no approval.
        let outcome = answer === 'approved' && at >= request.expiresAt ? 'expired' : answer
        let why = note
        try {
          audit.append({ kind: 'approval.answered', actor: ACTOR, subject, payload: { requestId: request.id, answer, outcome, ...(why ? { note: why } : {}) } }, at)
        } catch {
          // An approval nobody can find in the audit log does not count.
          if (outcome === 'approved') outcome = 'denied'
          why = 'the audit log could not record the answer'
        }
        announce(outcome, at)
        if (outcome === 'approved') {
          const approval: Approval = { id: request.id, paramsHash: request.paramsHash, approvedAt: at, expiresAt: request.expiresAt }
          issued.set(approval.id, { approval, used: false })
          resolve({ ok: true, approval })
        } else {
          resolve({ ok: false, requestId: request.id, reason: outcome, message: refusalMessage(outcome, why) })
        }
      }
      pending.set(subject, { subject, settle })
      timer = clock.setTimeout(() => settle('expired', 'no answer in time'), expiryMs)
      // Wrapped so an approver that throws synchronously is handled like one that rejects.
      new Promise<ApprovalAnswer>((answer) => answer(approver.request(request))).then(
        (answer) => {
          const normalised = answer === 'approved' || answer === 'expired' ? answer : 'denied'
          if (done) lateAnswer(request.id, subject, normalised)
          else settle(normalised)
        },
        (error: unknown) => settle('denied', `the approver failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`),
      )
    })
  }

  // The approver still answered after the gate settled (superseded or timed out): kept for the record, ignored.
  function lateAnswer(requestId: string, subject: string, answer: ApprovalAnswer): void {
    try {
      audit.append({ kind: 'approval.lateAnswer', actor: ACTOR, subject, payload: { requestId, answer, ignored: true } }, clock.now())
    } catch {
      // Best effort: nothing depends on it, and the store may be closing.
    }
  }

  function verify(approval: Approval, input: RiskyAction, now: number, currentQuote?: { mark: number }): ApprovalCheck {
    const entry = issued.get(approval.id)
    // The hash alone is public knowledge; only an approval this gate issued, unaltered, counts.
    if (!entry || entry.approval.paramsHash !== approval.paramsHash || entry.approval.expiresAt !== approval.expiresAt) {
      return voided('unknown_approval', 'This approval was not issued by this gate')
    }
    if (entry.used) return voided('already_used', 'This approval was already used')
    const parsed = RiskyActionSchema.safeParse(input)
    if (!parsed.success || hashOf(parsed.data) !== entry.approval.paramsHash) {
      return voided('params_changed', 'The parameters changed since they were approved')
    }
    if (now >= entry.approval.expiresAt) return voided('expired', 'The approval expired')
    const action = parsed.data
    if (action.kind === 'place_order') {
      if (!currentQuote || !(currentQuote.mark > 0)) return voided('quote_missing', 'No current mark price to compare with the approved one')
      const movedPct = (Math.abs(currentQuote.mark - action.mark) / action.mark) * 100
      const band = bandPct()
      if (movedPct > band) {
        return voided('quote_moved', `The mark moved ${movedPct.toFixed(2)}% since approval (band ${band}%)`)
      }
    }
    return { valid: true }
  }

  function consume(approval: Approval, action: RiskyAction, now: number, currentQuote?: { mark: number }): ApprovalCheck {
    const check = verify(approval, action, now, currentQuote)
    if (check.valid) {
      const entry = issued.get(approval.id)
      if (entry) entry.used = true
      audit.append({ kind: 'approval.consumed', actor: ACTOR, payload: { requestId: approval.id, paramsHash: approval.paramsHash } }, now)
    } else {
      audit.append({ kind: 'approval.voided', actor: ACTOR, payload: { requestId: approval.id, reason: check.reason, message: check.message } }, now)
    }
    return check
  }

  return {
    requestSecondApproval,
    verify,
    consume,
    dispose() {
      for (const entry of [...pending.values()]) entry.settle('expired', 'the workstation is shutting down')
    },
  }
}

function voided(reason: VoidReason, message: string): ApprovalCheck {
  return { valid: false, reason, message }
}

function refusalMessage(reason: RefusalReason, note: string | undefined): string {
  const base = {
    denied: 'The second approval was denied',
    expired: 'No second approval in time',
    superseded: 'A newer request replaced this one',
    invalid: 'Not a valid risky action',
  }[reason]
  return note ? `${base} (${note})` : base
}
