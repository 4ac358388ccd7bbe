import { z } from 'zod'
import { command, event } from '../define'

/**
 * A second approval in progress on the main side (native dialog, or a code
 * on the terminal). The renderer shows it with a countdown; it cannot answer
 * it, by design.
 */
export const PendingApprovalSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  details: z.array(z.string()),
  /** Where the trader answers: 'dialog' (Electron) or 'terminal' (headless). */
  channel: z.enum(['dialog', 'terminal']),
  expiresAt: z.number().int(),
})
export type PendingApproval = z.infer<typeof PendingApprovalSchema>

export const approvalCommands = {
  'approvals.pending': command({ summary: 'Second approvals waiting for an answer', input: z.void(), output: z.array(PendingApprovalSchema) }),
} as const

export const approvalEvents = {
  'approvals.requested': event({ summary: 'A second approval is waiting on the main side', payload: PendingApprovalSchema }),
  'approvals.resolved': event({
    summary: 'A second approval was answered, refused or ran out',
    payload: z.strictObject({ id: z.string(), answer: z.enum(['approved', 'denied', 'expired', 'superseded']) }),
  }),
} as const
