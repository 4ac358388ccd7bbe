import type { Page, WebSocketRoute } from '@playwright/test'

/** Answers a call in place of the kernel; may push events first through `kernel.push`. */
export type ScriptedAnswer = (input: unknown, kernel: ScriptedKernel) => unknown

export interface ScriptedKernel {
  /** An event frame to the page, as if the kernel had published it. */
  push(channel: string, payload: unknown): void
}

/**
 * Sits in the page's WebSocket to the real kernel: the channels named in
 * `answers` are answered here, everything else (and every event) goes to and
 * from the kernel untouched. For UI states the kernel cannot be brought into
 * on demand: a halted desk, a kill switch in progress, an approval waiting.
 */
export async function scriptKernel(page: Page, answers: Record<string, ScriptedAnswer>): Promise<ScriptedKernel> {
  let route: WebSocketRoute | null = null
  const kernel: ScriptedKernel = {
    push(channel, payload) {
      if (!route) throw new Error('the page has not opened its WebSocket yet')
      route.send(JSON.stringify({ type: 'event', channel, payload }))
    },
  }
  await page.routeWebSocket(/\/ws\?token=/, (ws) => {
    route = ws
    const server = ws.connectToServer()
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { type: string; id?: number; channel?: string; input?: unknown }
      const answer = frame.type === 'call' && frame.channel ? answers[frame.channel] : undefined
      if (!answer) return server.send(message)
      void Promise.resolve(answer(frame.input, kernel)).then((value) => ws.send(JSON.stringify({ type: 'result', id: frame.id, ok: true, value })))
    })
  })
  return kernel
}
