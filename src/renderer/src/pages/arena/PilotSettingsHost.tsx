import { useEffect } from 'react'
import { usePilotsStore } from '../../stores/arena-pilots-store'
import { closePilotSettings, usePilotEditorStore } from '../../stores/pilot-editor-store'
import { PilotSettingsDialog } from './PilotSettingsDialog'

/** The one pilot settings dialog of the Arena, open while the editor store names a pilot the kernel lists. */
export function PilotSettingsHost(): React.JSX.Element | null {
  const editing = usePilotEditorStore((s) => s.editing)
  const status = usePilotsStore((s) => (editing ? s.statuses?.[editing] : undefined))
  // Leaving the Arena drops unsaved edits, as Cancel would: coming back must not reopen a stale form.
  useEffect(() => closePilotSettings, [])
  // Keyed by pilot: switching pilots starts a fresh form rather than carrying edits across.
  return status ? <PilotSettingsDialog key={status.config.id} status={status} /> : null
}
