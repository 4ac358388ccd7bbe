import type { MarketStream } from '../../../ports/market-data-client'
import { DEFAULT_RECONNECT_BACKOFF, type BackoffPolicy } from '../discipline/backoff'
import { DEFAULT_POLL_INTERVAL_MS } from './poll-sources'

export interface MarketDataTuning {
  /**
   * Silence after which a stream is reported stale. With checks every
   * `staleCheckMs`, a stream that stops is flagged within the sum of both,
   * under 5 s. Funding rates are pushed about once a minute, so theirs is long.
   */
  staleAfterMs: Readonly<Record<MarketStream['kind'], number>>
  staleCheckMs: number
  reconnect: BackoffPolicy
  pollIntervalMs: Readonly<Record<MarketStream['kind'], number>>
  /** Levels per side in emitted books when the subscriber does not say. */
  defaultBookDepth: number
  /** How long `subscribe` waits for the venue's acknowledgement or first data. */
  subscribeTimeoutMs: number
}

export const DEFAULT_MARKET_DATA_TUNING: MarketDataTuning = {
  staleAfterMs: { ticker: 4_500, book: 4_500, trades: 4_500, candles: 4_500, mark: 4_500, funding: 90_000 },
  staleCheckMs: 250,
  reconnect: DEFAULT_RECONNECT_BACKOFF,
  pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  defaultBookDepth: 50,
  subscribeTimeoutMs: 3_000,
}
