import { createHash } from 'node:crypto'
import type { Approver, ApprovalAnswer, ApprovalRequest } from '../../../src/main/ports/approver'
import type { AuditEntry, AuditEntryInput, AuditLog } from '../../../src/main/ports/store'
import type { RiskyAction } from '../../../src/main/core/approval/risky-action'

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** An audit log in memory; no hash chain, the gate only appends. */
export function createMemoryAudit(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = []
  return {
    entries,
    append(entry: AuditEntryInput, at: number) {
      const row: AuditEntry = { ...entry, seq: entries.length + 1, at, prevHash: '', hash: '' }
      entries.push(row)
      return row
    },
    tail: (limit) => entries.slice(-limit),
  }
}

/** An Approver the test answers by hand, or never. */
export function createFakeApprover(): Approver & { requests: ApprovalRequest[]; answer(index: number, answer: ApprovalAnswer): Promise<void> } {
  const requests: ApprovalRequest[] = []
  const resolvers: ((answer: ApprovalAnswer) => void)[] = []
  return {
    requests,
    request(request) {
      requests.push(request)
      return new Promise((resolve) => resolvers.push(resolve))
    },
    async answer(index, answer) {
      resolvers[index]?.(answer)
      await flush()
    },
  }
}

/** Lets promise callbacks run; the gate settles through a couple of microtask hops. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

export function placeOrder(overrides: { amount?: number; mark?: number; intentId?: string } = {}): RiskyAction {
  return {
    kind: 'place_order',
    order: {
      intentId: overrides.intentId ?? 'intent-0001',
      accountId: 'paper-okx',
      venue: 'okx',
      symbol: 'BTC/USDT:USDT',
      side: 'buy',
      type: 'market',
      amount: overrides.amount ?? 5,
      price: null,
      reduceOnly: false,
    },
    notional: 5 * 65_000,
    leverage: 5,
    mark: overrides.mark ?? 65_000,
  }
}
