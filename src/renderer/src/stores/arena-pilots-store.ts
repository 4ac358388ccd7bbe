import { create } from 'zustand'
import type { CycleReport } from '../../../shared/contract/domains/pilots'
import type { ContractError } from '../../../shared/contract/envelope'
import type { PilotStatus } from '../../../shared/domain/agents/pilot'
import { getClient } from '../api/client'
import { without } from './record-utils'
import type { PilotControl } from './arena-state'

/** The pilots as the kernel lists them, with the controls the Arena drives. The feed reads names and symbols from here too. */
export interface PilotsState {
  /** By pilot id; null until the first answer. */
  statuses: Record<string, PilotStatus> | null
  error: ContractError | null
  /** The control under way per pilot, so its buttons wait for the answer. */
  busy: Record<string, PilotControl>
  /** The last refused control per pilot, until another is tried. */
  controlErrors: Record<string, { control: PilotControl; error: ContractError }>
  /** The last cycle each pilot reported (from Run now or `pilots.cycleCompleted`). */
  lastCycles: Record<string, CycleReport>
}

export const usePilotsStore = create<PilotsState>()(() => ({ statuses: null, error: null, busy: {}, controlErrors: {}, lastCycles: {} }))

const set = usePilotsStore.setState

let loading: Promise<void> | null = null
/** The newest list asked for: an older answer still on its way must not bring back a pilot removed since. */
let latestFetch = 0

/** Both pages ask on mount; concurrent asks share one call. */
export function loadPilots(): Promise<void> {
  loading ??= fetchPilots().finally(() => (loading = null))
  return loading
}

/** Asks again even while a list is on its way, after a pilot was added or removed: the newer answer wins. */
export function reloadPilots(): Promise<void> {
  const pending = fetchPilots().finally(() => {
    if (loading === pending) loading = null
  })
  loading = pending
  return pending
}

async function fetchPilots(): Promise<void> {
  const ticket = ++latestFetch
  const envelope = await getClient().callEnvelope('pilots.list')
  if (ticket !== latestFetch) return
  if (envelope.ok) set({ statuses: Object.fromEntries(envelope.value.map((p) => [p.config.id, p])), error: null })
  else set({ error: envelope.error })
}

/** From `pilots.changed` and from each control's answer. */
export function pilotChanged(status: PilotStatus): void {
  set((s) => ({ statuses: { ...(s.statuses ?? {}), [status.config.id]: status } }))
}

/**
 * A pilot the kernel removed: gone from the Arena at once. Its last
 * `pilots.changed` (state "stopped") comes before the answer to
 * `pilots.remove` on the same connection, so nothing brings it back.
 */
export function pilotRemoved(pilotId: string): void {
  set((s) => ({
    statuses: s.statuses ? without(s.statuses, pilotId) : null,
    busy: without(s.busy, pilotId),
    controlErrors: without(s.controlErrors, pilotId),
    lastCycles: without(s.lastCycles, pilotId),
  }))
}

export function cycleCompleted(report: CycleReport): void {
  set((s) => ({ lastCycles: { ...s.lastCycles, [report.pilotId]: report } }))
}

/** Run now / Pause / Resume / Stop. The answer replaces the pilot's status; a refusal is shown on its card. */
export async function controlPilot(pilotId: string, control: PilotControl): Promise<void> {
  if (usePilotsStore.getState().busy[pilotId]) return
  set((s) => ({ busy: { ...s.busy, [pilotId]: control }, controlErrors: without(s.controlErrors, pilotId) }))
  const client = getClient()
  let error: ContractError | null = null
  switch (control) {
    case 'runNow': {
      const envelope = await client.callEnvelope('pilots.runNow', { pilotId })
      if (envelope.ok) cycleCompleted(envelope.value)
      else error = envelope.error
      break
    }
    case 'pause':
    case 'resume':
    case 'stop': {
      const envelope = await client.callEnvelope(`pilots.${control}`, { pilotId })
      if (envelope.ok) pilotChanged(envelope.value)
      else error = envelope.error
      break
    }
    default: {
      const never: never = control
      throw new Error(`Unknown pilot control ${String(never)}`)
    }
  }
  set((s) => ({ busy: without(s.busy, pilotId), controlErrors: error ? { ...s.controlErrors, [pilotId]: { control, error } } : s.controlErrors }))
}

export function resetPilotsStore(): void {
  loading = null
  set({ statuses: null, error: null, busy: {}, controlErrors: {}, lastCycles: {} })
}
