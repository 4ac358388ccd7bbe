import type { CommandHandlers } from '../contract/dispatcher'
import type { MarketService } from './market-service'

type MarketCommandName = Extract<keyof CommandHandlers, `market.${string}`>

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
