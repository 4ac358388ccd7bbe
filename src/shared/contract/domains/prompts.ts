import { z } from 'zod'
import { PromptContentSchema, PromptIssueSchema, PromptVersionSchema } from '../../domain/agents/prompt'
import { RoleIdSchema } from '../../domain/agents/roles'
import { command, event } from '../define'

export const PromptRoleSummarySchema = z.strictObject({
  role: RoleIdSchema,
  tags: z.array(z.string()),
  version: z.number().int().positive(),
  updatedAt: z.number().int(),
  author: z.string(),
  versions: z.number().int().positive(),
})
export type PromptRoleSummary = z.infer<typeof PromptRoleSummarySchema>

export const promptCommands = {
  'prompts.list': command({ summary: "Every role's current prompt version", input: z.void(), output: z.array(PromptRoleSummarySchema) }),
  'prompts.history': command({
    summary: 'Every saved version of one role, oldest first',
    input: z.strictObject({ role: RoleIdSchema }),
    output: z.array(PromptVersionSchema),
  }),
  'prompts.validate': command({
    summary: 'Checks a prompt without saving it: known variables, parameters in range, output section consistent with the schema',
    input: PromptContentSchema,
    output: z.array(PromptIssueSchema),
  }),
  'prompts.save': command({
    summary: 'Saves a new version after validation; the next run uses it',
    input: z.strictObject({ content: PromptContentSchema, note: z.string().max(500), author: z.string().min(1).max(80).default('trader') }),
    output: PromptVersionSchema,
  }),
  'prompts.rollback': command({
    summary: 'Makes an earlier version current again, as a new version that records the rollback',
    input: z.strictObject({ role: RoleIdSchema, version: z.number().int().positive(), note: z.string().max(500).default('') }),
    output: PromptVersionSchema,
  }),
  'prompts.outputSchema': command({
    summary: "The JSON Schema a role's answer must follow (generated from its zod schema)",
    input: z.strictObject({ role: RoleIdSchema }),
    output: z.record(z.string(), z.unknown()),
  }),
  'prompts.export': command({
    summary: 'YAML of the current prompts of the given roles (all when empty)',
    input: z.strictObject({ roles: z.array(RoleIdSchema).max(20).default([]) }),
    output: z.strictObject({ yaml: z.string() }),
  }),
  'prompts.import': command({
    summary: 'Saves each valid prompt of a YAML document as a new version; reports the invalid ones',
    input: z.strictObject({ yaml: z.string().max(1_000_000), note: z.string().max(500).default('imported') }),
    output: z.strictObject({
      saved: z.array(PromptVersionSchema),
      refused: z.array(z.strictObject({ index: z.number().int(), role: z.string().nullable(), issues: z.array(PromptIssueSchema) })),
    }),
  }),
} as const

export const promptEvents = {
  'prompts.changed': event({ summary: 'A new prompt version was saved (edit, rollback or import)', payload: PromptVersionSchema }),
} as const
