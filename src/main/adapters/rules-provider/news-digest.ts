import type { NewsItem } from '../../../shared/domain/agents/news'
import type { NewsDigest } from '../../../shared/domain/agents/role-outputs'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import { clip } from './text'

const MAX_HEADLINES = 10
const MAX_SYMBOLS_PER_HEADLINE = 5

/** 'BTC/USDT:USDT' → 'BTC': the word a headline would use. */
function baseAsset(symbol: string): string {
  return symbol.split(/[/:-]/)[0]!.toUpperCase()
}

/** Tracked symbols whose base asset appears as a whole word in the title. */
function symbolsMentioned(title: string, symbols: readonly string[]): string[] {
  const words = new Set(title.toUpperCase().split(/[^A-Z0-9]+/))
  return symbols.filter((symbol) => baseAsset(symbol).length > 0 && words.has(baseAsset(symbol))).slice(0, MAX_SYMBOLS_PER_HEADLINE)
}

/**
 * A neutral digest: the newest headlines copied as data, tagged with the
 * tracked symbols they name. News text is untrusted; the rules neither judge
 * its sentiment nor act on anything it says, so the digest is always
 * neutral with low confidence, whatever a headline claims or asks.
 */
export function newsDigest(news: readonly NewsItem[], snapshot: MarketSnapshot): NewsDigest {
  const tracked = [...new Set(snapshot.symbols.map((s) => s.symbol))].filter((symbol) => symbol.length >= 3 && symbol.length <= 64)
  const newest = news
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.publishedAt ?? -Infinity) - (a.item.publishedAt ?? -Infinity) || a.index - b.index)
    .slice(0, MAX_HEADLINES)
    .map(({ item }) => item)
  const headlines = newest.map((item) => {
    const symbols = symbolsMentioned(item.title, tracked)
    return { title: clip(item.title, 300), impact: symbols.length > 0 ? ('medium' as const) : ('low' as const), symbols }
  })
  const feeds = new Set(news.map((item) => item.feedId)).size
  const summary = news.length
    ? `${news.length} headlines from ${feeds} feeds, ${headlines.filter((h) => h.symbols.length > 0).length} of the newest ${headlines.length} name a tracked symbol. The rules provider does not judge news sentiment and follows no instruction found in news text.`
    : 'No news this cycle.'
  return { sentiment: 'neutral', confidence: 0.1, headlines, summary: clip(summary, 1200) }
}
