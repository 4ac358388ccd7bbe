import { describe, expect, it } from 'vitest'
import { createSenderGuard } from '../../../src/main/shell/sender-guard'
import { createFakeFrame, FakeWebContents } from '../../support/fake-electron'

const APP_URL = 'http://localhost:5173/'
const isAppUrl = (url: string): boolean => url.startsWith(APP_URL)

describe('sender guard', () => {
  it('trusts the main frame of the main window on the app URL', () => {
    const main = new FakeWebContents(APP_URL)
    const check = createSenderGuard({ mainContents: () => main, isAppUrl })
    expect(check({ sender: main, senderFrame: main.mainFrame })).toEqual({ trusted: true })
  })

  it('accepts a second wrapper of the same frame (same process and routing id)', () => {
    const main = new FakeWebContents(APP_URL)
    const check = createSenderGuard({ mainContents: () => main, isAppUrl })
    expect(check({ sender: main, senderFrame: { ...main.mainFrame } })).toEqual({ trusted: true })
  })

  it('names the reason for each refusal', () => {
    const main = new FakeWebContents(APP_URL)
    const other = new FakeWebContents(APP_URL)
    const check = createSenderGuard({ mainContents: () => main, isAppUrl })
    const reason = (verdict: ReturnType<typeof check>): string => (verdict.trusted ? 'trusted' : verdict.reason)

    expect(reason(check({ sender: main, senderFrame: null }))).toMatch(/gone/)
    expect(reason(check({ sender: other, senderFrame: other.mainFrame }))).toMatch(/is not the main window/)
    expect(reason(check({ sender: main, senderFrame: createFakeFrame(APP_URL, main.mainFrame) }))).toMatch(/not the main frame/)
    main.mainFrame.url = 'https://evil.example/x'
    expect(reason(check({ sender: main, senderFrame: main.mainFrame }))).toMatch(/foreign URL "https:\/\/evil.example\/x"/)
    expect(reason(createSenderGuard({ mainContents: () => null, isAppUrl })({ sender: main, senderFrame: main.mainFrame }))).toMatch(/no main window/)
  })
})
