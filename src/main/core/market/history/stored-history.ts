import { TIMEFRAME_MS, type Candle } from '../../../../shared/domain/market'
import type { CandleKey, MarketStore } from '../../../ports/market-store'

/** Most bars a watch returns once stored history joins the venue's: a long scroll back, still a small message. */
export const MAX_WATCH_BARS = 2_000

/**
 * The venue's recent candles, preceded by stored ones that lead up to them
 * without a hole. The venue's own candles win where both exist (they are
 * fresher); a stored run that stops short of the venue's first candle is left
 * out, since a chart draws bars side by side and would silently join prices
 * days apart.
 */
export function withStoredHistory(store: Pick<MarketStore, 'candles'>, key: CandleKey, fetched: readonly Candle[], maxBars = MAX_WATCH_BARS): Candle[] {
  const first = fetched[0]
  const room = maxBars - fetched.length
  if (!first || room <= 0) return [...fetched]
  const ms = TIMEFRAME_MS[key.timeframe]
  const older = store.candles(key, first.timestamp - room * ms, first.timestamp)
  let joined = older.length
  while (joined > 0 && older[joined - 1]!.timestamp === first.timestamp - (older.length - joined + 1) * ms) joined--
  return [...older.slice(joined), ...fetched]
}
