import { randomInt } from 'node:crypto'
import { createInterface, type Interface } from 'node:readline'
import type { Approver, ApprovalAnswer, ApprovalRequest } from '../ports/approver'
import type { Clock, TimerHandle } from '../ports/clock'

export interface TerminalApproverOptions {
  /** Where the trader types the code: the terminal's stdin in `npm run serve`. */
  input: NodeJS.ReadableStream
  /** Where the request is shown: stderr, since stdout carries only the READY line. */
  output: NodeJS.WritableStream
  clock: Clock
  /** Six digits; injectable so tests know the code. */
  newCode?: () => string
}

export interface TerminalApprover extends Approver {
  /** Refuses whatever is pending (as expired) and lets go of the input. */
  close(): void
}

interface Waiting {
  request: ApprovalRequest
  timer: TimerHandle
  resolve(answer: ApprovalAnswer): void
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const clean = (text: string): string => text.replace(CONTROL, '?')

const sixDigits = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0')

/**
 * The headless second approval: an out-of-band code printed on the terminal
 * that started the server, typed back on that terminal. A browser talking to
 * the server, or an agent, cannot see or type it. The right code approves its
 * request; any other line denies everything pending, so codes cannot be
 * guessed; no answer in time means no.
 */
export function createTerminalApprover(options: TerminalApproverOptions): TerminalApprover {
  const { input, output, clock } = options
  const newCode = options.newCode ?? sixDigits
  const waiting = new Map<string, Waiting>()
  let lines: Interface | null = null
  let inputEnded = false

  const say = (text: string): void => void output.write(`${text}\n`)

  function finish(code: string, answer: ApprovalAnswer, why: string): void {
    const entry = waiting.get(code)
    if (!entry) return
    waiting.delete(code)
    entry.timer.cancel()
    say(`${answer === 'approved' ? 'APPROVED' : answer === 'denied' ? 'DENIED' : 'EXPIRED'}: ${clean(entry.request.title)} (${why})`)
    entry.resolve(answer)
    // Stdin is held only while a code is awaited, so an idle server does not keep reading it.
    if (waiting.size === 0) release()
  }

  function release(): void {
    const current = lines
    lines = null
    current?.close()
  }

  function onLine(line: string): void {
    const typed = line.trim()
    if (typed === '') return // a stray Enter is not an answer
    if (waiting.has(typed)) return finish(typed, 'approved', 'code entered')
    for (const code of [...waiting.keys()]) finish(code, 'denied', 'the code typed did not match')
  }

  function listen(): void {
    if (lines) return
    // terminal: false leaves the TTY in cooked mode, so Ctrl-C still stops the server.
    const current = createInterface({ input, terminal: false })
    lines = current
    current.on('line', onLine)
    current.on('close', () => {
      if (lines !== current) return // closed by release(), not by the input ending
      lines = null
      inputEnded = true
      for (const code of [...waiting.keys()]) finish(code, 'denied', 'the terminal input closed')
    })
  }

  function request(req: ApprovalRequest): Promise<ApprovalAnswer> {
    const remainingMs = req.expiresAt - clock.now()
    if (remainingMs <= 0) return Promise.resolve('expired')
    if (inputEnded) {
      say(`DENIED: ${clean(req.title)} (needs a second approval on this terminal, but its input is closed)`)
      return Promise.resolve('denied')
    }
    let code = newCode()
    while (waiting.has(code)) code = newCode()
    const seconds = Math.ceil(remainingMs / 1000)
    say(
      [
        '',
        '┌─ Second approval needed ──────────────────────────────',
        `│ ${clean(req.title)}`,
        ...req.details.map((detail) => `│   ${clean(detail)}`),
        `│ Request ${clean(req.id)}, parameters ${req.paramsHash.slice(0, 12)}`,
        `│ To approve, type ${code} and press Enter within ${seconds} s.`,
        '│ Anything else denies it.',
        '└───────────────────────────────────────────────────────',
      ].join('\n'),
    )
    return new Promise<ApprovalAnswer>((resolve) => {
      const timer = clock.setTimeout(() => finish(code, 'expired', 'no code in time'), remainingMs)
      waiting.set(code, { request: req, timer, resolve })
      listen()
    })
  }

  return {
    request,
    close() {
      for (const code of [...waiting.keys()]) finish(code, 'expired', 'the server is stopping')
      release()
    },
  }
}

/** The real terminal: codes typed on stdin, requests shown on stderr. */
export function createStdioApprover(clock: Clock): TerminalApprover {
  return createTerminalApprover({ input: process.stdin, output: process.stderr, clock })
}
