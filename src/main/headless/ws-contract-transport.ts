import type { RawData, WebSocket } from 'ws'
import { isEventName } from '../../shared/contract/channels'
import { fail, type Envelope } from '../../shared/contract/envelope'
import { ClientFrameSchema, MAX_FRAME_BYTES, type ServerFrame } from '../../shared/contract/frames'
import type { Workstation } from '../core/workstation'
import type { Logger } from '../ports/logger'

/**
 * Serves the contract over one WebSocket connection with the JSON frames of
 * ARCHITECTURE.md. Every bad frame gets an error result; none closes the
 * connection or reaches a handler.
 */
export function serveContractOverWebSocket(socket: WebSocket, workstation: Workstation, logger: Logger): void {
  const subscriptions = new Map<string, () => void>()

  const send = (frame: ServerFrame): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame))
  }
  const sendResult = (id: string | number | null, envelope: Envelope<unknown>): void => {
    send(envelope.ok ? { type: 'result', id, ok: true, value: envelope.value } : { type: 'result', id, ok: false, error: envelope.error })
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    const size = byteLength(data)
    if (size > MAX_FRAME_BYTES) {
      logger.warn('refused an oversize frame', { size })
      return sendResult(null, fail('frame_too_large', `Frame of ${size} bytes exceeds the limit of ${MAX_FRAME_BYTES} bytes`))
    }
    if (isBinary) return sendResult(null, fail('malformed_frame', 'Expected a text frame holding JSON, received a binary frame'))

    let json: unknown
    try {
      json = JSON.parse(toText(data))
    } catch {
      return sendResult(null, fail('malformed_frame', 'Frame is not valid JSON'))
    }
    const parsed = ClientFrameSchema.safeParse(json)
    if (!parsed.success) {
      const id = typeof json === 'object' && json !== null && 'id' in json && (typeof json.id === 'string' || typeof json.id === 'number') ? json.id : null
      return sendResult(id, fail('malformed_frame', 'Expected {type: "call"|"subscribe"|"unsubscribe", ...}', parsed.error.issues.map((i) => i.message)))
    }
    const frame = parsed.data
    switch (frame.type) {
      case 'call':
        void workstation.dispatch(frame.channel, frame.input).then((envelope) => sendResult(frame.id, envelope))
        return
      case 'subscribe': {
        if (!isEventName(frame.channel)) return sendResult(null, fail('unknown_channel', `Unknown event channel ${JSON.stringify(frame.channel)}`))
        if (subscriptions.has(frame.channel)) return
        const channel = frame.channel
        subscriptions.set(channel, workstation.subscribe(channel, (payload) => send({ type: 'event', channel, payload })))
        return
      }
      case 'unsubscribe':
        subscriptions.get(frame.channel)?.()
        subscriptions.delete(frame.channel)
        return
      default:
        return assertNever(frame)
    }
  })

  socket.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe()
    subscriptions.clear()
  })
  socket.on('error', (error) => logger.warn('websocket error', { err: error }))
}

function byteLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0)
  return data instanceof ArrayBuffer ? data.byteLength : data.length
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}

function assertNever(value: never): never {
  throw new Error(`Unhandled frame ${JSON.stringify(value)}`)
}
