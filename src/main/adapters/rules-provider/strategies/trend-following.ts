import { show } from '../numbers'
import { atrLevels, filterBlocks, none, type Direction, type Strategy } from './signal'

const STOP_ATR = 2
const TARGET_ATR = 3
/** An EMA gap of this many ATRs counts as a fully developed trend. */
const FULL_STRENGTH_GAP_ATR = 2

/**
 * Trend following on 15m: EMA 20 above EMA 50 with a positive MACD histogram
 * is an up-trend (mirror for down), entered only when the 1h trend does not
 * disagree. A held position is closed as soon as the 15m EMAs cross back.
 */
export const trendFollowing: Strategy = (reading, held) => {
  const { ema20, ema50, macd, atr14 } = reading.entry
  const price = reading.price
  if (price === null) return none('no usable last price')
  if (ema20 === null || ema50 === null || macd === null || atr14 === null) return none('15m history too short for EMA 50, MACD and ATR')
  const values = `15m EMA20 ${show(ema20)} vs EMA50 ${show(ema50)}, MACD hist ${show(macd.histogram)}, ATR ${show(atr14)}, 1h trend ${reading.filterTrend}`

  if (held !== null) {
    const flipped = held === 'long' ? ema20 < ema50 : ema20 > ema50
    if (!flipped) return none(`holding ${held}: trend intact (${values})`)
    const gap = atr14 > 0 ? Math.abs(ema20 - ema50) / atr14 : 0
    return { kind: 'exit', strength: Math.min(1, 0.5 + gap / FULL_STRENGTH_GAP_ATR / 2), reason: `close ${held}: trend flipped (${values})` }
  }

  const direction: Direction | null = ema20 > ema50 && macd.histogram > 0 ? 'long' : ema20 < ema50 && macd.histogram < 0 ? 'short' : null
  if (direction === null) return none(`no trend: EMAs and MACD disagree (${values})`)
  if (filterBlocks(reading, direction)) return none(`${direction} setup skipped against the 1h trend (${values})`)
  if (!(atr14 > 0)) return none(`no stop distance: ATR is zero (${values})`)
  const strength = Math.min(1, Math.abs(ema20 - ema50) / atr14 / FULL_STRENGTH_GAP_ATR)
  return { kind: 'enter', direction, strength, atr: atr14, ...atrLevels(price, atr14, direction, STOP_ATR, TARGET_ATR), reason: `${direction}: trend confirmed (${values})` }
}
