import type { ManagedOrder } from '../../../shared/contract/domains/orders'
import { HandlerError } from '../../../shared/contract/envelope'
import type { DecisionFilter, DecisionRecord, DecisionSummary, IntentLink } from '../../../shared/domain/agents/decision'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import type { DecisionRepository, SnapshotRepository } from '../../ports/agent-store'
import type { Sha256Hex } from '../../ports/hasher'
import type { Logger } from '../../ports/logger'
import type { AuditLog } from '../../ports/store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export interface DecisionFeed {
  record(record: DecisionRecord): void
  storeSnapshot(snapshot: MarketSnapshot): void
  updateIntents(decisionId: string, links: IntentLink[]): void
  search(filter: DecisionFilter): DecisionSummary[]
  get(decisionId: string): DecisionRecord
  snapshot(hash: string): MarketSnapshot
  close(): void
}

export interface DecisionFeedDeps {
  decisions: DecisionRepository
  snapshots: SnapshotRepository
  bus: EventBus<KernelEvents>
  logger: Logger
  audit: AuditLog
  sha256: Sha256Hex
  now: () => number
}

/**
 * The decision records: stored before they are announced, so the feed never
 * shows a decision that a restart would lose. As a pilot's orders move
 * (filled, cancelled, expired), the links of the decision that made them are
 * updated and the decision is announced again.
 */
export function createDecisionFeed(deps: DecisionFeedDeps): DecisionFeed {
  const { decisions, bus } = deps

  const announce = (id: string): void => {
    const record = decisions.get(id)
    if (record) bus.publish('feed.decisionRecorded', summaryOf(record))
  }

  const onOrder = (order: ManagedOrder): void => {
    if (order.origin.kind !== 'pilot') return
    const decision = decisions.byIntent(order.intentId)
    if (!decision) return
    let changed = false
    const links = decision.intents.map((link) => {
      if (link.intentId !== order.intentId) return link
      const next = { ...link, clientOrderId: order.clientOrderId, orderStatus: order.state, filled: order.filled }
      changed ||= next.orderStatus !== link.orderStatus || next.filled !== link.filled || next.clientOrderId !== link.clientOrderId
      return next
    })
    if (!changed) return
    decisions.updateIntents(decision.id, links)
    announce(decision.id)
  }
  const unsubscribe = bus.subscribe('orders.updated', onOrder)

  return {
    record(record) {
      decisions.insert(record)
      // The chain holds each decision's fingerprint: its input and output hashes make an edited record detectable.
      deps.audit.append(
        {
          kind: 'agents.decision',
          actor: `pilot:${record.pilotId}`,
          subject: record.id,
          payload: {
            cycleId: record.cycleId,
            role: record.role,
            model: `${record.model.providerId}/${record.model.model}`,
            promptVersion: record.promptVersion,
            snapshotHash: record.snapshotHash,
            inputHash: record.inputHash,
            outputHash: deps.sha256(record.rawOutput + (record.repairRawOutput ?? '')),
            outcome: record.outcome,
          },
        },
        deps.now(),
      )
      bus.publish('feed.decisionRecorded', summaryOf(record))
    },
    storeSnapshot: (snapshot) => deps.snapshots.put(snapshot),
    updateIntents(decisionId, links) {
      decisions.updateIntents(decisionId, links)
      announce(decisionId)
    },
    search: (filter) => decisions.search(filter),
    get(decisionId) {
      const record = decisions.get(decisionId)
      if (!record) throw new HandlerError('invalid_input', `No decision ${JSON.stringify(decisionId)}`)
      return record
    },
    snapshot(hash) {
      const snapshot = deps.snapshots.get(hash)
      if (!snapshot) throw new HandlerError('invalid_input', `No snapshot ${hash}`)
      return snapshot
    },
    close: unsubscribe,
  }
}

/** The feed card's fields of a full record. */
export function summaryOf(record: DecisionRecord): DecisionSummary {
  return {
    id: record.id,
    cycleId: record.cycleId,
    pilotId: record.pilotId,
    role: record.role,
    model: record.model,
    fallbackFrom: record.fallbackFrom,
    promptVersion: record.promptVersion,
    symbols: record.symbols,
    startedAt: record.startedAt,
    latencyMs: record.latencyMs,
    outcome: record.outcome,
    conclusion: record.conclusion,
    inputSummary: record.inputSummary,
    usage: record.usage,
    costUsd: record.costUsd,
    intents: record.intents,
  }
}
