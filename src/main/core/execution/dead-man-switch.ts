import type { AccountId } from '../../../shared/domain/account'
import type { TimerHandle } from '../../ports/clock'
import type { ExecutionClient } from '../../ports/execution-client'
import type { EngineContext } from './engine-context'
import { describeError } from './execution-recorder'

/**
 * A venue-side dead-man switch (OKX cancel-all-after): unless renewed
 * within `timeoutMs`, the venue cancels every open order of the account.
 * Not yet on the ExecutionClient port: a client that has it is detected by
 * this optional method (the ccxt adapter can add it through ccxt's
 * cancelAllOrdersAfter; 0 turns the switch off).
 */
export interface CancelAllAfter {
  cancelAllAfter(timeoutMs: number): Promise<void>
}

export function hasDeadManSwitch(client: ExecutionClient): client is ExecutionClient & CancelAllAfter {
  return typeof (client as Partial<CancelAllAfter>).cancelAllAfter === 'function'
}

export interface DeadManSwitches {
  /** Arms the account's switch and keeps renewing it; a client without one is left alone. Idempotent. */
  arm(accountId: AccountId, client: ExecutionClient): Promise<boolean>
  armed(): AccountId[]
  /** Stops renewing. The switches stay armed on the venue: if we do not come back, our orders die. */
  close(): void
}

export function createDeadManSwitches(ctx: EngineContext): DeadManSwitches {
  const renewals = new Map<AccountId, TimerHandle>()
  const { deadManTimeoutMs, deadManRefreshMs } = ctx.tuning

  const renew = async (accountId: AccountId, client: ExecutionClient & CancelAllAfter): Promise<boolean> => {
    try {
      await client.cancelAllAfter(deadManTimeoutMs)
      return true
    } catch (error) {
      // A missed renewal is survivable (the next one comes well before the timeout); a run of them is the venue's job to act on.
      ctx.logger.warn('dead-man switch renewal failed', { accountId, ...describeError(error) })
      ctx.recorder.note('execution.dead_man_failed', null, { accountId, ...describeError(error) })
      return false
    }
  }

  return {
    async arm(accountId, client) {
      if (!hasDeadManSwitch(client)) return false
      if (renewals.has(accountId)) return true
      renewals.set(
        accountId,
        ctx.clock.setInterval(() => ctx.track(`renew dead-man switch of ${accountId}`, renew(accountId, client)), deadManRefreshMs),
      )
      const ok = await renew(accountId, client)
      if (ok) ctx.recorder.note('execution.dead_man_armed', null, { accountId, timeoutMs: deadManTimeoutMs, refreshMs: deadManRefreshMs })
      return ok
    },
    armed: () => [...renewals.keys()],
    close() {
      for (const timer of renewals.values()) timer.cancel()
      renewals.clear()
    },
  }
}
