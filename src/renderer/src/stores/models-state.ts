import type { ProviderStatus } from '../../../shared/contract/domains/models'

// Pure helpers of the models store, unit-tested under Node.

/** The list with this provider's status replaced, or added at the end when it is new. */
export function upsertProvider(list: readonly ProviderStatus[] | null, status: ProviderStatus): ProviderStatus[] {
  const current = list ?? []
  const index = current.findIndex((p) => p.provider.id === status.provider.id)
  return index === -1 ? [...current, status] : current.map((p, i) => (i === index ? status : p))
}

export type KeyState = 'stored' | 'missing' | 'not_needed'

/**
 * What Settings → Models says about a provider's key. A local server may
 * take an optional key: one stored shows as stored, none as "not needed".
 */
export function keyState(status: Pick<ProviderStatus, 'keyStored' | 'needsKey'>): KeyState {
  if (status.keyStored) return 'stored'
  return status.needsKey ? 'missing' : 'not_needed'
}
