import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/main/adapters/sqlite/migrations'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteOrderJournal, openSqliteOrderJournal, type SqliteOrderJournal } from '../../../src/main/adapters/sqlite/sqlite-order-journal'
import { OrderJournalError } from '../../../src/main/ports/order-journal'
import type { OrderIntent } from '../../../src/shared/domain/intent'
import type { Fill, OrderState } from '../../../src/shared/domain/order'
import { makeTempDir } from '../../support/temp-dir'

const intent = (id: string, overrides: Partial<OrderIntent> = {}): OrderIntent => ({
  id,
  accountId: 'acc1',
  venue: 'okx',
  symbol: 'BTC/USDT:USDT',
  side: 'buy',
  type: 'limit',
  amount: 2,
  price: 59000,
  timeInForce: 'GTC',
  postOnly: false,
  reduceOnly: false,
  leverage: null,
  ttlMs: 60_000,
  partialFillPolicy: 'keep_rest',
  stopLoss: null,
  takeProfit: null,
  origin: { kind: 'pilot', pilotId: 'p1', decisionId: 'd1' },
  createdAt: 1,
  ...overrides,
})

const fill = (tradeId: string, overrides: Partial<Fill> = {}): Fill => ({
  venue: 'okx',
  tradeId,
  clientOrderId: 'ws1',
  venueOrderId: 'v1',
  symbol: 'BTC/USDT:USDT',
  side: 'buy',
  price: 59000,
  amount: 1,
  fee: 0.5,
  feeCurrency: 'USDT',
  liquidity: 'maker',
  timestamp: 5000,
  ...overrides,
})

