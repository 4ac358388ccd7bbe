import type { Instrument, MarketSymbol } from '../../../shared/domain/market'
import type { OrderSide } from '../../../shared/domain/order'
import { roundToStep } from '../../../shared/market/precision'

/** A net (one-way mode) position: positive contracts are long, negative short. */
export interface NetPosition {
  readonly instrument: Instrument
  contracts: number
  entryPrice: number
}

/** What a fill did to a position: realized PnL in the settle currency and the size that closed. */
export interface PositionChange {
  realizedPnl: number
  closed: number
}

export interface PositionBook {
  get(symbol: MarketSymbol): NetPosition | undefined
  all(): NetPosition[]
  /** Signed contracts, 0 when flat. */
  contracts(symbol: MarketSymbol): number
  /** How much an order on `side` can fill while only shrinking the position. */
  reducible(symbol: MarketSymbol, side: OrderSide): number
  apply(instrument: Instrument, side: OrderSide, price: number, amount: number): PositionChange
}

/** Unrealized PnL of a position at `markPrice`, in the settle currency. */
export function unrealizedPnl(position: NetPosition, markPrice: number): number {
  return (markPrice - position.entryPrice) * position.contracts * position.instrument.contractSize
}

export function createPositionBook(): PositionBook {
  const positions = new Map<MarketSymbol, NetPosition>()

  const contracts = (symbol: MarketSymbol): number => positions.get(symbol)?.contracts ?? 0

  return {
    get: (symbol) => positions.get(symbol),
    all: () => [...positions.values()],
    contracts,
    reducible(symbol, side) {
      const held = contracts(symbol)
      return side === 'buy' ? Math.max(0, -held) : Math.max(0, held)
    },
    apply(instrument, side, price, amount) {
      const step = instrument.stepSize
      const signed = side === 'buy' ? amount : -amount
      const current = positions.get(instrument.symbol)
      if (!current || Math.sign(current.contracts) === Math.sign(signed)) {
        // Opening or adding: the entry becomes the size-weighted average.
        const held = current?.contracts ?? 0
        const next = roundToStep(held + signed, step)
        const entry = (Math.abs(held) * (current?.entryPrice ?? 0) + amount * price) / Math.abs(next)
        positions.set(instrument.symbol, { instrument, contracts: next, entryPrice: entry })
        return { realizedPnl: 0, closed: 0 }
      }
      // Reducing, closing or flipping: the closed part realizes PnL against the entry.
      const closed = Math.min(amount, Math.abs(current.contracts))
      const realizedPnl = (price - current.entryPrice) * closed * Math.sign(current.contracts) * instrument.contractSize
      const next = roundToStep(current.contracts + signed, step)
      if (next === 0) positions.delete(instrument.symbol)
      else if (Math.sign(next) === Math.sign(current.contracts)) current.contracts = next
      else positions.set(instrument.symbol, { instrument, contracts: next, entryPrice: price })
      return { realizedPnl, closed }
    },
  }
}
