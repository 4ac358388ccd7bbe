import type { DecisionOutcome, DecisionRecord } from '../../../shared/domain/agents/decision'
import type { ModelParams, ModelProvider, ModelRef, TokenUsage } from '../../../shared/domain/agents/model'
import type { RoleId } from '../../../shared/domain/agents/roles'
import { isModelError, type ChatMessage, type ModelClient, type ModelResponse, type ResponseFormat, type RoleContext } from '../../ports/model-client'
import { parseRoleOutput, repairMessage } from './structured-output'

/** Everything one role run needs, resolved by the pipeline. */
export interface RoleRunInput {
  role: RoleId
  provider: ModelProvider
  model: ModelRef
  params: ModelParams
  system: string
  user: string
  outputSchema: Record<string, unknown>
  context: RoleContext
  signal?: AbortSignal | undefined
}

/** What a run produced, before the pipeline adds ids, intents and cost. */
export interface RoleRunResult {
  outcome: Extract<DecisionOutcome, 'parsed' | 'repaired' | 'no_action' | 'failed' | 'skipped'>
  parsed: unknown
  messages: DecisionRecord['messages']
  responseMode: DecisionRecord['responseMode']
  rawOutput: string
  reasoning: string | null
  repairRawOutput: string | null
  validationErrors: string[]
  error: string | null
  /** The model error's kind when the call itself failed (the pipeline decides on a fallback from it). */
  errorKind: string | null
  usage: TokenUsage
  latencyMs: number
}

/**
 * One role, one model: the call, strict parsing, and at most one repair
 * round that shows the model its validation errors. Blank, truncated, prose
 * or still-invalid output ends as "no_action", never as a guess.
 */
export async function runRole(client: ModelClient, input: RoleRunInput): Promise<RoleRunResult> {
  const responseFormat = responseFormatFor(input.provider, input.role, input.outputSchema)
  const responseMode: RoleRunResult['responseMode'] = input.provider.kind === 'rules' ? 'rules' : responseFormat.kind
  const messages: ChatMessage[] = [
    { role: 'system', content: input.system },
    { role: 'user', content: input.user },
  ]
  const base = { messages, responseMode, reasoning: null, repairRawOutput: null, validationErrors: [] as string[], error: null, errorKind: null }

  const first = await call(client, input, messages, responseFormat)
  if ('error' in first) return { ...base, outcome: 'failed', parsed: null, rawOutput: '', error: first.error, errorKind: first.kind, usage: ZERO, latencyMs: first.latencyMs }
  const reply = first.response
  const parsed = parseRoleOutput(input.role, reply.text)
  if (parsed.ok) return { ...base, outcome: 'parsed', parsed: parsed.value, rawOutput: reply.text, reasoning: reply.reasoning, usage: reply.usage, latencyMs: reply.latencyMs }

  const errors = reply.finishReason === 'length' ? ['The answer was cut off at the token limit (truncated).', ...parsed.errors] : parsed.errors
  const repairMessages: ChatMessage[] = [...messages, { role: 'assistant', content: reply.text }, { role: 'user', content: repairMessage(errors) }]
  const second = await call(client, input, repairMessages, responseFormat)
  const common = { ...base, rawOutput: reply.text, reasoning: reply.reasoning }
  if ('error' in second) {
    return { ...common, outcome: 'no_action', parsed: null, validationErrors: errors, error: `repair call failed: ${second.error}`, errorKind: second.kind, usage: reply.usage, latencyMs: reply.latencyMs + second.latencyMs }
  }
  const repaired = parseRoleOutput(input.role, second.response.text)
  const usage = addUsage(reply.usage, second.response.usage)
  const latencyMs = reply.latencyMs + second.response.latencyMs
  if (repaired.ok) return { ...common, outcome: 'repaired', parsed: repaired.value, repairRawOutput: second.response.text, validationErrors: errors, usage, latencyMs }
  return { ...common, outcome: 'no_action', parsed: null, repairRawOutput: second.response.text, validationErrors: [...errors, ...repaired.errors.map((e) => `after repair: ${e}`)], usage, latencyMs }
}

/** JSON schema mode where the provider has it; otherwise JSON object mode, with the schema in the prompt's output section. */
export function responseFormatFor(provider: ModelProvider, role: RoleId, schema: Record<string, unknown>): ResponseFormat {
  return provider.capabilities.jsonSchema ? { kind: 'json_schema', name: role, schema } : { kind: 'json_object' }
}

type CallResult = { response: ModelResponse } | { error: string; kind: string; latencyMs: number }

async function call(client: ModelClient, input: RoleRunInput, messages: readonly ChatMessage[], responseFormat: ResponseFormat): Promise<CallResult> {
  const started = performanceNow()
  try {
    const response = await client.complete({
      provider: input.provider,
      model: input.model.model,
      messages,
      params: input.params,
      responseFormat,
      context: input.context,
      signal: input.signal,
    })
    return { response: input.provider.kind === 'rules' ? response : { ...response, usage: countTokens(response, messages) } }
  } catch (error) {
    const kind = isModelError(error) ? error.kind : 'internal'
    const message = error instanceof Error ? error.message : String(error)
    return { error: message, kind, latencyMs: performanceNow() - started }
  }
}

/** Providers that report no usage get an estimate (about four characters per token), so budgets still bind. */
function countTokens(response: ModelResponse, messages: readonly ChatMessage[]): TokenUsage {
  if (response.usage.promptTokens > 0 || response.usage.completionTokens > 0) return response.usage
  const promptChars = messages.reduce((n, m) => n + m.content.length, 0)
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(response.text.length / 4) }
}

const ZERO: TokenUsage = { promptTokens: 0, completionTokens: 0 }
const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({ promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens })
// Latency is a measurement, not kernel time: the test clock does not move during an await.
const performanceNow = (): number => globalThis.performance.now()
