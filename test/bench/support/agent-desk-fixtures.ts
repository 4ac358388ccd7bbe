// The pieces of the agent-desk benchmark: a real CycleDeps (the shipped
// prompts, the real renderer and output schemas, node:crypto's SHA-256, a
// live clock, a memory logger), a realistic frozen snapshot, a pilot, and
// in-process model clients that answer from a fixed table of answers, at
// once or after a fixed delay per role.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createPromptCatalog } from '../../../src/main/adapters/prompt-files'
import { createRulesModelClient } from '../../../src/main/adapters/rules-provider'
import { runPilotCycle, type CycleDeps, type CycleInput } from '../../../src/main/core/agents/pilot-cycle'
import { hashPrompt, outputJsonSchema, renderPrompt } from '../../../src/main/core/agents/prompts'
import { createLiveClock } from '../../../src/main/core/clock/live-clock'
import type { ModelClient, ModelRequest, ModelResponse } from '../../../src/main/ports/model-client'
import type { SubmitOutcome } from '../../../src/shared/contract/domains/orders'
import type { DecisionRecord, IntentLink } from '../../../src/shared/domain/agents/decision'
import type { ModelPrice, ModelProvider } from '../../../src/shared/domain/agents/model'
import type { PilotConfig } from '../../../src/shared/domain/agents/pilot'
import type { PromptVersion } from '../../../src/shared/domain/agents/prompt'
import type { PipelineId, RoleId } from '../../../src/shared/domain/agents/roles'
import { SNAPSHOT_BOOK_LEVELS, SNAPSHOT_TIMEFRAMES, type MarketSnapshot, type SymbolSnapshot } from '../../../src/shared/domain/agents/snapshot'
import type { OrderIntent } from '../../../src/shared/domain/intent'
import type { Timeframe } from '../../../src/shared/domain/market'
import { accountView, BTC, ETH, FIXTURE_TIME, marketSnapshot, paths, symbolSnapshot } from '../../unit/rules-provider/snapshot-fixtures'

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The provider the benchmark's model pilots name: OpenAI-like, with JSON schema mode, so the kernel takes the language-model path (budget, token count, cost). */
export const BENCH_PROVIDER: ModelProvider = {
  id: 'bench',
  kind: 'openai-compatible',
  name: 'Benchmark model',
  baseUrl: 'http://127.0.0.1:9/v1',
  models: ['bench-model'],
  capabilities: { jsonSchema: true, jsonObject: true, tools: false, reasoning: false },
  timeoutMs: 60_000,
  maxRetries: 0,
}
const BENCH_PRICES: readonly ModelPrice[] = [{ providerId: 'bench', model: 'bench-model', inputPerMTok: 0.27, outputPerMTok: 1.1 }]

export function benchPilot(pipeline: PipelineId): PilotConfig {
  return {
    id: `bench-${pipeline}`,
    name: `Benchmark ${pipeline}`,
    pipeline,
    model: { providerId: BENCH_PROVIDER.id, model: 'bench-model' },
    roleModels: {},
    strategy: 'trend_following',
    fallbackToRules: true,
    accountId: 'paper-bench',
    venue: 'sim',
    symbols: [BTC, ETH],
    cadenceMs: 60_000,
    budget: { tokensPerDay: 100_000_000, usdPerDay: 1_000 },
    enabled: true,
    createdAt: FIXTURE_TIME,
  }
}

/**
 * The market as a live cycle freezes it: two perpetuals, each with 60 closed
 * candles on each of the snapshot's four timeframes (1m, 15m, 1h, 4h), their
 * indicators from the real engine, and a 10-level book. Both trend up, so the
 * rules trader proposes orders and the cycle goes all the way to submission.
 */
export function benchSnapshot(): MarketSnapshot {
  const symbol = (name: string, price: number): SymbolSnapshot => {
    const closes: Partial<Record<Timeframe, number[]>> = {
      '1m': paths.endingWith(paths.trend(60, price, 0.02), 10, 0.05),
      '15m': paths.endingWith(paths.trend(60, price, 0.2), 10, 0.4),
      '1h': paths.trend(60, price, 0.4),
      '4h': paths.trend(60, price, 0.8),
    }
    const full = symbolSnapshot({ symbol: name, closes, last: closes['1m']!.at(-1)!, bookLevels: SNAPSHOT_BOOK_LEVELS, change24hPct: 2.4 })
    // The fixture fills every timeframe; a real snapshot holds only the four it is built from.
    const only = <T>(byTimeframe: Partial<Record<Timeframe, T>>): Partial<Record<Timeframe, T>> => Object.fromEntries(SNAPSHOT_TIMEFRAMES.map((tf) => [tf, byTimeframe[tf]]))
    return { ...full, candles: only(full.candles), indicators: only(full.indicators) }
  }
  return marketSnapshot([symbol(BTC, 50_000), symbol(ETH, 3_000)])
}

