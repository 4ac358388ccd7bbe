import type Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteAgentStore, type CorruptAgentRow } from '../../../src/main/adapters/sqlite/sqlite-agent-store'
import type { AgentStore } from '../../../src/main/ports/agent-store'
import type { ModelPrice, ModelProvider } from '../../../src/shared/domain/agents/model'
import type { NewsFeed, NewsItem } from '../../../src/shared/domain/agents/news'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'
import type { MarketSnapshot } from '../../../src/shared/domain/agents/snapshot'
import { makeTempDir } from '../../support/temp-dir'
import { hex64, marketSnapshot, modelProvider, newsItem, pilotConfig, promptVersion } from './agent-store-fixtures'

describe('agent desk repositories (migration 4)', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: Database.Database
  let store: AgentStore
  let corrupt: CorruptAgentRow[]
  let clock: number

  beforeEach(() => {
    dir = makeTempDir()
    db = openDatabase(join(dir.path, 'profile.sqlite'))
    corrupt = []
    clock = 50_000
    store = createSqliteAgentStore(db, { onCorrupt: (row) => corrupt.push(row), now: () => clock })
  })
  afterEach(() => {
    db.close()
    dir.remove()
  })

  describe('snapshots', () => {
    it('stores a snapshot once per hash and returns it whole', () => {
      const snapshot = marketSnapshot('cycle-1')
      store.snapshots.put(snapshot)
      store.snapshots.put({ ...snapshot, takenAt: 9_999 })
      expect(store.snapshots.get(snapshot.hash)).toEqual(snapshot)
      expect(store.snapshots.get(hex64('missing'))).toBeNull()
      expect(db.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(1)
    })

    it('refuses an invalid snapshot, and reports a corrupt stored one instead of returning it', () => {
      expect(() => store.snapshots.put({ ...marketSnapshot('x'), hash: 'not-a-hash' })).toThrow(/invalid market snapshot: hash/)
      const broken = { ...marketSnapshot('y'), symbols: [{ last: -1 }] } as unknown as MarketSnapshot
      db.prepare('INSERT INTO snapshots (hash, taken_at, body) VALUES (?, 1, ?)').run(broken.hash, JSON.stringify(broken))
      expect(store.snapshots.get(broken.hash)).toBeNull()
      expect(corrupt).toEqual([expect.objectContaining({ table: 'snapshots', key: broken.hash })])
    })
  })

  describe('prompt versions', () => {
    it('appends versions 1, 2, 3 per role and lists them oldest first', () => {
      expect(store.prompts.latest('trader')).toBeNull()
      expect(store.prompts.versions('trader')).toEqual([])
      const v1 = promptVersion('trader', 1)
      const v2 = promptVersion('trader', 2, { tags: [], sections: { ...v1.sections, goal: 'Hold unless sure.' } })
      const v3 = promptVersion('trader', 3, { rollbackOf: 1, note: 'back to the first' })
      const other = promptVersion('risk_officer', 1)
      for (const version of [v1, v2, other, v3]) store.prompts.append(version)
      expect(store.prompts.versions('trader')).toEqual([v1, v2, v3])
      expect(store.prompts.latest('trader')).toEqual(v3)
      expect(store.prompts.versions('risk_officer')).toEqual([other])
    })

    it('refuses a version that is not the next one, a rollback to nowhere, and an invalid version, keeping what was there', () => {
      store.prompts.append(promptVersion('trader', 1))
      expect(() => store.prompts.append(promptVersion('trader', 3))).toThrow(/refused prompt version 3 of trader: the next version is 2/)
      expect(() => store.prompts.append(promptVersion('trader', 1, { note: 'again' }))).toThrow(/the next version is 2/)
      expect(() => store.prompts.append(promptVersion('data_analyst', 2))).toThrow(/refused prompt version 2 of data_analyst: the next version is 1/)
      expect(() => store.prompts.append(promptVersion('trader', 2, { rollbackOf: 5 }))).toThrow(/rolls back to version 5, which does not exist/)
      expect(() => store.prompts.append(promptVersion('trader', 2, { hash: 'short' }))).toThrow(/invalid prompt version: hash/)
      expect(store.prompts.versions('trader')).toEqual([promptVersion('trader', 1)])
    })

    it('keeps saved versions immutable in the database itself', () => {
      store.prompts.append(promptVersion('trader', 1))
      expect(() => db.prepare("UPDATE prompt_versions SET note = 'edited'").run()).toThrow(/never changed/)
      expect(() => db.prepare('DELETE FROM prompt_versions').run()).toThrow(/never deleted/)
    })

    it('leaves out a stored version that no longer validates, and says which', () => {
      store.prompts.append(promptVersion('trader', 1))
      db.prepare("INSERT INTO prompt_versions (role, version, created_at, author, note, hash, rollback_of, content) VALUES ('trader', 2, 1, 'a', '', ?, NULL, '{\"tags\":[]}')").run(hex64('z'))
      expect(store.prompts.versions('trader').map((v) => v.version)).toEqual([1])
      expect(store.prompts.latest('trader')).toBeNull()
      expect(corrupt[0]).toMatchObject({ table: 'prompt_versions', key: 'trader v2' })
    })
  })

  describe('pilots', () => {
    it('inserts and updates pilots, listed oldest first, stamping when each was written', () => {
      const late = pilotConfig('late', { createdAt: 3_000 })
      const early = pilotConfig('early', { createdAt: 1_000 })
      store.pilots.upsert(late)
      store.pilots.upsert(early)
      clock = 60_000
      const renamed: PilotConfig = { ...late, name: 'Renamed', enabled: false }
      store.pilots.upsert(renamed)
      expect(store.pilots.list()).toEqual([early, renamed])
      expect(store.pilots.get('late')).toEqual(renamed)
      expect(store.pilots.get('nobody')).toBeNull()
      expect(db.prepare("SELECT updated_at FROM pilots WHERE id = 'late'").pluck().get()).toBe(60_000)
      expect(db.prepare("SELECT updated_at FROM pilots WHERE id = 'early'").pluck().get()).toBe(50_000)
    })

    it('removes a pilot once; the others stay', () => {
      store.pilots.upsert(pilotConfig('a'))
      store.pilots.upsert(pilotConfig('b'))
      expect(store.pilots.remove('a')).toBe(true)
      expect(store.pilots.remove('a')).toBe(false)
      expect(store.pilots.list().map((p) => p.id)).toEqual(['b'])
    })

    it('refuses an invalid pilot and skips a corrupt stored one', () => {
      expect(() => store.pilots.upsert(pilotConfig('ok', { symbols: [] }))).toThrow(/invalid pilot configuration: symbols/)
      store.pilots.upsert(pilotConfig('ok'))
      db.prepare("INSERT INTO pilots (id, config, updated_at) VALUES ('broken', '[1,2', 1)").run()
      expect(store.pilots.list().map((p) => p.id)).toEqual(['ok'])
      expect(store.pilots.get('broken')).toBeNull()
      expect(corrupt.map((row) => row.key)).toEqual(['broken', 'broken'])
    })
  })

  describe('providers and prices', () => {
    it('upserts, lists and removes providers, saying whether one was removed', () => {
      store.providers.upsert(modelProvider('qwen'))
      store.providers.upsert(modelProvider('deepseek', { kind: 'deepseek', baseUrl: 'https://api.deepseek.com/v1' }))
      const changed: ModelProvider = { ...modelProvider('qwen'), models: ['qwen-max'], maxRetries: 0 }
      store.providers.upsert(changed)
      expect(store.providers.list().map((p) => p.id)).toEqual(['deepseek', 'qwen'])
      expect(store.providers.list()[1]).toEqual(changed)
      expect(store.providers.remove('qwen')).toBe(true)
      expect(store.providers.remove('qwen')).toBe(false)
      expect(store.providers.list().map((p) => p.id)).toEqual(['deepseek'])
    })

    it('never stores a key: a provider carrying one is refused', () => {
      const withKey = { ...modelProvider('leaky'), apiKey: 'sk-live-very-secret' } as unknown as ModelProvider
      expect(() => store.providers.upsert(withKey)).toThrow(/invalid model provider/)
      const everything = db.prepare('SELECT config FROM model_providers').pluck().all().join('')
      expect(everything).not.toContain('sk-live-very-secret')
    })

    it('replaces the whole price sheet at once, or not at all', () => {
      const first: ModelPrice[] = [
        { providerId: 'deepseek', model: 'deepseek-chat', inputPerMTok: 0.27, outputPerMTok: 1.1 },
        { providerId: 'openai', model: 'gpt-4o-mini', inputPerMTok: 0.15, outputPerMTok: 0.6 },
      ]
      store.providers.setPrices(first)
      expect(store.providers.prices()).toEqual(first)
      const second: ModelPrice[] = [{ providerId: 'qwen', model: 'qwen-max', inputPerMTok: 1.6, outputPerMTok: 6.4 }]
      store.providers.setPrices(second)
      expect(store.providers.prices()).toEqual(second)
      expect(() => store.providers.setPrices([...first, first[0]!])).toThrow(/deepseek\/deepseek-chat is priced twice/)
      expect(() => store.providers.setPrices([{ ...second[0]!, inputPerMTok: -1 }])).toThrow(/invalid model prices: 0\.inputPerMTok/)
      expect(store.providers.prices()).toEqual(second)
      store.providers.setPrices([])
      expect(store.providers.prices()).toEqual([])
    })
  })

  describe('model usage', () => {
    it('adds up tokens and dollars per pilot and day, and totals them per pilot', () => {
      expect(store.usage.get('alpha', '2025-01-01')).toEqual({ tokens: 0, usd: 0 })
      store.usage.add('alpha', '2025-01-01', 1_000, 0.01)
      store.usage.add('alpha', '2025-01-01', 500, 0.005)
      store.usage.add('alpha', '2025-01-02', 200, 0.002)
      store.usage.add('beta', '2025-01-01', 7, 0)
      expect(store.usage.get('alpha', '2025-01-01')).toEqual({ tokens: 1_500, usd: expect.closeTo(0.015, 12) })
      const totals = store.usage.totals()
      expect(Object.keys(totals).sort()).toEqual(['alpha', 'beta'])
      expect(totals['alpha']).toEqual({ tokens: 1_700, usd: expect.closeTo(0.017, 12) })
      expect(totals['beta']).toEqual({ tokens: 7, usd: 0 })
    })

    it('refuses usage that cannot be right, adding nothing', () => {
      expect(() => store.usage.add('alpha', '01/02/2025', 1, 0)).toThrow(/invalid model usage: day/)
      expect(() => store.usage.add('alpha', '2025-01-01', -5, 0)).toThrow(/invalid model usage: tokens/)
      expect(() => store.usage.add('alpha', '2025-01-01', 1.5, 0)).toThrow(/tokens/)
      expect(() => store.usage.add('alpha', '2025-01-01', 1, Number.NaN)).toThrow(/usd/)
      expect(() => store.usage.add('Not A Pilot', '2025-01-01', 1, 0)).toThrow(/pilotId/)
      expect(store.usage.totals()).toEqual({})
    })
  })

  describe('news', () => {
    const feeds: NewsFeed[] = [
      { id: 'coindesk', kind: 'rss', url: 'https://www.coindesk.com/arc/outboundfeeds/rss/', enabled: true },
      { id: 'custom', kind: 'json', url: 'http://127.0.0.1:8080/news.json', enabled: false },
    ]

    it('keeps feeds in the order given and replaces them as a whole', () => {
      expect(store.news.feeds()).toEqual([])
      store.news.setFeeds(feeds)
      expect(store.news.feeds()).toEqual(feeds)
      store.news.setFeeds([feeds[1]!, feeds[0]!])
      expect(store.news.feeds()).toEqual([feeds[1], feeds[0]])
      expect(() => store.news.setFeeds([feeds[0]!, feeds[0]!])).toThrow(/feed id coindesk is used twice/)
      expect(() => store.news.setFeeds([{ ...feeds[0]!, url: 'file:///etc/passwd' }])).toThrow(/invalid news feeds: 0\.url/)
      expect(store.news.feeds()).toEqual([feeds[1], feeds[0]])
    })

    it('stores each item once, counting only the new ones', () => {
      expect(store.news.addItems([newsItem('a'), newsItem('b')])).toBe(2)
      expect(store.news.addItems([newsItem('b', { title: 'changed' }), newsItem('c'), newsItem('a', { feedId: 'other' })])).toBe(2)
      expect(store.news.addItems([])).toBe(0)
      expect(store.news.latest(100)).toHaveLength(4)
      expect(store.news.latest(100).find((item) => item.id === 'b' && item.feedId === 'coindesk')?.title).toBe('Headline b')
    })

    it('refuses a batch with one bad item and stores none of it', () => {
      const bad = { ...newsItem('bad'), title: 'x'.repeat(301) }
      expect(() => store.news.addItems([newsItem('fine'), bad])).toThrow(/invalid news items: 1\.title/)
      expect(store.news.latest(10)).toEqual([])
    })

    it('lists the latest items first, by publication time or, without one, fetch time', () => {
      const items: NewsItem[] = [
        newsItem('old', { publishedAt: 1_000, fetchedAt: 9_000 }),
        newsItem('undated', { publishedAt: null, fetchedAt: 5_000 }),
        newsItem('new', { publishedAt: 7_000, fetchedAt: 9_000 }),
        newsItem('mid', { publishedAt: 3_000, fetchedAt: 9_000, url: null }),
      ]
      store.news.addItems(items)
      expect(store.news.latest(10).map((item) => item.id)).toEqual(['new', 'undated', 'mid', 'old'])
      expect(store.news.latest(2).map((item) => item.id)).toEqual(['new', 'undated'])
      expect(store.news.latest(10).find((item) => item.id === 'mid')).toEqual(items[3])
      expect(() => store.news.latest(0)).toThrow(/invalid news limit/)
    })
  })
})
