import { z } from 'zod'
import { DecisionFilterSchema, DecisionIdSchema, DecisionRecordSchema, DecisionSummarySchema } from '../../domain/agents/decision'
import { MarketSnapshotSchema } from '../../domain/agents/snapshot'
import { command, event } from '../define'

export const ReplayResultSchema = z.strictObject({
  original: DecisionRecordSchema,
  /** The replayed run: from the recorded response (exact) or a fresh model answer to the same messages. */
  replay: DecisionRecordSchema,
  mode: z.enum(['recorded', 'model']),
  /** For a recorded replay: whether the parse reproduced the original exactly. */
  identical: z.boolean(),
})
export type ReplayResult = z.infer<typeof ReplayResultSchema>

export const feedCommands = {
  'feed.search': command({
    summary: 'Decision records, newest first, filtered by pilot, role, symbol, outcome, time and full text',
    input: DecisionFilterSchema,
    output: z.array(DecisionSummarySchema),
  }),
  'feed.get': command({
    summary: 'One full decision record: messages, snapshot hash, raw and parsed output, errors',
    input: z.strictObject({ decisionId: DecisionIdSchema }),
    output: DecisionRecordSchema,
  }),
  'feed.snapshot': command({
    summary: 'The frozen market snapshot a decision saw',
    input: z.strictObject({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
    output: MarketSnapshotSchema,
  }),
  'feed.replay': command({
    summary: 'Replays a decision from its recorded response (exact) or against its model again; never trades',
    input: z.strictObject({ decisionId: DecisionIdSchema, mode: z.enum(['recorded', 'model']) }),
    output: ReplayResultSchema,
  }),
} as const

export const feedEvents = {
  'feed.decisionRecorded': event({ summary: 'A role run was recorded, or its intents moved on', payload: DecisionSummarySchema }),
} as const
