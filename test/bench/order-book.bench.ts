// Order book maintenance benchmark: our OKX book (strict frame decoding plus a
// typed-array L2 book with the best level last) against ccxt's own OrderBook
// and ccxt.pro okx's handleOrderBook, on the same replayed delta stream, in the
// same run (the machines are shared and noisy, so only ratios are comparable).
// The stream is a seeded random walk shaped like OKX's 'books' channel: a
// 400-level snapshot, then updates of 1-8 levels concentrated near the touch,
// a quarter of them deletions, with the mid moving and crossing levels cleared.
import ccxt from 'ccxt'
import { decodeOkxFrame } from '../../src/main/adapters/ccxt/exchange/okx-wire'
import { L2Book, type BookFrame } from '../../src/main/adapters/ccxt/market-data/book/l2-book'
import { reportBench, withBaseline } from './support/report'

const MESSAGES = 20_000
const DEPTH = 400
const ROUNDS = 7
const INST = 'BTC-USDT-SWAP'
const ARG = { channel: 'books', instId: INST }

function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Wire = [string, string, string, string]
const px = (ticks: number): string => (ticks / 10).toFixed(1)
const level = (ticks: number, size: number): Wire => [px(ticks), String(size), '0', size > 0 ? '1' : '0']

/** Raw OKX frames (JSON text): one snapshot, then MESSAGES sequenced updates. */
function generateStream(seed: number): { frames: string[]; deltas: number } {
  const rand = mulberry32(seed)
  const size = (): number => 1 + Math.floor(rand() * 500)
  let mid = 600_000 // in ticks of 0.1
  const bids = new Map<number, number>()
  const asks = new Map<number, number>()
  for (let i = 1; i <= DEPTH; i++) {
    bids.set(mid - i, size())
    asks.set(mid + i, size())
  }
  let seq = 1_000_000
  const frames: string[] = []
  const toWire = (m: Map<number, number>): Wire[] => [...m].map(([p, s]) => level(p, s))
  frames.push(JSON.stringify({ arg: ARG, action: 'snapshot', data: [{ asks: toWire(asks), bids: toWire(bids), ts: '1700000000000', checksum: 0, seqId: seq, prevSeqId: -1 }] }))
  let deltas = 0
  for (let n = 0; n < MESSAGES; n++) {
    const changedBids = new Map<number, number>()
    const changedAsks = new Map<number, number>()
    const set = (side: 'bid' | 'ask', p: number, s: number): void => {
      const book = side === 'bid' ? bids : asks
      if (s === 0) book.delete(p)
      else book.set(p, s)
      ;(side === 'bid' ? changedBids : changedAsks).set(p, s)
    }
    if (rand() < 0.3) {
      mid += Math.round((rand() - 0.5) * 6)
      for (const p of [...bids.keys()]) if (p >= mid) set('bid', p, 0)
      for (const p of [...asks.keys()]) if (p <= mid) set('ask', p, 0)
    }
    const changes = 1 + Math.floor(rand() * 8)
    for (let c = 0; c < changes; c++) {
      const side = rand() < 0.5 ? 'bid' : 'ask'
      const distance = Math.floor(-Math.log(1 - rand()) * 15)
      const p = side === 'bid' ? mid - 1 - distance : mid + 1 + distance
      const exists = (side === 'bid' ? bids : asks).has(p)
      set(side, p, exists && rand() < 0.25 ? 0 : size())
    }
    for (const [book, side] of [[bids, 'bid'], [asks, 'ask']] as const) {
      while (book.size > DEPTH) set(side, side === 'bid' ? Math.min(...book.keys()) : Math.max(...book.keys()), 0)
    }
    deltas += changedBids.size + changedAsks.size
    const data = { asks: [...changedAsks].map(([p, s]) => level(p, s)), bids: [...changedBids].map(([p, s]) => level(p, s)), ts: String(1700000000000 + n), checksum: 0, seqId: seq + 1, prevSeqId: seq }
    seq++
    frames.push(JSON.stringify({ arg: ARG, action: 'update', data: [data] }))
  }
  return { frames, deltas }
}

/**
 * Median ns per delta of `ours` and `theirs`, each processing the whole stream
 * once per round. The two alternate round by round, so drift on a shared
 * machine (another job, a GC) hits both alike.
 */
function measurePair(deltas: number, ours: () => void, theirs: () => void): [number, number] {
  ours() // warm-up
  theirs()
  const a: number[] = []
  const b: number[] = []
  const time = (run: () => void): number => {
    const started = process.hrtime.bigint()
    run()
    return Number(process.hrtime.bigint() - started) / deltas
  }
  for (let r = 0; r < ROUNDS; r++) {
    a.push(time(ours))
    b.push(time(theirs))
  }
  const median = (xs: number[]): number => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  return [median(a), median(b)]
}

