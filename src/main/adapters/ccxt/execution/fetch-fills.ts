import { ArgumentsRequired, type Exchange, type Trade as CcxtTrade } from 'ccxt'
import type { Fill } from '../../../../shared/domain/order'
import { VenueError } from '../../../ports/venue-error'
import type { RequestDiscipline } from '../discipline/request-discipline'
import type { VenueProfile } from '../profiles/venue-profile'

const PAGE = 100

interface FetchDeps {
  profile: VenueProfile
  exchange: Exchange
  discipline: RequestDiscipline
  tuning: { maxFillPages: number }
}

/**
 * Our trades since `since`, oldest first, each once. Pages forward by
 * timestamp; a venue that needs a market type when no symbol is given (OKX
 * fills-history needs instType) is asked once per market type we trade.
 */
export async function fetchFills(deps: FetchDeps, since: number, symbol: string | undefined, convert: (trade: CcxtTrade) => Fill | null): Promise<Fill[]> {
  const byId = new Map<string, Fill>()
  const scopes: Record<string, unknown>[] = symbol !== undefined ? [{}] : deps.profile.marketTypes.map((type) => ({ type }))
  for (const params of scopes) {
    let cursor = since
    for (let page = 0; page < deps.tuning.maxFillPages; page++) {
      const batch = await deps.discipline.run({ endpoint: 'fills', symbol: symbol ?? null, action: `fetch fills since ${new Date(cursor).toISOString()}` }, async () => {
        try {
          return await deps.exchange.fetchMyTrades(symbol, cursor, PAGE, params)
        } catch (error) {
          if (error instanceof ArgumentsRequired) {
            throw new VenueError('unsupported', deps.profile.id, `${deps.profile.id}: trade history needs a symbol on this venue`, { cause: error })
          }
          throw error
        }
      })
      let newest = cursor
      for (const trade of batch) {
        const fill = convert(trade)
        if (fill && fill.timestamp >= since) byId.set(fill.tradeId, fill)
        if (fill) newest = Math.max(newest, fill.timestamp)
      }
      // Stop on a short page, or when a full page did not move time forward (it would repeat forever).
      if (batch.length < PAGE || newest === cursor) break
      cursor = newest
    }
  }
  return [...byId.values()].sort((a, b) => a.timestamp - b.timestamp || a.tradeId.localeCompare(b.tradeId))
}
