import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createNewsService, DEFAULT_NEWS_FEEDS } from '../../../src/main/core/agents/news'
import type { NewsSource, RawNewsItem } from '../../../src/main/ports/news-source'
import type { NewsFeed } from '../../../src/shared/domain/agents/news'
import { NewsFeedSchema } from '../../../src/shared/domain/agents/news'
import { createMemoryNewsRepository } from './memory-news-repository'

const feed = (id: string, enabled = true): NewsFeed => ({ id, kind: 'rss', url: `http://127.0.0.1:9/${id}.xml`, enabled })
const raw = (id: string, title = `Headline ${id}`, publishedAt: number | null = 1000): RawNewsItem => ({ id, title, summary: '', url: null, publishedAt })

/** A source that answers from a table and records what it was asked. */
function scriptedSource(answers: Record<string, RawNewsItem[] | Error>): NewsSource & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    async fetch(f) {
      calls.push(f.id)
      const answer = answers[f.id]
      if (answer === undefined) throw new Error(`no script for ${f.id}`)
      if (answer instanceof Error) throw answer
      return answer
    },
  }
}

function setup(answers: Record<string, RawNewsItem[] | Error>) {
  const source = scriptedSource(answers)
  const repository = createMemoryNewsRepository()
  const logger = createMemoryLogger('debug')
  const clock = createTestClock(5_000)
  const service = createNewsService({ source, repository, clock, logger })
  return { source, repository, logger, clock, service }
}

describe('createNewsService', () => {
  it('refreshes enabled feeds only, sanitising and storing new items', async () => {
    const { service, source, repository } = setup({
      a: [raw('1', '<b>BTC</b> up'), raw('2', '\u200B'), raw('1', 'duplicate id in the same batch')],
      b: [raw('3')],
      off: [raw('4')],
    })
    service.setFeeds([feed('a'), feed('b'), feed('off', false)])
    const result = await service.refresh()
    expect(source.calls.sort()).toEqual(['a', 'b'])
    expect(result).toEqual({ fetched: 4, added: 2, failed: [] })
    expect(repository.items.get('1')).toMatchObject({ title: 'BTC up', feedId: 'a', fetchedAt: 5_000 })
    expect(repository.items.has('2')).toBe(false)

    const again = await service.refresh()
    expect(again).toEqual({ fetched: 4, added: 0, failed: [] })
  })

  it('reports a failing feed without stopping the others, with a sanitised message', async () => {
    const { service, repository, logger } = setup({ good: [raw('g')], bad: new Error('boom\u202E <script>x</script>\nline two') })
    service.setFeeds([feed('bad'), feed('good')])
    const result = await service.refresh()
    expect(result.added).toBe(1)
    expect(result.failed).toEqual([{ feedId: 'bad', message: 'boom line two' }])
    expect(repository.items.has('g')).toBe(true)
    expect(logger.records.some((r) => r.level === 'warn' && r.fields?.['feedId'] === 'bad')).toBe(true)
  })

  it('joins a refresh that is already running instead of fetching twice', async () => {
    const { service, source } = setup({ a: [raw('1')] })
    service.setFeeds([feed('a')])
    const [first, second] = await Promise.all([service.refresh(), service.refresh()])
    expect(first).toBe(second)
    expect(source.calls).toEqual(['a'])
    await service.refresh()
    expect(source.calls).toEqual(['a', 'a'])
  })

  it('returns the latest items within bounds', async () => {
    const { service } = setup({ a: [raw('old', 'Old', 1), raw('new', 'New', 2)] })
    service.setFeeds([feed('a')])
    await service.refresh()
    expect(service.latest(1).map((i) => i.id)).toEqual(['new'])
    expect(service.latest(0).map((i) => i.id)).toEqual(['new'])
    expect(service.latest(10_000).map((i) => i.id)).toEqual(['new', 'old'])
  })

  it('rejects an invalid feed list with a clear message and keeps the old one', () => {
    const { service } = setup({})
    service.setFeeds([feed('a')])
    expect(() => service.setFeeds([feed('a'), feed('a')])).toThrow(/duplicate feed id "a"/)
    expect(() => service.setFeeds([{ ...feed('b'), url: 'ftp://x.example/' }])).toThrow(/Invalid news feed list: 0\.url/)
    expect(service.feeds()).toEqual([feed('a')])
  })

  it('ships well-formed default feeds that are all disabled', () => {
    expect(DEFAULT_NEWS_FEEDS.length).toBeGreaterThanOrEqual(2)
    for (const f of DEFAULT_NEWS_FEEDS) {
      expect(NewsFeedSchema.parse(f)).toEqual(f)
      expect(f.enabled).toBe(false)
    }
    const { service } = setup({})
    expect(service.setFeeds(DEFAULT_NEWS_FEEDS)).toEqual(DEFAULT_NEWS_FEEDS)
  })
})
