import type { ModelParams } from '../../../shared/domain/agents/model'
import type { ChatMessage, ModelResponse } from '../../ports/model-client'

/**
 * The Settings → Models "test call": the smallest request that proves the
 * base URL, the key and the model name all work. It asks for plain text, so
 * it does not depend on the provider's structured-output modes.
 */
export const TEST_CALL_MESSAGES: readonly ChatMessage[] = [
  { role: 'system', content: 'You are a connectivity check. Reply with the single word OK.' },
  { role: 'user', content: 'ping' },
]

export const TEST_CALL_PARAMS: ModelParams = { temperature: 0, maxTokens: 16, topP: 1 }

const PREVIEW_CHARS = 60

/** What the trader reads after a successful test: the latency and the start of the answer. */
export function describeTestAnswer(response: ModelResponse): string {
  const text = response.text.trim().replace(/\s+/g, ' ')
  const answer = text === '' ? 'a blank answer' : `"${text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text}"`
  return `Answered in ${Math.round(response.latencyMs)} ms with ${answer}`
}
