import type { NewsFeed } from '../../shared/domain/agents/news'

/** A news item as fetched: every text field is untrusted and sanitised by the kernel before use. */
export interface RawNewsItem {
  id: string
  title: string
  summary: string
  url: string | null
  publishedAt: number | null
}

/** Fetches one feed (RSS/Atom or a JSON news API). Throws on network or parse failure. */
export interface NewsSource {
  fetch(feed: NewsFeed, signal?: AbortSignal): Promise<RawNewsItem[]>
}
