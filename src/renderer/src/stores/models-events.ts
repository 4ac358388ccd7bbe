import type { WorkstationClient } from '../../../shared/contract/client'
import { modelsChanged } from './models-store'

const wired = new WeakSet<WorkstationClient>()

/** Feeds Settings → Models from the kernel's events; once per client, whoever asks first (see wirePromptEvents). */
export function wireModelEvents(client: WorkstationClient): void {
  if (wired.has(client)) return
  wired.add(client)
  client.on('models.changed', () => modelsChanged())
}
