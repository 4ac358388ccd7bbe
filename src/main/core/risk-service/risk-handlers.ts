import type { BreakerStatus, RiskScope } from '../../../shared/contract/domains/risk'
import type { StoredAccount } from '../../ports/account-repository'
import type { Clock } from '../../ports/clock'
import type { AuditLog } from '../../ports/store'
import type { AccountService } from '../accounts/account-service'
import type { SecondApproval } from '../approval-service/second-approval'
import type { CommandHandlers } from '../contract/dispatcher'
import type { BreakerBoard } from './breaker-board'
import type { KillSwitch } from './kill-switch'
import type { RiskConfigService } from './risk-config-service'

export type RiskChannel = 'risk.getConfig' | 'risk.updateConfig' | 'risk.status' | 'risk.pause' | 'risk.resume' | 'risk.killSwitch.engage' | 'risk.liftHalt'

export interface RiskHandlerDeps {
  config: RiskConfigService
  breakers: BreakerBoard
  accounts: AccountService
  approvals: SecondApproval
  killSwitch: KillSwitch
  audit: AuditLog
  clock: Clock
}

/** The accounts a scope covers: all of them, one, or a pilot's. */
export function accountsIn(accounts: AccountService, scope: RiskScope): StoredAccount[] {
  switch (scope.kind) {
    case 'desk':
      return accounts.list()
    case 'account':
      return [accounts.require(scope.accountId)]
    case 'pilot':
      return accounts.list().filter((a) => a.pilotId === scope.pilotId)
    default: {
      const never: never = scope
      throw new Error(`unknown scope ${JSON.stringify(never)}`)
    }
  }
}

/**
 * risk.*: the rules in force and their edits, the breakers of the desk, each
 * account and each pilot, pauses, the kill switch and lifting a halt (a risky
 * action: the trader's confirmation and a second approval).
 */
export function riskHandlers(deps: RiskHandlerDeps): Pick<CommandHandlers, RiskChannel> {
  const { breakers, accounts, audit, clock } = deps
  const checked = (scope: RiskScope): RiskScope => {
    if (scope.kind === 'account') accounts.require(scope.accountId)
    return scope
  }
  const audited = (kind: string, scope: RiskScope, status: BreakerStatus): BreakerStatus => {
    audit.append({ kind, actor: 'user', payload: { scope, state: status.state, paused: status.paused } }, clock.now())
    return status
  }

  return {
    'risk.getConfig': () => deps.config.current(),
    'risk.updateConfig': ({ config, confirmed }) => deps.config.update(config, confirmed),
    'risk.status': () => {
      const pilots = [...new Set(accounts.list().flatMap((a) => (a.pilotId ? [a.pilotId] : [])))]
      const scopes: RiskScope[] = [{ kind: 'desk' }, ...accounts.list().map((a) => ({ kind: 'account' as const, accountId: a.id })), ...pilots.map((pilotId) => ({ kind: 'pilot' as const, pilotId }))]
      return scopes.map((scope) => breakers.status(scope))
    },
    'risk.pause': ({ scope }) => audited('risk.paused', scope, breakers.pause(checked(scope), 'the trader', 'paused from the app')),
    'risk.resume': ({ scope }) => audited('risk.resumed', scope, breakers.resume(checked(scope))),
    'risk.killSwitch.engage': ({ scope, flatten, confirmed }) => deps.killSwitch.engage(checked(scope), flatten, confirmed),
    'risk.liftHalt': async ({ scope, confirmed }) => {
      const current = breakers.status(checked(scope))
      if (current.state !== 'halted') return current
      const consume = await deps.approvals.require({ kind: 'lift_halt', scope }, confirmed)
      consume()
      return audited('risk.haltLifted', scope, breakers.lift(scope))
    },
  }
}
