import type { RiskConfigChangeSchema } from '../../../shared/contract/domains/risk'
import { HandlerError } from '../../../shared/contract/envelope'
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../../shared/domain/risk'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { RiskStateRepository } from '../../ports/risk-state-repository'
import type { AuditLog } from '../../ports/store'
import type { z } from 'zod'
import type { RiskRuleChange } from '../approval'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'
import { parseRiskConfig, prepareRiskConfigSave, type RiskConfigChange } from '../risk'
import type { SecondApproval } from '../approval-service/second-approval'

type ContractChange = z.infer<typeof RiskConfigChangeSchema>

export interface RiskConfigService {
  current(): RiskConfig
  update(proposed: RiskConfig, confirmed: boolean): Promise<{ config: RiskConfig; changes: ContractChange[] }>
}

export interface RiskConfigDeps {
  repository: RiskStateRepository
  audit: AuditLog
  bus: EventBus<KernelEvents>
  clock: Clock
  logger: Logger
  approvals: SecondApproval
}

// The approval binds at most this many changes, each value at most 64 characters (the gate's schema).
const MAX_BOUND_CHANGES = 32
const clip = (value: number | string | null): number | string | null => (typeof value === 'string' && value.length > 64 ? `${value.slice(0, 63)}…` : value)

/**
 * The risk rules in force: the newest stored version (or the defaults), saved
 * as a new version on every edit. Tightening applies at once; loosening any
 * rule is a risky action needing the trader's confirmation and a second
 * approval of exactly these changes.
 */
export function createRiskConfigService(deps: RiskConfigDeps): RiskConfigService {
  const { repository, audit, bus, clock, logger } = deps
  let config = load()

  function load(): RiskConfig {
    const stored = repository.latestConfig()
    if (!stored) return DEFAULT_RISK_CONFIG
    const parsed = parseRiskConfig(stored.config)
    if (parsed.ok) return parsed.config
    // The defaults are the reviewed baseline; a config nobody can read must not silently loosen anything.
    logger.error('the stored risk config is unreadable; the defaults apply', { issues: parsed.issues })
    return DEFAULT_RISK_CONFIG
  }

  return {
    current: () => config,
    async update(proposed, confirmed) {
      const save = prepareRiskConfigSave(config, proposed)
      if (!save.ok) throw new HandlerError('invalid_input', save.issues.map((i) => `${i.path}: ${i.message}`).join('; '), save.issues)
      const changes = save.changes.map(toContractChange)
      if (save.changes.length === 0) return { config, changes }
      let consume: (() => void) | null = null
      if (save.needsApproval) {
        const action = { kind: 'loosen_risk_rule' as const, changes: save.changes.slice(0, MAX_BOUND_CHANGES).map(toRuleChange) }
        consume = await deps.approvals.require(action, confirmed)
      }
      // Someone else may have saved while the approval was pending: the edit must still start from the current version.
      if (config.version !== proposed.version) throw new HandlerError('invalid_input', `The risk config changed to version ${config.version} meanwhile; reload and edit again`)
      consume?.()
      const at = clock.now()
      repository.saveConfig(save.config, at)
      audit.append({ kind: 'risk.configUpdated', actor: 'user', payload: { from: config.version, to: save.config.version, changes: save.changes } }, at)
      config = save.config
      logger.info('risk config saved', { version: config.version, loosening: save.needsApproval })
      bus.publish('risk.configChanged', config)
      return { config, changes }
    },
  }
}

function toContractChange(change: RiskConfigChange): ContractChange {
  return { path: change.path, from: change.from, to: change.to, loosening: change.direction === 'loosening' }
}

function toRuleChange(change: RiskConfigChange): RiskRuleChange {
  return { path: change.path, from: clip(change.from), to: clip(change.to) }
}
