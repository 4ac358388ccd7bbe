import { z } from 'zod'
import { NewsFeedSchema, type NewsFeed, type NewsItem } from '../../../../shared/domain/agents/news'
import type { NewsRepository } from '../../../ports/agent-store'
import type { Clock } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import type { NewsSource } from '../../../ports/news-source'
import { sanitizeNewsItem } from './sanitize-news-item'
import { sanitizeNewsText } from './sanitize-news-text'

export interface NewsRefreshFailure {
  feedId: string
  message: string
}

export interface NewsRefreshResult {
  /** Items the feeds returned (before sanitising and de-duplication). */
  fetched: number
  /** Items that were new to the store. */
  added: number
  failed: NewsRefreshFailure[]
}

export interface NewsService {
  /** Fetches every enabled feed, each independently: one failing feed never stops the others. */
  refresh(signal?: AbortSignal): Promise<NewsRefreshResult>
  latest(limit: number): NewsItem[]
  feeds(): NewsFeed[]
  /** Validates and replaces the feed list; returns it as stored. */
  setFeeds(feeds: readonly NewsFeed[]): NewsFeed[]
}

export interface NewsServiceDeps {
  source: NewsSource
  repository: NewsRepository
  clock: Clock
  logger: Logger
}

export const MAX_NEWS_FEEDS = 50
export const MAX_LATEST_NEWS = 200

const FeedListSchema = z
  .array(NewsFeedSchema)
  .max(MAX_NEWS_FEEDS)
  .superRefine((feeds, ctx) => {
    const seen = new Set<string>()
    for (const [index, feed] of feeds.entries()) {
      if (seen.has(feed.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate feed id "${feed.id}"` })
      seen.add(feed.id)
    }
  })

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(list)'}: ${issue.message}`).join('; ')
}

/** Error texts can carry server-chosen words (a status text, a parser excerpt): they are sanitised like news before anyone sees them. */
function failureMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return sanitizeNewsText(text, 300) || 'unknown error'
}

function uniqueById(items: readonly NewsItem[]): NewsItem[] {
  const byId = new Map<string, NewsItem>()
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item)
  return [...byId.values()]
}

/** Keeps the news store fed from the configured feeds, sanitising every item before it is stored. */
export function createNewsService(deps: NewsServiceDeps): NewsService {
  const { source, repository, clock, logger } = deps
  let running: Promise<NewsRefreshResult> | null = null

  const refreshFeed = async (feed: NewsFeed, signal: AbortSignal | undefined): Promise<{ fetched: number; added: number }> => {
    const raw = await source.fetch(feed, signal)
    const fetchedAt = clock.now()
    const items = uniqueById(raw.flatMap((item) => sanitizeNewsItem(item, feed.id, fetchedAt) ?? []))
    const dropped = raw.length - items.length
    if (dropped > 0) logger.debug('news items dropped after sanitising', { feedId: feed.id, dropped })
    return { fetched: raw.length, added: items.length === 0 ? 0 : repository.addItems(items) }
  }

  const refreshAll = async (signal: AbortSignal | undefined): Promise<NewsRefreshResult> => {
    const enabled = repository.feeds().filter((feed) => feed.enabled)
    const outcomes = await Promise.allSettled(enabled.map((feed) => refreshFeed(feed, signal)))
    const result: NewsRefreshResult = { fetched: 0, added: 0, failed: [] }
    outcomes.forEach((outcome, index) => {
      const feedId = enabled[index]?.id ?? '?'
      if (outcome.status === 'fulfilled') {
        result.fetched += outcome.value.fetched
        result.added += outcome.value.added
        return
      }
      const message = failureMessage(outcome.reason)
      logger.warn('news feed failed', { feedId, message })
      result.failed.push({ feedId, message })
    })
    logger.info('news refreshed', { feeds: enabled.length, fetched: result.fetched, added: result.added, failed: result.failed.length })
    return result
  }

  return {
    refresh(signal) {
      // A second refresh while one runs would fetch every feed twice for
      // nothing: it joins the one under way instead.
      if (running) return running
      running = refreshAll(signal).finally(() => {
        running = null
      })
      return running
    },
    latest(limit) {
      const capped = Math.min(MAX_LATEST_NEWS, Math.max(1, Math.trunc(Number.isFinite(limit) ? limit : 1)))
      return repository.latest(capped)
    },
    feeds() {
      return repository.feeds()
    },
    setFeeds(feeds) {
      const parsed = FeedListSchema.safeParse(feeds)
      if (!parsed.success) throw new Error(`Invalid news feed list: ${describeIssues(parsed.error)}`)
      repository.setFeeds(parsed.data)
      return repository.feeds()
    },
  }
}
