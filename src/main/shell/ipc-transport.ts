import { IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL, IPC_UNSUBSCRIBE_CHANNEL } from '../../shared/contract/bridge'
import { commandNames, isEventName, type EventName } from '../../shared/contract/channels'
import { fail } from '../../shared/contract/envelope'
import type { Workstation } from '../core/workstation'
import type { Logger } from '../ports/logger'
import type { ContentsLike, IpcEventLike, IpcListener, IpcMainLike } from './electron-surface'
import type { SenderVerdict } from './sender-guard'

export interface IpcTransportOptions {
  ipcMain: IpcMainLike
  workstation: Pick<Workstation, 'dispatch' | 'subscribe'>
  checkSender(event: IpcEventLike): SenderVerdict
  logger: Logger
}

/** What the preload receives on IPC_EVENT_CHANNEL. */
export interface IpcEventMessage {
  channel: EventName
  payload: unknown
}

interface ContentsSubscriptions {
  contents: ContentsLike
  channels: Map<EventName, () => void>
}

/**
 * Serves the contract over Electron IPC: one `handle` per command channel,
 * plus subscribe/unsubscribe messages that forward kernel events to the
 * subscribing window. Every message is sender-checked before anything runs;
 * input validation is the dispatcher's. Returns a disposer.
 */
export function registerIpcTransport(options: IpcTransportOptions): () => void {
  const { ipcMain, workstation, checkSender, logger } = options
  const byContents = new Map<number, ContentsSubscriptions>()

  const trusted = (event: IpcEventLike, what: string): boolean => {
    const verdict = checkSender(event)
    if (verdict.trusted) return true
    logger.warn('refused an IPC message from an untrusted sender', { what, reason: verdict.reason, url: event.senderFrame?.url })
    return false
  }

  for (const channel of commandNames) {
    ipcMain.handle(channel, (event, input) => {
      if (!trusted(event, channel)) {
        return fail('forbidden', `${channel} refused: calls are accepted only from the workstation's own window and page`)
      }
      return workstation.dispatch(channel, input)
    })
  }

  const onSubscribe: IpcListener = (event, channel) => {
    if (!trusted(event, `subscribe ${String(channel)}`)) return
    if (!isEventName(channel)) {
      logger.warn('ignored a subscription to an unknown event channel', { channel: String(channel).slice(0, 140) })
      return
    }
    const entry = entryFor(event.sender)
    if (entry.channels.has(channel)) return
    const contents = entry.contents
    entry.channels.set(
      channel,
      workstation.subscribe(channel, (payload) => {
        // A window can close between an event and its delivery.
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, { channel, payload } satisfies IpcEventMessage)
      }),
    )
  }

  const onUnsubscribe: IpcListener = (event, channel) => {
    if (!trusted(event, `unsubscribe ${String(channel)}`)) return
    if (!isEventName(channel)) return
    const entry = byContents.get(event.sender.id)
    entry?.channels.get(channel)?.()
    entry?.channels.delete(channel)
  }

  // Subscriptions belong to a web contents, not a page: after a reload the new
  // page subscribes again (a no-op for channels already held), and events for
  // channels it no longer wants are dropped by its preload.
  const entryFor = (contents: ContentsLike): ContentsSubscriptions => {
    let entry = byContents.get(contents.id)
    if (!entry) {
      entry = { contents, channels: new Map() }
      byContents.set(contents.id, entry)
      contents.once('destroyed', () => release(contents.id))
    }
    return entry
  }

  const release = (contentsId: number): void => {
    const entry = byContents.get(contentsId)
    if (!entry) return
    for (const unsubscribe of entry.channels.values()) unsubscribe()
    byContents.delete(contentsId)
  }

  ipcMain.on(IPC_SUBSCRIBE_CHANNEL, onSubscribe)
  ipcMain.on(IPC_UNSUBSCRIBE_CHANNEL, onUnsubscribe)

  return () => {
    for (const channel of commandNames) ipcMain.removeHandler(channel)
    ipcMain.removeListener(IPC_SUBSCRIBE_CHANNEL, onSubscribe)
    ipcMain.removeListener(IPC_UNSUBSCRIBE_CHANNEL, onUnsubscribe)
    for (const id of [...byContents.keys()]) release(id)
  }
}
