import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createTestClock } from '../../../src/main/core/clock/test-clock'
import { createTerminalApprover } from '../../../src/main/headless/terminal-approver'
import type { ApprovalAnswer, ApprovalRequest } from '../../../src/main/ports/approver'

function setup(codes = ['123456', '654321', '111111']) {
  const clock = createTestClock(0)
  const input = new PassThrough()
  const output = new PassThrough()
  let printed = ''
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')))
  const queue = [...codes]
  const approver = createTerminalApprover({ input, output, clock, newCode: () => queue.shift() ?? '999999' })
  return { clock, input, approver, printed: () => printed }
}

function request(id: string, overrides: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return { id, title: 'Enable LIVE trading on account live-okx', details: ['Orders on this account will go to the real venue, with real funds.'], paramsHash: 'ab'.repeat(32), expiresAt: 30_000, ...overrides }
}

/** Lets the streams and readline deliver what was written. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('terminal approver', () => {
  it('prints the title, details and a code, and approves when that code is typed', async () => {
    const { input, approver, printed } = setup()
    const answer = approver.request(request('req-1'))
    await settle()
    expect(printed()).toContain('Second approval needed')
    expect(printed()).toContain('Enable LIVE trading on account live-okx')
    expect(printed()).toContain('Orders on this account will go to the real venue, with real funds.')
    expect(printed()).toContain('type 123456 and press Enter within 30 s')
    input.write('  123456 \n')
    await expect(answer).resolves.toBe('approved')
    expect(printed()).toContain('APPROVED: Enable LIVE trading')
  })

  it('anything else denies, and denies everything pending so codes cannot be guessed', async () => {
    const { input, approver } = setup()
    const first = approver.request(request('req-1'))
    const second = approver.request(request('req-2', { title: 'Flatten everything on the whole desk' }))
    await settle()
    input.write('12345\n')
    await expect(first).resolves.toBe('denied')
    await expect(second).resolves.toBe('denied')
  })

  it('with several pending, a code approves only its own request', async () => {
    const { input, approver } = setup()
    const answers: Record<string, ApprovalAnswer> = {}
    void approver.request(request('req-1')).then((a) => (answers['req-1'] = a))
    void approver.request(request('req-2')).then((a) => (answers['req-2'] = a))
    await settle()
    input.write('654321\n')
    await settle()
    expect(answers).toEqual({ 'req-2': 'approved' })
    input.write('123456\n')
    await settle()
    expect(answers).toEqual({ 'req-1': 'approved', 'req-2': 'approved' })
  })

  it('blank lines are ignored; no code in time means expired', async () => {
    const { clock, input, approver, printed } = setup()
    const answer = approver.request(request('req-1', { expiresAt: 10_000 }))
    await settle()
    input.write('\n\n')
    await settle()
    clock.advance(9_999)
    await settle()
    let done = false
    void answer.then(() => (done = true))
    await settle()
    expect(done).toBe(false)
    clock.advance(1)
    await expect(answer).resolves.toBe('expired')
    expect(printed()).toContain('EXPIRED')
    // The code is dead once expired.
    input.write('123456\n')
    await settle()
    expect(clock.pending()).toBe(0)
  })

  it('a closed input denies what is pending and everything after', async () => {
    const { input, approver, printed } = setup()
    const pending = approver.request(request('req-1'))
    await settle()
    input.end()
    await expect(pending).resolves.toBe('denied')
    await expect(approver.request(request('req-2'))).resolves.toBe('denied')
    expect(printed()).toContain('its input is closed')
  })

  it('an already expired request is not shown; close() expires what is pending', async () => {
    const { clock, approver, printed } = setup()
    clock.advance(40_000)
    await expect(approver.request(request('req-1'))).resolves.toBe('expired')
    expect(printed()).toBe('')
    const pending = approver.request(request('req-2', { expiresAt: 70_000 }))
    approver.close()
    await expect(pending).resolves.toBe('expired')
    expect(clock.pending()).toBe(0)
  })

  it('control characters in the text cannot drive the terminal', async () => {
    const { approver, printed } = setup()
    void approver.request(request('req-1', { title: 'Buy \u001b[2J1 BTC', details: ['x\u001b]0;pwned\u0007'] }))
    await settle()
    expect(printed()).not.toContain('\u001b')
    expect(printed()).toContain('Buy ?[2J1 BTC')
    approver.close()
  })
})
