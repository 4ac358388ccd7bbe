import type Database from 'better-sqlite3'
import { z } from 'zod'
import { NewsFeedSchema, NewsItemSchema, type NewsFeed, type NewsItem } from '../../../shared/domain/agents/news'
import type { NewsRepository } from '../../ports/agent-store'
import { readStored, validInput, validStored, type OnCorruptAgentRow } from './sqlite-agent-rows'

interface ItemRow {
  id: string
  feed_id: string
  title: string
  summary: string
  url: string | null
  published_at: number | null
  fetched_at: number
}

const FeedsSchema = z.array(NewsFeedSchema).superRefine((feeds, ctx) => {
  const seen = new Set<string>()
  feeds.forEach((feed, index) => {
    if (seen.has(feed.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `feed id ${feed.id} is used twice` })
    seen.add(feed.id)
  })
})
const ItemsSchema = z.array(NewsItemSchema)
const LimitSchema = z.number().int().min(1).max(10_000)

/** News feeds in the trader's order and the items fetched from them (migration 4). */
export function createSqliteNewsRepository(db: Database.Database, onCorrupt: OnCorruptAgentRow): NewsRepository {
  const allFeeds = db.prepare<[], { id: string; config: string }>('SELECT id, config FROM news_feeds ORDER BY position')
  const clearFeeds = db.prepare('DELETE FROM news_feeds')
  const insertFeed = db.prepare('INSERT INTO news_feeds (id, config, position) VALUES (?, ?, ?)')
  const insertItem = db.prepare<ItemRow>(
    `INSERT OR IGNORE INTO news_items (id, feed_id, title, summary, url, published_at, fetched_at)
     VALUES (@id, @feed_id, @title, @summary, @url, @published_at, @fetched_at)`,
  )
  // Ordered by the indexed expression itself, so the index serves the sort.
  const latest = db.prepare<[number], ItemRow>('SELECT * FROM news_items ORDER BY COALESCE(published_at, fetched_at) DESC, fetched_at DESC, feed_id, id LIMIT ?')

  const setFeeds = db.transaction((feeds: readonly NewsFeed[]) => {
    clearFeeds.run()
    feeds.forEach((feed, position) => insertFeed.run(feed.id, JSON.stringify(feed), position))
  })
  const addItems = db.transaction((items: readonly NewsItem[]) => {
    let added = 0
    for (const item of items) {
      added += insertItem.run({
        id: item.id,
        feed_id: item.feedId,
        title: item.title,
        summary: item.summary,
        url: item.url,
        published_at: item.publishedAt,
        fetched_at: item.fetchedAt,
      }).changes
    }
    return added
  })

  return {
    feeds: () => allFeeds.all().flatMap((row) => readStored(NewsFeedSchema, row.config, { table: 'news_feeds', key: row.id }, onCorrupt) ?? []),
    setFeeds(feeds) {
      setFeeds(validInput(FeedsSchema, feeds, 'news feeds'))
    },
    // Every item is checked before any is stored: one bad item refuses the batch and stores nothing.
    addItems: (items) => addItems(validInput(ItemsSchema, items, 'news items')),
    latest: (limit) =>
      latest.all(validInput(LimitSchema, limit, 'news limit')).flatMap((row) => {
        const item = {
          id: row.id,
          feedId: row.feed_id,
          title: row.title,
          summary: row.summary,
          url: row.url,
          publishedAt: row.published_at,
          fetchedAt: row.fetched_at,
        }
        return validStored(NewsItemSchema, item, { table: 'news_items', key: `${row.feed_id}/${row.id}` }, onCorrupt) ?? []
      }),
  }
}
