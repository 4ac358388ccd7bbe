import { z } from 'zod'

/** Lifecycle of every kernel component, as reported by `system.health`. */
export const ComponentStateSchema = z.enum(['starting', 'running', 'degraded', 'stopped'])
export type ComponentState = z.infer<typeof ComponentStateSchema>

export const ComponentHealthSchema = z.strictObject({
  name: z.string(),
  state: ComponentStateSchema,
  detail: z.string().optional(),
  since: z.number().int(),
})
export type ComponentHealth = z.infer<typeof ComponentHealthSchema>

export const HealthReportSchema = z.strictObject({
  overall: ComponentStateSchema,
  components: z.array(ComponentHealthSchema),
})
export type HealthReport = z.infer<typeof HealthReportSchema>
