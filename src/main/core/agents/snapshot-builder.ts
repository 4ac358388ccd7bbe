import { SNAPSHOT_BOOK_LEVELS, SNAPSHOT_CANDLES, SNAPSHOT_TIMEFRAMES, type IndicatorSet, type MarketSnapshot, type SymbolSnapshot } from '../../../shared/domain/agents/snapshot'
import type { Candle, Instrument, MarketSymbol, Timeframe, VenueId } from '../../../shared/domain/market'
import { TIMEFRAME_MS } from '../../../shared/domain/market'
import type { Clock } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { IndicatorEngine } from '../../ports/indicators'
import type { Logger } from '../../ports/logger'
import type { MarketDataClient } from '../../ports/market-data-client'
import { canonicalJson } from '../approval/canonical-json'
import type { QuoteCache } from '../orders/quote-cache'
import type { FundingCache } from './funding-cache'

export interface SnapshotBuilderDeps {
  client: (venue: VenueId) => MarketDataClient
  instruments: (venue: VenueId) => Promise<readonly Instrument[]>
  quotes: QuoteCache
  funding: FundingCache
  indicators: IndicatorEngine
  clock: Clock
  sha256: Sha256Hex
  logger: Logger
  /** How long to wait for a first book of a symbol not watched yet. */
  bookWaitMs?: number
}

export interface SnapshotRequest {
  venue: VenueId
  symbols: readonly MarketSymbol[]
}

/** A symbol the snapshot could not include, and why; the cycle records it rather than guessing. */
export interface SnapshotGap {
  venue: VenueId
  symbol: MarketSymbol
  reason: string
}

export interface SnapshotBuilder {
  build(requests: readonly SnapshotRequest[]): Promise<{ snapshot: MarketSnapshot; gaps: SnapshotGap[] }>
}

/**
 * Freezes the market once per cycle: ticker, top of book, candles at several
 * timeframes with their indicators, funding, and trading rules per symbol.
 * Only closed candles enter (the forming one would make two runs of the same
 * minute disagree). The whole is hashed over its canonical JSON, so every
 * pilot of the cycle provably saw the same input.
 */
export function createSnapshotBuilder(deps: SnapshotBuilderDeps): SnapshotBuilder {
  const bookWaitMs = deps.bookWaitMs ?? 3000

  async function candlesOf(client: MarketDataClient, symbol: MarketSymbol, timeframe: Timeframe, takenAt: number): Promise<Candle[]> {
    const span = TIMEFRAME_MS[timeframe]
    const since = takenAt - span * (SNAPSHOT_CANDLES + 2)
    const candles = await client.fetchCandles(symbol, timeframe, since, SNAPSHOT_CANDLES + 2)
    return candles.filter((c) => c.timestamp + span <= takenAt).slice(-SNAPSHOT_CANDLES)
  }

  async function symbolSnapshot(venue: VenueId, instrument: Instrument, takenAt: number): Promise<SymbolSnapshot | string> {
    const { symbol } = instrument
    await deps.quotes.ensure(venue, symbol)
    await deps.quotes.waitForBook(venue, symbol, bookWaitMs)
    const quote = deps.quotes.latest(venue, symbol)
    const mark = deps.quotes.markOf(venue, symbol)
    const client = deps.client(venue)
    const candles: Partial<Record<Timeframe, Candle[]>> = {}
    const indicators: Partial<Record<Timeframe, IndicatorSet>> = {}
    for (const timeframe of SNAPSHOT_TIMEFRAMES) {
      const series = await candlesOf(client, symbol, timeframe, takenAt)
      candles[timeframe] = series
      indicators[timeframe] = deps.indicators.compute(series)
    }
    const lastClose = candles['1m']?.at(-1)?.close ?? null
    const last = quote.ticker?.last ?? mark?.price ?? lastClose
    if (last === null || !(last > 0)) return 'no price yet'
    const bids = (quote.book?.bids ?? []).slice(0, SNAPSHOT_BOOK_LEVELS)
    const asks = (quote.book?.asks ?? []).slice(0, SNAPSHOT_BOOK_LEVELS)
    const day = candles['1h'] ?? []
    const open24h = day.length >= 24 ? day.at(-24)!.open : null
    const funding = deps.funding.latest(venue, symbol)
    return {
      venue,
      symbol,
      last,
      bid: bids[0]?.[0] ?? quote.ticker?.bid ?? null,
      ask: asks[0]?.[0] ?? quote.ticker?.ask ?? null,
      mark: quote.mark?.markPrice ?? null,
      change24hPct: open24h ? round(((last - open24h) / open24h) * 100, 4) : null,
      book: { bids: bids.map(([p, s]) => [p, s] as [number, number]), asks: asks.map(([p, s]) => [p, s] as [number, number]) },
      candles,
      indicators,
      funding: funding ? { rate: funding.rate, nextFundingTime: funding.nextFundingTime } : null,
      contractSize: instrument.contractSize,
      amountStep: instrument.stepSize,
      priceStep: instrument.tickSize,
      minAmount: instrument.minSize,
    }
  }

  return {
    async build(requests) {
      const takenAt = deps.clock.now()
      const gaps: SnapshotGap[] = []
      const symbols: SymbolSnapshot[] = []
      for (const { venue, symbols: wanted } of requests) {
        let listed: readonly Instrument[]
        try {
          listed = await deps.instruments(venue)
        } catch (error) {
          for (const symbol of wanted) gaps.push({ venue, symbol, reason: `venue unavailable: ${messageOf(error)}` })
          continue
        }
        const results = await Promise.all(
          wanted.map(async (symbol) => {
            const instrument = listed.find((i) => i.symbol === symbol)
            if (!instrument) return { symbol, result: 'unknown symbol' as const }
            if (instrument.type === 'swap') deps.funding.ensure(venue, symbol)
            try {
              return { symbol, result: await symbolSnapshot(venue, instrument, takenAt) }
            } catch (error) {
              return { symbol, result: messageOf(error) }
            }
          }),
        )
        for (const { symbol, result } of results) {
          if (typeof result === 'string') gaps.push({ venue, symbol, reason: result })
          else symbols.push(result)
        }
      }
      symbols.sort((a, b) => (a.venue + a.symbol < b.venue + b.symbol ? -1 : 1))
      const body = { takenAt, symbols }
      const hash = deps.sha256(canonicalJson(body))
      if (gaps.length > 0) deps.logger.warn('snapshot incomplete', { gaps })
      return { snapshot: { hash, takenAt, symbols }, gaps }
    },
  }
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
