import type { WorkstationClient } from '../../../shared/contract/client'
import { editorVersionArrived } from './prompts-editor-store'
import { promptVersionSaved } from './prompts-store'

const wired = new WeakSet<WorkstationClient>()

/**
 * Feeds the Prompt studio from the kernel's events: a version saved in
 * another window, by an import or a rollback lands in the list, the history
 * and (if it has no unsaved edits) the open editor. Subscribes once per
 * client whoever asks first (connect() or the page on mount), so a re-mount
 * never doubles it; the transport restores it after a reconnect.
 */
export function wirePromptEvents(client: WorkstationClient): void {
  if (wired.has(client)) return
  wired.add(client)
  client.on('prompts.changed', (version) => {
    promptVersionSaved(version)
    editorVersionArrived(version)
  })
}
