import { create } from 'zustand'
import type { ReplayResult } from '../../../shared/contract/domains/feed'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { DecisionRecord } from '../../../shared/domain/agents/decision'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import { getClient } from '../api/client'

/** One thing asked of the kernel: its answer, or why there is none, and whether a call is under way. */
export interface Loadable<T> {
  value: T | null
  error: ContractError | null
  loading: boolean
}

export type ReplayMode = ReplayResult['mode']

interface Answers {
  records: DecisionRecord
  snapshots: MarketSnapshot
  /** By `${decisionId}:${mode}`. */
  replays: ReplayResult
}

/** What an expanded card shows, loaded on demand and kept for the session (records never change once written). */
export type FeedDetailState = { [S in keyof Answers]: Record<string, Loadable<Answers[S]>> }

export const useFeedDetailStore = create<FeedDetailState>()(() => ({ records: {}, snapshots: {}, replays: {} }))

const set = useFeedDetailStore.setState
const get = useFeedDetailStore.getState

export const replayKey = (decisionId: string, mode: ReplayMode): string => `${decisionId}:${mode}`

/** A snapshot hash the contract accepts; a skipped run may carry none. */
export const isSnapshotHash = (hash: string): boolean => /^[0-9a-f]{64}$/.test(hash)

async function load<S extends keyof Answers>(slice: S, key: string, call: () => Promise<Envelope<Answers[S]>>): Promise<void> {
  const previous = get()[slice][key]?.value ?? null
  const put = (entry: Loadable<Answers[S]>): void => set((s) => ({ [slice]: { ...s[slice], [key]: entry } }) as Partial<FeedDetailState>)
  put({ value: previous, error: null, loading: true })
  const envelope = await call()
  put(envelope.ok ? { value: envelope.value, error: null, loading: false } : { value: previous, error: envelope.error, loading: false })
}

/** The full record behind a card; asked once, again only after a failure. */
export function loadDecisionRecord(decisionId: string): Promise<void> {
  const known = get().records[decisionId]
  if (known && (known.loading || known.value)) return Promise.resolve()
  return load('records', decisionId, () => getClient().callEnvelope('feed.get', { decisionId }))
}

export function loadSnapshot(hash: string): Promise<void> {
  const known = get().snapshots[hash]
  if (!isSnapshotHash(hash) || (known && (known.loading || known.value))) return Promise.resolve()
  return load('snapshots', hash, () => getClient().callEnvelope('feed.snapshot', { hash }))
}

/** Replays always run again when asked: a replay against the model may answer differently each time. */
export function runReplay(decisionId: string, mode: ReplayMode): Promise<void> {
  if (get().replays[replayKey(decisionId, mode)]?.loading) return Promise.resolve()
  return load('replays', replayKey(decisionId, mode), () => getClient().callEnvelope('feed.replay', { decisionId, mode }))
}

export function resetFeedDetailStore(): void {
  set({ records: {}, snapshots: {}, replays: {} })
}
