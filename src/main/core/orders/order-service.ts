import type { ManagedOrder, OrderDraft, SubmitOutcome } from '../../../shared/contract/domains/orders'
import { HandlerError } from '../../../shared/contract/envelope'
import type { AccountId } from '../../../shared/domain/account'
import type { IntentOrigin, OrderIntent } from '../../../shared/domain/intent'
import type { RiskConfig, RiskVerdict } from '../../../shared/domain/risk'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import { isTerminalJournalStatus, type JournalEntry, type OrderJournal } from '../../ports/order-journal'
import type { VerdictRepository } from '../../ports/risk-state-repository'
import type { AuditLog } from '../../ports/store'
import type { RiskyAction } from '../approval'
import type { SecondApproval } from '../approval-service/second-approval'
import type { ExecutionEngine } from '../execution'
import { evaluateIntent } from '../risk'
import type { BreakerBoard } from '../risk-service/breaker-board'
import type { IntentMemory } from './intent-memory'
import { IMPORTED_PREFIX, toManagedOrder } from './managed-order'
import type { OrderFacts } from './order-facts'
import { feedApiCall } from '../risk-service/breaker-feeds'
import type { QuoteCache } from './quote-cache'

export interface OrderService {
  preview(draft: OrderDraft): Promise<RiskVerdict>
  submit(draft: OrderDraft, confirmed: boolean): Promise<SubmitOutcome>
  /** The order path for any origin: the same risk rules, approvals when the verdict asks for them. */
  submitIntent(intent: OrderIntent, confirmed: boolean): Promise<SubmitOutcome>
  cancel(intentId: string): Promise<ManagedOrder>
  list(input: { accountId?: AccountId | undefined; scope: 'open' | 'history'; limit: number }): ManagedOrder[]
  managed(entry: JournalEntry): ManagedOrder
}

export interface OrderServiceDeps {
  facts: OrderFacts
  engine: ExecutionEngine
  journal: OrderJournal
  verdicts: VerdictRepository
  quotes: QuoteCache
  breakers: BreakerBoard
  memory: IntentMemory
  approvals: SecondApproval
  config: () => RiskConfig
  accountIds: () => AccountId[]
  audit: AuditLog
  clock: Clock
  logger: Logger
  newId: () => string
}

const MANUAL: IntentOrigin = { kind: 'manual' }

/**
 * orders.*: every intent goes risk engine → (confirmation and second
 * approval when the verdict asks) → execution engine, and every step is in
 * the audit log (the engine audits its own: commit, send, answer, fills).
 */
