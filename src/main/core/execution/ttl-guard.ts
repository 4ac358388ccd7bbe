import type { TimerHandle } from '../../ports/clock'
import { isTerminalJournalStatus, type JournalEntry } from '../../ports/order-journal'
import type { EngineContext } from './engine-context'

/**
 * What the TTL means for an order when it runs out: an order not confirmed
 * or still open is cancelled; a partially filled one keeps its rest or
 * loses it as its intent's partialFillPolicy says.
 */
export function ttlAction(entry: JournalEntry): 'cancel' | 'keep' | 'none' {
  switch (entry.status) {
    case 'pending':
    case 'sent':
    case 'unknown':
    case 'open':
      return 'cancel'
    case 'partially_filled':
      return entry.intent?.partialFillPolicy === 'keep_rest' ? 'keep' : 'cancel'
    case 'filled':
    case 'cancelled':
    case 'rejected':
    case 'expired':
      return 'none'
    default: {
      const never: never = entry.status
      throw new Error(`unhandled journal status ${String(never)}`)
    }
  }
}

export interface TtlGuard {
  /** Starts the countdown of a non-terminal entry with a TTL (again after a restart); no-op if already armed. */
  arm(entry: JournalEntry): void
  disarm(clientOrderId: string): void
  close(): void
}

/** One clock timer per live order, firing at its journal's expiresAt (so a restart keeps the original deadline). */
export function createTtlGuard(ctx: EngineContext, expire: (clientOrderId: string) => void): TtlGuard {
  const timers = new Map<string, TimerHandle>()
  return {
    arm(entry) {
      if (entry.expiresAt === null || isTerminalJournalStatus(entry.status) || timers.has(entry.clientOrderId)) return
      const delay = Math.max(0, entry.expiresAt - ctx.clock.now())
      timers.set(
        entry.clientOrderId,
        ctx.clock.setTimeout(() => {
          timers.delete(entry.clientOrderId)
          expire(entry.clientOrderId)
        }, delay),
      )
    },
    disarm(clientOrderId) {
      timers.get(clientOrderId)?.cancel()
      timers.delete(clientOrderId)
    },
    close() {
      for (const timer of timers.values()) timer.cancel()
      timers.clear()
    },
  }
}
