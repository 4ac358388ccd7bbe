import { useEffect } from 'react'
import { usePilotsStore } from '../../stores/arena-pilots-store'
import { closePilotSettings, usePilotEditorStore } from '../../stores/pilot-editor-store'
import { PilotSettingsDialog, type PilotDialogMode } from './PilotSettingsDialog'

const CREATE: PilotDialogMode = { kind: 'create' }

/** The one pilot settings dialog of the Arena: on a new pilot, or on the pilot the editor store names while the kernel lists it. */
export function PilotSettingsHost(): React.JSX.Element | null {
  const editing = usePilotEditorStore((s) => s.editing)
  const creating = usePilotEditorStore((s) => s.creating)
  const status = usePilotsStore((s) => (editing ? s.statuses?.[editing] : undefined))
  // Leaving the Arena drops unsaved edits, as Cancel would: coming back must not reopen a stale form.
  useEffect(() => closePilotSettings, [])
  if (creating) return <PilotSettingsDialog key="new" mode={CREATE} />
  // Keyed by pilot: switching pilots starts a fresh form rather than carrying edits across.
  return status ? <PilotSettingsDialog key={status.config.id} mode={{ kind: 'edit', status }} /> : null
}
