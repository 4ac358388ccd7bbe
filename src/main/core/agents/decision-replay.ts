import type { ReplayResult } from '../../../shared/contract/domains/feed'
import { HandlerError } from '../../../shared/contract/envelope'
import type { DecisionRecord } from '../../../shared/domain/agents/decision'
import type { ModelProvider } from '../../../shared/domain/agents/model'
import type { RulesStrategy } from '../../../shared/domain/agents/pilot'
import { RULES_PROVIDER } from '../../../shared/domain/agents/provider-presets'
import type { MarketSnapshot } from '../../../shared/domain/agents/snapshot'
import type { ModelClient } from '../../ports/model-client'
import { canonicalJson } from '../approval/canonical-json'
import { conclusionOf } from './conclusion'
import { runRole } from './role-run'
import { parseRoleOutput } from './structured-output'

export interface ReplayDeps {
  models: ModelClient
  rules: ModelClient
  provider: (id: string) => ModelProvider | null
  snapshot: (hash: string) => MarketSnapshot | null
  outputSchema: (role: DecisionRecord['role']) => Record<string, unknown>
  now: () => number
}

/**
 * Replays a recorded decision without trading. "recorded" parses the stored
 * answer again with today's parser: it must come out the same, or the parser
 * changed meaning. "model" sends the exact stored messages to the model again
 * and shows both answers side by side.
 */
export async function replayDecision(deps: ReplayDeps, original: DecisionRecord, mode: 'recorded' | 'model'): Promise<ReplayResult> {
  const replay = mode === 'recorded' ? reparse(original) : await rerun(deps, original)
  const identical = canonicalJson(original.parsedOutput ?? null) === canonicalJson(replay.parsedOutput ?? null) && original.outcome === replay.outcome
  return { original, replay, mode, identical }
}

function reparse(original: DecisionRecord): DecisionRecord {
  const first = parseRoleOutput(original.role, original.rawOutput)
  const second = !first.ok && original.repairRawOutput !== null ? parseRoleOutput(original.role, original.repairRawOutput) : null
  const parsed = first.ok ? first.value : second?.ok ? second.value : null
  const outcome = first.ok ? 'parsed' : second?.ok ? 'repaired' : original.outcome === 'failed' || original.outcome === 'skipped' ? original.outcome : 'no_action'
  const errors = first.ok ? [] : [...first.errors, ...(second && !second.ok ? second.errors.map((e) => `after repair: ${e}`) : [])]
  // A veto is the risk officer's parsed verdict; it replays as such.
  const finalOutcome = outcome === 'parsed' && original.outcome === 'vetoed' ? 'vetoed' : outcome
  return { ...original, outcome: finalOutcome, parsedOutput: parsed, validationErrors: errors, conclusion: conclusionOf(original.role, finalOutcome, parsed, errors[0] ?? original.error), intents: [] }
}

async function rerun(deps: ReplayDeps, original: DecisionRecord): Promise<DecisionRecord> {
  const provider = original.model.providerId === RULES_PROVIDER.id ? RULES_PROVIDER : deps.provider(original.model.providerId)
  if (!provider) throw new HandlerError('unavailable', `Provider ${original.model.providerId} is no longer configured`)
  const snapshot = deps.snapshot(original.snapshotHash)
  if (!snapshot || !original.account) throw new HandlerError('unavailable', 'The snapshot or account this decision saw is not stored; only a recorded replay is possible')
  const [system, user] = original.messages
  if (!system || !user) throw new HandlerError('unavailable', 'The decision has no stored messages to send again')
  const startedAt = deps.now()
  const result = await runRole(provider.kind === 'rules' ? deps.rules : deps.models, {
    role: original.role,
    provider,
    model: original.model,
    params: original.params,
    system: system.content,
    user: user.content,
    outputSchema: deps.outputSchema(original.role),
    context: { role: original.role, pilotId: original.pilotId, snapshot, account: original.account, strategy: strategyOf(original), news: [], upstream: {} },
  })
  return {
    ...original,
    id: `replay-${original.id}`.slice(0, 64),
    startedAt,
    latencyMs: result.latencyMs,
    outcome: result.outcome,
    conclusion: conclusionOf(original.role, result.outcome, result.parsed, result.validationErrors[0] ?? result.error),
    usage: result.usage,
    costUsd: 0,
    intents: [],
    rawOutput: result.rawOutput,
    reasoning: result.reasoning,
    repairRawOutput: result.repairRawOutput,
    parsedOutput: result.parsed,
    validationErrors: result.validationErrors,
    error: result.error,
  }
}

const strategyOf = (record: DecisionRecord): RulesStrategy => {
  const model = record.model.model
  return model === 'mean_reversion' || model === 'breakout' ? model : 'trend_following'
}
