import type { Candle } from '../../../shared/domain/market'

/** A candle whose prices can all enter arithmetic without turning every later value into NaN. */
function isFiniteCandle(candle: Candle): boolean {
  return Number.isFinite(candle.open) && Number.isFinite(candle.high) && Number.isFinite(candle.low) && Number.isFinite(candle.close)
}

/**
 * The part of a candle history the indicators may use: the run of finite
 * candles after the last broken one. One NaN would poison every recursive
 * average after it, and skipping it would silently join two separate runs,
 * so an indicator only ever spans candles that are all sound; the shorter
 * run then honestly yields nulls where it is too short.
 *
 * Candles must be oldest first with strictly rising timestamps: a reversed
 * or duplicated history is the caller's mistake, and computing from it would
 * give plausible but wrong numbers, so it is refused with a clear error.
 */
export function usableHistory(candles: readonly Candle[]): readonly Candle[] {
  for (let i = 1; i < candles.length; i++) {
    const previous = candles[i - 1]!.timestamp
    const current = candles[i]!.timestamp
    if (!(current > previous)) {
      throw new RangeError(`Indicator candles must be oldest first with rising timestamps; candle ${i} has timestamp ${current} after ${previous}`)
    }
  }
  let start = candles.length
  while (start > 0 && isFiniteCandle(candles[start - 1]!)) start--
  return candles.slice(start)
}
