import type { RiskReason } from '../../../../shared/domain/risk'
import { reason, show } from '../reasons'
import type { Rule } from './rule'

/**
 * A new entry needs a book and a mark younger than `staleAfterMs`: acting on
 * a frozen market is how desks lose money in a gap. Risk-reducing orders are
 * exempt, since getting out must not depend on a feed that just died.
 */
export const marketDataRules: Rule = (a, out) => {
  if (a.reducing) return
  const { context, config } = a
  const book = context.book
  if (!book) out.push(reason('market_data_missing', `No order book for ${a.intent.symbol} has arrived`))
  else if (book.bids.length === 0 && book.asks.length === 0) out.push(reason('market_data_missing', `The order book for ${a.intent.symbol} is empty`))
  else staleness('order book', book.timestamp, context.now, config.staleAfterMs, out)
  if (!context.mark) out.push(reason('market_data_missing', `No mark price for ${a.intent.symbol} has arrived`))
  else staleness('mark price', context.mark.timestamp, context.now, config.staleAfterMs, out)
}

function staleness(what: string, timestamp: number, now: number, staleAfterMs: number, out: RiskReason[]): void {
  const ageMs = now - timestamp
  // Written so that a NaN timestamp counts as stale; a timestamp from the future counts as fresh.
  if (ageMs <= staleAfterMs) return
  out.push(reason('market_data_stale', `The ${what} is ${show(ageMs)} ms old; data older than ${show(staleAfterMs)} ms cannot open positions`, staleAfterMs, ageMs))
}
