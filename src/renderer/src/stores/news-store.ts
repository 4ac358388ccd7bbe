import { create } from 'zustand'
import type { CommandOutput } from '../../../shared/contract/channels'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { NewsFeed, NewsItem } from '../../../shared/domain/agents/news'
import { getClient } from '../api/client'

export type NewsRefreshResult = CommandOutput<'news.refresh'>

/** How many of the latest items Settings → News lists. */
export const LATEST_NEWS_LIMIT = 50

/**
 * Settings → News: the feed list as the kernel stores it, the latest
 * sanitised items, and the outcome of the last "Refresh now". Items are
 * untrusted text even after sanitising; the page renders them as text only.
 */
export interface NewsState {
  feeds: NewsFeed[] | null
  feedsError: ContractError | null
  latest: NewsItem[] | null
  latestError: ContractError | null
  refreshing: boolean
  lastRefresh: NewsRefreshResult | null
  refreshError: ContractError | null
}

const INITIAL: NewsState = { feeds: null, feedsError: null, latest: null, latestError: null, refreshing: false, lastRefresh: null, refreshError: null }

export const useNewsStore = create<NewsState>()(() => INITIAL)

const set = useNewsStore.setState

export async function loadNewsFeeds(): Promise<void> {
  const envelope = await getClient().callEnvelope('news.feeds')
  if (envelope.ok) set({ feeds: envelope.value, feedsError: null })
  else set({ feedsError: envelope.error })
}

export async function loadLatestNews(): Promise<void> {
  const envelope = await getClient().callEnvelope('news.latest', { limit: LATEST_NEWS_LIMIT })
  if (envelope.ok) set({ latest: envelope.value, latestError: null })
  else set({ latestError: envelope.error })
}

/** Replaces the whole list; the kernel answers with it as stored, which becomes what the editor starts from. */
export async function saveNewsFeeds(feeds: NewsFeed[]): Promise<Envelope<NewsFeed[]>> {
  const envelope = await getClient().callEnvelope('news.setFeeds', feeds)
  if (envelope.ok) set({ feeds: envelope.value, feedsError: null })
  return envelope
}

/** Fetches every enabled saved feed now, then lists the latest items; one refresh at a time. */
export async function refreshNews(): Promise<void> {
  if (useNewsStore.getState().refreshing) return
  set({ refreshing: true, refreshError: null })
  const envelope = await getClient().callEnvelope('news.refresh')
  if (envelope.ok) set({ refreshing: false, lastRefresh: envelope.value })
  else set({ refreshing: false, refreshError: envelope.error })
  await loadLatestNews()
}

export function resetNewsStore(): void {
  set(INITIAL)
}
