import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PendingApproval } from '../../../src/shared/contract/domains/approvals'
import {
  ANSWER_SHOWN_MS,
  approvalRequested,
  approvalResolved,
  hideApproval,
  pruneExpired,
  showHiddenApprovals,
  useApprovalsStore,
} from '../../../src/renderer/src/stores/approvals-store'

const request = (id: string, expiresAt: number): PendingApproval => ({ id, title: `Order ${id}`, details: [], channel: 'terminal', expiresAt })

describe('second approvals mirrored in the renderer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    useApprovalsStore.setState({ pending: [], answered: null, hidden: [] })
  })
  afterEach(() => vi.useRealTimers())

  it('lists requests soonest to expire first, once each', () => {
    approvalRequested(request('b', 2_000))
    approvalRequested(request('a', 1_000))
    approvalRequested(request('b', 2_000))
    expect(useApprovalsStore.getState().pending.map((p) => p.id)).toEqual(['a', 'b'])
  })

  it('shows the answer briefly after the kernel resolves a request, then nothing', () => {
    approvalRequested(request('a', 1_000))
    approvalResolved('a', 'denied')
    expect(useApprovalsStore.getState()).toMatchObject({ pending: [], answered: { answer: 'denied', approval: { id: 'a' } } })
    vi.advanceTimersByTime(ANSWER_SHOWN_MS)
    expect(useApprovalsStore.getState().answered).toBeNull()
  })

  it('ignores the answer to a request it never saw', () => {
    approvalResolved('ghost', 'approved')
    expect(useApprovalsStore.getState().answered).toBeNull()
  })

  it('can put a request aside and bring it back; resolving forgets it', () => {
    approvalRequested(request('a', 1_000))
    hideApproval('a')
    expect(useApprovalsStore.getState().hidden).toEqual(['a'])
    showHiddenApprovals()
    expect(useApprovalsStore.getState().hidden).toEqual([])
    hideApproval('a')
    approvalResolved('a', 'expired')
    expect(useApprovalsStore.getState().hidden).toEqual([])
  })

  it('drops requests long past their time when no resolution ever came', () => {
    approvalRequested(request('old', 1_000))
    approvalRequested(request('new', 100_000))
    pruneExpired(10_000)
    expect(useApprovalsStore.getState().pending.map((p) => p.id)).toEqual(['new'])
  })
})
