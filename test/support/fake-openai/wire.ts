import type { ResolvedAnswer } from './answers'
import type { ChatRequestBody } from './types'

/** OpenAI's error type per status, so SDKs and their error classes see familiar bodies. */
const ERROR_TYPES: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request (fake)' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided (fake)' },
  403: { type: 'permission_error', code: null, message: 'You are not allowed to use this model (fake)' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist (fake)' },
  422: { type: 'invalid_request_error', code: null, message: 'Unprocessable request (fake)' },
  429: { type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'Rate limit reached (fake)' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request (fake)' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded (fake)' },
}

export function errorBody(status: number, message?: string): { error: { message: string; type: string; code: string | null; param: null } } {
  const known = ERROR_TYPES[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null, message: `HTTP ${status} (fake)` }
  return { error: { message: message ?? known.message, type: known.type, code: known.code, param: null } }
}

/** Rough, deterministic token count (about 4 characters a token), so cost tests have non-zero numbers to check. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4)
}

function promptText(body: ChatRequestBody): string {
  return body.messages.map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content))).join('\n')
}

/** A chat.completion object as OpenAI sends it, with DeepSeek's reasoning_content when there is one. */
export function completionBody(answer: Extract<ResolvedAnswer, { kind: 'choice' }>, body: ChatRequestBody, id: number): Record<string, unknown> {
  const usage =
    answer.usage === null
      ? undefined
      : (answer.usage ?? { promptTokens: estimateTokens(promptText(body)), completionTokens: estimateTokens(answer.content) + estimateTokens(answer.reasoning ?? '') })
  return {
    id: `chatcmpl-fake-${id}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.content, ...(answer.reasoning === null ? {} : { reasoning_content: answer.reasoning }) },
        finish_reason: answer.finishReason,
        logprobs: null,
      },
    ],
    ...(usage === undefined
      ? {}
      : { usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.promptTokens + usage.completionTokens } }),
  }
}

/** Why a body is not a chat call, or null when it is one. */
export function chatBodyProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON object body'
  const candidate = body as Record<string, unknown>
  if (typeof candidate['model'] !== 'string' || candidate['model'] === '') return "expected 'model' to be a non-empty string"
  if (!Array.isArray(candidate['messages']) || candidate['messages'].length === 0) return "expected 'messages' to be a non-empty array"
  if (candidate['stream'] === true) return 'the fake does not stream; send stream: false'
  return null
}
