import { beforeEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../src/shared/contract/client'
import { fail } from '../../../src/shared/contract/envelope'
import type { NewsFeed, NewsItem } from '../../../src/shared/domain/agents/news'
import { setClient } from '../../../src/renderer/src/api/client'
import { LATEST_NEWS_LIMIT, loadLatestNews, loadNewsFeeds, refreshNews, resetNewsStore, saveNewsFeeds, useNewsStore } from '../../../src/renderer/src/stores/news-store'
import { deferred, ok, scriptedTransport, type Handler } from './feed-arena-fixtures'

function useKernel(handlers: Record<string, Handler>): ReturnType<typeof scriptedTransport> {
  const transport = scriptedTransport(handlers)
  setClient(createClient(transport))
  return transport
}

const feed: NewsFeed = { id: 'local', kind: 'rss', url: 'http://127.0.0.1:8080/feed.xml', enabled: true }
const item = (id: string): NewsItem => ({ id, feedId: 'local', title: `Headline ${id}`, summary: '', url: null, publishedAt: null, fetchedAt: 1 })

describe('the news store', () => {
  beforeEach(() => resetNewsStore())

  it('loads the feeds and the latest items, and keeps a failure of either apart', async () => {
    const transport = useKernel({ 'news.feeds': () => ok([feed]), 'news.latest': () => fail('unavailable', 'news.latest is not available yet') })
    await Promise.all([loadNewsFeeds(), loadLatestNews()])
    const state = useNewsStore.getState()
    expect(state.feeds).toEqual([feed])
    expect(state.latest).toBeNull()
    expect(state.latestError?.message).toBe('news.latest is not available yet')
    expect(transport.calls.find((c) => c.channel === 'news.latest')?.input).toEqual({ limit: LATEST_NEWS_LIMIT })
  })

  it('saves the whole list and takes the list as the kernel stored it', async () => {
    const stored = { ...feed, enabled: false }
    const transport = useKernel({ 'news.setFeeds': () => ok([stored]) })
    const envelope = await saveNewsFeeds([feed])
    expect(envelope.ok).toBe(true)
    expect(transport.calls[0]).toEqual({ channel: 'news.setFeeds', input: [feed] })
    expect(useNewsStore.getState().feeds).toEqual([stored])
  })

  it('leaves the saved list alone when the kernel refuses a new one', async () => {
    useKernel({ 'news.feeds': () => ok([feed]), 'news.setFeeds': () => fail('invalid_input', '1.id: duplicate feed id "local"') })
    await loadNewsFeeds()
    const envelope = await saveNewsFeeds([feed, feed])
    expect(envelope.ok).toBe(false)
    expect(useNewsStore.getState().feeds).toEqual([feed])
  })

  it('refreshes once at a time, keeps the outcome per feed, then lists the latest items', async () => {
    const answer = deferred<ReturnType<typeof ok<{ fetched: number; added: number; failed: { feedId: string; message: string }[] }>>>()
    const transport = useKernel({ 'news.refresh': () => answer.promise, 'news.latest': () => ok([item('a'), item('b')]) })
    const first = refreshNews()
    const second = refreshNews()
    expect(useNewsStore.getState().refreshing).toBe(true)
    answer.resolve(ok({ fetched: 3, added: 2, failed: [{ feedId: 'down', message: 'news feed "down" (127.0.0.1:9) could not be reached: ECONNREFUSED' }] }))
    await Promise.all([first, second])
    const state = useNewsStore.getState()
    expect(transport.calls.filter((c) => c.channel === 'news.refresh')).toHaveLength(1)
    expect(state.refreshing).toBe(false)
    expect(state.lastRefresh).toEqual({ fetched: 3, added: 2, failed: [{ feedId: 'down', message: 'news feed "down" (127.0.0.1:9) could not be reached: ECONNREFUSED' }] })
    expect(state.latest?.map((i) => i.id)).toEqual(['a', 'b'])
  })

  it('shows a refused refresh and still lists what is stored', async () => {
    useKernel({ 'news.refresh': () => fail('internal', 'news store unavailable'), 'news.latest': () => ok([item('a')]) })
    await refreshNews()
    const state = useNewsStore.getState()
    expect(state.refreshError?.message).toBe('news store unavailable')
    expect(state.refreshing).toBe(false)
    expect(state.latest).toHaveLength(1)
  })
})
