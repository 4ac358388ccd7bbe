import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/main/adapters/sqlite/migrations'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { openSqliteProfileStore, profileDatabasePath } from '../../../src/main/adapters/sqlite/sqlite-profile-store'
import type { ProfileStore } from '../../../src/main/ports/store'
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings'
import { makeTempDir } from '../../support/temp-dir'
import { decisionRecord, intentLink, marketSnapshot, modelProvider, newsItem, pilotConfig, promptVersion } from './agent-store-fixtures'

describe('the agent desk tables in the profile database', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('upgrades a version-3 database in place, keeping what it held', () => {
    const file = profileDatabasePath(dir.path)
    const v3 = openDatabase(file, migrations.filter((m) => m.version <= 3))
    expect(v3.pragma('user_version', { simple: true })).toBe(3)
    v3.prepare("INSERT INTO accounts (id, name, venue, mode, starting_balance, currency, created_at) VALUES ('paper-sim', 'Paper', 'sim', 'paper', 10000, 'USDT', 1)").run()
    v3.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"zh-CN\"')").run()
    v3.close()

    const store = openSqliteProfileStore(dir.path, () => {})
    try {
      expect(store.accounts.get('paper-sim')).toMatchObject({ name: 'Paper', startingBalance: 10_000 })
      expect(store.settings.load().language).toBe('zh-CN')
      store.agents.decisions.insert(decisionRecord())
      expect(store.agents.decisions.search({ limit: 5, text: 'pullback' }).map((d) => d.id)).toEqual(['decision-0001'])
    } finally {
      store.close()
    }
    const raw = new Database(file, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    raw.close()
  })

  it('reads a decision written before migration 5 (messages inline), and stores new ones deflated', () => {
    const file = profileDatabasePath(dir.path)
    const v4 = openDatabase(file, migrations.filter((m) => m.version <= 4))
    const old = decisionRecord({ id: 'decision-old-1' })
    const { intents, ...rest } = old
    v4.prepare(
      `INSERT INTO decisions (id, cycle_id, pilot_id, role, provider_id, model, prompt_version, started_at, outcome, symbols, conclusion, record, intents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(old.id, old.cycleId, old.pilotId, old.role, old.model.providerId, old.model.model, old.promptVersion, old.startedAt, old.outcome, JSON.stringify(old.symbols), old.conclusion, JSON.stringify(rest), JSON.stringify(intents))
    v4.close()

    // A prompt-sized message, as every real record has: the snapshot JSON is most of it.
    const snapshotJson = JSON.stringify(Array.from({ length: 240 }, (_, i) => [1_700_000_000_000 + i * 60_000, 65_000 + (i % 17), 65_010 + (i % 13), 64_990 - (i % 11), 65_001 + (i % 7), 12.5 + (i % 5)]))
    const heavy = decisionRecord({ id: 'decision-new-1', messages: [{ role: 'system', content: 'You are the trader.' }, { role: 'user', content: `<snapshot>${snapshotJson}</snapshot>` }] })
    const store = openSqliteProfileStore(dir.path, () => {})
    try {
      expect(store.agents.decisions.get('decision-old-1')).toEqual(old)
      store.agents.decisions.insert(heavy)
      expect(store.agents.decisions.get('decision-new-1')).toEqual(heavy)
    } finally {
      store.close()
    }
    const raw = new Database(file)
    try {
      const row = raw.prepare<[], { record: string; z: Buffer }>("SELECT record, messages_z AS z FROM decisions WHERE id = 'decision-new-1'").get()!
      expect(JSON.parse(row.record).messages).toEqual([])
      expect(row.z.length).toBeLessThan(Buffer.byteLength(JSON.stringify(heavy.messages)) / 3)
      expect(() => raw.prepare("UPDATE decisions SET messages_z = x'00' WHERE id = 'decision-new-1'").run()).toThrow(/only the intent links/)
    } finally {
      raw.close()
    }
  })

  it('keeps everything the agent desk wrote across a close and reopen', () => {
    const write = (store: ProfileStore): void => {
      const { agents } = store
      agents.decisions.insert(decisionRecord({ intents: [intentLink({ intentId: 'intent-kept' })] }))
      agents.decisions.updateIntents('decision-0001', [intentLink({ intentId: 'intent-kept', orderStatus: 'filled', filled: 0.5 })])
      agents.snapshots.put(marketSnapshot('kept'))
      agents.prompts.append(promptVersion('trader', 1))
      agents.prompts.append(promptVersion('trader', 2))
      agents.pilots.upsert(pilotConfig('kept'))
      agents.providers.upsert(modelProvider('kept'))
      agents.providers.setPrices([{ providerId: 'kept', model: 'model-a', inputPerMTok: 1, outputPerMTok: 2 }])
      agents.usage.add('kept', '2025-03-04', 42, 0.25)
      agents.news.setFeeds([{ id: 'feed', kind: 'rss', url: 'https://news.example/rss', enabled: true }])
      agents.news.addItems([newsItem('kept', { feedId: 'feed' })])
    }
    const read = (store: ProfileStore) => {
      const { agents } = store
      return {
        decision: agents.decisions.get('decision-0001'),
        found: agents.decisions.search({ limit: 5, text: 'momentum', symbol: 'BTC/USDT:USDT' }).map((d) => d.id),
        byIntent: agents.decisions.byIntent('intent-kept')?.intents[0]?.orderStatus,
        counts: agents.decisions.countByPilot(),
        snapshot: agents.snapshots.get(marketSnapshot('kept').hash),
        prompts: agents.prompts.versions('trader'),
        pilots: agents.pilots.list(),
        providers: agents.providers.list(),
        prices: agents.providers.prices(),
        usage: agents.usage.totals(),
        feeds: agents.news.feeds(),
        news: agents.news.latest(10),
      }
    }

    const first = openSqliteProfileStore(dir.path, () => {})
    write(first)
    const before = read(first)
    first.close()

    const second = openSqliteProfileStore(dir.path, () => {})
    try {
      const after = read(second)
      expect(after).toEqual(before)
      expect(after.found).toEqual(['decision-0001'])
      expect(after.byIntent).toBe('filled')
      expect(after.prompts.map((p) => p.version)).toEqual([1, 2])
      expect(after.usage).toEqual({ kept: { tokens: 42, usd: 0.25 } })
      expect(second.settings.load()).toEqual(DEFAULT_SETTINGS)
    } finally {
      second.close()
    }
  })

  it('reports corrupt agent rows through the profile store’s callback', () => {
    const reported: string[] = []
    const store = openSqliteProfileStore(dir.path, () => {}, (row) => reported.push(row.key))
    try {
      store.agents.pilots.upsert(pilotConfig('fine'))
      const raw = new Database(profileDatabasePath(dir.path))
      raw.prepare("INSERT INTO pilots (id, config, updated_at) VALUES ('garbled', 'nope', 1)").run()
      raw.close()
      expect(store.agents.pilots.list().map((p) => p.id)).toEqual(['fine'])
      expect(reported).toEqual(['garbled'])
    } finally {
      store.close()
    }
  })
})
