// The process the crash battery (test/integration/crash-battery.test.ts) kills:
// the execution engine on a SQLite journal, over the real ccxt OKX adapter
// pointed at the fake OKX the parent runs. It reconciles at start, then
// follows commands on stdin, one per line:
//   CYCLE {"orders": [...], "crashAt": {"intentId", "step"} | null}  submit, settle, print CYCLE_DONE
//   RECONCILE                                                          reconcile, print RECONCILED {...}
//   EXIT
// and reports progress on stdout with synchronous writes, so a line printed
// just before a crash is never lost. At the chosen step it SIGKILLs itself.
import { writeSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { createCcxtVenue } from '../../src/main/adapters/ccxt'
import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { openDatabase } from '../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../src/main/adapters/sqlite/sqlite-audit-log'
import { openSqliteOrderJournal } from '../../src/main/adapters/sqlite/sqlite-order-journal'
import { createLiveClock } from '../../src/main/core/clock/live-clock'
import { createExecutionEngine, type ExecutionStep } from '../../src/main/core/execution'
import type { ExecutionClient } from '../../src/main/ports/execution-client'
import { isTerminalJournalStatus } from '../../src/main/ports/order-journal'
import type { OrderIntent } from '../../src/shared/domain/intent'

export interface CrashChildConfig {
  restUrl: string
  wsUrl: string
  credentials: { apiKey: string; secret: string; password: string }
  dbFile: string
  accountId: string
  prefix: string
}

export type CrashOrderKind = 'market_buy' | 'market_sell' | 'rest' | 'cross'

export interface CrashCycle {
  orders: { intentId: string; kind: CrashOrderKind }[]
  crashAt: { intentId: string; step: ExecutionStep } | null
  /** Drop the venue's order events for this cycle (a private stream that went quiet): answers and queries must do. */
  muted: boolean
}

const SYMBOL = 'BTC/USDT:USDT'
const say = (line: string): void => void writeSync(1, `${line}\n`)
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const config = JSON.parse(process.argv[2] ?? '') as CrashChildConfig
const clock = createLiveClock()
const logger = createMemoryLogger('warn')
const venue = await createCcxtVenue({
  venueId: 'okx',
  credentials: config.credentials,
  demo: true,
  endpoints: { rest: config.restUrl, ws: config.wsUrl },
  clock,
  logger,
  requestTimeoutMs: 400,
})
const journal = openSqliteOrderJournal(config.dbFile)
// The audit log on the profile's own connection (synchronous NORMAL), as the app wires it.
const auditDb = openDatabase(config.dbFile)
let crashAt: CrashCycle['crashAt'] = null
let muted = false
const client: ExecutionClient = Object.assign(Object.create(venue.execution) as ExecutionClient, {
  onEvent: (listener: Parameters<ExecutionClient['onEvent']>[0]) => venue.execution.onEvent((event) => (muted ? undefined : listener(event))),
})
const engine = createExecutionEngine({
  journal,
  clients: () => client,
  clock,
  audit: createSqliteAuditLog(auditDb),
  logger,
  idPrefix: config.prefix,
  tuning: { absentChecks: 3, absentGraceMs: 300 },
  probe(step, entry) {
    say(`STEP ${step} ${entry.intentId ?? '-'} ${entry.clientOrderId}`)
    if (crashAt && crashAt.intentId === entry.intentId && crashAt.step === step) process.kill(process.pid, 'SIGKILL')
  },
})

function intentOf(intentId: string, kind: CrashOrderKind): OrderIntent {
  const base = {
    id: intentId,
    accountId: config.accountId,
    venue: 'okx',
    symbol: SYMBOL,
    amount: 1,
    timeInForce: 'GTC' as const,
    postOnly: false,
    reduceOnly: false,
    leverage: null,
    ttlMs: 600_000,
    partialFillPolicy: 'keep_rest' as const,
    stopLoss: null,
    takeProfit: null,
    origin: { kind: 'manual' as const },
    createdAt: clock.now(),
  }
  switch (kind) {
    case 'market_buy':
      return { ...base, side: 'buy', type: 'market', price: null }
    case 'market_sell':
      return { ...base, side: 'sell', type: 'market', price: null }
    case 'rest':
      return { ...base, side: 'buy', type: 'limit', price: 50000 }
    case 'cross':
      return { ...base, side: 'buy', type: 'limit', price: 60010, amount: 2 }
    default: {
      const never: never = kind
      throw new Error(`unknown order kind ${String(never)}`)
    }
  }
}

/** Until the order is settled here: answered, resolved, and every fill its status claims recorded. */
async function settle(intentId: string): Promise<void> {
  const deadline = Date.now() + 4_000
  while (Date.now() < deadline) {
    await engine.idle()
    const entry = journal.byIntentId(intentId)
    if (!entry) return
    const working = entry.status === 'open' || entry.status === 'partially_filled'
    const recorded = journal.fillsOf(entry.clientOrderId).reduce((sum, f) => sum + f.amount, 0)
    // With the stream muted, fills arrive only through reconciliation's fillsSince.
    if ((working || isTerminalJournalStatus(entry.status)) && (muted || recorded >= entry.filled - 1e-9)) return
    await sleep(10)
  }
}

async function reconcile(): Promise<void> {
  const report = await engine.reconcile(config.accountId)
  await engine.idle()
  const ids = (entries: { clientOrderId: string }[]): string[] => entries.map((e) => e.clientOrderId)
  say(`RECONCILED ${JSON.stringify({ imported: ids(report.imported), zombies: ids(report.zombies), unresolved: ids(report.unresolved), errors: report.errors, fills: report.fillsRecorded })}`)
}

await reconcile()
for await (const line of createInterface({ input: process.stdin })) {
  if (line.startsWith('CYCLE ')) {
    const cycle = JSON.parse(line.slice(6)) as CrashCycle
    crashAt = cycle.crashAt
    muted = cycle.muted
    for (const order of cycle.orders) {
      await engine.submit(intentOf(order.intentId, order.kind))
      await settle(order.intentId)
    }
    crashAt = null
    muted = false
    say('CYCLE_DONE')
  } else if (line === 'RECONCILE') {
    await reconcile()
  } else if (line === 'EXIT') {
    break
  }
}
engine.close()
await venue.close()
journal.close()
auditDb.close()
process.exit(0)
