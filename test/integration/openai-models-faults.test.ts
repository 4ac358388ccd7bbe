import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../src/main/adapters/logging/memory-logger'
import { createOpenAiModelClient, type OpenAiModelClientDeps } from '../../src/main/adapters/openai-models'
import { isModelError, modelKeySecretName, type ModelError } from '../../src/main/ports/model-client'
import type { ModelProvider } from '../../src/shared/domain/agents/model'
import { DEEPSEEK_PRESET } from '../../src/shared/domain/agents/provider-presets'
import { answers, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai'
import { modelRequest } from '../support/fake-openai/model-request'
import { createMemorySecretStore, type MemorySecretStore } from '../support/memory-secret-store'

// Every failure the fake can produce, as the adapter translates and retries it.
describe('OpenAI-compatible model client: failures and retries', () => {
  // Not sk- shaped, so only exact-key redaction can catch it.
  const KEY = 'faults-secret-key-abcdef0123456789'
  let fake: FakeOpenAi
  let secrets: MemorySecretStore
  let waits: number[]

  beforeEach(async () => {
    fake = await startFakeOpenAi()
    secrets = createMemorySecretStore()
    await secrets.set(modelKeySecretName('deepseek'), KEY)
    waits = []
  })
  afterEach(() => fake.close())

  const provider = (overrides: Partial<ModelProvider> = {}): ModelProvider => ({ ...DEEPSEEK_PRESET, baseUrl: fake.url, timeoutMs: 5_000, maxRetries: 2, ...overrides })
  // Backoff is recorded, not waited for; random 0.5 makes the jitter predictable.
  const client = (deps: Partial<OpenAiModelClientDeps> = {}) =>
    createOpenAiModelClient({
      secrets,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms)
      },
      ...deps,
    })
  const failure = (promise: Promise<unknown>): Promise<ModelError> =>
    promise.then(
      () => {
        throw new Error('expected a ModelError')
      },
      (error: unknown) => {
        if (!isModelError(error)) throw error
        return error
      },
    )

  it('retries a 429 and answers when the next attempt goes through', async () => {
    fake.script(answers.rateLimited(), answers.text('{"action":"hold"}'))
    const response = await client().complete(modelRequest(provider()))
    expect(response.text).toBe('{"action":"hold"}')
    expect(fake.chatRequests().map((r) => r.outcome)).toEqual(['fault 429', 'answer'])
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(0)
  })

  it("waits as long as a 429's Retry-After asks, when that is longer than the backoff", async () => {
    fake.script(answers.rateLimited(7), 'ok')
    await client().complete(modelRequest(provider()))
    expect(waits).toEqual([7_000])
  })

  it('backs off longer on each retry', async () => {
    fake.script(answers.serverError(503), answers.serverError(503), 'ok')
    await client().complete(modelRequest(provider()))
    expect(waits).toHaveLength(2)
    expect(waits[1]!).toBeGreaterThan(waits[0]!)
  })

  it('gives up with a server error after maxRetries + 1 attempts of 500', async () => {
    fake.script(...Array.from({ length: 10 }, () => answers.serverError(500)))
    const error = await failure(client().complete(modelRequest(provider({ maxRetries: 3 }))))
    expect(error).toMatchObject({ kind: 'server', status: 500 })
    expect(error.message).toContain('HTTP 500')
    expect(fake.chatRequests()).toHaveLength(4)
    expect(waits).toHaveLength(3)
  })

  it('never retries a refused key, and never repeats the key the server echoed', async () => {
    fake.setRequiredKey('sk-a-different-key-999999')
    const logger = createMemoryLogger('debug')
    const error = await failure(client({ logger }).complete(modelRequest(provider())))

    expect(error).toMatchObject({ kind: 'auth', status: 401 })
    expect(error.retryable).toBe(false)
    expect(fake.chatRequests()).toHaveLength(1)
    // The fake put the key it received into its error text; it must not survive into ours.
    expect(fake.chatRequests()[0]?.apiKey).toBe(KEY)
    expect(error.message).toContain('Incorrect API key provided')
    expect(error.message).not.toContain(KEY)
    expect(JSON.stringify(logger.records)).not.toContain(KEY)
    expect(waits).toHaveLength(0)
  })

  it.each([
    [400, 'bad_request'],
    [403, 'auth'],
    [404, 'bad_request'],
    [422, 'bad_request'],
  ] as const)('answers HTTP %i with %s, at once', async (status, kind) => {
    fake.script(answers.fault(status, `refused with ${status}`))
    const error = await failure(client().complete(modelRequest(provider())))
    expect(error).toMatchObject({ kind, status })
    expect(error.message).toContain(`refused with ${status}`)
    expect(fake.chatRequests()).toHaveLength(1)
  })

  it('times out a call the server holds longer than the provider timeout', async () => {
    fake.script(answers.delay(3_000, 'too late'))
    const started = Date.now()
    const error = await failure(client().complete(modelRequest(provider({ timeoutMs: 1_000, maxRetries: 0 }))))
    expect(error.kind).toBe('timeout')
    expect(error.message).toContain('1000 ms')
    expect(Date.now() - started).toBeLessThan(2_500)
  })

  it('retries after a timeout', async () => {
    fake.script(answers.delay(3_000, 'too late'), 'in time')
    const response = await client().complete(modelRequest(provider({ timeoutMs: 1_000, maxRetries: 1 })))
    expect(response.text).toBe('in time')
    expect(fake.chatRequests()).toHaveLength(2)
  })

  it('turns a hang-up into a network error, and retries it', async () => {
    fake.script(answers.hangUp(), answers.hangUp())
    const error = await failure(client().complete(modelRequest(provider({ maxRetries: 1 }))))
    expect(error.kind).toBe('network')
    expect(fake.chatRequests().map((r) => r.outcome)).toEqual(['hang-up', 'hang-up'])
  })

  it('calls a server that is not there a network error', async () => {
    const gone = await startFakeOpenAi()
    const url = gone.url
    await gone.close()
    const error = await failure(client().complete(modelRequest(provider({ baseUrl: url, maxRetries: 0 }))))
    expect(error.kind).toBe('network')
  })

  it('treats an unreadable 200 as a server error', async () => {
    fake.script(answers.unreadable(), answers.unreadable())
    const error = await failure(client().complete(modelRequest(provider({ maxRetries: 1 }))))
    expect(error.kind).toBe('server')
    expect(fake.chatRequests()).toHaveLength(2)
  })

  it('cancels a call in flight when the signal aborts, without retrying', async () => {
    fake.script(answers.delay(5_000, 'too late'))
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 150)
    const started = Date.now()
    const error = await failure(client().complete(modelRequest(provider(), { signal: controller.signal })))
    expect(error.kind).toBe('cancelled')
    expect(error.retryable).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(fake.chatRequests()).toHaveLength(1)
  })

  it('cancels during the backoff wait', async () => {
    fake.script(answers.rateLimited(), 'never asked for')
    const controller = new AbortController()
    // A backoff that only the signal can end.
    const models = client({
      sleep: (ms) => {
        waits.push(ms)
        controller.abort()
        return new Promise<void>(() => {})
      },
    })
    const error = await failure(models.complete(modelRequest(provider(), { signal: controller.signal })))
    expect(error.kind).toBe('cancelled')
    expect(waits).toHaveLength(1)
    expect(fake.chatRequests()).toHaveLength(1)
  })

  it('does not call at all with a signal that is already aborted', async () => {
    const error = await failure(client().complete(modelRequest(provider(), { signal: AbortSignal.abort() })))
    expect(error.kind).toBe('cancelled')
    expect(fake.requests).toHaveLength(0)
  })
})
