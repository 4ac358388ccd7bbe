import { show } from '../numbers'
import { atrLevels, filterBlocks, none, type Direction, type Strategy } from './signal'

const STOP_ATR = 2
const TARGET_ATR = 4

/**
 * Breakout on 15m: the live price above the Donchian 20 high (the highest
 * high of the last 20 closed candles) is a breakout to buy, below the low one
 * to sell, unless the 1h trend points the other way. The stop sits 2 ATR
 * away; a held position is closed when the price falls back through the
 * channel's middle, a failed breakout.
 */
export const breakout: Strategy = (reading, held) => {
  const { donchian20, atr14 } = reading.entry
  const price = reading.price
  if (price === null) return none('no usable last price')
  if (donchian20 === null || atr14 === null) return none('15m history too short for Donchian 20 and ATR')
  const { high, low } = donchian20
  const middle = (high + low) / 2
  const values = `price ${show(price)}, 15m Donchian ${show(low)} – ${show(high)}, ATR ${show(atr14)}, 1h trend ${reading.filterTrend}`

  if (held !== null) {
    const failed = held === 'long' ? price < middle : price > middle
    if (!failed) return none(`holding ${held}: breakout intact (${values})`)
    return { kind: 'exit', strength: 0.7, reason: `close ${held}: price fell back through the channel middle ${show(middle)} (${values})` }
  }

  const direction: Direction | null = price > high ? 'long' : price < low ? 'short' : null
  if (direction === null) return none(`inside the channel (${values})`)
  if (filterBlocks(reading, direction)) return none(`${direction} breakout skipped against the 1h trend (${values})`)
  if (!(atr14 > 0)) return none(`no stop distance: ATR is zero (${values})`)
  const strength = Math.min(1, (direction === 'long' ? price - high : low - price) / atr14)
  return { kind: 'enter', direction, strength, atr: atr14, ...atrLevels(price, atr14, direction, STOP_ATR, TARGET_ATR), reason: `${direction}: broke the 20-bar channel (${values})` }
}
