import type { VenueCapabilities } from '../../../shared/domain/venue'
import type { ExecutionClient, ExecutionEvent } from '../../ports/execution-client'
import type { EventHub } from './event-hub'
import type { ExchangeEngine } from './exchange-engine'
import type { VenueCaller } from './venue-caller'

export interface SimulatedExecutionDeps {
  venue: string
  capabilities: VenueCapabilities
  engine: ExchangeEngine
  caller: VenueCaller
  events: EventHub<ExecutionEvent>
  /** Shuts the whole simulated exchange down. */
  close(): Promise<void>
}

/** The ExecutionClient port over the engine: every method is a call across the simulated wire. */
export function createSimulatedExecutionClient(deps: SimulatedExecutionDeps): ExecutionClient {
  const { engine, caller } = deps
  const call = <T>(work: () => T, symbol?: string): Promise<T> => caller.call(work, symbol)

  return {
    venue: deps.venue,
    capabilities: deps.capabilities,
    // The symbol is read defensively: a malformed request is the engine's to refuse as a VenueError.
    submit: (order) => call(() => engine.submit(order), (order as { symbol?: unknown } | null)?.symbol as string | undefined),
    cancel: (ref) => call(() => engine.cancel(ref)),
    amend: (ref, changes) => call(() => engine.amend(ref, changes)),
    queryOrder: (ref) => call(() => engine.query(ref)),
    openOrders: (symbol) => call(() => engine.openOrders(symbol)),
    fillsSince: (since, symbol) => call(() => engine.fillsSince(since, symbol)),
    balances: () => call(() => engine.balances()),
    positions: () => call(() => engine.positions()),
    setLeverage: (symbol, leverage) => call(() => engine.setLeverage(symbol, leverage), symbol),
    onEvent: (listener) => deps.events.add(listener),
    close: () => deps.close(),
  }
}