describe('SQLite order journal', () => {
  let dir: ReturnType<typeof makeTempDir>
  let journal: SqliteOrderJournal
  let file: string
  beforeEach(() => {
    dir = makeTempDir()
    file = join(dir.path, 'profile.sqlite')
    journal = openSqliteOrderJournal(file)
  })
  afterEach(() => {
    journal.close()
    dir.remove()
  })

  it('begins a pending entry holding the intent, and keeps it across a reopen', () => {
    const entry = journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    expect(entry).toMatchObject({ status: 'pending', clientOrderId: 'ws1', intentId: 'intent-0001', expiresAt: 61_000, sendAttempts: 0, imported: false })
    journal.close()
    journal = openSqliteOrderJournal(file)
    expect(journal.byClientOrderId('ws1')).toEqual(entry)
    expect(journal.byIntentId('intent-0001')?.intent).toEqual(intent('intent-0001'))
  })

  it('refuses a second entry with the same client order id or the same intent', () => {
    journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    const kind = (f: () => unknown): string => {
      try {
        f()
      } catch (error) {
        return (error as OrderJournalError).kind
      }
      return 'none'
    }
    expect(kind(() => journal.begin(intent('intent-0002'), 'ws1', 'acc1', 1000))).toBe('duplicate_client_order_id')
    expect(kind(() => journal.begin(intent('intent-0001'), 'ws2', 'acc1', 1000))).toBe('duplicate_intent')
    expect(kind(() => journal.transition('nope', { status: 'sent' }, 1))).toBe('not_found')
  })

  it('applies changes and lists what is not terminal per account, oldest first', () => {
    journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    journal.begin(intent('intent-0002'), 'ws2', 'acc1', 1001)
    journal.begin(intent('intent-0003', { accountId: 'acc2' }), 'ws3', 'acc2', 1002)
    journal.transition('ws1', { status: 'sent', sendAttempts: 1 }, 1100)
    const open = journal.transition('ws1', { status: 'partially_filled', venueOrderId: 'v1', filled: 1, averagePrice: 59000 }, 1200)
    expect(open).toMatchObject({ status: 'partially_filled', filled: 1, venueOrderId: 'v1', updatedAt: 1200, sendAttempts: 1 })
    journal.transition('ws2', { status: 'rejected', reason: 'invalid_size' }, 1300)
    expect(journal.nonTerminal('acc1').map((e) => e.clientOrderId)).toEqual(['ws1'])
    expect(journal.entries('acc1').map((e) => e.clientOrderId)).toEqual(['ws1', 'ws2'])
    expect(journal.byVenueOrderId('acc1', 'v1')?.clientOrderId).toBe('ws1')
    expect(journal.firstEntryAt('acc1')).toBe(1000)
    expect(journal.firstEntryAt('nobody')).toBeNull()
  })

  it('terminal entries refuse every change but a raised fill amount and an error note', () => {
    journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    journal.transition('ws1', { status: 'cancelled', reason: 'ttl', venueOrderId: 'v1' }, 1100)
    expect(() => journal.transition('ws1', { status: 'open' }, 1200)).toThrow(/cancelled and final; refused to change status to open/)
    expect(() => journal.transition('ws1', { reason: 'other' }, 1200)).toThrow(OrderJournalError)
    expect(() => journal.transition('ws1', { venueOrderId: 'v2' }, 1200)).toThrow(OrderJournalError)
    expect(journal.transition('ws1', { filled: 1, averagePrice: 59000, lastError: 'late' }, 1300)).toMatchObject({ status: 'cancelled', filled: 1, lastError: 'late' })
    expect(() => journal.transition('ws1', { filled: 0 }, 1400)).toThrow(/filled down to 0/)
  })

  it('records a fill once per account, venue, symbol and trade id, and links it through the venue order id', () => {
    journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    journal.transition('ws1', { status: 'open', venueOrderId: 'v1' }, 1100)
    expect(journal.recordFill('acc1', fill('t1'), 2000)).toBe(true)
    expect(journal.recordFill('acc1', fill('t1'), 2001)).toBe(false)
    // The same trade id on another instrument or another account is another fill.
    expect(journal.recordFill('acc1', fill('t1', { symbol: 'ETH/USDT:USDT', clientOrderId: null, venueOrderId: 'x' }), 2002)).toBe(true)
    expect(journal.recordFill('acc2', fill('t1'), 2003)).toBe(true)
    // A fill without our client id (fetched after a restart) finds its order by venue order id.
    expect(journal.recordFill('acc1', fill('t2', { clientOrderId: null, timestamp: 7000 }), 2004)).toBe(true)
    expect(journal.fillsOf('ws1').map((f) => f.tradeId)).toEqual(['t1', 't2'])
    expect(journal.lastFillAt('acc1')).toBe(7000)
    expect(journal.lastFillAt('acc3')).toBeNull()
    expect(journal.fills('acc1').map((f) => [f.fill.tradeId, f.clientOrderId])).toEqual([
      ['t1', 'ws1'],
      ['t1', null],
      ['t2', 'ws1'],
    ])
  })

  it('imports an unknown order as flagged, without an intent', () => {
    const state: OrderState = {
      venue: 'okx',
      clientOrderId: 'wsold1',
      venueOrderId: 'v9',
      symbol: 'BTC/USDT:USDT',
      side: 'sell',
      type: 'limit',
      timeInForce: 'GTC',
      postOnly: false,
      reduceOnly: false,
      amount: 3,
      price: 61000,
      filled: 0,
      averagePrice: null,
      status: 'open',
      reason: null,
      createdAt: 1,
      updatedAt: 1,
    }
    const imported = journal.importUnknown('acc1', state, 3000)
    expect(imported).toMatchObject({ imported: true, intentId: null, intent: null, status: 'open', expiresAt: null, side: 'sell', amount: 3 })
    expect(journal.imported('acc1')).toEqual([imported])
    expect(() => journal.importUnknown('acc1', state, 3001)).toThrow(OrderJournalError)
  })

  it('upgrades a version 1 profile database in place, keeping its settings', () => {
    journal.close()
    const old = join(dir.path, 'v1.sqlite')
    const v1 = openDatabase(old, migrations.slice(0, 1))
    v1.prepare("INSERT INTO settings VALUES ('k', 'v')").run()
    v1.close()
    journal = openSqliteOrderJournal(old)
    journal.begin(intent('intent-0001'), 'ws1', 'acc1', 1000)
    const db = openDatabase(old)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('k')).toBe('v')
    db.close()
  })

  it('switches the connection it writes through to synchronous=FULL, leaving other connections as they are', () => {
    const profile = openDatabase(file)
    const own = openDatabase(file)
    createSqliteOrderJournal(own)
    // SQLite numbers them: 1 NORMAL, 2 FULL.
    expect(own.pragma('synchronous', { simple: true })).toBe(2)
    expect(profile.pragma('synchronous', { simple: true })).toBe(1)
    expect(own.pragma('journal_mode', { simple: true })).toBe('wal')
    own.close()
    profile.close()
  })
})