function decode(message: unknown): BookFrame[] {
  const event = decodeOkxFrame(message)
  if (event.type !== 'book') throw new Error(`benchmark stream produced ${event.type}`)
  return event.frames
}

function main(): void {
  const { frames, deltas } = generateStream(42)
  const parsed = frames.map((f) => JSON.parse(f) as unknown)
  const decoded = parsed.flatMap(decode)
  const okx = new ccxt.pro.okx({})
  okx.setMarkets([
    {
      id: INST, symbol: 'BTC/USDT:USDT', base: 'BTC', quote: 'USDT', settle: 'USDT', baseId: 'BTC', quoteId: 'USDT', settleId: 'USDT', type: 'swap', spot: false, margin: false, swap: true,
      future: false, option: false, active: true, contract: true, linear: true, inverse: false, contractSize: 0.01, expiry: undefined, expiryDatetime: undefined, strike: undefined,
      optionType: undefined, precision: { amount: 1, price: 0.1 }, limits: { amount: {}, price: {}, cost: {}, leverage: {} }, created: undefined, info: {},
    } as never,
  ])
  let sink = 0

  // Parse: from frame text to numeric levels. Ours decodes strictly; ccxt reads each level with safeFloat.
  const [parseOurs, parseCcxt] = measurePair(deltas, () => {
    for (const f of frames) sink += decode(JSON.parse(f))[0]!.bids.length
  }, () => {
    for (const f of frames) {
      const item = (JSON.parse(f) as { data: { bids: unknown[][]; asks: unknown[][] }[] }).data[0]!
      for (const l of item.bids) sink += (okx.safeFloat(l, 0) ?? 0) + (okx.safeFloat(l, 1) ?? 0)
      for (const l of item.asks) sink += (okx.safeFloat(l, 0) ?? 0) + (okx.safeFloat(l, 1) ?? 0)
    }
  })

  // Apply: the same numeric deltas into our L2 book and into ccxt's OrderBook (store per level).
  const [applyOurs, applyCcxt] = measurePair(deltas, () => {
    const book = new L2Book()
    for (const frame of decoded) if (book.apply(frame) !== 'applied') throw new Error('the stream broke our book')
    sink += book.bids.length
  }, () => {
    const book = okx.orderBook({}, DEPTH)
    for (const frame of decoded) {
      for (let i = 0; i < frame.bids.length; i += 2) book.bids.store(frame.bids[i]!, frame.bids[i + 1]!)
      for (let i = 0; i < frame.asks.length; i += 2) book.asks.store(frame.asks[i]!, frame.asks[i + 1]!)
    }
    sink += book.bids.length
  })

  // End to end from parsed JSON (the JSON.parse both share is left out): decode + apply with sequence
  // checks, against ccxt.pro okx's own handleOrderBook on the same messages.
  const symbol = okx.safeMarket(INST).symbol
  const client = { subscriptions: { [`books:${symbol}`]: true }, resolve: () => {}, reject: (e: unknown) => { throw e } }
  const [e2eOurs, e2eCcxt] = measurePair(deltas, () => {
    const book = new L2Book()
    for (const message of parsed) for (const frame of decode(message)) book.apply(frame)
    sink += book.asks.length
  }, () => {
    for (const message of parsed) okx.handleOrderBook(client as never, message as never)
    sink += okx.orderbooks[symbol]!.asks.length
  })

  const ours = new L2Book()
  for (const frame of decoded) ours.apply(frame)
  const theirs = okx.orderbooks[symbol]!
  const same = JSON.stringify(ours.top(DEPTH).bids) === JSON.stringify(theirs.bids.slice(0, DEPTH)) && JSON.stringify(ours.top(DEPTH).asks) === JSON.stringify(theirs.asks.slice(0, DEPTH))
  if (!same) throw new Error('our book and ccxt book disagree after the replay')
  console.log(`${MESSAGES} messages, ${deltas} deltas (${(deltas / MESSAGES).toFixed(2)} per message), books agree; sink ${sink > 0}`)

  reportBench([
    withBaseline('order book parse: frame text to levels (baseline: ccxt safeFloat)', parseOurs, 'ns/delta', parseCcxt),
    withBaseline('order book apply: L2Book vs ccxt OrderBook.store', applyOurs, 'ns/delta', applyCcxt),
    withBaseline('order book decode+apply from JSON (baseline: ccxt.pro okx handleOrderBook)', e2eOurs, 'ns/delta', e2eCcxt),
  ])
}

main()
