import type { MarketHistoryCommandName } from '../../../shared/contract/domains/market-history'
import type { CommandHandlers } from '../contract/dispatcher'
import type { MarketService } from './market-service'

// History downloads are market.* channels too, served by their own service (history/history-handlers.ts).
type MarketCommandName = Exclude<Extract<keyof CommandHandlers, `market.${string}`>, MarketHistoryCommandName>

/** The contract's market commands, served by the market service. */
export function marketHandlers(market: MarketService): Pick<CommandHandlers, MarketCommandName> {
  return {
    'market.listVenues': () => market.listVenues(),
    'market.listMarkets': ({ venue }) => market.listMarkets(venue),
    'market.connect': ({ venue }) => market.connect(venue),
    'market.watch': (input) => market.watch(input),
    'market.unwatch': ({ watchId }) => market.unwatch(watchId),
  }
}
