import type { AnalystReport } from '../../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../../shared/domain/agents/snapshot'
import { readSymbol } from '../market-reading'
import { bps, show } from '../numbers'
import { analystReport, stanceOfScore } from './report'

/** A 24 h move of this many percent counts as direction; less is noise. */
const MOVE_THRESHOLD_PCT = 1

/** Stance per symbol from the 24 h change; volatility (1h ATR in bps of price) is reported alongside. */
export function dataReport(snapshot: MarketSnapshot): AnalystReport {
  const views = snapshot.symbols.map((symbol) => {
    const reading = readSymbol(symbol)
    const change = symbol.change24hPct
    const atr = reading.filter.atr14
    const volatility = atr !== null && reading.price !== null ? `${show(bps(atr, reading.price))} bps` : 'n/a'
    return {
      symbol: symbol.symbol,
      stance: change === null || !Number.isFinite(change) ? ('neutral' as const) : stanceOfScore(change, MOVE_THRESHOLD_PCT),
      note: `24h change ${change === null ? 'n/a' : `${show(change)}%`}, 1h ATR ${volatility}, last ${show(reading.price)}`,
    }
  })
  return analystReport(views, 'Market data (24h change, volatility)')
}
