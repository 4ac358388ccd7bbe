import type OpenAI from 'openai'
import type { ModelParams, ProviderKind } from '../../../shared/domain/agents/model'
import type { ChatMessage, ResponseFormat } from '../../ports/model-client'

type ChatParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming

export interface ChatCall {
  kind: ProviderKind
  model: string
  messages: readonly ChatMessage[]
  params: ModelParams
  /** Null for a plain text answer (the Settings test call). */
  responseFormat: ResponseFormat | null
}

/**
 * The chat-completions body for one call. The structured-output mode is sent
 * exactly as asked: choosing it from the provider's capabilities is the
 * orchestrator's job, and a silent downgrade here would hide its mistakes.
 */
export function buildChatParams(call: ChatCall): ChatParams {
  const body: ChatParams = {
    model: call.model,
    messages: call.messages.map((message) => ({ role: message.role, content: message.content })),
    temperature: call.params.temperature,
    top_p: call.params.topP,
  }
  // OpenAI deprecated max_tokens, and its reasoning models refuse it; every other compatible API still reads max_tokens.
  if (call.kind === 'openai') body.max_completion_tokens = call.params.maxTokens
  else body.max_tokens = call.params.maxTokens
  if (call.responseFormat) body.response_format = responseFormatOf(call.responseFormat)
  return body
}

function responseFormatOf(format: ResponseFormat): NonNullable<ChatParams['response_format']> {
  switch (format.kind) {
    case 'json_schema':
      return { type: 'json_schema', json_schema: { name: schemaName(format.name), schema: format.schema, strict: true } }
    case 'json_object':
      return { type: 'json_object' }
    default: {
      const unreachable: never = format
      return unreachable
    }
  }
}

/** OpenAI accepts ^[a-zA-Z0-9_-]{1,64}$ as a schema name; role names like "risk officer" would be refused. */
function schemaName(name: string): string {
  const clean = name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64)
  return clean === '' ? 'answer' : clean
}
