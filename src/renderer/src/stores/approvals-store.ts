import { create } from 'zustand'
import type { PendingApproval } from '../../../shared/contract/domains/approvals'
import { getClient } from '../api/client'

export type ApprovalAnswer = 'approved' | 'denied' | 'expired' | 'superseded'

export interface ApprovalsState {
  /** Oldest first: the dialog shows the first and counts the rest. */
  pending: PendingApproval[]
  /** The answer to the last request, shown briefly after it is resolved. */
  answered: { approval: PendingApproval; answer: ApprovalAnswer } | null
  /**
   * Requests the trader put aside: the dialog must never stand between the
   * trader and the kill switch for a minute, so it can be hidden and a chip
   * in the header brings it back.
   */
  hidden: string[]
}

export const useApprovalsStore = create<ApprovalsState>()(() => ({ pending: [], answered: null, hidden: [] }))

/** How long the answer stays on screen. */
export const ANSWER_SHOWN_MS = 2500
/** A request the main side never resolved (the connection dropped) leaves this long after it ran out. */
const EXPIRED_GRACE_MS = 5000

const set = useApprovalsStore.setState
let answerTimer: ReturnType<typeof setTimeout> | null = null

export async function loadPendingApprovals(): Promise<void> {
  // Quietly: before the order path is wired this answers `unavailable`, and a
  // missing list only means no dialog; requests still arrive as events.
  const envelope = await getClient().callEnvelope('approvals.pending')
  if (envelope.ok) set({ pending: sortByExpiry(envelope.value) })
}

export function approvalRequested(approval: PendingApproval): void {
  set((s) => ({ pending: sortByExpiry([...s.pending.filter((p) => p.id !== approval.id), approval]) }))
}

export function approvalResolved(id: string, answer: ApprovalAnswer): void {
  const approval = useApprovalsStore.getState().pending.find((p) => p.id === id)
  set((s) => ({ pending: s.pending.filter((p) => p.id !== id), hidden: s.hidden.filter((h) => h !== id), answered: approval ? { approval, answer } : s.answered }))
  if (!approval) return
  if (answerTimer) clearTimeout(answerTimer)
  answerTimer = setTimeout(() => {
    answerTimer = null
    set({ answered: null })
  }, ANSWER_SHOWN_MS)
}

export function hideApproval(id: string): void {
  set((s) => ({ hidden: [...s.hidden, id] }))
}

export function showHiddenApprovals(): void {
  set({ hidden: [] })
}

export function dismissAnswer(): void {
  set({ answered: null })
}

/** Drops requests long past their time that no `approvals.resolved` closed. */
export function pruneExpired(now = Date.now()): void {
  const { pending } = useApprovalsStore.getState()
  const kept = pending.filter((p) => p.expiresAt + EXPIRED_GRACE_MS > now)
  if (kept.length !== pending.length) set((s) => ({ pending: kept, hidden: s.hidden.filter((id) => kept.some((p) => p.id === id)) }))
}

function sortByExpiry(list: PendingApproval[]): PendingApproval[] {
  return [...list].sort((a, b) => a.expiresAt - b.expiresAt)
}
