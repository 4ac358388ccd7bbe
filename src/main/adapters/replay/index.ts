export { createReplayClient, type ReplayClient, type ReplayClientOptions, type ReplayMode, type ReplaySource } from './replay-client'
export type { ReplayStats, SkipReason, SkippedRow } from './replay-stats'