export function createOrderService(deps: OrderServiceDeps): OrderService {
  const { engine, journal, clock, audit, logger } = deps

  const audited = (kind: string, intent: OrderIntent, payload: Record<string, unknown>): void => {
    audit.append({ kind, actor: actorOf(intent.origin), subject: intent.id, payload: { intentId: intent.id, accountId: intent.accountId, ...payload } }, clock.now())
  }
  const evaluate = async (intent: OrderIntent): Promise<RiskVerdict> => evaluateIntent(intent, await deps.facts.contextFor(intent), deps.config())
  const managed = (entry: JournalEntry): ManagedOrder => toManagedOrder(entry, journal.fillsOf(entry.clientOrderId), entry.intentId ? deps.verdicts.get(entry.intentId) : null)
  const outcome = (intent: OrderIntent, verdict: RiskVerdict, status: SubmitOutcome['status'], message: string, entry: JournalEntry | null = null): SubmitOutcome => {
    audited(status === 'sent' ? 'orders.submitted' : status === 'rejected' ? 'orders.rejected' : 'orders.approvalDenied', intent, { status, message, clientOrderId: entry?.clientOrderId ?? null })
    return { intentId: intent.id, verdict, status, message, order: entry ? managed(entry) : null }
  }

  async function approve(intent: OrderIntent, verdict: RiskVerdict, confirmed: boolean): Promise<{ ok: true; verdict: RiskVerdict } | { ok: false; outcome: SubmitOutcome }> {
    if (!confirmed) return { ok: false, outcome: outcome(intent, verdict, 'approval_denied', 'This order needs your confirmation in the app and a second approval; nothing was sent') }
    const action = placeOrderAction(intent, verdict, deps.quotes.markOf(intent.venue, intent.symbol)?.price ?? null)
    if (!action) return { ok: false, outcome: outcome(intent, verdict, 'approval_denied', 'No price to approve this order against (no mark or estimate); nothing was sent') }
    const answer = await deps.approvals.request(action)
    if (!answer.ok) return { ok: false, outcome: outcome(intent, verdict, 'approval_denied', `${answer.message}; nothing was sent`) }
    // The market may have moved while the trader read the dialog: judged again, then the approval is used up.
    const fresh = await evaluate(intent)
    if (fresh.decision === 'reject') return { ok: false, outcome: outcome(intent, fresh, 'rejected', reasonsText(fresh)) }
    const mark = deps.quotes.markOf(intent.venue, intent.symbol)?.price
    const check = deps.approvals.consume(answer.approval, action, mark ? { mark } : undefined)
    if (!check.valid) return { ok: false, outcome: outcome(intent, fresh, 'approval_denied', `The approval no longer holds: ${check.message}; nothing was sent`) }
    return { ok: true, verdict: fresh }
  }

  async function submitIntent(intent: OrderIntent, confirmed: boolean): Promise<SubmitOutcome> {
    let verdict = await evaluate(intent)
    audited('orders.evaluated', intent, { intent, verdict })
    if (verdict.decision === 'reject') return outcome(intent, verdict, 'rejected', reasonsText(verdict))
    if (verdict.needsApproval) {
      const approved = await approve(intent, verdict, confirmed)
      if (!approved.ok) return approved.outcome
      verdict = approved.verdict
    }
    const sentAt = clock.now()
    deps.verdicts.save(intent.id, intent.accountId, verdict, sentAt)
    deps.memory.remember(intent, sentAt)
    let entry: JournalEntry
    try {
      entry = await engine.submit(intent)
    } catch (error) {
      logger.error('the execution engine refused an accepted intent', { intentId: intent.id, err: error })
      const journaled = journal.byIntentId(intent.id)
      return outcome(intent, verdict, 'rejected', `The execution engine could not send it: ${error instanceof Error ? error.message : String(error)}`, journaled)
    }
    if (intent.leverage !== null) deps.memory.setLeverage(intent.accountId, intent.symbol, intent.leverage)
    const failed = entry.status === 'unknown' || (entry.status === 'rejected' && entry.lastError !== null)
    feedApiCall(deps.breakers, intent.accountId, !failed, clock.now())
    const message = entry.status === 'rejected' ? `The venue refused it: ${entry.reason ?? entry.lastError ?? 'no reason given'}` : `Sent to ${entry.venue} as ${entry.clientOrderId}`
    return outcome(intent, verdict, 'sent', message, entry)
  }

  const intentOf = (draft: OrderDraft): OrderIntent => ({ ...draft, id: deps.newId(), createdAt: clock.now(), origin: MANUAL })

  return {
    preview: (draft) => evaluate(intentOf(draft)),
    submit: (draft, confirmed) => submitIntent(intentOf(draft), confirmed),
    submitIntent,
    async cancel(intentId) {
      if (intentId.startsWith(IMPORTED_PREFIX)) {
        throw new HandlerError('invalid_input', 'An imported order has no intent to cancel by; the kill switch cancels it, or cancel it on the venue')
      }
      const before = engine.order(intentId)
      if (!before) throw new HandlerError('invalid_input', `No order for intent ${JSON.stringify(intentId)}`)
      audit.append({ kind: 'orders.cancelRequested', actor: 'user', subject: intentId, payload: { intentId, clientOrderId: before.clientOrderId, status: before.status } }, clock.now())
      if (isTerminalJournalStatus(before.status)) return managed(before)
      const after = await engine.cancel(intentId)
      // A cancel the venue did not confirm counts against the API error rate (the account's and the desk's).
      feedApiCall(deps.breakers, after.accountId, isTerminalJournalStatus(after.status), clock.now())
      return managed(after)
    },
    list({ accountId, scope, limit }) {
      const ids = accountId ? [accountId] : deps.accountIds()
      const entries = ids.flatMap((id) => (scope === 'open' ? journal.nonTerminal(id) : journal.entries(id).filter((e) => isTerminalJournalStatus(e.status))))
      const newest = scope === 'open' ? (e: JournalEntry) => e.createdAt : (e: JournalEntry) => e.updatedAt
      return entries
        .sort((a, b) => newest(b) - newest(a))
        .slice(0, limit)
        .map(managed)
    },
    managed,
  }
}

/** The exact order the trader approves, at the mark it is approved against; null when nothing prices it. */
export function placeOrderAction(intent: OrderIntent, verdict: RiskVerdict, currentMark: number | null): RiskyAction | null {
  const mark = currentMark ?? verdict.estimate.referencePrice
  const notional = verdict.estimate.notional
  if (!(mark !== null && mark > 0 && notional > 0 && Number.isFinite(notional))) return null
  return {
    kind: 'place_order',
    order: {
      intentId: intent.id,
      accountId: intent.accountId,
      venue: intent.venue,
      symbol: intent.symbol,
      side: intent.side,
      type: intent.type,
      amount: intent.amount,
      price: intent.price,
      reduceOnly: intent.reduceOnly,
    },
    notional,
    leverage: intent.leverage,
    mark,
  }
}

export function reasonsText(verdict: RiskVerdict): string {
  return verdict.reasons.map((r) => r.message).join('; ') || 'Refused by the risk rules'
}

function actorOf(origin: IntentOrigin): string {
  switch (origin.kind) {
    case 'manual':
      return 'user'
    case 'pilot':
      return `pilot:${origin.pilotId}`
    case 'scanner':
      return `scanner:${origin.scannerId}`
    case 'kill_switch':
      return 'kill-switch'
    default: {
      const never: never = origin
      throw new Error(`unknown origin ${JSON.stringify(never)}`)
    }
  }
}
