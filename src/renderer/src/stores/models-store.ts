import { create } from 'zustand'
import type { ModelTestResult, ProviderStatus } from '../../../shared/contract/domains/models'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { ModelPrice, ModelProvider } from '../../../shared/domain/agents/model'
import { getClient } from '../api/client'
import { upsertProvider } from './models-state'

/**
 * The model providers and the price table as the kernel has them. A
 * provider's key never lands here: the key form sends it straight to
 * `models.saveKey`, and the kernel answers only whether one is stored.
 */
export interface ModelsState {
  providers: ProviderStatus[] | null
  providersError: ContractError | null
  prices: ModelPrice[] | null
  pricesError: ContractError | null
}

export const useModelsStore = create<ModelsState>()(() => ({ providers: null, providersError: null, prices: null, pricesError: null }))

const set = useModelsStore.setState

export async function loadProviders(): Promise<void> {
  const envelope = await getClient().callEnvelope('models.listProviders')
  if (envelope.ok) set({ providers: envelope.value, providersError: null })
  else set({ providersError: envelope.error })
}

export async function loadPrices(): Promise<void> {
  const envelope = await getClient().callEnvelope('models.prices')
  if (envelope.ok) set({ prices: envelope.value, pricesError: null })
  else set({ pricesError: envelope.error })
}

const remember = (status: ProviderStatus): void => set((s) => ({ providers: upsertProvider(s.providers, status) }))

export async function saveProvider(provider: ModelProvider): Promise<Envelope<ProviderStatus>> {
  const envelope = await getClient().callEnvelope('models.saveProvider', provider)
  if (envelope.ok) remember(envelope.value)
  return envelope
}

export async function removeProvider(providerId: string): Promise<ContractError | null> {
  const envelope = await getClient().callEnvelope('models.removeProvider', { providerId })
  if (!envelope.ok) return envelope.error
  set((s) => ({ providers: s.providers?.filter((p) => p.provider.id !== providerId) ?? null }))
  return null
}

/** Sends the key once; the kernel tests it with a call before storing it and answers with the test. */
export async function saveModelKey(providerId: string, apiKey: string): Promise<Envelope<{ status: ProviderStatus; test: ModelTestResult }>> {
  const envelope = await getClient().callEnvelope('models.saveKey', { providerId, apiKey })
  if (envelope.ok) remember(envelope.value.status)
  return envelope
}

export async function deleteModelKey(providerId: string): Promise<ContractError | null> {
  const envelope = await getClient().callEnvelope('models.deleteKey', { providerId })
  if (!envelope.ok) return envelope.error
  remember(envelope.value)
  return null
}

export const testProvider = (providerId: string, model?: string): Promise<Envelope<ModelTestResult>> =>
  getClient().callEnvelope('models.test', model ? { providerId, model } : { providerId })

export async function savePrices(prices: ModelPrice[]): Promise<Envelope<ModelPrice[]>> {
  const envelope = await getClient().callEnvelope('models.setPrices', prices)
  if (envelope.ok) set({ prices: envelope.value, pricesError: null })
  return envelope
}

/** Another window (or the kernel) changed a provider, a key or the prices: ask again rather than guess what. */
export function modelsChanged(): void {
  void loadProviders()
  void loadPrices()
}
