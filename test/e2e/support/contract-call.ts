import WebSocket from 'ws'
import type { Envelope } from '../../../src/shared/contract/envelope'
import type { RunningServer } from './serve'

const CALL_TIMEOUT_MS = 10_000

/**
 * One contract call straight to the headless server's WebSocket (outside the
 * page), for a test to ask the kernel what it can do before driving the UI.
 */
export async function callContract(server: RunningServer, channel: string, input?: unknown): Promise<Envelope<unknown>> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(server.token)}`, { headers: { origin: `http://127.0.0.1:${server.port}` } })
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    return await new Promise<Envelope<unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${channel}: no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS)
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { type: string; id?: unknown; ok?: boolean; value?: unknown; error?: { code: never; message: string } }
        if (frame.type !== 'result' || frame.id !== 1) return
        clearTimeout(timer)
        resolve(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error! })
      })
      socket.send(JSON.stringify({ type: 'call', id: 1, channel, input }))
    })
  } finally {
    socket.close()
  }
}

/** Which parts of the order path the kernel serves; each lands on its own, and until then answers "... is not available yet". */
export interface OrderPathWiring {
  accounts: boolean
  orders: boolean
  portfolio: boolean
  /** Rules, breaker states, pause/resume, kill switch and lift-halt. */
  risk: boolean
  approvals: boolean
  exchanges: boolean
}

const answered = (envelope: Envelope<unknown>): boolean => envelope.ok || !(envelope.error.code === 'unavailable' && /not available yet/.test(envelope.error.message))

/** Probes each part with a read-only call. */
export async function orderPathWiring(server: RunningServer): Promise<OrderPathWiring> {
  const probe = async (channel: string, input?: unknown): Promise<boolean> => answered(await callContract(server, channel, input))
  return {
    accounts: await probe('accounts.list'),
    orders: await probe('orders.list', { scope: 'open', limit: 1 }),
    portfolio: await probe('portfolio.snapshot'),
    risk: await probe('risk.getConfig'),
    approvals: await probe('approvals.pending'),
    exchanges: await probe('exchanges.keyStatus', { accountId: 'probe' }),
  }
}
