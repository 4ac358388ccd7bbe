import type { AnalystReport } from '../../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../../shared/domain/agents/snapshot'
import { readSymbol } from '../market-reading'
import { show } from '../numbers'
import { analystReport, stanceOfScore } from './report'

/** A book this lopsided (bid minus ask size over the total) counts as pressure. */
const IMBALANCE_THRESHOLD = 0.2

/** Stance per symbol from the order book's size imbalance; the spread and funding are reported alongside. */
export function orderFlowReport(snapshot: MarketSnapshot): AnalystReport {
  const views = snapshot.symbols.map((symbol) => {
    const reading = readSymbol(symbol)
    const imbalance = reading.bookImbalance
    const funding = symbol.funding ? `, funding ${show(symbol.funding.rate * 100)}%` : ''
    return {
      symbol: symbol.symbol,
      stance: imbalance === null ? ('neutral' as const) : stanceOfScore(imbalance, IMBALANCE_THRESHOLD),
      note: `book imbalance ${imbalance === null ? 'n/a' : show(imbalance)}, half-spread ${show(reading.halfSpreadBps)} bps${funding}`,
    }
  })
  return analystReport(views, 'Order flow (book size imbalance)')
}
