import { afterEach, describe, expect, it } from 'vitest'
import { answers, startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions } from '../../support/fake-openai'

// The fake itself, spoken to with plain fetch: other tests rely on it behaving as documented.
describe('fake OpenAI-compatible server', () => {
  let fake: FakeOpenAi
  afterEach(() => fake?.close())

  const start = async (options: FakeOpenAiOptions = {}) => {
    fake = await startFakeOpenAi(options)
    return fake
  }
  const chat = (body: unknown, headers: Record<string, string> = {}, path = '/chat/completions') =>
    fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const ask = (model = 'fake-chat', system = 'You are the trader.') => chat({ model, messages: [{ role: 'system', content: system }, { role: 'user', content: 'go' }] })
  const contentOf = async (response: Response) => ((await response.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content

  it('listens on 127.0.0.1 and answers with an OpenAI completion', async () => {
    await start()
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    const response = await ask()
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ object: 'chat.completion', model: 'fake-chat', choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }] })
    expect(body['usage']).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 1 })
  })

  it("answers from the model's queue, then the shared queue, then the responder, then the default", async () => {
    await start({ responder: (body) => (body.messages[0]?.content === 'You are the bear.' ? 'from responder' : undefined) })
    fake.script('shared 1', 'shared 2')
    fake.scriptFor('fake-reasoner', 'reasoner 1')
    fake.setDefault(answers.json({ fallback: true }))
    expect(fake.pending()).toBe(3)

    expect(await contentOf(await ask('fake-chat'))).toBe('shared 1')
    expect(await contentOf(await ask('fake-reasoner'))).toBe('reasoner 1')
    expect(await contentOf(await ask('fake-reasoner'))).toBe('shared 2')
    expect(await contentOf(await ask('fake-chat', 'You are the bear.'))).toBe('from responder')
    expect(await contentOf(await ask('fake-chat'))).toBe('{"fallback":true}')
    expect(fake.pending()).toBe(0)
  })

  it('records bodies, keys and outcomes, and refuses wrong keys echoing what it got', async () => {
    await start({ requireKey: 'good-key-1' })
    const refused = await chat({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, { authorization: 'Bearer bad-key-2' })
    const accepted = await chat({ model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } }, { authorization: 'Bearer good-key-1' })

    expect(refused.status).toBe(401)
    expect(JSON.stringify(await refused.json())).toContain('bad-key-2')
    expect(accepted.status).toBe(200)
    expect(fake.requests.map((r) => [r.apiKey, r.outcome])).toEqual([
      ['bad-key-2', 'unauthorized'],
      ['good-key-1', 'answer'],
    ])
    expect(fake.chatRequests()[1]?.body?.response_format).toEqual({ type: 'json_object' })
    fake.setRequiredKey(null)
    expect((await ask()).status).toBe(200)
  })

  it('sends faults with OpenAI error bodies and the given headers', async () => {
    await start()
    fake.script(answers.rateLimited(3), answers.fault(400, 'schema refused'), { status: 503, body: { oops: 1 } })
    const limited = await ask()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
    expect(await limited.json()).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' } })
    expect(await (await ask()).json()).toMatchObject({ error: { message: 'schema refused' } })
    const custom = await ask()
    expect([custom.status, await custom.json()]).toEqual([503, { oops: 1 }])
  })

  it('sends reasoning, truncation, blank answers and no usage as scripted', async () => {
    await start()
    fake.script(answers.reasoned('think', 'done'), answers.truncatedJson({ a: 'long value here' }), answers.text('', { usage: null }))
    const reasoned = (await (await ask()).json()) as { choices: Array<{ message: Record<string, unknown> }> }
    expect(reasoned.choices[0]?.message).toMatchObject({ content: 'done', reasoning_content: 'think' })
    const truncated = (await (await ask()).json()) as { choices: Array<{ message: { content: string }; finish_reason: string }> }
    expect(truncated.choices[0]?.finish_reason).toBe('length')
    expect(() => JSON.parse(truncated.choices[0]!.message.content)).toThrow()
    const blank = (await (await ask()).json()) as Record<string, unknown>
    expect(blank['usage']).toBeUndefined()
  })

  it('holds a delayed answer, and hangs up when told', async () => {
    await start()
    fake.script(answers.delay(300, 'late'), answers.hangUp())
    const started = Date.now()
    expect(await contentOf(await ask())).toBe('late')
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    await expect(ask()).rejects.toThrow()
    expect(fake.requests.map((r) => r.outcome)).toEqual(['answer', 'hang-up'])
  })

  it('refuses bodies that are not chat calls, serves /models, and 404s the rest', async () => {
    await start({ models: ['a', 'b'] })
    expect((await chat('{not json')).status).toBe(400)
    expect((await chat({ model: 'x' })).status).toBe(400)
    expect((await chat({ model: 'x', messages: [{ role: 'user', content: 'y' }], stream: true })).status).toBe(400)
    const models = (await (await fetch(`${fake.url}/models`)).json()) as { data: Array<{ id: string }> }
    expect(models.data.map((m) => m.id)).toEqual(['a', 'b'])
    expect((await fetch(`${fake.url}/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404)
    // Base URLs without /v1 (DeepSeek's style) reach the same route.
    expect((await fetch(`http://127.0.0.1:${fake.port}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }] }) })).status).toBe(200)
  })

  it('reset forgets requests and scripts and restores the configured default', async () => {
    await start({ defaultAnswer: 'configured default' })
    fake.script('scripted')
    fake.setDefault('changed default')
    await ask()
    fake.reset()
    expect(fake.requests).toHaveLength(0)
    expect(fake.pending()).toBe(0)
    expect(await contentOf(await ask())).toBe('configured default')
  })

  it('closes promptly with an answer still held', async () => {
    await start()
    fake.script(answers.delay(60_000))
    const pending = ask().catch((error: unknown) => error)
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    const started = Date.now()
    await fake.close()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(await pending).toBeInstanceOf(Error)
  })
})
