import type { ExecutionClient } from '../../../../src/main/ports/execution-client'
import { VenueError } from '../../../../src/main/ports/venue-error'
import type { OrderRequest } from '../../../../src/shared/domain/order'

/** Faults armed on a wrapped client; counted ones apply to the next N calls and clear themselves. */
export interface ClientFaults {
  /** The venue takes the next placement, but its answer is lost (a timeout after accept). */
  answerLost: number
  /** The next placement never reaches the venue, and the sender sees the same ambiguous failure. */
  requestLost: number
  /** The next placement is rate limited before reaching the venue. */
  rateLimited: number
  /** The next queries find nothing even when the venue has the order (a venue slow to show it). */
  hiddenFromQueries: number
  /** The next queries fail with a retryable error. */
  queryErrors: number
  /** Events are not delivered (a dropped private stream). */
  muted: boolean
}

export interface FaultyClient extends ExecutionClient {
  faults: ClientFaults
  /** Placements that reached the venue, in order. */
  placed: OrderRequest[]
  /** Calls per method, to check what was (not) asked. */
  calls: Record<string, number>
  /** Cancel-all-after calls (ms), when built with a dead-man switch. */
  deadMan: number[]
}

/** Wraps a real client (the simulated exchange) with the faults the order path must survive. */
export function faultyClient(inner: ExecutionClient, options: { deadMan?: boolean } = {}): FaultyClient {
  const faults: ClientFaults = { answerLost: 0, requestLost: 0, rateLimited: 0, hiddenFromQueries: 0, queryErrors: 0, muted: false }
  const placed: OrderRequest[] = []
  const calls: Record<string, number> = {}
  const deadMan: number[] = []
  const count = (name: string): void => void (calls[name] = (calls[name] ?? 0) + 1)
  const ambiguous = (): VenueError => new VenueError('ambiguous', inner.venue, 'request timed out; query the order before resending')
  const client: FaultyClient = {
    venue: inner.venue,
    capabilities: inner.capabilities,
    faults,
    placed,
    calls,
    deadMan,
    async submit(order) {
      count('submit')
      if (faults.requestLost > 0) {
        faults.requestLost--
        throw ambiguous()
      }
      if (faults.rateLimited > 0) {
        faults.rateLimited--
        throw new VenueError('rate_limited', inner.venue, 'too many requests', { retryAfterMs: 500 })
      }
      placed.push(order)
      const answer = await inner.submit(order)
      if (faults.answerLost > 0) {
        faults.answerLost--
        throw ambiguous()
      }
      return answer
    },
    cancel: (ref) => (count('cancel'), inner.cancel(ref)),
    amend: (ref, changes) => inner.amend(ref, changes),
    async queryOrder(ref) {
      count('queryOrder')
      if (faults.queryErrors > 0) {
        faults.queryErrors--
        throw new VenueError('retryable', inner.venue, 'venue busy')
      }
      if (faults.hiddenFromQueries > 0) {
        faults.hiddenFromQueries--
        return null
      }
      return inner.queryOrder(ref)
    },
    openOrders: (symbol) => (count('openOrders'), inner.openOrders(symbol)),
    fillsSince: (since, symbol) => (count('fillsSince'), inner.fillsSince(since, symbol)),
    balances: () => inner.balances(),
    positions: () => (count('positions'), inner.positions()),
    setLeverage: (symbol, leverage) => (count('setLeverage'), inner.setLeverage(symbol, leverage)),
    onEvent: (listener) => inner.onEvent((event) => (faults.muted ? undefined : listener(event))),
    close: () => inner.close(),
  }
  // A real venue's own dead-man switch passes through, recorded like the simulated one.
  const innerSwitch = inner.cancelAllAfter?.bind(inner)
  if (innerSwitch) {
    client.cancelAllAfter = async (ms: number) => {
      deadMan.push(ms)
      await innerSwitch(ms)
    }
  }
  if (options.deadMan) {
    Object.assign(client, {
      cancelAllAfter: async (ms: number) => {
        deadMan.push(ms)
      },
    })
  }
  return client
}
