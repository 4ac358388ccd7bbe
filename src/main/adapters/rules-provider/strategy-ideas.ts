import type { RoleContext } from '../../ports/model-client'
import type { StrategyIdea } from '../../../shared/domain/agents/role-outputs'
import type { RulesStrategy } from '../../../shared/domain/agents/pilot'
import { readSymbol } from './market-reading'
import { show } from './numbers'
import { heldPosition } from './positions'
import { STRATEGIES } from './strategies'
import { clip } from './text'

const MAX_IDEAS = 5

/** How each strategy gets out, in words. */
const EXIT_RULE: Record<RulesStrategy, string> = {
  trend_following: 'close when the 15m EMA20 crosses back through EMA50',
  mean_reversion: 'close at the 15m Bollinger middle band',
  breakout: 'close when the price falls back through the Donchian channel middle',
}

/** One idea per symbol (at most five): what the pilot's rules strategy would do now, and how it would get out. */
export function strategyIdeas(context: RoleContext): StrategyIdea {
  const strategy = STRATEGIES[context.strategy]
  const ideas = context.snapshot.symbols.slice(0, MAX_IDEAS).map((symbol) => {
    const reading = readSymbol(symbol)
    const held = heldPosition(context.account, symbol.symbol)
    const signal = strategy(reading, held?.side ?? null)
    const direction: StrategyIdea['strategies'][number]['direction'] = signal.kind === 'enter' ? signal.direction : signal.kind === 'none' && held !== null ? held.side : 'flat'
    const entry = signal.kind === 'enter' ? `enter ${signal.direction} near ${show(reading.price)}: ${signal.reason}` : signal.reason
    const invalidation = signal.kind === 'enter' ? `stop at ${show(signal.stopLoss)} (2 ATR)` : 'no position to invalidate'
    return {
      name: clip(`rules.${context.strategy} ${symbol.symbol}`, 80),
      symbol: symbol.symbol,
      direction,
      entry: clip(entry, 300),
      exit: clip(EXIT_RULE[context.strategy], 300),
      invalidation: clip(invalidation, 300),
    }
  })
  const active = ideas.filter((idea) => idea.direction !== 'flat').length
  return { strategies: ideas, summary: clip(`Rules ${context.strategy}: ${active} of ${ideas.length} symbols have a position or a setup.`, 1200) }
}
