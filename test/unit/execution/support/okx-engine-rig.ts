import { openDatabase } from '../../../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../../../src/main/adapters/sqlite/sqlite-audit-log'
import { createSqliteOrderJournal } from '../../../../src/main/adapters/sqlite/sqlite-order-journal'
import { createLiveClock } from '../../../../src/main/core/clock/live-clock'
import { createExecutionEngine, type ExecutionEngine } from '../../../../src/main/core/execution'
import type { ExecutionClient } from '../../../../src/main/ports/execution-client'
import type { OrderJournal } from '../../../../src/main/ports/order-journal'
import type { AuditLog } from '../../../../src/main/ports/store'
import type { OrderIntent } from '../../../../src/shared/domain/intent'
import { startOkxRig, SWAP, type OkxRig } from '../../ccxt/support/okx-venue'
import { faultyClient, type FaultyClient } from './faulty-client'

export interface OkxEngineRig {
  okx: OkxRig
  client: FaultyClient
  journal: OrderJournal
  audit: AuditLog
  engine: ExecutionEngine
  intent(overrides?: Partial<OrderIntent>): OrderIntent
  /** Venue orders placed under this client id: more than one would be a duplicate. */
  venueOrders(clientOrderId: string): number
  close(): Promise<void>
}

let intents = 0

/** The engine, on the wall clock, over the real ccxt OKX adapter talking to the fake OKX on 127.0.0.1. */
export async function startOkxEngineRig(options: { extend?: (client: ExecutionClient) => ExecutionClient } = {}): Promise<OkxEngineRig> {
  const okx = await startOkxRig({ requestTimeoutMs: 500 })
  okx.fake.setBook('BTC-USDT-SWAP', [[59990, 5]], [[60010, 5]])
  const client = faultyClient(okx.venue.execution)
  const wired = options.extend ? options.extend(client) : client
  const db = openDatabase(':memory:')
  const journal = createSqliteOrderJournal(db)
  const audit = createSqliteAuditLog(db)
  const engine = createExecutionEngine({
    journal,
    clients: () => wired,
    clock: createLiveClock(),
    audit,
    logger: okx.logs,
    idPrefix: 'ws',
    tuning: { absentChecks: 3, absentGraceMs: 600 },
  })
  return {
    okx,
    client,
    journal,
    audit,
    engine,
    intent: (overrides = {}) => ({
      id: `okx-intent-${String(++intents).padStart(4, '0')}`,
      accountId: 'okx-demo',
      venue: 'okx',
      symbol: SWAP,
      side: 'buy',
      type: 'limit',
      amount: 1,
      price: 50000,
      timeInForce: 'GTC',
      postOnly: false,
      reduceOnly: false,
      leverage: null,
      ttlMs: 600_000,
      partialFillPolicy: 'cancel_rest',
      stopLoss: null,
      takeProfit: null,
      origin: { kind: 'manual' },
      createdAt: Date.now(),
      ...overrides,
    }),
    venueOrders: (clientOrderId) => okx.fake.orders().filter((o) => o.clOrdId === clientOrderId).length,
    async close() {
      engine.close()
      await okx.close()
      db.close()
    },
  }
}
