import type { RiskConfig } from '../../../../shared/domain/risk'
import { diffRiskConfig, isLoosening, type RiskConfigChange } from './config-diff'
import { parseRiskConfig, type RiskConfigIssue } from './risk-config'

export type RiskConfigSave =
  | { ok: true; config: RiskConfig; changes: RiskConfigChange[]; needsApproval: boolean }
  | { ok: false; issues: RiskConfigIssue[] }

/**
 * Prepares a config edit for saving (storing it is the caller's job). The
 * edit must start from the current version, so two editors cannot silently
 * overwrite each other; the saved config gets the next version when anything
 * changed, and needs approval when any change loosens a rule.
 */
export function prepareRiskConfigSave(current: RiskConfig, proposed: unknown): RiskConfigSave {
  const parsed = parseRiskConfig(proposed)
  if (!parsed.ok) return parsed
  if (parsed.config.version !== current.version) {
    return { ok: false, issues: [{ path: 'version', message: `The edit starts from version ${parsed.config.version} but the current config is version ${current.version}; reload and edit again` }] }
  }
  const changes = diffRiskConfig(current, parsed.config)
  if (changes.length === 0) return { ok: true, config: current, changes, needsApproval: false }
  return { ok: true, config: { ...parsed.config, version: current.version + 1 }, changes, needsApproval: isLoosening(changes) }
}
