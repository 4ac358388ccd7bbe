import Database from 'better-sqlite3'
import fc from 'fast-check'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExecutionStep } from '../../src/main/core/execution'
import type { CrashCycle, CrashOrderKind } from '../support/crash-child'
import { startCrashChild, type CrashChild, type ReconciledLine } from '../support/crash-harness'
import { startFakeOkx, type FakeOkx } from '../support/fake-okx'
import { makeTempDir } from '../support/temp-dir'

// The crash battery: the engine runs in a child process on a SQLite journal
// against the fake OKX (in this process); the child is SIGKILLed at a chosen
// step of the order path, restarted, and reconciles. After every restart (and
// after every cycle that did not crash) the venue and the journal must agree:
// no intent placed twice, no live order the journal does not know as live,
// no entry left pending/sent/unknown, every venue fill recorded exactly once.

const PREFIX = 'ws'
const ACCOUNT = 'okx-demo'
const RUNS = Number(process.env['CRASH_RUNS'] ?? 7)
// Printed with the results, so any run can be replayed with CRASH_SEED.
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 2 ** 31)
type CrashStep = ExecutionStep | 'on_the_wire'
const STEPS: CrashStep[] = ['intent_committed', 'sent_committed', 'on_the_wire', 'answer_received', 'answer_committed', 'fill_committed']
const FAULTS = ['none', 'timeout_after_accept', 'duplicate_51016', 'partial_fill'] as const
const KINDS: CrashOrderKind[] = ['market_buy', 'market_sell', 'rest', 'cross']

const cycleArb = fc.record({
  kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 3 }),
  // Ambiguous sends are the heart of the matter: weighted up, and mostly with the stream muted so only queries can settle them.
  fault: fc.oneof({ arbitrary: fc.constant(FAULTS[1]), weight: 3 }, { arbitrary: fc.constantFrom(FAULTS[0], FAULTS[2], FAULTS[3]), weight: 3 }),
  muted: fc.oneof({ arbitrary: fc.constant(true), weight: 2 }, { arbitrary: fc.constant(false), weight: 1 }),
  // Two cycles in three crash; a clean one is checked all the same (and is where an ambiguous send runs its course).
  crash: fc.option(fc.record({ index: fc.nat(2), step: fc.constantFrom(...STEPS) }), { freq: 3 }),
})

