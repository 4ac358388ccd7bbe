import { ModelError, type ModelClient, type ModelRequest, type ModelResponse, type RoleContext } from '../../ports/model-client'
import { RulesStrategySchema } from '../../../shared/domain/agents/pilot'
import { ROLE_OUTPUT_SCHEMAS } from '../../../shared/domain/agents/role-outputs'
import { RoleIdSchema } from '../../../shared/domain/agents/roles'
import { answerRole, safeDefaultAnswer } from './role-answer'

/** Refuses a context the rules cannot answer, naming what was received and what was expected. */
function checkedContext(request: ModelRequest): RoleContext {
  const context = request.context as RoleContext | undefined
  if (!context || typeof context !== 'object') throw new ModelError('bad_request', 'The rules provider needs the role context; the request carried none')
  if (!RoleIdSchema.safeParse(context.role).success) {
    throw new ModelError('bad_request', `The rules provider has no answer for role ${JSON.stringify(context.role)}; expected one of ${RoleIdSchema.options.join(', ')}`)
  }
  if (!RulesStrategySchema.safeParse(context.strategy).success) {
    throw new ModelError('bad_request', `Unknown rules strategy ${JSON.stringify(context.strategy)}; expected one of ${RulesStrategySchema.options.join(', ')}`)
  }
  if (!context.snapshot || !Array.isArray(context.snapshot.symbols) || !context.account?.limits) {
    throw new ModelError('bad_request', 'The rules provider needs a snapshot with symbols and an account with limits')
  }
  return context
}

/** The rules answer checked against the role's own schema; a failure falls back to the safe default. */
function validatedAnswer(context: RoleContext): unknown {
  const schema = ROLE_OUTPUT_SCHEMAS[context.role]
  try {
    const answer = answerRole(context)
    if (schema.safeParse(answer).success) return answer
  } catch {
    // A rules bug must not take the fallback down with it; the safe default below answers instead.
  }
  return safeDefaultAnswer(context.role, `rules.${context.strategy}`)
}

/**
 * The built-in rules provider as a model client: no key, no network, no
 * tokens. It ignores the messages and decides from the structured context,
 * so the same context always gives the same text. Its answers are JSON that
 * parses against the role's schema, like a well-behaved model's.
 */
export function createRulesModelClient(): ModelClient {
  return {
    async complete(request: ModelRequest): Promise<ModelResponse> {
      const started = performance.now()
      if (request.signal?.aborted) throw new ModelError('cancelled', 'The rules provider call was cancelled before it started')
      const context = checkedContext(request)
      const text = JSON.stringify(validatedAnswer(context))
      return {
        text,
        reasoning: null,
        usage: { promptTokens: 0, completionTokens: 0 },
        finishReason: 'stop',
        latencyMs: Math.max(0, performance.now() - started),
      }
    },
  }
}
