import type { Exchange } from 'ccxt'
import type { Logger } from '../../../ports/logger'

export type WireListener = (url: string, message: unknown) => void

interface TappableExchange {
  handleMessage(client: { url: string }, message: unknown): unknown
}

/**
 * Lets us see every WebSocket frame just before ccxt handles it. ccxt binds
 * `handleMessage` when it opens a connection, so replacing it on the instance
 * before the first watch call puts us in front of every frame. Listeners run
 * synchronously and never stop ccxt from seeing the frame.
 */
export class WireTap {
  private readonly listeners = new Set<WireListener>()

  constructor(exchange: Exchange, logger: Logger) {
    const target = exchange as unknown as TappableExchange
    const original = target.handleMessage.bind(exchange)
    target.handleMessage = (client, message) => {
      for (const listener of this.listeners) {
        try {
          listener(client.url, message)
        } catch (error) {
          logger.error('wire tap listener failed', { error: error instanceof Error ? error.message : String(error) })
        }
      }
      return original(client, message)
    }
  }

  add(listener: WireListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
