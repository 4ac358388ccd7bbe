import { show } from '../numbers'
import { atrLevels, filterBlocks, none, type Direction, type Strategy } from './signal'

const OVERSOLD = 30
const OVERBOUGHT = 70
const STOP_ATR = 2

/**
 * Mean reversion on 15m: RSI 14 under 30 with the price below the lower
 * Bollinger band is a dip to buy (mirror above 70 and the upper band), taken
 * only when the 1h trend does not point the other way (buy dips, do not
 * catch a falling market). The target, and the exit, is the middle band.
 */
export const meanReversion: Strategy = (reading, held) => {
  const { rsi14, bollinger, atr14 } = reading.entry
  const price = reading.price
  if (price === null) return none('no usable last price')
  if (rsi14 === null || bollinger === null || atr14 === null) return none('15m history too short for RSI, Bollinger and ATR')
  const { lower, middle, upper } = bollinger
  const values = `price ${show(price)}, 15m RSI ${show(rsi14)}, Bollinger ${show(lower)} / ${show(middle)} / ${show(upper)}, ATR ${show(atr14)}, 1h trend ${reading.filterTrend}`

  if (held !== null) {
    const reverted = held === 'long' ? price >= middle : price <= middle
    if (!reverted) return none(`holding ${held}: price has not reached the middle band (${values})`)
    return { kind: 'exit', strength: 0.7, reason: `close ${held}: price back at the middle band (${values})` }
  }

  const direction: Direction | null = rsi14 < OVERSOLD && price < lower ? 'long' : rsi14 > OVERBOUGHT && price > upper ? 'short' : null
  if (direction === null) return none(`no stretch: RSI and bands within range (${values})`)
  if (filterBlocks(reading, direction)) return none(`${direction} reversion skipped against the 1h trend (${values})`)
  if (!(atr14 > 0)) return none(`no stop distance: ATR is zero (${values})`)
  const rsiStretch = direction === 'long' ? (OVERSOLD - rsi14) / 20 : (rsi14 - OVERBOUGHT) / 20
  const bandStretch = (direction === 'long' ? lower - price : price - upper) / atr14
  const strength = Math.min(1, Math.max(0, (rsiStretch + bandStretch) / 2))
  const { stopLoss } = atrLevels(price, atr14, direction, STOP_ATR, 0)
  return { kind: 'enter', direction, strength, atr: atr14, stopLoss, takeProfit: middle, reason: `${direction}: stretched beyond the band (${values})` }
}
