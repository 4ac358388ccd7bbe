import type { RoleContext } from '../../../ports/model-client'
import { NewsDigestSchema, type AnalystReport } from '../../../../shared/domain/agents/role-outputs'
import { readSymbol } from '../market-reading'
import { analystReport } from './report'

/**
 * The higher-timeframe view: stance per symbol from the 4h EMA trend. The
 * news digest is only counted: rules do not trade on headlines, and reading
 * their text as guidance would let a headline steer the desk.
 */
export function macroReport(context: RoleContext): AnalystReport {
  const views = context.snapshot.symbols.map((symbol) => {
    const reading = readSymbol(symbol)
    const stance = reading.higherTrend === 'up' ? ('bullish' as const) : reading.higherTrend === 'down' ? ('bearish' as const) : ('neutral' as const)
    return { symbol: symbol.symbol, stance, note: `4h trend ${reading.higherTrend}, 1h trend ${reading.filterTrend}` }
  })
  const digest = NewsDigestSchema.safeParse(context.upstream.news_collector)
  const headlines = digest.success ? digest.data.headlines.length : context.news.length
  return analystReport(views, 'Higher timeframes (4h EMA trend)', [`${headlines} headlines this cycle; the rules do not trade on news.`])
}
