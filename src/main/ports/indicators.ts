import type { Candle } from '../../shared/domain/market'
import type { IndicatorSet } from '../../shared/domain/agents/snapshot'

/** Technical indicators from a well-kept library, computed over closed candles (oldest first). */
export interface IndicatorEngine {
  compute(candles: readonly Candle[]): IndicatorSet
}
