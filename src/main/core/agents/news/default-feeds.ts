import type { NewsFeed } from '../../../../shared/domain/agents/news'

/**
 * Well-known crypto news feeds a trader can switch on in settings. All are
 * disabled: nothing leaves the machine until the trader opts in, and tests
 * never touch the network.
 */
export const DEFAULT_NEWS_FEEDS: readonly NewsFeed[] = Object.freeze([
  { id: 'coindesk', kind: 'rss', url: 'https://www.coindesk.com/arc/outboundfeeds/rss/', enabled: false },
  { id: 'cointelegraph', kind: 'rss', url: 'https://cointelegraph.com/rss', enabled: false },
  { id: 'decrypt', kind: 'rss', url: 'https://decrypt.co/feed', enabled: false },
])
