import { create } from 'zustand'
import type { BookUpdate, CandleUpdate, FeedStatusChange, TradesPrinted, WatchStream } from '../../../shared/contract/domains/market'
import type { ContractError } from '../../../shared/contract/envelope'
import type { Candle, FeedStatus, Instrument, Ticker, Trade } from '../../../shared/domain/market'
import type { MarketSelection } from './market-catalog-store'

/** The tape shows this many trades, newest first. */
export const TAPE_LENGTH = 50

export type FeedPhase = 'idle' | 'loading' | 'ready' | 'error'

/**
 * Live data of the watched symbol. High-rate fields (book, ticker, trades,
 * lastCandle) change up to once per frame each; the chart, ladder and tape
 * read them through `subscribe`, never through a React selector of the page,
 * so the page itself does not re-render per tick.
 */
export interface MarketFeedState {
  selection: MarketSelection | null
  phase: FeedPhase
  error: ContractError | null
  instrument: Instrument | null
  /** Replaced on every (re)watch; the chart redraws everything when it changes. */
  history: Candle[]
  /** The latest update of the current bar, applied with `series.update`. */
  lastCandle: Candle | null
  ticker: Ticker | null
  /** Whether the last price ticked up or down, for its colour; kept until the price moves again. */
  tickDirection: 'up' | 'down' | null
  book: BookUpdate | null
  /** Newest first. */
  trades: Trade[]
  feeds: Partial<Record<WatchStream, FeedStatus>>
}

export const EMPTY_FEED: MarketFeedState = {
  selection: null,
  phase: 'idle',
  error: null,
  instrument: null,
  history: [],
  lastCandle: null,
  ticker: null,
  tickDirection: null,
  book: null,
  trades: [],
  feeds: {},
}

export const useMarketFeedStore = create<MarketFeedState>()(() => EMPTY_FEED)

/** True when an event of `venue`/`symbol` belongs to what is being watched. */
export function isWatched(state: MarketFeedState, venue: string, symbol: string): boolean {
  return state.selection !== null && state.selection.venue === venue && state.selection.symbol === symbol
}

/**
 * A new watch: a different symbol starts from nothing, a new timeframe of the
 * same symbol keeps its book, ticker and tape, which do not depend on it.
 */
export function watchStarting(state: MarketFeedState, selection: MarketSelection): MarketFeedState {
  const sameSymbol = state.selection?.venue === selection.venue && state.selection.symbol === selection.symbol
  const kept = sameSymbol ? { ticker: state.ticker, tickDirection: state.tickDirection, book: state.book, trades: state.trades, feeds: state.feeds, instrument: state.instrument } : {}
  return { ...EMPTY_FEED, ...kept, selection, phase: 'loading' }
}

export function tradesPrinted(state: MarketFeedState, batch: TradesPrinted): Pick<MarketFeedState, 'trades'> {
  const newestFirst = batch.trades.slice(-TAPE_LENGTH).reverse()
  return { trades: [...newestFirst, ...state.trades].slice(0, TAPE_LENGTH) }
}

/** Candles before the history arrived are dropped: the history already holds them, and the next update follows. */
export function candleUpdated(state: MarketFeedState, update: CandleUpdate): Partial<MarketFeedState> {
  if (state.phase !== 'ready' || state.selection?.timeframe !== update.timeframe) return {}
  const last = state.lastCandle ?? state.history.at(-1)
  if (last && update.candle.timestamp < last.timestamp) return {} // a late update of a bar already drawn past
  return { lastCandle: update.candle }
}

export function feedStatusChanged(state: MarketFeedState, change: FeedStatusChange): Partial<MarketFeedState> {
  if (change.stream === 'candles' && change.timeframe !== state.selection?.timeframe) return {}
  return { feeds: { ...state.feeds, [change.stream]: change.status } }
}

export function tickerUpdated(state: MarketFeedState, ticker: Ticker): Pick<MarketFeedState, 'ticker' | 'tickDirection'> {
  const before = state.ticker?.last
  const now = ticker.last
  const tickDirection = before == null || now == null || now === before ? state.tickDirection : now > before ? 'up' : 'down'
  return { ticker, tickDirection }
}

export function bookUpdated(book: BookUpdate): Pick<MarketFeedState, 'book'> {
  return { book }
}
