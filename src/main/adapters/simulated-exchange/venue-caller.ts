import type { MarketSymbol } from '../../../shared/domain/market'
import { VenueError } from '../../ports/venue-error'
import type { InstrumentRegistry } from './instrument-registry'
import type { Wire } from './latency'
import type { MarketFeed } from './market-feed'
import { asOwnVenueError } from './venue-errors'

export interface VenueCallerDeps {
  venue: string
  instruments: InstrumentRegistry
  feed: MarketFeed
  /** Client to venue, and venue to client: every request and answer crosses them. */
  inbound: Wire
  outbound: Wire
}

/** Runs engine calls as if over the network; `symbol` is subscribed first so an order finds a book. */
export interface VenueCaller {
  call<T>(work: () => T, symbol?: MarketSymbol): Promise<T>
  /** Refuses later calls, and answers every call in flight with an `ambiguous` error instead of leaving it hanging. */
  shutdown(): void
}

/**
 * Every call crosses the inbound wire, runs on the engine, and its answer
 * crosses the outbound wire after the events it caused, so an acknowledgement
 * never arrives before what it acknowledges. Calls reach the engine in the
 * order they were made, even when one of them first waits for a subscription.
 */
export function createVenueCaller(deps: VenueCallerDeps): VenueCaller {
  const pending = new Set<(error: VenueError) => void>()
  let gate: Promise<unknown> = Promise.resolve()
  let closed = false
  const closedError = (): VenueError => new VenueError('rejected', deps.venue, 'the simulated exchange is closed', { reason: 'other' })

  const prepare = async (symbol: MarketSymbol | undefined): Promise<void> => {
    // Queries need neither instruments nor market data: a source that is down must not block them.
    if (symbol === undefined) return
    await deps.instruments.ready()
    // An unknown symbol is the engine's to refuse, with a reason; only known ones are subscribed.
    if (deps.instruments.lookup(symbol)) await deps.feed.watch(symbol)
  }

  const cross = <T>(work: () => T): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(closedError())
      pending.add(reject)
      deps.inbound.send(() => {
        let answer: () => void
        try {
          const value = work()
          answer = () => resolve(value)
        } catch (error) {
          const venueError = asOwnVenueError(deps.venue, error)
          answer = () => reject(venueError)
        }
        deps.outbound.send(() => {
          pending.delete(reject)
          answer()
        })
      })
    })

  return {
    call(work, symbol) {
      if (closed) return Promise.reject(closedError())
      const prepared = gate.then(() => prepare(symbol))
      gate = prepared.catch(() => undefined)
      return prepared.then(
        () => cross(work),
        (error: unknown) => {
          throw asOwnVenueError(deps.venue, error)
        },
      )
    },
    shutdown() {
      closed = true
      const waiting = [...pending]
      pending.clear()
      for (const abandon of waiting) abandon(new VenueError('ambiguous', deps.venue, 'the simulated exchange closed before it answered; the request may have been applied'))
    },
  }
}
