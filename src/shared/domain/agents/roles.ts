import { z } from 'zod'

/** The roles of the desk, from the product briefs. Each is a prompt plus an output schema. */
export const RoleIdSchema = z.enum([
  'news_collector',
  'macro_trader',
  'data_analyst',
  'technical_analyst',
  'order_flow_analyst',
  'bull_analyst',
  'bear_analyst',
  'strategy_generator',
  'trader',
  'risk_officer',
])
export type RoleId = z.infer<typeof RoleIdSchema>

export const ROLE_IDS = RoleIdSchema.options

/** Roles whose output may become orders. Every other role's output is only read by later roles. */
export const ORDER_ROLES: readonly RoleId[] = ['trader']

export const PipelineIdSchema = z.enum(['desk', 'solo'])
export type PipelineId = z.infer<typeof PipelineIdSchema>

/** One step of a pipeline: a role and the roles whose outputs it reads. */
export interface PipelineStep {
  readonly role: RoleId
  readonly after: readonly RoleId[]
}

/**
 * The shipped pipelines as small DAGs. Steps with no unmet dependency run in
 * parallel: in "desk" the analysts together, then the debate, then the trader,
 * then the risk officer. "solo" is one model deciding, as in Alpha Arena.
 */
export const PIPELINES: Record<PipelineId, readonly PipelineStep[]> = {
  desk: [
    { role: 'news_collector', after: [] },
    { role: 'technical_analyst', after: [] },
    { role: 'order_flow_analyst', after: [] },
    { role: 'data_analyst', after: [] },
    { role: 'macro_trader', after: ['news_collector'] },
    { role: 'bull_analyst', after: ['technical_analyst', 'order_flow_analyst', 'data_analyst', 'macro_trader'] },
    { role: 'bear_analyst', after: ['technical_analyst', 'order_flow_analyst', 'data_analyst', 'macro_trader'] },
    { role: 'trader', after: ['bull_analyst', 'bear_analyst'] },
    { role: 'risk_officer', after: ['trader'] },
  ],
  solo: [{ role: 'trader', after: [] }],
}
