import type { Timeframe } from '../../../../shared/domain/market'
import type { MarketEvent } from '../../../ports/market-data-client'
import { toCandles, toFunding, toMark, toTicker, toTrade } from './convert-market'
import { unwatchQuietly, type SourceContext } from './source-context'
import type { StreamSource } from './stream-runner'
import { RecentIds } from './recent-ids'

/**
 * Streams served by ccxt.pro watchers. Each `next()` is one watch call: it
 * resolves with what arrived since the previous call (ccxt's newUpdates mode).
 */

export function tickerWatch(ctx: SourceContext): StreamSource {
  const { exchange, instrument } = ctx
  const close = (): Promise<void> => (ctx.profile.unwatch.ticker ? unwatchQuietly(ctx, () => exchange.unWatchTicker(instrument.symbol)) : Promise.resolve())
  return {
    next: async () => [{ kind: 'ticker', ticker: toTicker(instrument.venue, instrument.symbol, await exchange.watchTicker(instrument.symbol), ctx.clock.now()) }],
    resubscribe: close,
    close,
  }
}

export function tradesWatch(ctx: SourceContext): StreamSource {
  const { exchange, instrument } = ctx
  // ccxt can hand the same trade over again after a reconnect; each is delivered once.
  const seen = new RecentIds(2000)
  const close = (): Promise<void> => (ctx.profile.unwatch.trades ? unwatchQuietly(ctx, () => exchange.unWatchTrades(instrument.symbol)) : Promise.resolve())
  return {
    next: async () => {
      const raw = await exchange.watchTrades(instrument.symbol)
      const trades = raw.flatMap((t) => {
        const trade = toTrade(instrument.venue, instrument.symbol, t)
        return trade && seen.add(trade.id) ? [trade] : []
      })
      return trades.length ? [{ kind: 'trades', trades }] : []
    },
    resubscribe: close,
    close,
  }
}

export function candlesWatch(ctx: SourceContext, timeframe: Timeframe): StreamSource {
  const { exchange, instrument } = ctx
  const close = (): Promise<void> => (ctx.profile.unwatch.candles ? unwatchQuietly(ctx, () => exchange.unWatchOHLCV(instrument.symbol, timeframe)) : Promise.resolve())
  return {
    next: async () => {
      const rows = await exchange.watchOHLCV(instrument.symbol, timeframe)
      return toCandles(rows).map((candle): MarketEvent => ({ kind: 'candle', symbol: instrument.symbol, timeframe, candle }))
    },
    resubscribe: close,
    close,
  }
}

export function fundingWatch(ctx: SourceContext): StreamSource {
  const { exchange, instrument } = ctx
  return {
    next: async () => {
      const funding = toFunding(instrument.venue, instrument.symbol, await exchange.watchFundingRate(instrument.symbol), ctx.clock.now())
      return funding ? [{ kind: 'funding', funding }] : []
    },
    // ccxt has no unWatchFundingRate for our venues: the subscription lapses with the connection.
    resubscribe: async () => {},
    close: async () => {},
  }
}

export function markWatch(ctx: SourceContext): StreamSource {
  const { exchange, instrument } = ctx
  return {
    next: async () => {
      const mark = toMark(instrument.venue, instrument.symbol, await exchange.watchMarkPrice(instrument.symbol), ctx.clock.now())
      return mark ? [{ kind: 'mark', mark }] : []
    },
    resubscribe: async () => {},
    close: async () => {},
  }
}
