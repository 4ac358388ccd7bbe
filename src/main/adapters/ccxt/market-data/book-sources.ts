import type { OrderBook } from '../../../../shared/domain/market'
import type { MarketEvent } from '../../../ports/market-data-client'
import type { OkxWireEvent } from '../exchange/okx-wire'
import { L2Book } from './book/l2-book'
import { toOrderBook } from './convert-market'
import { unwatchQuietly, type SourceContext } from './source-context'
import type { StreamSource } from './stream-runner'

/** Books kept from the venue's raw frames: the wire feeds them, the watcher keeps the subscription. */
export interface WireBookSource extends StreamSource {
  onWire(event: Extract<OkxWireEvent, { type: 'book' | 'malformed' }>): void
}

/**
 * The book we keep ourselves from OKX's sequenced frames (seqId/prevSeqId).
 * ccxt keeps its own copy from the same frames and is still the one that
 * subscribes and reconnects; our copy is checked frame by frame, so a gap or
 * a broken frame forces a resubscribe at once instead of one frame later.
 */
export function ownBookWatch(ctx: SourceContext, depth: number): WireBookSource {
  const { exchange, instrument } = ctx
  const book = new L2Book()
  const close = (): Promise<void> => (ctx.profile.unwatch.book ? unwatchQuietly(ctx, () => exchange.unWatchOrderBook(instrument.symbol)) : Promise.resolve())
  return {
    onWire(event) {
      if (event.type === 'malformed') {
        book.reset()
        ctx.requestResync(`malformed frame: ${event.detail}`)
        return
      }
      for (const frame of event.frames) {
        const outcome = book.apply(frame)
        switch (outcome) {
          case 'applied':
          case 'awaiting_snapshot':
            break
          case 'gap':
            ctx.requestResync(`sequence gap: prevSeqId ${frame.prevSeq} does not follow ${book.sequence ?? 'nothing'}`)
            return
          case 'crossed':
            ctx.requestResync('book crossed after an update')
            return
          default: {
            const unreachable: never = outcome
            return unreachable
          }
        }
      }
    },
    next: async () => {
      await exchange.watchOrderBook(instrument.symbol)
      if (!book.isSynced) return []
      const top = book.top(depth)
      const snapshot: OrderBook = { venue: instrument.venue, symbol: instrument.symbol, bids: top.bids, asks: top.asks, sequence: book.sequence, timestamp: book.timestamp }
      return [{ kind: 'book', book: snapshot } satisfies MarketEvent]
    },
    resubscribe: async () => {
      book.reset()
      await close()
    },
    close,
  }
}

/**
 * ccxt's own book, for venues whose frames we do not decode. ccxt checks the
 * sequence where it knows how (it rejects with InvalidNonce); we check what
 * it gives us: sane levels, not crossed, sequence never going backwards.
 */
export function ccxtBookWatch(ctx: SourceContext, depth: number): StreamSource {
  const { exchange, instrument } = ctx
  let lastSequence: number | null = null
  const close = (): Promise<void> => (ctx.profile.unwatch.book ? unwatchQuietly(ctx, () => exchange.unWatchOrderBook(instrument.symbol)) : Promise.resolve())
  return {
    next: async () => {
      const raw = await exchange.watchOrderBook(instrument.symbol)
      const book = toOrderBook(instrument.venue, instrument.symbol, raw, depth, ctx.clock.now())
      if (typeof book === 'string') {
        ctx.requestResync(`unusable book from ccxt: ${book}`)
        return []
      }
      if (book.sequence !== null && lastSequence !== null && book.sequence < lastSequence) {
        ctx.requestResync(`sequence went back from ${lastSequence} to ${book.sequence}`)
        return []
      }
      lastSequence = book.sequence
      return [{ kind: 'book', book }]
    },
    resubscribe: async () => {
      lastSequence = null
      await close()
    },
    close,
  }
}
