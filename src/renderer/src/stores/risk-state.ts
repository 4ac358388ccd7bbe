import type { BreakerStatus, RiskScope } from '../../../shared/contract/domains/risk'

// Pure helpers of the risk store, unit-tested under Node.

/** What a badge says: a halt outranks a pause, a pause outranks reduce-only. */
export type RiskDisplayState = 'active' | 'reducing' | 'halted' | 'paused'

export function displayState(status: Pick<BreakerStatus, 'state' | 'paused'> | null | undefined): RiskDisplayState | null {
  if (!status) return null
  if (status.state === 'halted') return 'halted'
  if (status.paused) return 'paused'
  return status.state
}

export function scopeKey(scope: RiskScope): string {
  switch (scope.kind) {
    case 'desk':
      return 'desk'
    case 'account':
      return `account:${scope.accountId}`
    case 'pilot':
      return `pilot:${scope.pilotId}`
  }
}

export const DESK: RiskScope = { kind: 'desk' }

export function upsertStatus(list: readonly BreakerStatus[], status: BreakerStatus): BreakerStatus[] {
  const key = scopeKey(status.scope)
  const index = list.findIndex((s) => scopeKey(s.scope) === key)
  if (index === -1) return [...list, status]
  return list.map((s, i) => (i === index ? status : s))
}

export function statusOf(list: readonly BreakerStatus[], scope: RiskScope): BreakerStatus | null {
  const key = scopeKey(scope)
  return list.find((s) => scopeKey(s.scope) === key) ?? null
}
