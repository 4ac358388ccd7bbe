import type { ModelTestResult } from '../../shared/contract/domains/models'
import type { AccountView, MarketSnapshot } from '../../shared/domain/agents/snapshot'
import type { ModelParams, ModelProvider, TokenUsage } from '../../shared/domain/agents/model'
import type { RulesStrategy } from '../../shared/domain/agents/pilot'
import type { RoleId } from '../../shared/domain/agents/roles'
import type { NewsItem } from '../../shared/domain/agents/news'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

/** How the answer's structure is asked for: the provider's JSON schema mode, or JSON object mode with the schema in the prompt. */
export type ResponseFormat = { kind: 'json_schema'; name: string; schema: Record<string, unknown> } | { kind: 'json_object' }

/**
 * The structured facts of one role run. Language models read them through
 * the rendered messages; the rules provider decides from them directly.
 */
export interface RoleContext {
  role: RoleId
  pilotId: string
  snapshot: MarketSnapshot
  account: AccountView
  strategy: RulesStrategy
  news: readonly NewsItem[]
  /** Outputs of the roles this one runs after, parsed. */
  upstream: Partial<Record<RoleId, unknown>>
}

export interface ModelRequest {
  provider: ModelProvider
  model: string
  messages: readonly ChatMessage[]
  params: ModelParams
  responseFormat: ResponseFormat
  context: RoleContext
  signal?: AbortSignal | undefined
}

export interface ModelResponse {
  /** The answer's text exactly as received (may be blank, truncated or prose). */
  text: string
  /** A reasoning model's separate reasoning text (DeepSeek reasoner), if any. */
  reasoning: string | null
  usage: TokenUsage
  finishReason: 'stop' | 'length' | 'content_filter' | 'other'
  latencyMs: number
}

export type ModelErrorKind = 'timeout' | 'rate_limited' | 'server' | 'auth' | 'bad_request' | 'cancelled' | 'network' | 'no_key' | 'unsupported'

const RETRYABLE: readonly ModelErrorKind[] = ['timeout', 'rate_limited', 'server', 'network']

/** A failed model call, translated once at the adapter's edge. Messages never contain the key. */
export class ModelError extends Error {
  readonly kind: ModelErrorKind
  readonly status: number | null
  constructor(kind: ModelErrorKind, message: string, status: number | null = null) {
    super(message)
    this.name = 'ModelError'
    this.kind = kind
    this.status = status
  }
  get retryable(): boolean {
    return RETRYABLE.includes(this.kind)
  }
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError
}

/**
 * One chat completion. Adapters retry retryable failures themselves (up to
 * the provider's maxRetries, with backoff), honour the provider's timeout and
 * the signal, and throw ModelError for everything else.
 */
export interface ModelClient {
  complete(request: ModelRequest): Promise<ModelResponse>
}

/** Models reached over an API: they also answer a connectivity check and cache clients per provider. */
export interface ModelApiClient extends ModelClient {
  /** One tiny plain-text call without retries (the key to try, if not the keychain's); never throws, the outcome is in the result. */
  testModel(provider: ModelProvider, model?: string, options?: { apiKey?: string; signal?: AbortSignal }): Promise<ModelTestResult>
  /** Drops whatever is cached for a provider (its SDK client), after it changed or was removed. */
  forget(providerId: string): void
}

/** The secret name of a model provider's API key in the keychain. */
export function modelKeySecretName(providerId: string): string {
  return `model-provider:${providerId}`
}
