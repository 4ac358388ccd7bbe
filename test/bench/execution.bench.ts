// Execution benchmark, each figure against a baseline measured in the same run
// (the machines are shared and noisy, so only ratios are comparable):
// - durable intent commits per second: journal.begin (its own connection,
//   synchronous=FULL) against a bare better-sqlite3 insert loop of the same
//   intent JSON, also FULL; and bare FULL against bare NORMAL, the price of
//   the durability the journal asks for;
// - intent to request on the wire: engine.submit() until the fake OKX's HTTP
//   server receives the placement (seen through Node's http diagnostics
//   channel, in this process), through the real ccxt adapter on loopback,
//   p50 and p99, against a bare loopback HTTP round trip.
import Database from 'better-sqlite3'
import { subscribe } from 'node:diagnostics_channel'
import { createServer, request, Agent, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createCcxtVenue } from '../../src/main/adapters/ccxt'
import { openDatabase } from '../../src/main/adapters/sqlite/open-database'
import { createSqliteAuditLog } from '../../src/main/adapters/sqlite/sqlite-audit-log'
import { openSqliteOrderJournal } from '../../src/main/adapters/sqlite/sqlite-order-journal'
import { createLiveClock } from '../../src/main/core/clock/live-clock'
import { createExecutionEngine } from '../../src/main/core/execution'
import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import type { OrderIntent } from '../../src/shared/domain/intent'
import { startFakeOkx } from '../support/fake-okx'
import { makeTempDir } from '../support/temp-dir'
import { reportBench, withBaseline } from './support/report'

const COMMITS = 3000
const ORDERS = 200
const ORDER_WARMUP = 20
// The adapter keeps OKX's 60 placements per instrument per 2 s: pace below it, so no sample waits in the limiter.
const ORDER_GAP_MS = 40
const ROUND_TRIPS = 2000

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const now = (): number => performance.now()
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function intent(i: number, accountId: string): OrderIntent {
  return {
    id: `bench-intent-${i}`,
    accountId,
    venue: 'okx',
    symbol: 'BTC/USDT:USDT',
    side: 'buy',
    type: 'limit',
    amount: 1,
    price: 50000,
    timeInForce: 'GTC',
    postOnly: false,
    reduceOnly: false,
    leverage: null,
    ttlMs: 3_600_000,
    partialFillPolicy: 'keep_rest',
    stopLoss: null,
    takeProfit: null,
    origin: { kind: 'pilot', pilotId: 'bench-pilot', decisionId: 'bench-decision' },
    createdAt: Date.now(),
  }
}

function commitsPerSecond(dir: string): { journal: number; bareFull: number; bareNormal: number } {
  const journal = openSqliteOrderJournal(join(dir, 'journal.sqlite'))
  const started = now()
  for (let i = 0; i < COMMITS; i++) journal.begin(intent(i, 'acc'), `ws${i}`, 'acc', Date.now())
  const journalRate = COMMITS / ((now() - started) / 1000)
  journal.close()

  const bare = (synchronous: 'FULL' | 'NORMAL'): number => {
    const db = new Database(join(dir, `bare-${synchronous}.sqlite`))
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${synchronous}`)
    db.exec('CREATE TABLE orders (client_order_id TEXT PRIMARY KEY, intent TEXT NOT NULL)')
    const insert = db.prepare('INSERT INTO orders VALUES (?, ?)')
    const at = now()
    for (let i = 0; i < COMMITS; i++) insert.run(`ws${i}`, JSON.stringify(intent(i, 'acc')))
    const rate = COMMITS / ((now() - at) / 1000)
    db.close()
    return rate
  }
  return { journal: journalRate, bareFull: bare('FULL'), bareNormal: bare('NORMAL') }
}

async function bareRoundTrips(): Promise<number[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end('{"code":"0","data":[]}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const agent = new Agent({ keepAlive: true })
  const once = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/v5/trade/order', method: 'POST', agent, headers: { 'Content-Type': 'application/json' } }, (res: IncomingMessage) => {
        res.resume()
        res.on('end', resolve)
      })
      req.on('error', reject)
      req.end('{"instId":"BTC-USDT-SWAP"}')
    })
  for (let i = 0; i < 200; i++) await once()
  const samples: number[] = []
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const at = now()
    await once()
    samples.push(now() - at)
  }
  agent.destroy()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return samples.sort((a, b) => a - b)
}

/** Time from submit() to the placement reaching the server, and to the engine handing it to the client (its own share). */
async function intentToWire(dir: string): Promise<{ wire: number[]; handedOver: number[] }> {
  const fake = await startFakeOkx({ candleHistoryMinutes: 0 })
  let placementSeenAt: number | null = null
  subscribe('http.server.request.start', (message) => {
    const { request: incoming } = message as { request: IncomingMessage }
    if (incoming.method === 'POST' && incoming.url?.startsWith('/api/v5/trade/')) placementSeenAt ??= now()
  })
  const clock = createLiveClock()
  const logger = createMemoryLogger('warn')
  const venue = await createCcxtVenue({ venueId: 'okx', credentials: fake.credentials, demo: true, endpoints: { rest: fake.restUrl, ws: fake.wsUrl }, clock, logger })
  const journal = openSqliteOrderJournal(join(dir, 'engine.sqlite'))
  const auditDb = openDatabase(join(dir, 'engine.sqlite'))
  let handedOverAt: number | null = null
  const client = Object.assign(Object.create(venue.execution) as typeof venue.execution, {
    submit: (order: Parameters<typeof venue.execution.submit>[0]) => {
      handedOverAt = now()
      return venue.execution.submit(order)
    },
  })
  const engine = createExecutionEngine({ journal, clients: () => client, clock, audit: createSqliteAuditLog(auditDb), logger, idPrefix: 'ws' })
  const samples: number[] = []
  const handedOver: number[] = []
  for (let i = 0; i < ORDER_WARMUP + ORDERS; i++) {
    placementSeenAt = null
    const at = now()
    const entry = await engine.submit(intent(i, 'bench'))
    if (entry.status !== 'open') throw new Error(`bench order ${i} ended ${entry.status}: ${entry.lastError}`)
    if (placementSeenAt === null) throw new Error('the placement was not seen on the wire')
    if (i >= ORDER_WARMUP) {
      samples.push(placementSeenAt - at)
      handedOver.push(handedOverAt! - at)
    }
    await sleep(ORDER_GAP_MS)
  }
  engine.close()
  await venue.close()
  journal.close()
  auditDb.close()
  await fake.close()
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b)
  return { wire: sorted(samples), handedOver: sorted(handedOver) }
}

const dir = makeTempDir('execution-bench-')
try {
  const commits = commitsPerSecond(dir.path)
  const bare = await bareRoundTrips()
  const { wire, handedOver } = await intentToWire(dir.path)
  reportBench([
    withBaseline('journal.begin durable commits (FULL) vs bare insert (FULL)', commits.journal, 'commits/s', commits.bareFull),
    withBaseline('bare insert FULL vs NORMAL (price of durability)', commits.bareFull, 'commits/s', commits.bareNormal),
    withBaseline('intent to request on the wire p50 vs loopback HTTP round trip p50', percentile(wire, 50), 'ms', percentile(bare, 50)),
    withBaseline('intent to request on the wire p99 vs loopback HTTP round trip p99', percentile(wire, 99), 'ms', percentile(bare, 99)),
    // The engine's own share (validation, two FULL commits, audit) against the whole path to the wire.
    withBaseline('intent to client.submit p50 (engine share) vs intent to wire p50', percentile(handedOver, 50), 'ms', percentile(wire, 50)),
  ])
} finally {
  dir.remove()
}
