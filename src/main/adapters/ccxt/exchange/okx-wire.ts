import type { MarketStream } from '../../../ports/market-data-client'
import type { BookFrame } from '../market-data/book/l2-book'

/**
 * What one raw OKX v5 WebSocket frame means to us, decoded strictly. ccxt
 * parses the same frames for itself but lets a wrong-shaped book update
 * through silently (unparseable levels are skipped, the sequence becomes
 * undefined), so the frames that feed our book are checked here first.
 */
export type OkxWireEvent =
  | { type: 'book'; instId: string; frames: BookFrame[] }
  | { type: 'malformed'; channel: string | null; instId: string | null; detail: string }
  | { type: 'subscribed'; channel: string; instId: string | null }
  | { type: 'other' }

/** The channel carrying full-depth snapshots and sequenced deltas; the only one we keep a book from. */
export const OKX_BOOK_CHANNEL = 'books'

const OTHER: OkxWireEvent = { type: 'other' }

export function decodeOkxFrame(message: unknown): OkxWireEvent {
  if (typeof message === 'string') {
    if (message === 'pong') return OTHER
    // ccxt hands over text it could not parse as JSON: a broken frame.
    return { type: 'malformed', channel: field(message, 'channel'), instId: field(message, 'instId'), detail: `unparseable frame of ${message.length} bytes` }
  }
  if (!isRecord(message)) return { type: 'malformed', channel: null, instId: null, detail: `frame is ${typeof message}, expected an object` }
  const arg = isRecord(message['arg']) ? message['arg'] : null
  const channel = typeof arg?.['channel'] === 'string' ? arg['channel'] : null
  const instId = typeof arg?.['instId'] === 'string' ? arg['instId'] : null
  if (message['event'] === 'subscribe' && channel !== null) return { type: 'subscribed', channel, instId }
  if (channel !== OKX_BOOK_CHANNEL || message['event'] !== undefined) return OTHER
  if (instId === null) return { type: 'malformed', channel, instId, detail: 'book frame without instId' }
  const action = message['action']
  if (action !== 'snapshot' && action !== 'update') return { type: 'malformed', channel, instId, detail: `book action ${String(action)}` }
  const data = message['data']
  if (!Array.isArray(data) || data.length === 0) return { type: 'malformed', channel, instId, detail: 'book data is not a non-empty list' }
  const frames: BookFrame[] = []
  for (const item of data) {
    const frame = decodeBookItem(item, action)
    if (typeof frame === 'string') return { type: 'malformed', channel, instId, detail: frame }
    frames.push(frame)
  }
  return { type: 'book', instId, frames }
}

/** One element of a books push, or a description of what is wrong with it. */
export function decodeBookItem(item: unknown, action: 'snapshot' | 'update'): BookFrame | string {
  if (!isRecord(item)) return 'book entry is not an object'
  const bids = decodeLevels(item['bids'])
  if (typeof bids === 'string') return `bids: ${bids}`
  const asks = decodeLevels(item['asks'])
  if (typeof asks === 'string') return `asks: ${asks}`
  const seq = integer(item['seqId'])
  const prevSeq = integer(item['prevSeqId'])
  const timestamp = integer(item['ts'])
  if (seq === null) return `seqId ${JSON.stringify(item['seqId'])} is not an integer`
  if (prevSeq === null) return `prevSeqId ${JSON.stringify(item['prevSeqId'])} is not an integer`
  if (timestamp === null) return `ts ${JSON.stringify(item['ts'])} is not a time`
  return { action, bids, asks, seq, prevSeq, timestamp }
}

function decodeLevels(raw: unknown): number[] | string {
  if (!Array.isArray(raw)) return `expected a list of levels, received ${typeof raw}`
  // Filled by push, so V8 keeps a packed array of doubles (a pre-sized array starts out holey).
  const flat: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const level: unknown = raw[i]
    if (!Array.isArray(level) || level.length < 2) return `level ${i} is not [price, size, ...]`
    const price = decimal(level[0])
    const size = decimal(level[1])
    if (price === null || price <= 0) return `level ${i} price ${JSON.stringify(level[0])}`
    if (size === null || size < 0) return `level ${i} size ${JSON.stringify(level[1])}`
    flat.push(price, size)
  }
  return flat
}

function decimal(value: unknown): number | null {
  // Number('') is 0, so an empty string must be refused explicitly.
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || value.length === 0) return null
  const n = Number(value)
  return Number.isFinite(n) ? n : null
}

function integer(value: unknown): number | null {
  const n = decimal(value)
  return n !== null && Number.isInteger(n) ? n : null
}

function field(text: string, name: string): string | null {
  return new RegExp(`"${name}"\\s*:\\s*"([^"]*)"`).exec(text)?.[1] ?? null
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The OKX channel a stream arrives on, to recognise its subscription acknowledgement. */
export function okxChannelOf(stream: MarketStream): string {
  switch (stream.kind) {
    case 'ticker':
      return 'tickers'
    case 'book':
      return OKX_BOOK_CHANNEL
    case 'trades':
      return 'trades'
    case 'candles':
      return `candle${OKX_BARS[stream.timeframe]}`
    case 'funding':
      return 'funding-rate'
    case 'mark':
      return 'mark-price'
    default: {
      const unreachable: never = stream
      return unreachable
    }
  }
}

const OKX_BARS = { '1m': '1m', '5m': '5m', '15m': '15m', '1h': '1H', '4h': '4H', '1d': '1D' } as const
