import type { EndpointClass } from '../profiles/venue-profile'

/**
 * Priority lanes, most urgent first. A cancel takes risk off, so it must never
 * wait behind a new order, and neither may wait behind bulk reads.
 */
export const LANES = ['cancel', 'order', 'query', 'history'] as const
export type Lane = (typeof LANES)[number]

export function laneOf(endpoint: EndpointClass): Lane {
  switch (endpoint) {
    case 'cancel':
      return 'cancel'
    case 'place':
    case 'amend':
    case 'leverage':
      return 'order'
    case 'order_query':
    case 'open_orders':
    case 'balance':
    case 'positions':
    case 'instruments':
    case 'ticker':
    case 'book':
    case 'trades':
    case 'candles':
    case 'funding':
    case 'mark':
      return 'query'
    case 'fills':
    case 'history_candles':
      return 'history'
    default: {
      const unreachable: never = endpoint
      return unreachable
    }
  }
}

/**
 * How many requests of each lane may be in flight at once. Cancels and orders
 * are never held back by this; bulk lanes are, so a burst of history requests
 * queues here instead of occupying every connection.
 */
export const DEFAULT_LANE_CONCURRENCY: Readonly<Record<Lane, number>> = {
  cancel: Number.POSITIVE_INFINITY,
  order: Number.POSITIVE_INFINITY,
  query: 6,
  history: 2,
}
