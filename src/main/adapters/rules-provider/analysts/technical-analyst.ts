import type { AnalystReport } from '../../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../../shared/domain/agents/snapshot'
import { describeIndicators, readSymbol, type Trend } from '../market-reading'
import { analystReport, stanceOfScore } from './report'

const trendVote = (trend: Trend): number => (trend === 'up' ? 1 : trend === 'down' ? -1 : 0)
const signVote = (value: number | null | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? Math.sign(value) : 0)

/** Stance per symbol from three votes: the 15m EMA trend, the 15m MACD histogram and the 1h EMA trend. */
export function technicalReport(snapshot: MarketSnapshot): AnalystReport {
  const views = snapshot.symbols.map((symbol) => {
    const reading = readSymbol(symbol)
    const score = (trendVote(reading.entryTrend) + signVote(reading.entry.macd?.histogram) + trendVote(reading.filterTrend)) / 3
    return {
      symbol: symbol.symbol,
      stance: stanceOfScore(score, 0.6),
      note: `${describeIndicators('15m', reading.entry)}; 1h trend ${reading.filterTrend}, 4h trend ${reading.higherTrend}`,
    }
  })
  return analystReport(views, 'Technicals (15m trend and MACD, 1h trend)')
}
