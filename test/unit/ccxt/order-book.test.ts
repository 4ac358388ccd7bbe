import { describe, expect, it } from 'vitest'
import { decodeOkxFrame, okxChannelOf } from '../../../src/main/adapters/ccxt/exchange/okx-wire'
import { BookSide } from '../../../src/main/adapters/ccxt/market-data/book/book-side'
import { L2Book, type BookFrame } from '../../../src/main/adapters/ccxt/market-data/book/l2-book'

const frame = (action: BookFrame['action'], bids: number[], asks: number[], seq: number, prevSeq: number): BookFrame => ({ action, bids, asks, seq, prevSeq, timestamp: 1 })

describe('book side', () => {
  it('keeps levels sorted best first, updates, and removes on size 0', () => {
    const bids = new BookSide('bids', 2)
    for (const [p, s] of [[100, 1], [102, 2], [101, 3], [99, 4]] as const) bids.set(p, s)
    expect(bids.levels()).toEqual([[102, 2], [101, 3], [100, 1], [99, 4]])
    bids.set(101, 0)
    bids.set(102, 5)
    bids.set(98, 0)
    expect(bids.levels(2)).toEqual([[102, 5], [100, 1]])
    const asks = new BookSide('asks')
    for (const [p, s] of [[101, 1], [100.5, 2], [103, 3]] as const) asks.set(p, s)
    expect(asks.levels()).toEqual([[100.5, 2], [101, 1], [103, 3]])
    expect(asks.best()).toEqual([100.5, 2])
  })

  it('matches a naive sorted map over a long random walk', () => {
    const side = new BookSide('asks', 4)
    const reference = new Map<number, number>()
    let seed = 7
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const price = 100 + Math.floor(rand() * 200) / 10
      const size = rand() < 0.3 ? 0 : Math.floor(rand() * 50) + 1
      side.set(price, size)
      if (size === 0) reference.delete(price)
      else reference.set(price, size)
    }
    expect(side.levels()).toEqual([...reference.entries()].sort((a, b) => a[0] - b[0]))
  })
})

describe('L2 book with sequence continuity', () => {
  it('applies a snapshot then deltas that follow it', () => {
    const book = new L2Book()
    expect(book.apply(frame('update', [1, 1], [], 5, 4))).toBe('awaiting_snapshot')
    expect(book.apply(frame('snapshot', [100, 1, 99, 2], [101, 1], 10, -1))).toBe('applied')
    expect(book.apply(frame('update', [100, 0, 99.5, 3], [], 11, 10))).toBe('applied')
    expect(book.top(5)).toEqual({ bids: [[99.5, 3], [99, 2]], asks: [[101, 1]] })
    expect(book.sequence).toBe(11)
  })

  it('reports a gap when prevSeqId does not follow, and stays unusable until a snapshot', () => {
    const book = new L2Book()
    book.apply(frame('snapshot', [100, 1], [101, 1], 10, -1))
    expect(book.apply(frame('update', [100, 2], [], 12, 11))).toBe('gap')
    expect(book.isSynced).toBe(false)
    expect(book.apply(frame('update', [100, 2], [], 13, 12))).toBe('awaiting_snapshot')
    expect(book.apply(frame('snapshot', [100, 5], [101, 1], 20, -1))).toBe('applied')
  })

  it('accepts OKX keep-alive updates (prevSeqId equal to seqId) and refuses a crossed book', () => {
    const book = new L2Book()
    book.apply(frame('snapshot', [100, 1], [101, 1], 10, -1))
    expect(book.apply(frame('update', [], [], 10, 10))).toBe('applied')
    expect(book.apply(frame('update', [101.5, 1], [], 11, 10))).toBe('crossed')
  })
})

describe('OKX wire decoder', () => {
  const arg = { channel: 'books', instId: 'BTC-USDT-SWAP' }
  it('decodes snapshots and updates strictly', () => {
    const event = decodeOkxFrame({ arg, action: 'update', data: [{ asks: [['60000.1', '5', '0', '1']], bids: [['59999.9', '0', '0', '0']], ts: '1700000000000', checksum: 0, seqId: 11, prevSeqId: 10 }] })
    expect(event).toEqual({ type: 'book', instId: 'BTC-USDT-SWAP', frames: [{ action: 'update', asks: [60000.1, 5], bids: [59999.9, 0], seq: 11, prevSeq: 10, timestamp: 1700000000000 }] })
  })

  it('calls truncated JSON and wrong shapes malformed, naming the instrument when it can', () => {
    expect(decodeOkxFrame('{"arg":{"channel":"books","instId":"BTC-USDT-SWAP"},"action":"update","data":[{"asks":[["600')).toMatchObject({ type: 'malformed', channel: 'books', instId: 'BTC-USDT-SWAP' })
    const shape = decodeOkxFrame({ arg, action: 'update', data: [{ asks: 'garbage', bids: { price: '1' }, ts: 'not-a-time', checksum: 'x', seqId: 'x', prevSeqId: 'y' }] })
    expect(shape).toMatchObject({ type: 'malformed', instId: 'BTC-USDT-SWAP' })
    expect(decodeOkxFrame({ arg, action: 'update', data: [{ asks: [['', '1']], bids: [], ts: '1', seqId: 1, prevSeqId: 0 }] })).toMatchObject({ type: 'malformed' })
    expect(decodeOkxFrame('pong')).toEqual({ type: 'other' })
  })

  it('recognises subscription acknowledgements and ignores other channels', () => {
    expect(decodeOkxFrame({ event: 'subscribe', arg: { channel: 'trades', instId: 'BTC-USDT-SWAP' }, connId: 'a' })).toEqual({ type: 'subscribed', channel: 'trades', instId: 'BTC-USDT-SWAP' })
    expect(decodeOkxFrame({ arg: { channel: 'tickers', instId: 'BTC-USDT-SWAP' }, data: [{}] })).toEqual({ type: 'other' })
    expect(okxChannelOf({ kind: 'candles', symbol: 'x', timeframe: '4h' })).toBe('candle4H')
    expect(okxChannelOf({ kind: 'mark', symbol: 'x' })).toBe('mark-price')
  })
})