interface Tally {
  runs: number
  cycles: number
  crashes: Record<string, number>
  faults: Record<string, number>
  checks: number
  muted: number
  venueOrders: number
  duplicates: number
  orphans: number
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const ours = (fake: FakeOkx) => fake.orders().filter((o) => o.clOrdId.startsWith(PREFIX))

interface OrderRow {
  client_order_id: string
  intent_id: string | null
  status: string
  filled: number
  imported: number
}

/** The invariants, read from the venue and from the journal file itself. */
function check(fake: FakeOkx, dbFile: string, report: ReconciledLine | null, tally: Tally, stderr: () => string): void {
  expect(report, `the child died before reconciling: ${stderr()}`).not.toBeNull()
  expect(report!.errors).toEqual([])
  expect(report!.unresolved).toEqual([])
  expect(report!.imported).toEqual([])
  // A zombie (final here, alive there) is repaired by reconciliation, but must never arise: we gave up on an order the venue had.
  expect(report!.zombies).toEqual([])
  const db = new Database(dbFile, { readonly: true })
  const orders = db.prepare<[], OrderRow>('SELECT client_order_id, intent_id, status, filled, imported FROM orders').all()
  const fills = db.prepare<[], { client_order_id: string | null; trade_id: string }>('SELECT client_order_id, trade_id FROM fills').all()
  db.close()
  const byId = new Map(orders.map((o) => [o.client_order_id, o]))
  const venue = ours(fake)
  const venueById = new Map(venue.map((o) => [o.clOrdId, o]))

  // No duplicates: one venue order per client id, each the order of one journaled intent, no intent twice.
  const intentsOnVenue = venue.map((o) => byId.get(o.clOrdId)?.intent_id ?? null)
  const duplicates = venue.length - new Set(venue.map((o) => o.clOrdId)).size + (intentsOnVenue.length - new Set(intentsOnVenue).size)
  tally.duplicates += duplicates
  expect(duplicates).toBe(0)
  // No orphans: every venue order is known (not imported), and every live one is live in the journal.
  const orphans = venue.filter((o) => {
    const entry = byId.get(o.clOrdId)
    if (!entry || entry.intent_id === null || entry.imported === 1) return true
    return (o.state === 'live' || o.state === 'partially_filled') && entry.status !== (o.state === 'live' ? 'open' : 'partially_filled')
  })
  tally.orphans += orphans.length
  expect(orphans.map((o) => `${o.clOrdId}:${o.state}:${byId.get(o.clOrdId)?.status}`)).toEqual([])
  // Every journal entry terminal or agreeing with the venue.
  for (const entry of orders) {
    expect(['pending', 'sent', 'unknown'], `${entry.client_order_id} left ${entry.status}`).not.toContain(entry.status)
    const placed = venueById.get(entry.client_order_id)
    if (!placed) {
      expect(entry.filled).toBe(0)
      expect(['rejected', 'cancelled', 'expired']).toContain(entry.status)
      continue
    }
    expect(entry.filled, `${entry.client_order_id} filled`).toBeCloseTo(placed.accFillSz, 9)
    if (entry.status === 'open' || entry.status === 'partially_filled') expect(['live', 'partially_filled']).toContain(placed.state)
  }
  // Every venue fill of ours recorded exactly once, with its order.
  const venueTrades = venue.flatMap((o) => o.fills.map((f) => `${o.clOrdId}:${f.tradeId}`)).sort()
  expect(fills.map((f) => `${f.client_order_id}:${f.trade_id}`).sort()).toEqual(venueTrades)
  tally.checks++
}

type CycleSpec = { kinds: CrashOrderKind[]; fault: (typeof FAULTS)[number]; muted: boolean; crash: { index: number; step: CrashStep } | null }

async function runScenario(cycles: CycleSpec[], tally: Tally): Promise<void> {
  const run = ++tally.runs
  const fake = await startFakeOkx({ candleHistoryMinutes: 0 })
  const dir = makeTempDir('crash-battery-')
  const config = { restUrl: fake.restUrl, wsUrl: fake.wsUrl, credentials: fake.credentials, dbFile: join(dir.path, 'profile.sqlite'), accountId: ACCOUNT, prefix: PREFIX }
  let child: CrashChild = startCrashChild(config)
  try {
    check(fake, config.dbFile, await child.reconciled(), tally, child.stderr)
    for (const [c, spec] of cycles.entries()) {
      tally.cycles++
      tally.faults[spec.fault] = (tally.faults[spec.fault] ?? 0) + 1
      fake.setBook('BTC-USDT-SWAP', [[59990, 1000]], [[60010, 1000]])
      fake.faults.timeoutAfterAccept(0)
      fake.faults.partialFill(1)
      if (spec.fault === 'timeout_after_accept') fake.faults.timeoutAfterAccept(1)
      if (spec.fault === 'duplicate_51016') fake.faults.rejectWithCode('51016', 'Duplicated clOrdId')
      if (spec.fault === 'partial_fill') fake.faults.partialFill(0.5)
      const orders = spec.kinds.map((kind, o) => ({ intentId: `crash-r${run}-c${c}-o${o}`, kind }))
      const step = spec.crash?.step ?? null
      // On the wire: the venue holds the first order, its answer never comes, and we kill the child meanwhile.
      const target = step === 'on_the_wire' ? orders[0]! : orders[(spec.crash?.index ?? 0) % orders.length]!
      const cycle: CrashCycle = { orders, crashAt: step && step !== 'on_the_wire' ? { intentId: target.intentId, step } : null, muted: spec.muted }
      if (spec.muted) tally.muted++
      let outcome: 'done' | 'died'
      if (step === 'on_the_wire') {
        fake.faults.timeoutAfterAccept(1)
        const before = ours(fake).length
        let finished = false
        const done = child.cycle(cycle).finally(() => (finished = true))
        while (!finished && ours(fake).length === before) await sleep(2)
        if (!finished) await child.kill()
        outcome = await done
      } else {
        outcome = await child.cycle(cycle)
      }
      if (outcome === 'died') {
        tally.crashes[step!] = (tally.crashes[step!] ?? 0) + 1
        child = startCrashChild(config)
        check(fake, config.dbFile, await child.reconciled(), tally, child.stderr)
      } else {
        check(fake, config.dbFile, await child.reconcile(), tally, child.stderr)
      }
    }
    tally.venueOrders += ours(fake).length
    await child.exit()
  } finally {
    await child.kill()
    await fake.close()
    dir.remove()
  }
}

describe('crash battery: the engine killed at every step of the order path', () => {
  it(`leaves no duplicate and no orphan order over ${RUNS} runs of crash-restart cycles`, async () => {
    const tally: Tally = { runs: 0, cycles: 0, crashes: {}, faults: {}, checks: 0, muted: 0, venueOrders: 0, duplicates: 0, orphans: 0 }
    const started = Date.now()
    await fc.assert(
      fc.asyncProperty(fc.array(cycleArb, { minLength: 3, maxLength: 5 }), (cycles) => runScenario(cycles, tally)),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    const crashes = Object.values(tally.crashes).reduce((a, b) => a + b, 0)
    console.log(`crash battery: ${JSON.stringify({ seed: SEED, ...tally, crashesTotal: crashes, seconds: Math.round((Date.now() - started) / 1000) })}`)
    expect(tally.duplicates).toBe(0)
    expect(tally.orphans).toBe(0)
    expect(crashes).toBeGreaterThan(0)
  }, 180_000)
})
