import type { ModelProvider } from '../../../shared/domain/agents/model'
import type { Logger } from '../../ports/logger'
import { ModelError, type ModelApiClient, type ModelRequest, type ModelResponse } from '../../ports/model-client'
import type { SecretStore } from '../../ports/secret-store'
import { resolveApiKey } from './api-key'
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './backoff'
import { buildChatParams, type ChatCall } from './chat-request'
import { readChatCompletion } from './chat-response'
import { OpenAiClientCache } from './client-cache'
import { describeTestAnswer, TEST_CALL_MESSAGES, TEST_CALL_PARAMS } from './test-call'
import { translateModelError } from './translate-error'

export interface OpenAiModelClientDeps {
  /** Where provider keys live; undefined on a machine without a keychain (only keyless local providers work then). */
  secrets: SecretStore | undefined
  logger?: Logger
  /** The wait between retries; tests pass one that records and returns at once. */
  sleep?: (ms: number) => Promise<void>
  /** Milliseconds on a monotonic scale, for latency. */
  now?: () => number
  /** The jitter source, in [0, 1). */
  random?: () => number
  retryPolicy?: RetryPolicy
}

/** A key to try before it is stored (models.saveKey tests first, then saves), and a signal. */
export type TestModelOptions = NonNullable<Parameters<ModelApiClient['testModel']>[2]>

export type OpenAiModelClient = ModelApiClient

interface RunOptions {
  signal: AbortSignal | undefined
  maxRetries: number
  candidateKey?: string | undefined
}

/**
 * The ModelClient of every OpenAI-compatible provider (DeepSeek, Qwen,
 * OpenAI, any custom base URL), on the official SDK. It reads the key from
 * the keychain per call, retries only retryable failures with capped,
 * jittered backoff, and turns every failure into one ModelError.
 */
export function createOpenAiModelClient(deps: OpenAiModelClientDeps): OpenAiModelClient {
  const cache = new OpenAiClientCache()
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const now = deps.now ?? (() => performance.now())
  const random = deps.random ?? Math.random
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY
  const logger = deps.logger?.child({ component: 'openai-models' })

  async function run(provider: ModelProvider, call: ChatCall, options: RunOptions): Promise<ModelResponse> {
    const started = now()
    const who = `${provider.id}/${call.model}`
    if (provider.kind === 'rules' || provider.baseUrl === null) {
      throw new ModelError('unsupported', `${who}: the ${provider.kind} provider has no OpenAI-compatible endpoint`)
    }
    if (options.signal?.aborted) throw new ModelError('cancelled', `${who}: the call was cancelled`)
    const apiKey = await resolveApiKey(provider, deps.secrets, options.candidateKey)
    const client = cache.get(provider.id, provider.baseUrl, apiKey)
    const body = buildChatParams(call)
    const described = { providerId: provider.id, model: call.model, timeoutMs: provider.timeoutMs, apiKey, signal: options.signal }

    for (let attempt = 0; ; attempt += 1) {
      try {
        const completion = await client.chat.completions.create(body, { signal: options.signal, timeout: provider.timeoutMs, maxRetries: 0 })
        const answer = readChatCompletion(completion, who)
        // The whole wait, retries included: that is what the pipeline and the trader experienced.
        const latencyMs = Math.max(0, now() - started)
        logger?.debug('model answered', { providerId: provider.id, model: call.model, attempts: attempt + 1, latencyMs, ...answer.usage })
        return { ...answer, latencyMs }
      } catch (raw) {
        const { error, retryAfterMs } = translateModelError(raw, described, Date.now())
        if (!error.retryable || attempt >= options.maxRetries) {
          logger?.warn('model call failed', { providerId: provider.id, model: call.model, attempts: attempt + 1, kind: error.kind, status: error.status, message: error.message })
          throw error
        }
        const delayMs = retryDelayMs(policy, attempt, retryAfterMs, random)
        logger?.warn('model call failed, retrying', { providerId: provider.id, model: call.model, attempt: attempt + 1, kind: error.kind, status: error.status, delayMs })
        await pause(delayMs, options.signal, who)
      }
    }
  }

  /** The backoff wait, cut short by the caller's signal. */
  async function pause(ms: number, signal: AbortSignal | undefined, who: string): Promise<void> {
    if (!signal) return sleep(ms)
    let onAbort = (): void => {}
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new ModelError('cancelled', `${who}: the call was cancelled`))
      if (signal.aborted) onAbort()
      else signal.addEventListener('abort', onAbort, { once: true })
    })
    try {
      await Promise.race([sleep(ms), aborted])
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  return {
    complete(request: ModelRequest): Promise<ModelResponse> {
      const call: ChatCall = {
        kind: request.provider.kind,
        model: request.model,
        messages: request.messages,
        params: request.params,
        responseFormat: request.responseFormat,
      }
      return run(request.provider, call, { signal: request.signal, maxRetries: request.provider.maxRetries })
    },

    async testModel(provider, model = provider.models[0], options = {}) {
      if (model === undefined) return { ok: false, model: '', latencyMs: 0, message: `${provider.id} lists no models to test` }
      const started = now()
      const call: ChatCall = { kind: provider.kind, model, messages: TEST_CALL_MESSAGES, params: TEST_CALL_PARAMS, responseFormat: null }
      try {
        // No retries: the trader is watching, and a 429 or a timeout is itself the useful answer.
        const response = await run(provider, call, { signal: options.signal, maxRetries: 0, candidateKey: options.apiKey })
        return { ok: true, model, latencyMs: response.latencyMs, message: describeTestAnswer(response) }
      } catch (error) {
        const message = error instanceof ModelError ? error.message : `${provider.id}/${model}: the test call failed`
        return { ok: false, model, latencyMs: Math.max(0, now() - started), message }
      }
    },

    forget(providerId) {
      cache.forget(providerId)
    },
  }
}
