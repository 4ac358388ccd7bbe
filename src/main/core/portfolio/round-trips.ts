import { addMoney, roundMoney } from './money'

/**
 * A round trip runs from flat to flat: the fills that open, add to, reduce
 * and close one position. A flip ends one round trip and starts the next with
 * the rest of the fill. Its result is net of fees and funding, because a trade
 * that made 1 USDT on price and paid 3 in fees lost money, and the breakers'
 * consecutive-losses rule is about losing money.
 */
export interface RoundTrip {
  symbol: string
  side: 'long' | 'short'
  openedAt: number
  closedAt: number
  realizedPnl: number
  /** Fees paid in the PnL currency (rebates negative); base-currency spot fees valued at the fill price. */
  fees: number
  /** Funding received (positive) or paid (negative). */
  funding: number
  /** realizedPnl - fees + funding. */
  netPnl: number
  result: 'win' | 'loss' | 'breakeven'
}

/** The round trip in progress on one symbol. */
export interface OpenTrip {
  side: 'long' | 'short'
  openedAt: number
  realizedPnl: number
  fees: number
  funding: number
}

export interface RoundTripStats {
  wins: number
  losses: number
  breakevens: number
  /**
   * Losing round trips in a row. A win or a breakeven ends the streak, the
   * same rule as the risk breakers' own count (core/risk/breakers), so the
   * number shown and the number that trips never disagree.
   */
  consecutiveLosses: number
  last: RoundTrip | null
}

export const NO_ROUND_TRIPS: RoundTripStats = { wins: 0, losses: 0, breakevens: 0, consecutiveLosses: 0, last: null }

export function openTrip(side: 'long' | 'short', at: number, fees: number): OpenTrip {
  return { side, openedAt: at, realizedPnl: 0, fees: roundMoney(fees), funding: 0 }
}

export function addToTrip(trip: OpenTrip, change: { realizedPnl?: number; fees?: number; funding?: number }): OpenTrip {
  return {
    ...trip,
    realizedPnl: addMoney(trip.realizedPnl, change.realizedPnl ?? 0),
    fees: addMoney(trip.fees, change.fees ?? 0),
    funding: addMoney(trip.funding, change.funding ?? 0),
  }
}

export function closeTrip(symbol: string, trip: OpenTrip, closedAt: number): RoundTrip {
  const netPnl = roundMoney(trip.realizedPnl - trip.fees + trip.funding)
  const result = netPnl > 0 ? 'win' : netPnl < 0 ? 'loss' : 'breakeven'
  return { symbol, side: trip.side, openedAt: trip.openedAt, closedAt, realizedPnl: trip.realizedPnl, fees: trip.fees, funding: trip.funding, netPnl, result }
}

export function countRoundTrip(stats: RoundTripStats, trip: RoundTrip): RoundTripStats {
  switch (trip.result) {
    case 'win':
      return { ...stats, wins: stats.wins + 1, consecutiveLosses: 0, last: trip }
    case 'loss':
      return { ...stats, losses: stats.losses + 1, consecutiveLosses: stats.consecutiveLosses + 1, last: trip }
    case 'breakeven':
      return { ...stats, breakevens: stats.breakevens + 1, consecutiveLosses: 0, last: trip }
    default: {
      const unexpected: never = trip.result
      throw new Error(`unexpected round trip result ${String(unexpected)}`)
    }
  }
}
