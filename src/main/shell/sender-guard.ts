import type { ContentsLike, FrameLike, IpcEventLike } from './electron-surface'

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string }

export interface SenderGuardOptions {
  /** The main window's web contents, or null while there is none. */
  mainContents(): ContentsLike | null
  /** True for the app's own page (built file or dev server). */
  isAppUrl(url: string): boolean
}

/**
 * Decides whether an IPC message may reach the kernel: it must come from the
 * main window's own top frame, showing the app's own page. An iframe, another
 * window, or the main frame after it navigated somewhere foreign is refused.
 */
export function createSenderGuard(options: SenderGuardOptions): (event: IpcEventLike) => SenderVerdict {
  return (event) => {
    const frame = event.senderFrame
    if (frame === null || frame.detached) return refuse('the sending frame is gone or detached')
    const main = options.mainContents()
    if (main === null || main.isDestroyed()) return refuse('there is no main window')
    if (event.sender.id !== main.id) return refuse(`web contents ${event.sender.id} is not the main window (${main.id})`)
    if (!isSameFrame(frame, main.mainFrame)) return refuse('the sending frame is not the main frame')
    if (!options.isAppUrl(frame.url)) return refuse(`the main frame shows a foreign URL ${JSON.stringify(frame.url.slice(0, 200))}`)
    return { trusted: true }
  }
}

// Electron hands out one wrapper per frame, so identity is the normal match;
// the ids are the fallback should a second wrapper ever appear for the same frame.
function isSameFrame(a: FrameLike, b: FrameLike): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId)
}

function refuse(reason: string): SenderVerdict {
  return { trusted: false, reason }
}
