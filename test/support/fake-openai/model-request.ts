import type { ModelProvider } from '../../../src/shared/domain/agents/model'
import type { ChatMessage, ModelRequest, RoleContext } from '../../../src/main/ports/model-client'

/** The smallest valid role context: an empty market and a flat account. Adapters of OpenAI-style APIs never read it. */
export function emptyRoleContext(overrides: Partial<RoleContext> = {}): RoleContext {
  return {
    role: 'trader',
    pilotId: 'test-pilot',
    snapshot: { hash: '0'.repeat(64), takenAt: 0, symbols: [] },
    account: {
      accountId: 'paper',
      currency: 'USDT',
      equity: 10_000,
      available: 10_000,
      positions: [],
      limits: { maxOrderNotional: 1_000, maxPositionNotional: 5_000, maxLeverage: 3, slippageTolerancePct: 0.5, priceBandPct: 2, defaultTtlSeconds: 60 },
    },
    strategy: 'trend_following',
    news: [],
    upstream: {},
    ...overrides,
  }
}

const DEFAULT_MESSAGES: readonly ChatMessage[] = [
  { role: 'system', content: 'You are the trader. Answer in JSON.' },
  { role: 'user', content: 'BTC-USDT is at 65000. What do you do?' },
]

/** A ModelRequest for `provider`'s first model in JSON object mode, with any field overridden. */
export function modelRequest(provider: ModelProvider, overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    provider,
    model: provider.models[0] ?? 'fake-chat',
    messages: DEFAULT_MESSAGES,
    params: { temperature: 0.2, maxTokens: 800, topP: 0.9 },
    responseFormat: { kind: 'json_object' },
    context: emptyRoleContext(),
    ...overrides,
  }
}
