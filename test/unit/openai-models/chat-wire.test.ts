import { describe, expect, it } from 'vitest'
import type OpenAI from 'openai'
import { buildChatParams, type ChatCall } from '../../../src/main/adapters/openai-models/chat-request'
import { readChatCompletion } from '../../../src/main/adapters/openai-models/chat-response'
import { isModelError } from '../../../src/main/ports/model-client'

describe('buildChatParams', () => {
  const call = (overrides: Partial<ChatCall> = {}): ChatCall => ({
    kind: 'deepseek',
    model: 'deepseek-chat',
    messages: [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'hi' },
    ],
    params: { temperature: 0.3, maxTokens: 500, topP: 0.95 },
    responseFormat: { kind: 'json_object' },
    ...overrides,
  })

  it('maps the sampling parameters, and max_tokens for compatible APIs', () => {
    const body = buildChatParams(call())
    expect(body).toEqual({
      model: 'deepseek-chat',
      messages: [
        { role: 'system', content: 'sys' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.3,
      top_p: 0.95,
      max_tokens: 500,
      response_format: { type: 'json_object' },
    })
  })

  it("uses OpenAI's max_completion_tokens for OpenAI only", () => {
    const body = buildChatParams(call({ kind: 'openai' }))
    expect(body.max_completion_tokens).toBe(500)
    expect(body.max_tokens).toBeUndefined()
  })

  it('makes any schema name acceptable to OpenAI and keeps strict mode', () => {
    const schema = { type: 'object' }
    const named = (name: string) => buildChatParams(call({ responseFormat: { kind: 'json_schema', name, schema } })).response_format
    expect(named('risk officer/v2')).toEqual({ type: 'json_schema', json_schema: { name: 'risk_officer_v2', schema, strict: true } })
    expect(named('x'.repeat(100))).toMatchObject({ json_schema: { name: 'x'.repeat(64) } })
    expect(named('')).toMatchObject({ json_schema: { name: 'answer' } })
  })

  it('sends no response_format for a plain text call', () => {
    expect('response_format' in buildChatParams(call({ responseFormat: null }))).toBe(false)
  })
})

describe('readChatCompletion', () => {
  type Completion = OpenAI.Chat.Completions.ChatCompletion
  const completion = (choice: Record<string, unknown> | null, usage?: Record<string, unknown>): Completion =>
    ({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: choice ? [choice] : [], ...(usage ? { usage } : {}) }) as unknown as Completion

  it('reads text, reasoning, usage and the finish reason', () => {
    const read = readChatCompletion(
      completion({ index: 0, message: { role: 'assistant', content: 'answer', reasoning_content: 'because' }, finish_reason: 'length' }, { prompt_tokens: 10, completion_tokens: 4 }),
      'p/m',
    )
    expect(read).toEqual({ text: 'answer', reasoning: 'because', usage: { promptTokens: 10, completionTokens: 4 }, finishReason: 'length' })
  })

  it("accepts the 'reasoning' spelling of other gateways, and treats odd values as absent", () => {
    const read = readChatCompletion(completion({ index: 0, message: { role: 'assistant', content: null, reasoning: 'r' }, finish_reason: 'tool_calls' }, { prompt_tokens: -3, completion_tokens: 'many' }), 'p/m')
    expect(read).toEqual({ text: '', reasoning: 'r', usage: { promptTokens: 0, completionTokens: 0 }, finishReason: 'other' })
    expect(readChatCompletion(completion({ index: 0, message: { role: 'assistant', content: 'x', reasoning_content: '' }, finish_reason: null }), 'p/m')).toMatchObject({ reasoning: null, finishReason: 'other' })
  })

  it('calls an answer without choices a server error, which may pass', () => {
    let caught: unknown
    try {
      readChatCompletion(completion(null), 'deepseek/deepseek-chat')
    } catch (error) {
      caught = error
    }
    expect(isModelError(caught) && caught.kind === 'server' && caught.retryable).toBe(true)
    expect((caught as Error).message).toContain('deepseek/deepseek-chat')
  })
})
