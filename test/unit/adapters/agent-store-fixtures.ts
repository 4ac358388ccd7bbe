import { createHash } from 'node:crypto'
import type { DecisionRecord, IntentLink } from '../../../src/shared/domain/agents/decision'
import type { ModelProvider } from '../../../src/shared/domain/agents/model'
import type { NewsItem } from '../../../src/shared/domain/agents/news'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'
import type { PromptVersion } from '../../../src/shared/domain/agents/prompt'
import type { RoleId } from '../../../src/shared/domain/agents/roles'
import type { MarketSnapshot } from '../../../src/shared/domain/agents/snapshot'
import { TimeframeSchema } from '../../../src/shared/domain/market'

/** Builders of valid agent-desk records for the storage tests; each override replaces one field. */

export const hex64 = (seed: string): string => createHash('sha256').update(seed).digest('hex')

export function intentLink(overrides: Partial<IntentLink> = {}): IntentLink {
  return {
    intentId: 'intent-0001',
    symbol: 'BTC/USDT:USDT',
    side: 'buy',
    amount: 0.5,
    status: 'sent',
    reasons: [],
    message: null,
    clientOrderId: 'ws-intent-0001',
    orderStatus: 'open',
    filled: 0,
    ...overrides,
  }
}

export function decisionRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: 'decision-0001',
    cycleId: 'cycle-1',
    pilotId: 'deepseek-pilot',
    role: 'trader',
    model: { providerId: 'deepseek', model: 'deepseek-chat' },
    fallbackFrom: null,
    promptVersion: 3,
    symbols: ['BTC/USDT:USDT'],
    startedAt: 1_000,
    latencyMs: 850,
    outcome: 'parsed',
    conclusion: 'open long BTC',
    inputSummary: 'BTC at 60000, RSI 41 on the hour',
    usage: { promptTokens: 1200, completionTokens: 300 },
    costUsd: 0.0012,
    intents: [],
    snapshotHash: hex64('snapshot'),
    account: null,
    inputHash: hex64('input'),
    params: { temperature: 0.2, maxTokens: 1024, topP: 1 },
    messages: [
      { role: 'system', content: 'You are the trader of the desk.' },
      { role: 'user', content: 'The market: BTC at 60000.' },
    ],
    responseMode: 'json_schema',
    rawOutput: '{"intent":"open"}',
    reasoning: null,
    repairRawOutput: null,
    parsedOutput: { intent: 'open', rationale: 'momentum after the pullback', orders: [] },
    validationErrors: [],
    error: null,
    ...overrides,
  }
}

export function marketSnapshot(seed: string, takenAt = 1_000): MarketSnapshot {
  const candles = [{ timestamp: takenAt - 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 }]
  const indicators = { rsi14: 50, ema20: null, ema50: null, macd: null, atr14: null, bollinger: null, donchian20: { high: 2, low: 0.5 } }
  return {
    hash: hex64(seed),
    takenAt,
    symbols: [
      {
        venue: 'okx',
        symbol: 'BTC/USDT:USDT',
        last: 60_000,
        bid: 59_999,
        ask: 60_001,
        mark: 60_000,
        change24hPct: 1.2,
        book: { bids: [[59_999, 1]], asks: [[60_001, 2]] },
        candles: Object.fromEntries(TimeframeSchema.options.map((tf) => [tf, candles])) as MarketSnapshot['symbols'][number]['candles'],
        indicators: Object.fromEntries(TimeframeSchema.options.map((tf) => [tf, indicators])) as MarketSnapshot['symbols'][number]['indicators'],
        funding: { rate: 0.0001, nextFundingTime: takenAt + 3_600_000 },
        contractSize: 0.01,
        amountStep: 1,
        priceStep: 0.1,
        minAmount: 1,
      },
    ],
  }
}

export function promptVersion(role: RoleId, version: number, overrides: Partial<PromptVersion> = {}): PromptVersion {
  return {
    role,
    tags: ['momentum'],
    sections: { background: 'You trade perpetuals.', goal: `Decide, v${version}.`, constraints: 'Max 3x leverage.', outputFormat: '{{output_schema}}' },
    params: { temperature: 0.3, maxTokens: 2048, topP: 0.9 },
    version,
    author: 'trader',
    note: `version ${version}`,
    createdAt: 1_000 + version,
    hash: hex64(`${role}-${version}`),
    rollbackOf: null,
    ...overrides,
  }
}

export function pilotConfig(id: string, overrides: Partial<PilotConfig> = {}): PilotConfig {
  return {
    id,
    name: `Pilot ${id}`,
    pipeline: 'solo',
    model: { providerId: 'rules', model: 'rules' },
    roleModels: { trader: { providerId: 'deepseek', model: 'deepseek-chat' } },
    strategy: 'trend_following',
    fallbackToRules: true,
    accountId: `paper-${id}`,
    venue: 'okx',
    symbols: ['BTC/USDT:USDT'],
    cadenceMs: 60_000,
    budget: { tokensPerDay: 100_000, usdPerDay: 2 },
    enabled: true,
    createdAt: 1_000,
    ...overrides,
  }
}

export function modelProvider(id: string, overrides: Partial<ModelProvider> = {}): ModelProvider {
  return {
    id,
    kind: 'openai-compatible',
    name: `Provider ${id}`,
    baseUrl: 'http://127.0.0.1:9/v1',
    models: ['model-a', 'model-b'],
    capabilities: { jsonSchema: true, jsonObject: true, tools: false, reasoning: false },
    timeoutMs: 30_000,
    maxRetries: 2,
    ...overrides,
  }
}

export function newsItem(id: string, overrides: Partial<NewsItem> = {}): NewsItem {
  return {
    id,
    feedId: 'coindesk',
    title: `Headline ${id}`,
    summary: 'Something happened.',
    url: `https://news.example/${id}`,
    publishedAt: 1_000,
    fetchedAt: 2_000,
    ...overrides,
  }
}
