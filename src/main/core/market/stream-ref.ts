import type { WatchStream } from '../../../shared/contract/domains/market'
import type { MarketSymbol, Timeframe, VenueId } from '../../../shared/domain/market'
import type { MarketStream } from '../../ports/market-data-client'

/** One stream of one symbol on one venue: the unit that is subscribed, coalesced and monitored. */
export interface StreamRef {
  readonly venue: VenueId
  readonly symbol: MarketSymbol
  readonly stream: WatchStream
  /** Set for candles only: other streams do not depend on the timeframe, so watchers share them. */
  readonly timeframe: Timeframe | null
}

export function streamRef(venue: VenueId, symbol: MarketSymbol, stream: WatchStream, timeframe: Timeframe): StreamRef {
  return { venue, symbol, stream, timeframe: stream === 'candles' ? timeframe : null }
}

// JSON keeps keys unambiguous whatever characters a venue puts in its symbols.
export function streamKey(ref: StreamRef): string {
  return JSON.stringify([ref.venue, ref.symbol, ref.stream, ref.timeframe])
}

export function symbolKey(venue: VenueId, symbol: MarketSymbol): string {
  return JSON.stringify([venue, symbol])
}

/** "BTC/USDT:USDT book", "BTC/USDT:USDT candles 1m": how logs and health details name a stream. */
export function describeStream(ref: StreamRef): string {
  return ref.timeframe === null ? `${ref.symbol} ${ref.stream}` : `${ref.symbol} ${ref.stream} ${ref.timeframe}`
}

/** The adapter's stream for a watched one. Books are taken at one depth and cut per watcher when published. */
export function toMarketStream(ref: StreamRef, bookDepth: number): MarketStream {
  switch (ref.stream) {
    case 'ticker':
      return { kind: 'ticker', symbol: ref.symbol }
    case 'book':
      return { kind: 'book', symbol: ref.symbol, depth: bookDepth }
    case 'trades':
      return { kind: 'trades', symbol: ref.symbol }
    case 'candles':
      if (ref.timeframe === null) throw new Error(`A candle stream of ${ref.symbol} needs a timeframe`)
      return { kind: 'candles', symbol: ref.symbol, timeframe: ref.timeframe }
    default:
      return assertNever(ref.stream)
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled value ${JSON.stringify(value)}`)
}
