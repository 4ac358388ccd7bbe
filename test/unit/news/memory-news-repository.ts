import type { NewsFeed, NewsItem } from '../../../src/shared/domain/agents/news'
import type { NewsRepository } from '../../../src/main/ports/agent-store'

/** The NewsRepository contract in memory: insert-if-new by id, newest first by publication (then fetch) time. */
export function createMemoryNewsRepository(): NewsRepository & { items: Map<string, NewsItem> } {
  let feeds: NewsFeed[] = []
  const items = new Map<string, NewsItem>()
  return {
    items,
    feeds: () => feeds.map((feed) => ({ ...feed })),
    setFeeds: (next) => {
      feeds = next.map((feed) => ({ ...feed }))
    },
    addItems: (batch) => {
      let added = 0
      for (const item of batch) {
        if (items.has(item.id)) continue
        items.set(item.id, { ...item })
        added++
      }
      return added
    },
    latest: (limit) =>
      [...items.values()].sort((a, b) => (b.publishedAt ?? b.fetchedAt) - (a.publishedAt ?? a.fetchedAt)).slice(0, limit),
  }
}
