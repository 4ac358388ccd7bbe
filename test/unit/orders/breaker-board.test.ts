import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { openDatabase } from '../../../src/main/adapters/sqlite/open-database'
import { createSqliteRiskState } from '../../../src/main/adapters/sqlite/sqlite-risk-state'
import { createEventBus } from '../../../src/main/core/bus/event-bus'
import type { KernelEvents } from '../../../src/main/core/bus/kernel-events'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createBreakerBoard } from '../../../src/main/core/risk-service/breaker-board'
import { DEFAULT_RISK_CONFIG } from '../../../src/shared/domain/risk'

const ACCOUNT = { kind: 'account', accountId: 'acc' } as const

function board(db = openDatabase(':memory:'), clock = createTestClock(1_000)) {
  const bus = createEventBus<KernelEvents>(() => {})
  const changes: unknown[] = []
  bus.subscribe('risk.stateChanged', (s) => changes.push(s))
  const repository = createSqliteRiskState(db)
  const logger = createMemoryLogger('debug')
  return { db, clock, changes, repository, logger, board: createBreakerBoard({ repository, clock, logger, bus, config: () => DEFAULT_RISK_CONFIG }) }
}

describe('the breaker board', () => {
  it('saves a halt at once and restores it, so a restart keeps the scope halted', () => {
    const first = board()
    first.board.halt(ACCOUNT, 'kill_switch', 'test')
    expect(first.changes).toHaveLength(1)
    const second = board(first.db)
    expect(second.board.status(ACCOUNT)).toMatchObject({ state: 'halted', reasons: ['Halted by the kill switch: test'] })
    expect(second.board.effective({ kind: 'desk' })).toBe('active')
    expect(second.board.lift(ACCOUNT)).toMatchObject({ state: 'active' })
    expect(board(first.db).board.status(ACCOUNT).state).toBe('active')
  })

  it('trips on an equity drawdown fed to it, and a breaker it cannot read starts halted', () => {
    const { board: b, db, repository } = board()
    b.feed(ACCOUNT, { kind: 'equity', at: 1_000, equity: 10_000 })
    expect(b.feed(ACCOUNT, { kind: 'equity', at: 2_000, equity: 9_000 })).toBeUndefined()
    expect(b.status(ACCOUNT).state).toBe('halted')
    repository.saveBreaker({ scope: 'pilot', scopeId: 'p1', state: '{"not":"a breaker"}', updatedAt: 1 })
    const restored = board(db)
    expect(restored.board.status({ kind: 'pilot', pilotId: 'p1' })).toMatchObject({ state: 'halted', reasons: [expect.stringContaining('could not be restored')] })
    expect(restored.logger.records.some((r) => r.level === 'error')).toBe(true)
  })

  it('a pause counts as reducing for the risk engine and is remembered', () => {
    const { board: b, db } = board()
    expect(b.pause(ACCOUNT, 'me', 'lunch')).toMatchObject({ state: 'active', paused: true, reasons: ['Paused by me: lunch'] })
    expect(b.effective(ACCOUNT)).toBe('reducing')
    expect(board(db).board.status(ACCOUNT).paused).toBe(true)
    expect(b.resume(ACCOUNT).paused).toBe(false)
  })
})
