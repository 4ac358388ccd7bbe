import { RiskConfigSchema, type RiskConfig } from '../../../../shared/domain/risk'

/** One problem with a proposed config, named by its path ('breakers.disconnectMs'). */
export interface RiskConfigIssue {
  readonly path: string
  readonly message: string
}

export type RiskConfigParse = { ok: true; config: RiskConfig } | { ok: false; issues: RiskConfigIssue[] }

/**
 * Validates a config from anywhere (the UI, a file, the store): the schema's
 * ranges first, then what the schema cannot say across fields. Nothing here
 * throws; a bad config comes back as issues a trader can act on.
 */
export function parseRiskConfig(input: unknown): RiskConfigParse {
  const parsed = RiskConfigSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) }
  }
  const issues = crossFieldIssues(parsed.data)
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: parsed.data }
}

function crossFieldIssues(config: RiskConfig): RiskConfigIssue[] {
  const issues: RiskConfigIssue[] = []
  // A symbol on both lists would be denied anyway, but the editor surely meant one of the two.
  const denied = new Set(config.denySymbols)
  for (const symbol of config.allowSymbols) {
    if (denied.has(symbol)) issues.push({ path: 'allowSymbols', message: `${symbol} is on both the allow and the deny list; keep it on one` })
  }
  return issues
}
