import type { ReplayResult } from '../../../../shared/contract/domains/feed'
import type { ModelRef, TokenUsage } from '../../../../shared/domain/agents/model'
import { formatQuantity } from '../../format/numbers'

// Pure formatting of decision records: model names, costs, latencies, tokens
// and the JSON a trader reads when auditing a run. Numbers keep the en-US
// grouping of the rest of the app.

const DASH = '—'

/** "deepseek/deepseek-chat": the provider first, as in Settings → Models. */
export function formatModelRef(ref: ModelRef): string {
  return `${ref.providerId}/${ref.model}`
}

/**
 * Model costs are often fractions of a cent: "$0.0042" rather than "$0.00",
 * "<$0.0001" for the tiniest non-zero, "$0" when the rules provider answered.
 */
export function formatUsdCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd) || usd < 0) return DASH
  if (usd === 0) return '$0'
  if (usd < 0.0001) return '<$0.0001'
  const decimals = usd >= 100 ? 0 : usd >= 1 ? 2 : usd >= 0.01 ? 3 : 4
  return `$${new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(usd)}`
}

/** "850 ms" under a second, "12.4 s" under a minute, "2 m 05 s" above. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return DASH
  if (ms < 999.5) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  return `${Math.floor(seconds / 60)} m ${String(seconds % 60).padStart(2, '0')} s`
}

/** Tokens in and out of one call, and their sum. */
export function tokenFigures(usage: TokenUsage): { total: string; prompt: string; completion: string } {
  return {
    total: formatQuantity(usage.promptTokens + usage.completionTokens, 0),
    prompt: formatQuantity(usage.promptTokens, 0),
    completion: formatQuantity(usage.completionTokens, 0),
  }
}

/** Any parsed value as indented JSON; null and undefined as "null" so an empty answer is visible, not blank. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return 'null'
  try {
    return JSON.stringify(value, null, 2) ?? 'null'
  } catch {
    return String(value)
  }
}

/** A model's raw text, indented when it is JSON (most answers are); otherwise exactly as received. */
export function prettyRawOutput(raw: string): string {
  const trimmed = raw.trim()
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return raw
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2)
  } catch {
    return raw
  }
}

/** Whether two parsed outputs are the same value, key order aside: what "identical" means to a reader of a replay. */
export function sameParsedOutput(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  )
}

/** A recorded replay says itself whether it reproduced the original; a model replay is compared here, key order aside. */
export function isIdenticalReplay(result: ReplayResult): boolean {
  return result.mode === 'recorded' ? result.identical : result.identical || sameParsedOutput(result.original.parsedOutput, result.replay.parsedOutput)
}
