import type { CycleReport } from '../../../shared/contract/domains/pilots'
import type { SubmitOutcome } from '../../../shared/contract/domains/orders'
import type { DecisionRecord, IntentLink } from '../../../shared/domain/agents/decision'
import { RULES_PROVIDER_ID, type ModelPrice, type ModelProvider, type ModelRef } from '../../../shared/domain/agents/model'
import { costUsd } from '../../../shared/domain/agents/model-cost'
import { RULES_PROVIDER } from '../../../shared/domain/agents/provider-presets'
import type { PilotConfig } from '../../../shared/domain/agents/pilot'
import type { PromptContent, PromptVersion } from '../../../shared/domain/agents/prompt'
import type { RiskReview, TraderDecision } from '../../../shared/domain/agents/role-outputs'
import { PIPELINES, type RoleId } from '../../../shared/domain/agents/roles'
import type { AccountView, MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import type { NewsItem } from '../../../shared/domain/agents/news'
import type { OrderIntent } from '../../../shared/domain/intent'
import type { Clock } from '../../ports/clock'
import type { Sha256Hex } from '../../ports/hasher'
import type { Logger } from '../../ports/logger'
import type { ModelClient } from '../../ports/model-client'
import { canonicalJson } from '../approval/canonical-json'
import { conclusionOf } from './conclusion'
import { intentsFromDecision, refusedLink } from './decision-intents'
import { inputSummary, promptVariables } from './prompt-inputs'
import { runRole, type RoleRunResult } from './role-run'

export interface CycleDeps {
  clock: Clock
  logger: Logger
  sha256: Sha256Hex
  newId: () => string
  models: ModelClient
  rules: ModelClient
  provider: (id: string) => ModelProvider | null
  prices: () => readonly ModelPrice[]
  prompt: (role: RoleId) => PromptVersion
  outputSchema: (role: RoleId) => Record<string, unknown>
  render: (content: PromptContent, variables: Record<string, string>) => { system: string; user: string }
  /** Whether the pilot may still spend on models today (tokens and money under its budget). */
  withinBudget: (pilot: PilotConfig) => boolean
  spend: (pilot: PilotConfig, tokens: number, usd: number) => void
  record: (record: DecisionRecord) => void
  updateIntents: (decisionId: string, links: IntentLink[]) => void
  submit: (intent: OrderIntent) => Promise<SubmitOutcome>
}

export interface CycleInput {
  pilot: PilotConfig
  snapshot: MarketSnapshot
  account: AccountView
  news: readonly NewsItem[]
  newsBlock: string
  signal: AbortSignal
}

/** Model failures after which the rules provider answers instead, when the pilot allows it: the model could not be reached, not a model that misbehaved. */
const FALLBACK_KINDS = new Set(['timeout', 'rate_limited', 'server', 'network', 'auth', 'no_key', 'internal'])

/**
 * One decision cycle of one pilot: its pipeline's roles over the frozen
 * snapshot (independent roles in parallel), every run recorded, then the
 * trader's orders through the order path unless the risk officer vetoed.
 */
export async function runPilotCycle(deps: CycleDeps, input: CycleInput): Promise<CycleReport> {
  const { pilot, snapshot, account, signal } = input
  const cycleId = deps.newId()
  const startedAt = deps.clock.now()
  const began = performance.now()
  const upstream: Partial<Record<RoleId, unknown>> = {}
  const records = new Map<RoleId, DecisionRecord>()
  const summary = inputSummary(snapshot, account)

  async function runStep(role: RoleId): Promise<void> {
    const record = await runOneRole(deps, input, role, upstream, cycleId, summary)
    records.set(role, record)
    if (record.parsedOutput !== null) upstream[role] = record.parsedOutput
  }

  // Each role starts the moment its own inputs are done, not when its whole layer is:
  // the cycle takes the DAG's longest path, not the sum of each layer's slowest role.
  const steps = PIPELINES[pilot.pipeline]
  const started = new Map<RoleId, Promise<void>>()
  const start = (role: RoleId, path: readonly RoleId[]): Promise<void> => {
    if (path.includes(role)) throw new Error(`pipeline ${pilot.pipeline} has a cycle through ${role}`)
    let run = started.get(role)
    if (!run) {
      const step = steps.find((s) => s.role === role)
      if (!step) throw new Error(`pipeline ${pilot.pipeline} has no role ${role}`)
      run = Promise.all(step.after.map((d) => start(d, [...path, role]))).then(() => (signal.aborted ? undefined : runStep(role)))
      started.set(role, run)
    }
    return run
  }
  await Promise.all(steps.map((s) => start(s.role, [])))

  const trader = records.get('trader')
  const report = (outcome: CycleReport['outcome'], detail: string | null, intents = 0, sent = 0): CycleReport => ({
    pilotId: pilot.id,
    cycleId,
    snapshotHash: snapshot.hash,
    startedAt,
    durationMs: performance.now() - began,
    decisions: records.size,
    intents,
    sent,
    outcome,
    detail,
  })
  if (signal.aborted) return report('skipped', 'stopped during the cycle')
  if (!trader || trader.parsedOutput === null) return report(trader?.outcome === 'failed' ? 'failed' : 'no_action', trader ? trader.conclusion : 'no trader in the pipeline')
  const decision = trader.parsedOutput as TraderDecision
  const drafts = intentsFromDecision(decision, pilot, snapshot, trader.id, deps.clock.now(), deps.newId)
  if (drafts.length === 0) return report('held', trader.conclusion)

  const review = records.get('risk_officer')?.parsedOutput as RiskReview | null | undefined
  const vetoed = review?.verdict === 'veto'
  const links: IntentLink[] = []
  for (const draft of drafts) {
    if (!draft.intent || vetoed) {
      links.push(refusedLink(vetoed && draft.intent ? { ...draft, refusal: `vetoed by the risk officer: ${review.summary}` } : draft, draft.intent?.id ?? deps.newId()))
      continue
    }
    links.push(await submitted(deps, draft.intent))
  }
  deps.updateIntents(trader.id, links)
  const sent = links.filter((l) => l.status === 'sent').length
  return report(sent > 0 ? 'traded' : 'no_action', vetoed ? 'vetoed by the risk officer' : links.map((l) => l.message ?? l.status).join('; '), links.length, sent)
}

async function submitted(deps: CycleDeps, intent: OrderIntent): Promise<IntentLink> {
  const base = { intentId: intent.id, symbol: intent.symbol, side: intent.side, amount: intent.amount }
  try {
    const outcome = await deps.submit(intent)
    return {
      ...base,
      status: outcome.status,
      reasons: outcome.verdict.reasons.map((r) => r.code),
      message: outcome.message,
      clientOrderId: outcome.order?.clientOrderId ?? null,
      orderStatus: outcome.order?.state ?? null,
      filled: outcome.order?.filled ?? null,
    }
  } catch (error) {
    // A malformed intent (the contract's own check) or a failure before risk: refused, recorded, never retried.
    return { ...base, status: 'refused', reasons: [], message: error instanceof Error ? error.message : String(error), clientOrderId: null, orderStatus: null, filled: null }
  }
}

async function runOneRole(deps: CycleDeps, input: CycleInput, role: RoleId, upstream: Partial<Record<RoleId, unknown>>, cycleId: string, summary: string): Promise<DecisionRecord> {
  const { pilot, snapshot, account } = input
  const configured: ModelRef = pilot.roleModels[role] ?? pilot.model
  const prompt = deps.prompt(role)
  const outputSchema = deps.outputSchema(role)
  const variables = promptVariables({ pilot, snapshot, account, news: input.newsBlock, upstream: { ...upstream }, outputSchema, now: deps.clock.now() })
  const { system, user } = deps.render(prompt, variables)
  const context = { role, pilotId: pilot.id, snapshot, account, strategy: pilot.strategy, news: input.news, upstream: { ...upstream } }
  const startedAt = deps.clock.now()

  const rulesRef: ModelRef = { providerId: RULES_PROVIDER_ID, model: pilot.strategy }
  const runWith = (ref: ModelRef, provider: ModelProvider): Promise<RoleRunResult> =>
    runRole(provider.kind === 'rules' ? deps.rules : deps.models, { role, provider, model: ref, params: prompt.params, system, user, outputSchema, context, signal: input.signal })

  let model = configured
  let fallbackFrom: ModelRef | null = null
  const provider = configured.providerId === RULES_PROVIDER_ID ? RULES_PROVIDER : deps.provider(configured.providerId)
  let preflight: string | null = null
  if (!provider) preflight = `provider ${configured.providerId} is not configured`
  else if (provider.kind !== 'rules' && !deps.withinBudget(pilot)) preflight = "the pilot's model budget for today is spent"

  let result: RoleRunResult
  if ((preflight !== null || !provider) && !pilot.fallbackToRules) {
    result = skippedRun(system, user, preflight ?? 'no provider')
  } else if (preflight !== null || !provider) {
    fallbackFrom = configured
    model = rulesRef
    result = await runWith(rulesRef, RULES_PROVIDER)
    result = { ...result, error: preflight }
  } else {
    result = await runWith(configured, provider)
    if (result.outcome === 'failed' && pilot.fallbackToRules && provider.kind !== 'rules' && FALLBACK_KINDS.has(result.errorKind ?? '')) {
      const failure = result.error
      fallbackFrom = configured
      model = rulesRef
      result = { ...(await runWith(rulesRef, RULES_PROVIDER)), error: `model failed, rules answered: ${failure}` }
    }
  }

  const usage = result.usage
  const cost = model.providerId === RULES_PROVIDER_ID ? 0 : costUsd(deps.prices(), model, usage)
  if (model.providerId !== RULES_PROVIDER_ID) deps.spend(pilot, usage.promptTokens + usage.completionTokens, cost)
  const record: DecisionRecord = {
    id: deps.newId(),
    cycleId,
    pilotId: pilot.id,
    role,
    model,
    fallbackFrom,
    promptVersion: prompt.version,
    symbols: snapshot.symbols.map((s) => s.symbol),
    startedAt,
    latencyMs: result.latencyMs,
    outcome: result.outcome,
    conclusion: conclusionOf(role, result.outcome, result.parsed, result.validationErrors[0] ?? result.error),
    inputSummary: summary,
    usage,
    costUsd: cost,
    intents: [],
    snapshotHash: snapshot.hash,
    account,
    inputHash: deps.sha256(canonicalJson({ snapshot: snapshot.hash, account, messages: result.messages })),
    params: prompt.params,
    messages: result.messages,
    responseMode: result.responseMode,
    rawOutput: result.rawOutput,
    reasoning: result.reasoning,
    repairRawOutput: result.repairRawOutput,
    parsedOutput: result.parsed,
    validationErrors: result.validationErrors,
    error: result.error,
  }
  if (role === 'risk_officer' && (result.parsed as RiskReview | null)?.verdict === 'veto') record.outcome = 'vetoed'
  deps.record(record)
  return record
}

/** A role not run at all (no provider, budget spent, no fallback allowed): recorded with the messages it would have sent. */
function skippedRun(system: string, user: string, reason: string): RoleRunResult {
  return {
    outcome: 'skipped',
    parsed: null,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    responseMode: 'json_object',
    rawOutput: '',
    reasoning: null,
    repairRawOutput: null,
    validationErrors: [],
    error: reason,
    errorKind: null,
    usage: { promptTokens: 0, completionTokens: 0 },
    latencyMs: 0,
  }
}
