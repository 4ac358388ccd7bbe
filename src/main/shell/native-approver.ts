import type { MessageBoxOptions } from 'electron'
import type { Approver, ApprovalAnswer, ApprovalRequest } from '../ports/approver'
import type { Clock } from '../ports/clock'

/** The part of Electron's `dialog` this uses; the real one fits with W = BaseWindow. */
export interface MessageBoxDialog<W> {
  showMessageBox(window: W, options: MessageBoxOptions): Promise<{ response: number }>
}

export interface NativeApproverOptions<W> {
  dialog: MessageBoxDialog<W>
  /** The main window the box is modal to, or null when none is open. */
  window: () => W | null
  clock: Clock
}

const APPROVE = 0
const DENY = 1

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const clean = (text: string): string => text.replace(CONTROL, '?')

/**
 * The Electron second approval: a native message box on the main window,
 * drawn by the OS outside the renderer, so a compromised page can neither
 * fake nor click it. Deny is the default and the cancel button; when time
 * runs out the box is closed through its AbortSignal and the answer is
 * expired, even if the platform ignores the signal.
 */
export function createNativeApprover<W>(options: NativeApproverOptions<W>): Approver {
  const { dialog, clock } = options

  function boxOptions(request: ApprovalRequest, seconds: number, signal: AbortSignal): MessageBoxOptions {
    return {
      type: 'warning',
      title: 'Second approval',
      message: clean(request.title),
      detail: [...request.details.map(clean), '', `Closes as denied in ${seconds} s without an answer.`, `Request ${clean(request.id)} · parameters ${request.paramsHash.slice(0, 12)}`].join('\n'),
      buttons: ['Approve', 'Deny'],
      defaultId: DENY,
      cancelId: DENY,
      noLink: true,
      signal,
    }
  }

  return {
    request(request) {
      const remainingMs = request.expiresAt - clock.now()
      if (remainingMs <= 0) return Promise.resolve('expired')
      const window = options.window()
      // No window to be modal to means nobody is looking: no answer means no.
      if (window === null) return Promise.resolve('denied')

      return new Promise<ApprovalAnswer>((resolve) => {
        const controller = new AbortController()
        let done = false
        const finish = (answer: ApprovalAnswer): void => {
          if (done) return
          done = true
          timer.cancel()
          resolve(answer)
        }
        const timer = clock.setTimeout(() => {
          controller.abort()
          finish('expired')
        }, remainingMs)
        dialog.showMessageBox(window, boxOptions(request, Math.ceil(remainingMs / 1000), controller.signal)).then(
          ({ response }) => {
            if (controller.signal.aborted || clock.now() >= request.expiresAt) finish('expired')
            else finish(response === APPROVE ? 'approved' : 'denied')
          },
          () => finish('denied'),
        )
      })
    },
  }
}
