import type { BookLevel } from '../../../shared/domain/market'
import { roundToStep, ticksToPrice } from '../../../shared/market/precision'
import type { Rng } from './prng'

export const BOOK_LEVELS = 25

/** Best bid and ask as whole ticks; the ask is always at least one tick above the bid. */
export interface Touch {
  bidTicks: number
  askTicks: number
}

export interface BookRules {
  tickSize: number
  stepSize: number
  minSize: number
  levelContracts: number
}

/**
 * The touch around a mid price: the mid lies inside [bid, ask) and the spread
 * is `spreadTicks` ≥ 1, so a book built on it can never be crossed or locked.
 */
export function touchAround(mid: number, tickSize: number, spreadTicks: number): Touch {
  const spread = Math.max(1, Math.round(spreadTicks))
  const bidTicks = Math.max(1, Math.floor(mid / tickSize - spread / 2 + 0.5))
  return { bidTicks, askTicks: bidTicks + spread }
}

/**
 * An L2 book of `levels` per side on a given touch. Levels are mostly one
 * tick apart with occasional empty ticks, and resting size grows away from
 * the touch with log-normal noise, roughly as on a liquid perpetual.
 */
export function buildBook(touch: Touch, rules: BookRules, rng: Rng, levels = BOOK_LEVELS): { bids: BookLevel[]; asks: BookLevel[] } {
  const side = (startTicks: number, direction: 1 | -1): BookLevel[] => {
    const out: BookLevel[] = []
    let ticks = startTicks
    for (let i = 0; i < levels && ticks > 0; i++) {
      const size = rules.levelContracts * (1 + 0.08 * i) * Math.exp(0.6 * rng.normal() - 0.18)
      out.push([ticksToPrice(ticks, rules.tickSize), Math.max(rules.minSize, roundToStep(size, rules.stepSize))])
      ticks += direction * (rng.next() < 0.15 ? 2 : 1)
    }
    return out
  }
  return { bids: side(touch.bidTicks, -1), asks: side(touch.askTicks, 1) }
}
