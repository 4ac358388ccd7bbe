import type { RulesStrategy } from '../../../../shared/domain/agents/pilot'
import { breakout } from './breakout'
import { meanReversion } from './mean-reversion'
import type { Strategy } from './signal'
import { trendFollowing } from './trend-following'

/** Every rules strategy by its id; the Record type makes a new id fail to compile until it has a strategy. */
export const STRATEGIES: Record<RulesStrategy, Strategy> = {
  trend_following: trendFollowing,
  mean_reversion: meanReversion,
  breakout,
}

export { breakout, meanReversion, trendFollowing }
export { entryConfidence, type Direction, type Strategy, type StrategySignal } from './signal'
