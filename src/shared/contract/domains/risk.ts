import { z } from 'zod'
import { AccountIdSchema } from '../../domain/account'
import { BreakerStateSchema, RiskConfigSchema } from '../../domain/risk'
import { command, event } from '../define'

export const RiskScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('desk') }),
  z.strictObject({ kind: z.literal('account'), accountId: AccountIdSchema }),
  z.strictObject({ kind: z.literal('pilot'), pilotId: z.string().min(1).max(64) }),
])
export type RiskScope = z.infer<typeof RiskScopeSchema>

export const BreakerStatusSchema = z.strictObject({
  scope: RiskScopeSchema,
  state: BreakerStateSchema,
  paused: z.boolean(),
  reasons: z.array(z.string()),
  since: z.number().int(),
})
export type BreakerStatus = z.infer<typeof BreakerStatusSchema>

export const RiskConfigChangeSchema = z.strictObject({
  path: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  loosening: z.boolean(),
})

/** What the kill switch did, with the venue's confirmation that nothing is left open. */
export const KillReceiptSchema = z.strictObject({
  id: z.string(),
  scope: RiskScopeSchema,
  engagedAt: z.number().int(),
  completedAt: z.number().int().nullable(),
  flatten: z.boolean(),
  ordersCancelled: z.number().int(),
  positionsFlattened: z.number().int(),
  /** Open orders the venues still report; zero when complete. */
  openOrdersRemaining: z.number().int(),
  attempts: z.number().int(),
  perAccount: z.array(z.strictObject({ accountId: AccountIdSchema, openOrders: z.number().int(), positions: z.number().int(), error: z.string().nullable() })),
})
export type KillReceipt = z.infer<typeof KillReceiptSchema>

export const riskCommands = {
  'risk.getConfig': command({ summary: 'The risk rules in force', input: z.void(), output: RiskConfigSchema }),
  'risk.updateConfig': command({
    summary: 'Saves new risk rules (version must match); loosening any rule is a risky action',
    input: z.strictObject({ config: RiskConfigSchema, confirmed: z.boolean() }),
    output: z.strictObject({ config: RiskConfigSchema, changes: z.array(RiskConfigChangeSchema) }),
  }),
  'risk.status': command({ summary: 'Breaker state of the desk, every account and pilot', input: z.void(), output: z.array(BreakerStatusSchema) }),
  'risk.pause': command({ summary: 'Pauses new entries in a scope (risk-reducing orders still pass)', input: z.strictObject({ scope: RiskScopeSchema }), output: BreakerStatusSchema }),
  'risk.resume': command({ summary: 'Ends a pause', input: z.strictObject({ scope: RiskScopeSchema }), output: BreakerStatusSchema }),
  'risk.killSwitch.engage': command({
    summary: 'Halts new orders, cancels every open order, optionally flattens, and confirms with the venues',
    input: z.strictObject({ scope: RiskScopeSchema, flatten: z.boolean(), confirmed: z.boolean() }),
    output: KillReceiptSchema,
  }),
  'risk.liftHalt': command({
    summary: 'Lifts a halt; a risky action only a person can take',
    input: z.strictObject({ scope: RiskScopeSchema, confirmed: z.boolean() }),
    output: BreakerStatusSchema,
  }),
} as const

export const riskEvents = {
  'risk.stateChanged': event({ summary: 'A breaker changed state or a scope was paused or resumed', payload: BreakerStatusSchema }),
  'risk.configChanged': event({ summary: 'New risk rules are in force', payload: RiskConfigSchema }),
  'risk.killSwitchProgressed': event({ summary: 'Progress and the final receipt of a kill switch', payload: KillReceiptSchema }),
} as const
