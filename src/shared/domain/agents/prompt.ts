import { z } from 'zod'
import { ModelParamsSchema } from './model'
import { RoleIdSchema } from './roles'

/** A role's prompt in the sections traders edit separately. */
export const PromptSectionsSchema = z.strictObject({
  background: z.string().max(20_000),
  goal: z.string().min(1).max(20_000),
  constraints: z.string().max(20_000),
  outputFormat: z.string().min(1).max(20_000),
})
export type PromptSections = z.infer<typeof PromptSectionsSchema>
export const PROMPT_SECTIONS = ['background', 'goal', 'constraints', 'outputFormat'] as const

/** What a role's prompt is made of; its model choice lives with the pilot, its sampling parameters here. */
export const PromptContentSchema = z.strictObject({
  role: RoleIdSchema,
  tags: z.array(z.string().min(1).max(40)).max(12),
  sections: PromptSectionsSchema,
  params: ModelParamsSchema,
})
export type PromptContent = z.infer<typeof PromptContentSchema>

/** One saved version: immutable, numbered per role, hashed. */
export const PromptVersionSchema = PromptContentSchema.extend({
  version: z.number().int().positive(),
  author: z.string().min(1).max(80),
  note: z.string().max(500),
  createdAt: z.number().int(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The version this one rolled back to, if it is a rollback. */
  rollbackOf: z.number().int().positive().nullable(),
})
export type PromptVersion = z.infer<typeof PromptVersionSchema>

/**
 * Template variables a prompt may use, as {{name}}. The orchestrator fills
 * them from the cycle's snapshot, the pilot's account and earlier roles'
 * outputs; any other name is refused when the prompt is saved.
 */
export const PROMPT_VARIABLES = [
  'pilot',
  'symbols',
  'venue',
  'snapshot',
  'account',
  'limits',
  'news',
  'reports',
  'debate',
  'decision',
  'output_schema',
  'now',
] as const
export type PromptVariable = (typeof PROMPT_VARIABLES)[number]

export const PromptIssueSchema = z.strictObject({
  field: z.string(),
  code: z.enum(['unknown_variable', 'param_out_of_range', 'output_inconsistent', 'empty_section', 'invalid']),
  message: z.string(),
})
export type PromptIssue = z.infer<typeof PromptIssueSchema>
