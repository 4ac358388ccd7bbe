import type { BaseWindow, Dialog, MessageBoxOptions } from 'electron'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import type { ApprovalRequest } from '../../../src/main/ports/approver'
import { createNativeApprover, type MessageBoxDialog } from '../../../src/main/shell/native-approver'

interface FakeWindow {
  name: string
}

/** A message box the test answers; like Electron, an aborted signal closes it as cancelled. */
class FakeMessageBoxDialog implements MessageBoxDialog<FakeWindow> {
  readonly shown: { window: FakeWindow; options: MessageBoxOptions; answer(response: number): void }[] = []
  ignoreAbort = false
  failWith: Error | null = null

  showMessageBox(window: FakeWindow, options: MessageBoxOptions): Promise<{ response: number }> {
    if (this.failWith) return Promise.reject(this.failWith)
    return new Promise((resolve) => {
      const answer = (response: number): void => resolve({ response })
      this.shown.push({ window, options, answer })
      if (!this.ignoreAbort) options.signal?.addEventListener('abort', () => answer(options.cancelId ?? 0))
    })
  }
}

function setup(window: FakeWindow | null = { name: 'main' }) {
  const clock = createTestClock(0)
  const dialog = new FakeMessageBoxDialog()
  const approver = createNativeApprover({ dialog, window: () => window, clock })
  return { clock, dialog, approver }
}

const request: ApprovalRequest = {
  id: 'req-1',
  title: 'Buy 5 BTC/USDT:USDT at market on paper-okx',
  details: ['Notional: 325,000', 'Leverage: 5x'],
  paramsHash: 'cd'.repeat(32),
  expiresAt: 30_000,
}

describe('native approver', () => {
  it('the real Electron dialog fits the parameter', () => {
    expectTypeOf<Dialog>().toExtend<MessageBoxDialog<BaseWindow>>()
  })

  it('shows a box on the main window with Approve/Deny, Deny being default and cancel', async () => {
    const { dialog, approver } = setup()
    const answer = approver.request(request)
    const [box] = dialog.shown
    expect(box?.window).toEqual({ name: 'main' })
    expect(box?.options).toMatchObject({ type: 'warning', message: request.title, buttons: ['Approve', 'Deny'], defaultId: 1, cancelId: 1, noLink: true })
    expect(box?.options.detail).toContain('Notional: 325,000\nLeverage: 5x')
    expect(box?.options.detail).toContain('30 s')
    expect(box?.options.signal).toBeInstanceOf(AbortSignal)
    box?.answer(0)
    await expect(answer).resolves.toBe('approved')
  })

  it('Deny, Escape or closing the box denies', async () => {
    const { dialog, approver } = setup()
    const answer = approver.request(request)
    dialog.shown[0]?.answer(1)
    await expect(answer).resolves.toBe('denied')
  })

  it('closes the box through its signal when time runs out, and says expired', async () => {
    const { clock, dialog, approver } = setup()
    const answer = approver.request(request)
    clock.advance(29_999)
    expect(dialog.shown[0]?.options.signal?.aborted).toBe(false)
    clock.advance(1)
    expect(dialog.shown[0]?.options.signal?.aborted).toBe(true)
    await expect(answer).resolves.toBe('expired')
  })

  it('is expired at the deadline even where the platform ignores the signal', async () => {
    const { clock, dialog, approver } = setup()
    dialog.ignoreAbort = true
    const answer = approver.request(request)
    clock.advance(30_000)
    await expect(answer).resolves.toBe('expired')
    dialog.shown[0]?.answer(0) // a click on the stale box changes nothing
    await expect(answer).resolves.toBe('expired')
  })

  it('no window, a failing dialog or an expired request are not approvals', async () => {
    const noWindow = setup(null)
    await expect(noWindow.approver.request(request)).resolves.toBe('denied')
    expect(noWindow.dialog.shown).toHaveLength(0)

    const failing = setup()
    failing.dialog.failWith = new Error('window destroyed')
    await expect(failing.approver.request(request)).resolves.toBe('denied')
    expect(failing.clock.pending()).toBe(0)

    const late = setup()
    late.clock.advance(30_000)
    await expect(late.approver.request(request)).resolves.toBe('expired')
    expect(late.dialog.shown).toHaveLength(0)
  })

  it('strips control characters and line breaks, so the text cannot fake extra lines', async () => {
    const { dialog, approver } = setup()
    void approver.request({ ...request, title: 'Buy\u202e 1 BTC\nfake line' })
    expect(dialog.shown[0]?.options.message).toBe('Buy? 1 BTC?fake line')
  })
})
