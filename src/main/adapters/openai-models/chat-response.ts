import type OpenAI from 'openai'
import type { TokenUsage } from '../../../shared/domain/agents/model'
import { ModelError, type ModelResponse } from '../../ports/model-client'

type ChatCompletion = OpenAI.Chat.Completions.ChatCompletion

/**
 * Reads one completion into our shape. The text is kept exactly as it came
 * (blank, truncated, prose): judging it is the orchestrator's job, and the
 * decision record must show what the model really said.
 */
export function readChatCompletion(completion: ChatCompletion, who: string): Omit<ModelResponse, 'latencyMs'> {
  const choice = completion.choices?.[0]
  // A 200 without a choice is a broken gateway answer (some put an error object there); it may pass, so it is a server error.
  if (!choice) throw new ModelError('server', `${who}: the answer had no choices`)
  const message = choice.message as (typeof choice.message & { reasoning_content?: unknown; reasoning?: unknown }) | undefined
  return {
    text: typeof message?.content === 'string' ? message.content : '',
    reasoning: reasoningOf(message),
    usage: usageOf(completion.usage),
    finishReason: finishReasonOf(choice.finish_reason),
  }
}

/** DeepSeek's reasoner sends reasoning_content; OpenRouter and vLLM call the same thing reasoning. */
function reasoningOf(message: { reasoning_content?: unknown; reasoning?: unknown } | undefined): string | null {
  const text = message?.reasoning_content ?? message?.reasoning
  return typeof text === 'string' && text !== '' ? text : null
}

function usageOf(usage: ChatCompletion['usage']): TokenUsage {
  return { promptTokens: tokenCount(usage?.prompt_tokens), completionTokens: tokenCount(usage?.completion_tokens) }
}

/** Budgets add these up; a missing or nonsensical count is 0 rather than NaN poisoning the sum. */
function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

function finishReasonOf(reason: string | null | undefined): ModelResponse['finishReason'] {
  switch (reason) {
    case 'stop':
    case 'length':
    case 'content_filter':
      return reason
    default:
      return 'other'
  }
}
