import { create } from 'zustand'
import type { BreakerStatus, KillReceipt, RiskScope } from '../../../shared/contract/domains/risk'
import type { ContractError, Envelope } from '../../../shared/contract/envelope'
import type { RiskConfig } from '../../../shared/domain/risk'
import { getClient } from '../api/client'
import { upsertStatus } from './risk-state'

export interface RiskState {
  config: RiskConfig | null
  configError: ContractError | null
  statuses: BreakerStatus[]
  statusError: ContractError | null
  /** The latest kill switch progress or receipt the kernel published. */
  killProgress: KillReceipt | null
}

export const useRiskStore = create<RiskState>()(() => ({ config: null, configError: null, statuses: [], statusError: null, killProgress: null }))

const set = useRiskStore.setState

export async function loadRiskConfig(): Promise<void> {
  const envelope = await getClient().callEnvelope('risk.getConfig')
  if (envelope.ok) set({ config: envelope.value, configError: null })
  else set({ configError: envelope.error })
}

export async function loadRiskStatus(): Promise<void> {
  const envelope = await getClient().callEnvelope('risk.status')
  if (envelope.ok) set({ statuses: envelope.value, statusError: null })
  else set({ statusError: envelope.error })
}

export const riskStateChanged = (status: BreakerStatus): void => set((s) => ({ statuses: upsertStatus(s.statuses, status) }))
export const riskConfigChanged = (config: RiskConfig): void => set({ config, configError: null })
export const killSwitchProgressed = (receipt: KillReceipt): void => set({ killProgress: receipt })

/** The answer of a status-changing command also lands in the store, before (or without) its event. */
async function statusCommand(run: () => Promise<Envelope<BreakerStatus>>): Promise<ContractError | null> {
  const envelope = await run()
  if (!envelope.ok) return envelope.error
  riskStateChanged(envelope.value)
  return null
}

export const pauseScope = (scope: RiskScope): Promise<ContractError | null> => statusCommand(() => getClient().callEnvelope('risk.pause', { scope }))
export const resumeScope = (scope: RiskScope): Promise<ContractError | null> => statusCommand(() => getClient().callEnvelope('risk.resume', { scope }))
export const liftHalt = (scope: RiskScope): Promise<ContractError | null> => statusCommand(() => getClient().callEnvelope('risk.liftHalt', { scope, confirmed: true }))

export async function engageKillSwitch(scope: RiskScope, flatten: boolean): Promise<Envelope<KillReceipt>> {
  const envelope = await getClient().callEnvelope('risk.killSwitch.engage', { scope, flatten, confirmed: true })
  if (envelope.ok) killSwitchProgressed(envelope.value)
  return envelope
}

export async function saveRiskConfig(config: RiskConfig): ReturnType<typeof updateCall> {
  const envelope = await updateCall(config)
  if (envelope.ok) set({ config: envelope.value.config, configError: null })
  return envelope
}

const updateCall = (config: RiskConfig) => getClient().callEnvelope('risk.updateConfig', { config, confirmed: true })
