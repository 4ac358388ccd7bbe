import type Database from 'better-sqlite3'
import { openDatabase } from '../../../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../../../src/main/adapters/sqlite/sqlite-audit-log'
import { createSqliteOrderJournal } from '../../../../src/main/adapters/sqlite/sqlite-order-journal'
import { createSimulatedExchange, type SimulatedExchange } from '../../../../src/main/adapters/simulated-exchange/simulated-exchange'
import { createMemoryLogger } from '../../../../src/main/adapters/logging/memory-logger'
import { createTestClock, type TestClock } from '../../../../src/main/core/clock/test-clock'
import { createExecutionEngine } from '../../../../src/main/core/execution'
import type { ExecutionEngine, ExecutionEngineDeps, ExecutionEngineEvent, ExecutionStep } from '../../../../src/main/core/execution'
import type { JournalEntry, OrderJournal } from '../../../../src/main/ports/order-journal'
import type { AuditEntry, AuditLog } from '../../../../src/main/ports/store'
import type { OrderIntent } from '../../../../src/shared/domain/intent'
import { createScriptedMarket, type ScriptedMarket } from '../../../support/scripted-market'
import { faultyClient, type FaultyClient } from './faulty-client'

export const SYMBOL = 'BTC/USDT:USDT'
export const ACCOUNT = 'acc1'
export const PREFIX = 'ws'
/** A book around 60,000: a market buy of up to 5 fills at 60,010, a limit buy at 59,000 rests. */
export const BIDS: [number, number][] = [
  [59990, 5],
  [59980, 5],
]
export const ASKS: [number, number][] = [
  [60010, 5],
  [60020, 5],
]

export interface EngineRig {
  clock: TestClock
  market: ScriptedMarket
  exchange: SimulatedExchange
  client: FaultyClient
  journal: OrderJournal
  audit: AuditLog
  db: Database.Database
  engine: ExecutionEngine
  events: ExecutionEngineEvent[]
  steps: { step: ExecutionStep; clientOrderId: string; status: string }[]
  logs: ReturnType<typeof createMemoryLogger>
  intent(overrides?: Partial<OrderIntent>): OrderIntent
  /** Lets background work run, advancing the test clock in 100 ms steps until the engine is idle. */
  settle(maxMs?: number): Promise<void>
  /** Advances the test clock in 100 ms steps until `work` settles, and returns its result. */
  until<T>(work: Promise<T>, maxMs?: number): Promise<T>
  /** Advances the clock by `ms`, letting promises run between steps. */
  advance(ms: number): Promise<void>
  /** A new engine on the same journal and venue, as after a process restart. */
  restart(overrides?: Partial<ExecutionEngineDeps>): ExecutionEngine
  auditKinds(clientOrderId?: string): string[]
  entry(intentId: string): JournalEntry
  close(): Promise<void>
}

export const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

let intents = 0

/** The engine over the simulated exchange on a test clock, with a fault-injecting client and an in-memory journal. */
export async function startEngineRig(options: { deadMan?: boolean; deps?: Partial<ExecutionEngineDeps> } = {}): Promise<EngineRig> {
  const clock = createTestClock(1_700_000_000_000)
  const market = createScriptedMarket({ venue: 'scripted', clock })
  market.setBook(SYMBOL, BIDS, ASKS)
  const exchange = createSimulatedExchange({ venue: 'paper', clock, seed: 1, source: market, startingBalances: { USDT: 1_000_000 } })
  await exchange.watch([SYMBOL])
  const client = faultyClient(exchange.execution, { deadMan: options.deadMan ?? false })
  const db = openDatabase(':memory:')
  const journal = createSqliteOrderJournal(db)
  const audit = createSqliteAuditLog(db)
  const logs = createMemoryLogger('debug')
  const events: ExecutionEngineEvent[] = []
  const steps: EngineRig['steps'] = []
  const build = (overrides: Partial<ExecutionEngineDeps> = {}): ExecutionEngine => {
    const engine = createExecutionEngine({
      journal,
      clients: () => client,
      clock,
      audit,
      logger: logs,
      idPrefix: PREFIX,
      tuning: { absentChecks: 3, absentGraceMs: 3_000 },
      probe: (step, entry) => steps.push({ step, clientOrderId: entry.clientOrderId, status: entry.status }),
      ...options.deps,
      ...overrides,
    })
    engine.onEvent((event) => events.push(event))
    return engine
  }
  const rig: EngineRig = {
    clock,
    market,
    exchange,
    client,
    journal,
    audit,
    db,
    engine: build(),
    events,
    steps,
    logs,
    intent: (overrides = {}) => ({
      id: `intent-${String(++intents).padStart(4, '0')}`,
      accountId: ACCOUNT,
      venue: 'paper',
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      amount: 1,
      price: 59000,
      timeInForce: 'GTC',
      postOnly: false,
      reduceOnly: false,
      leverage: null,
      ttlMs: 600_000,
      partialFillPolicy: 'cancel_rest',
      stopLoss: null,
      takeProfit: null,
      origin: { kind: 'manual' },
      createdAt: clock.now(),
      ...overrides,
    }),
    async settle(maxMs = 120_000) {
      let done = false
      void rig.engine.idle().then(() => (done = true))
      for (let waited = 0; waited <= maxMs; waited += 100) {
        await flush()
        if (done) return
        clock.advance(100)
      }
      throw new Error(`engine still busy after ${maxMs} ms of test time`)
    },
    async until(work, maxMs = 120_000) {
      let done = false
      const settled = work.finally(() => (done = true))
      for (let waited = 0; waited <= maxMs && !done; waited += 100) {
        await flush()
        if (!done) clock.advance(100)
      }
      return settled
    },
    async advance(ms) {
      for (let left = ms; left > 0; left -= 100) {
        clock.advance(Math.min(100, left))
        await flush()
      }
    },
    restart(overrides) {
      rig.engine.close()
      rig.engine = build(overrides)
      return rig.engine
    },
    auditKinds: (clientOrderId) =>
      audit
        .tail(10_000)
        .reverse()
        .filter((e: AuditEntry) => clientOrderId === undefined || (e.payload as { clientOrderId?: string }).clientOrderId === clientOrderId)
        .map((e) => e.kind),
    entry(intentId) {
      const entry = journal.byIntentId(intentId)
      if (!entry) throw new Error(`no journal entry for ${intentId}`)
      return entry
    },
    async close() {
      rig.engine.close()
      await exchange.close()
      db.close()
    },
  }
  return rig
}
