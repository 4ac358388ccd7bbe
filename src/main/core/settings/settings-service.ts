import type { Settings, SettingsPatch } from '../../../shared/domain/settings'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { AuditLog, SettingsRepository } from '../../ports/store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Settings
}

/**
 * Owns the profile settings: persists each change before announcing it, applies
 * the log level at once, and records the change in the audit log.
 */
export function createSettingsService(deps: {
  repository: SettingsRepository
  audit: AuditLog
  bus: EventBus<KernelEvents>
  logger: Logger
  clock: Clock
}): SettingsService {
  let current = deps.repository.load()
  deps.logger.setLevel(current.logLevel)

  return {
    get: () => current,
    update(patch) {
      const next: Settings = { ...current, ...patch }
      const changed = (Object.keys(patch) as (keyof Settings)[]).filter((key) => current[key] !== next[key])
      if (changed.length === 0) return current
      deps.repository.save(next)
      const before = Object.fromEntries(changed.map((key) => [key, current[key]]))
      const after = Object.fromEntries(changed.map((key) => [key, next[key]]))
      deps.audit.append({ kind: 'settings.updated', actor: 'user', payload: { before, after } }, deps.clock.now())
      current = next
      if (changed.includes('logLevel')) deps.logger.setLevel(next.logLevel)
      deps.logger.info('settings updated', { changed })
      deps.bus.publish('settings.changed', next)
      return next
    },
  }
}
