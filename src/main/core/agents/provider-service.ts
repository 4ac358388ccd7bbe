import type { ModelTestResult, ProviderStatus } from '../../../shared/contract/domains/models'
import { HandlerError } from '../../../shared/contract/envelope'
import { RULES_PROVIDER_ID, type ModelPrice, type ModelProvider } from '../../../shared/domain/agents/model'
import type { PilotConfig } from '../../../shared/domain/agents/pilot'
import { providerNeedsKey, RULES_PROVIDER } from '../../../shared/domain/agents/provider-presets'
import type { ProviderRepository } from '../../ports/agent-store'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import { modelKeySecretName, type ModelApiClient } from '../../ports/model-client'
import type { SecretStore } from '../../ports/secret-store'
import type { AuditLog } from '../../ports/store'
import type { EventBus } from '../bus/event-bus'
import type { KernelEvents } from '../bus/kernel-events'

export interface ProviderService {
  list(): ProviderStatus[]
  get(id: string): ModelProvider | null
  save(provider: ModelProvider): ProviderStatus
  remove(id: string): Promise<boolean>
  saveKey(id: string, apiKey: string): Promise<{ status: ProviderStatus; test: ModelTestResult }>
  deleteKey(id: string): Promise<ProviderStatus>
  test(id: string, model?: string, apiKey?: string): Promise<ModelTestResult>
  prices(): ModelPrice[]
  setPrices(prices: readonly ModelPrice[]): ModelPrice[]
  /** Whether a pilot's main model can be called now (the key check reads a cache loaded at start). */
  ready(pilot: PilotConfig): { ready: true } | { ready: false; reason: string }
  /** Loads which providers have a key in the keychain. */
  loadKeys(): Promise<void>
}

export interface ProviderServiceDeps {
  repository: ProviderRepository
  secrets: SecretStore | undefined
  models: ModelApiClient
  audit: AuditLog
  bus: EventBus<KernelEvents>
  clock: Clock
  logger: Logger
  /** Called after anything that may change which pilots can run. */
  changed: () => void
}

const NO_KEYCHAIN = 'This workstation has no OS keychain configured; keys cannot be stored'

/**
 * Model providers, their keys and the price table. Keys go from the command
 * straight to the keychain after a test call with them succeeded; only the
 * fact that one is stored ever leaves this service.
 */
