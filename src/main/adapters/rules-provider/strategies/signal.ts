import type { SymbolReading } from '../market-reading'

export type Direction = 'long' | 'short'

/**
 * What one strategy concludes about one symbol. Levels are absolute prices
 * taken from the reading's last price; the order builder re-checks them
 * against the actual entry price.
 */
export type StrategySignal =
  | {
      readonly kind: 'enter'
      readonly direction: Direction
      /** How strong the setup is, in [0, 1]. */
      readonly strength: number
      readonly atr: number
      readonly stopLoss: number
      readonly takeProfit: number | null
      readonly reason: string
    }
  | { readonly kind: 'exit'; readonly strength: number; readonly reason: string }
  | { readonly kind: 'none'; readonly reason: string }

/** A strategy reads one symbol and the side already held there (null when flat). */
export type Strategy = (reading: SymbolReading, held: Direction | null) => StrategySignal

export const none = (reason: string): StrategySignal => ({ kind: 'none', reason })

/** Entries against the 1h trend are skipped: the filter every rule shares. */
export function filterBlocks(reading: SymbolReading, direction: Direction): boolean {
  return direction === 'long' ? reading.filterTrend === 'down' : reading.filterTrend === 'up'
}

/** Confidence of an entry: its strength, less when the 1h trend could not confirm it. */
export function entryConfidence(strength: number, reading: SymbolReading): number {
  const unconfirmed = reading.filterTrend === 'unknown' || reading.filterTrend === 'flat'
  return Math.max(0.05, Math.min(0.9, 0.35 + 0.5 * strength - (unconfirmed ? 0.1 : 0)))
}

/** Stop and target a multiple of ATR away from the price, on the side that protects the position. */
export function atrLevels(price: number, atr: number, direction: Direction, stopAtr: number, targetAtr: number): { stopLoss: number; takeProfit: number } {
  const sign = direction === 'long' ? 1 : -1
  return { stopLoss: price - sign * stopAtr * atr, takeProfit: price + sign * targetAtr * atr }
}
