import type { VenueCapabilities } from '../../shared/domain/venue'
import type { ExecutionClient, ExecutionEvent } from '../ports/execution-client'
import { isVenueError, VenueError } from '../ports/venue-error'

/** What the factory builds: the venue's execution client and the close of everything behind it. */
export interface LazyExecutionHandle {
  readonly execution: ExecutionClient
  close(): Promise<void>
}

export interface LazyExecution extends ExecutionClient {
  /** Closes the built client; the next call builds a new one (after a key change). */
  reset(): Promise<void>
}

/**
 * An execution client that builds the real one on first use, so a live
 * account costs nothing (no SDK, no socket, no keychain read) until it trades
 * or is reconciled. Listeners registered before the build are carried over;
 * a failed build is forgotten so the next call tries again.
 */
export function createLazyExecution(
  venue: string,
  capabilities: VenueCapabilities,
  create: () => Promise<LazyExecutionHandle>,
  options: { deadManSwitch: boolean } = { deadManSwitch: false },
): LazyExecution {
  const listeners = new Set<(event: ExecutionEvent) => void>()
  let handle: LazyExecutionHandle | null = null
  let creating: Promise<LazyExecutionHandle> | null = null
  let detach: (() => void) | null = null
  let closed = false

  const ensure = (): Promise<ExecutionClient> => {
    if (closed) return Promise.reject(new VenueError('rejected', venue, `${venue} trading connection is closed`))
    if (handle) return Promise.resolve(handle.execution)
    creating ??= create().then(
      (made) => {
        creating = null
        handle = made
        detach = made.execution.onEvent((event) => {
          for (const listener of [...listeners]) listener(event)
        })
        return made
      },
      (error: unknown) => {
        creating = null
        throw isVenueError(error) ? error : new VenueError('retryable', venue, `could not start the ${venue} trading connection: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
      },
    )
    return creating.then((made) => made.execution)
  }

  const release = async (): Promise<void> => {
    const pending = creating
    if (pending) await pending.catch(() => undefined)
    const current = handle
    handle = null
    detach?.()
    detach = null
    await current?.close()
  }

  // Present or absent before the build, as the port wants: the engine tells venues with a switch by it.
  const deadMan = options.deadManSwitch
    ? {
        async cancelAllAfter(timeoutMs: number): Promise<void> {
          const client = await ensure()
          if (!client.cancelAllAfter) throw new VenueError('unsupported', venue, `${venue} has no cancel-all-after switch`)
          await client.cancelAllAfter(timeoutMs)
        },
      }
    : {}

  return {
    ...deadMan,
    venue,
    capabilities,
    submit: async (order) => (await ensure()).submit(order),
    cancel: async (ref) => (await ensure()).cancel(ref),
    amend: async (ref, changes) => (await ensure()).amend(ref, changes),
    queryOrder: async (ref) => (await ensure()).queryOrder(ref),
    openOrders: async (symbol) => (await ensure()).openOrders(symbol),
    fillsSince: async (since, symbol) => (await ensure()).fillsSince(since, symbol),
    balances: async () => (await ensure()).balances(),
    positions: async () => (await ensure()).positions(),
    setLeverage: async (symbol, leverage) => (await ensure()).setLeverage(symbol, leverage),
    onEvent(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    reset: release,
    async close() {
      closed = true
      listeners.clear()
      await release()
    },
  }
}
