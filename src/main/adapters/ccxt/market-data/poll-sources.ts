import type { MarketEvent, MarketStream } from '../../../ports/market-data-client'
import { sleep } from '../discipline/backoff'
import type { EndpointClass } from '../profiles/venue-profile'
import { toCandles, toFunding, toMark, toOrderBook, toTicker, toTrade } from './convert-market'
import { RecentIds } from './recent-ids'
import type { SourceContext } from './source-context'
import type { StreamSource } from './stream-runner'

/**
 * REST polling for streams the venue has no WebSocket watcher for. Polls go
 * through the request discipline like any read, so they respect the venue's
 * limits and queue behind orders and cancels.
 */
export const DEFAULT_POLL_INTERVAL_MS: Readonly<Record<MarketStream['kind'], number>> = {
  ticker: 2_000,
  book: 2_000,
  trades: 3_000,
  candles: 10_000,
  funding: 30_000,
  mark: 3_000,
}

export function pollSource(ctx: SourceContext, intervalMs: number, depth: number): StreamSource {
  const fetchOnce = fetcher(ctx, depth)
  let first = true
  return {
    next: async () => {
      if (!first) await sleep(ctx.clock, intervalMs, ctx.stop)
      first = false
      if (ctx.stop.stopped) return []
      const { endpoint, run } = fetchOnce
      return ctx.discipline.run({ endpoint, symbol: ctx.instrument.symbol, action: `poll ${ctx.stream.kind} ${ctx.instrument.symbol}` }, run)
    },
    resubscribe: async () => {
      first = true
    },
    close: async () => ctx.stop.stop(),
  }
}

function fetcher(ctx: SourceContext, depth: number): { endpoint: EndpointClass; run: () => Promise<MarketEvent[]> } {
  const { exchange, instrument, stream } = ctx
  const { venue, symbol } = instrument
  switch (stream.kind) {
    case 'ticker':
      return { endpoint: 'ticker', run: async () => [{ kind: 'ticker', ticker: toTicker(venue, symbol, await exchange.fetchTicker(symbol), ctx.clock.now()) }] }
    case 'book':
      return {
        endpoint: 'book',
        run: async () => {
          const book = toOrderBook(venue, symbol, await exchange.fetchOrderBook(symbol, depth), depth, ctx.clock.now())
          if (typeof book === 'string') throw new Error(`unusable book from ${venue}: ${book}`)
          return [{ kind: 'book', book }]
        },
      }
    case 'trades': {
      const seen = new RecentIds(2000)
      return {
        endpoint: 'trades',
        run: async () => {
          const trades = (await exchange.fetchTrades(symbol)).flatMap((t) => {
            const trade = toTrade(venue, symbol, t)
            return trade && seen.add(trade.id) ? [trade] : []
          })
          return trades.length ? [{ kind: 'trades', trades }] : []
        },
      }
    }
    case 'candles': {
      const timeframe = stream.timeframe
      return {
        endpoint: 'candles',
        run: async () => toCandles(await exchange.fetchOHLCV(symbol, timeframe, undefined, 2)).map((candle): MarketEvent => ({ kind: 'candle', symbol, timeframe, candle })),
      }
    }
    case 'funding':
      return {
        endpoint: 'funding',
        run: async () => {
          const funding = toFunding(venue, symbol, await exchange.fetchFundingRate(symbol), ctx.clock.now())
          return funding ? [{ kind: 'funding', funding }] : []
        },
      }
    case 'mark':
      return {
        endpoint: 'mark',
        run: async () => {
          const ticker = exchange.has['fetchMarkPrice'] ? await exchange.fetchMarkPrice(symbol) : await exchange.fetchTicker(symbol)
          const mark = toMark(venue, symbol, ticker, ctx.clock.now())
          return mark ? [{ kind: 'mark', mark }] : []
        },
      }
    default: {
      const unreachable: never = stream
      return unreachable
    }
  }
}