export function createProviderService(deps: ProviderServiceDeps): ProviderService {
  const { repository, clock } = deps
  const keys = new Map<string, boolean>()

  const get = (id: string): ModelProvider | null => (id === RULES_PROVIDER_ID ? RULES_PROVIDER : (repository.list().find((p) => p.id === id) ?? null))
  const require = (id: string): ModelProvider => {
    const provider = get(id)
    if (!provider) throw new HandlerError('invalid_input', `No model provider ${JSON.stringify(id)}`)
    return provider
  }
  const statusOf = (provider: ModelProvider): ProviderStatus => ({ provider, keyStored: keys.get(provider.id) ?? false, needsKey: providerNeedsKey(provider) })
  const changed = (providerId: string | null): void => {
    deps.bus.publish('models.changed', { providerId })
    deps.changed()
  }

  /** The keychain, or an "unavailable" error carrying its own reason (no Secret Service, locked …). */
  async function usableKeychain(): Promise<SecretStore> {
    const secrets = deps.secrets
    if (!secrets) throw new HandlerError('unavailable', NO_KEYCHAIN)
    const availability = await keychainCall(() => secrets.availability())
    if (!availability.available) throw new HandlerError('unavailable', `The OS keychain cannot store keys: ${availability.reason}`)
    return secrets
  }

  async function keychainCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      if (error instanceof HandlerError) throw error
      throw new HandlerError('unavailable', `The OS keychain refused: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  async function test(id: string, model?: string, apiKey?: string): Promise<ModelTestResult> {
    const provider = require(id)
    const name = model ?? provider.models[0] ?? ''
    if (provider.kind === 'rules') return { ok: true, model: name, latencyMs: 0, message: 'The rules provider runs in the workstation' }
    if (model !== undefined && !provider.models.includes(model)) throw new HandlerError('invalid_input', `${provider.name} has no model ${JSON.stringify(model)}; configured: ${provider.models.join(', ')}`)
    return deps.models.testModel(provider, name, apiKey === undefined ? {} : { apiKey })
  }

  return {
    list: () => [RULES_PROVIDER, ...repository.list().filter((p) => p.id !== RULES_PROVIDER_ID)].map(statusOf),
    get,
    save(provider) {
      if (provider.id === RULES_PROVIDER_ID || provider.kind === 'rules') throw new HandlerError('invalid_input', 'The rules provider is built in and cannot be changed')
      if (provider.baseUrl === null) throw new HandlerError('invalid_input', 'A model provider needs a base URL')
      if (provider.models.length === 0) throw new HandlerError('invalid_input', 'List at least one model')
      repository.upsert(provider)
      deps.models.forget(provider.id)
      deps.audit.append({ kind: 'models.providerSaved', actor: 'user', subject: provider.id, payload: { baseUrl: provider.baseUrl, models: provider.models, kind: provider.kind } }, clock.now())
      changed(provider.id)
      return statusOf(provider)
    },
    async remove(id) {
      if (id === RULES_PROVIDER_ID) throw new HandlerError('invalid_input', 'The rules provider is built in and cannot be removed')
      const removed = repository.remove(id)
      if (removed) {
        if (keys.get(id)) await deps.secrets?.delete(modelKeySecretName(id))
        keys.delete(id)
        deps.models.forget(id)
        deps.audit.append({ kind: 'models.providerRemoved', actor: 'user', subject: id, payload: {} }, clock.now())
        changed(id)
      }
      return removed
    },
    async saveKey(id, apiKey) {
      const provider = require(id)
      if (provider.kind === 'rules') throw new HandlerError('invalid_input', 'The rules provider needs no key')
      const secrets = await usableKeychain()
      const result = await test(id, undefined, apiKey)
      if (!result.ok) return { status: statusOf(provider), test: result }
      await keychainCall(() => secrets.set(modelKeySecretName(id), apiKey))
      keys.set(id, true)
      deps.audit.append({ kind: 'models.keySaved', actor: 'user', subject: id, payload: { keyEnding: apiKey.slice(-4), testLatencyMs: Math.round(result.latencyMs) } }, clock.now())
      changed(id)
      return { status: statusOf(provider), test: result }
    },
    async deleteKey(id) {
      const provider = require(id)
      const secrets = await usableKeychain()
      await keychainCall(() => secrets.delete(modelKeySecretName(id)))
      keys.set(id, false)
      deps.audit.append({ kind: 'models.keyDeleted', actor: 'user', subject: id, payload: {} }, clock.now())
      changed(id)
      return statusOf(provider)
    },
    test,
    prices: () => repository.prices(),
    setPrices(prices) {
      const seen = new Set<string>()
      for (const price of prices) {
        const key = `${price.providerId}|${price.model}`
        if (seen.has(key)) throw new HandlerError('invalid_input', `${price.providerId} ${price.model} is priced twice`)
        seen.add(key)
      }
      repository.setPrices(prices)
      deps.audit.append({ kind: 'models.pricesSaved', actor: 'user', payload: { rows: prices.length } }, clock.now())
      changed(null)
      return repository.prices()
    },
    ready(pilot) {
      const provider = get(pilot.model.providerId)
      if (!provider) return { ready: false, reason: `provider ${pilot.model.providerId} is not configured` }
      if (providerNeedsKey(provider) && !keys.get(provider.id)) return { ready: false, reason: `no API key for ${provider.name}; add one in Settings → Models` }
      return { ready: true }
    },
    async loadKeys() {
      if (!deps.secrets) return
      for (const provider of repository.list()) {
        try {
          keys.set(provider.id, (await deps.secrets.get(modelKeySecretName(provider.id))) !== null)
        } catch (error) {
          deps.logger.warn('keychain read failed', { providerId: provider.id, err: error })
          keys.set(provider.id, false)
        }
      }
      deps.changed()
    },
  }
}