/** The shipped default prompts as version 1 of each role, hashed as the prompt service hashes them. */
export function defaultPromptVersions(resourcesDir: string): Map<RoleId, PromptVersion> {
  const versions = new Map<RoleId, PromptVersion>()
  for (const content of createPromptCatalog(resourcesDir).defaults()) {
    versions.set(content.role, { ...content, version: 1, author: 'bench', note: 'shipped default', createdAt: FIXTURE_TIME, hash: hashPrompt(content, sha256), rollbackOf: null })
  }
  return versions
}

/** What one benchmark deps object collected; cleared between rounds so memory stays flat. */
export interface CycleSinks {
  records: DecisionRecord[]
  links: IntentLink[][]
  submitted: OrderIntent[]
  spentTokens: number
}

/** A real CycleDeps whose language model is `models`; the order path answers "sent" at once (it has its own benchmark). */
export function benchCycleDeps(models: ModelClient, resourcesDir = join(process.cwd(), 'resources')): { deps: CycleDeps; sinks: CycleSinks } {
  const prompts = defaultPromptVersions(resourcesDir)
  const sinks: CycleSinks = { records: [], links: [], submitted: [], spentTokens: 0 }
  let sent = 0
  const deps: CycleDeps = {
    clock: createLiveClock(),
    logger: createMemoryLogger('info'),
    sha256,
    newId: () => globalThis.crypto.randomUUID(),
    models,
    rules: createRulesModelClient(),
    provider: (id) => (id === BENCH_PROVIDER.id ? BENCH_PROVIDER : null),
    prices: () => BENCH_PRICES,
    prompt: (role) => {
      const prompt = prompts.get(role)
      if (!prompt) throw new Error(`no shipped prompt for role ${role}`)
      return prompt
    },
    outputSchema: outputJsonSchema,
    render: (content, variables) => renderPrompt(content, variables),
    withinBudget: () => true,
    spend: (_pilot, tokens) => void (sinks.spentTokens += tokens),
    record: (record) => void sinks.records.push(record),
    updateIntents: (_id, links) => void sinks.links.push(links),
    submit: (intent) => {
      sinks.submitted.push(intent)
      return Promise.resolve(sentOutcome(intent, ++sent))
    },
  }
  return { deps, sinks }
}

function sentOutcome(intent: OrderIntent, n: number): SubmitOutcome {
  const notional = intent.amount * (intent.price ?? 0)
  return {
    intentId: intent.id,
    verdict: {
      intentId: intent.id,
      decision: 'accept',
      reasons: [],
      estimate: { notional, referencePrice: intent.price, averagePrice: intent.price, slippagePct: 0, fillProbability: 1 },
      needsApproval: false,
      configVersion: 1,
      evaluatedAt: intent.createdAt,
    },
    status: 'sent',
    message: `sent as bench-${n}`,
    order: null,
  }
}

export function cycleInput(pilot: PilotConfig, snapshot: MarketSnapshot): CycleInput {
  return { pilot, snapshot, account: accountView({ accountId: pilot.accountId }), news: [], newsBlock: 'No news in this cycle.', signal: new AbortController().signal }
}

/**
 * Each role's answer, produced once by the real rules provider over the
 * benchmark's snapshot, in pipeline order so every role sees its upstream.
 * These are the texts the fake models return: valid, realistic answers.
 */
export async function rulesAnswers(pilot: PilotConfig, snapshot: MarketSnapshot): Promise<Map<RoleId, string>> {
  const rules = createRulesModelClient()
  const { deps, sinks } = benchCycleDeps(rules)
  await runPilotCycle(deps, cycleInput({ ...pilot, model: { providerId: 'rules', model: pilot.strategy } }, snapshot))
  const answers = new Map<RoleId, string>()
  for (const record of sinks.records) {
    if (record.parsedOutput === null) throw new Error(`the rules provider gave no usable answer for ${record.role}: ${record.error ?? record.conclusion}`)
    answers.set(record.role, record.rawOutput)
  }
  return answers
}

/** A model that answers each role with its fixed text, after `delayMs(role)` (0: in the same tick's microtasks, no timer). */
export function cannedModel(answers: ReadonlyMap<RoleId, string>, delayMs: (role: RoleId) => number = () => 0): ModelClient {
  return {
    complete(request: ModelRequest): Promise<ModelResponse> {
      const role = request.context.role
      const text = answers.get(role)
      if (text === undefined) return Promise.reject(new Error(`no canned answer for ${role}`))
      const delay = delayMs(role)
      // Usage as a provider reports it, so the kernel's cost and budget accounting runs as it would live.
      const response: ModelResponse = { text, reasoning: null, usage: { promptTokens: 4_000, completionTokens: 300 }, finishReason: 'stop', latencyMs: delay }
      if (delay === 0) return Promise.resolve(response)
      return new Promise((resolve) => setTimeout(() => resolve(response), delay))
    },
  }
}
