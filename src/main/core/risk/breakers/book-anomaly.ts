import type { RiskBook } from '../context'
import { bestPrice } from '../book-walk'
import type { BookCondition } from './breaker-types'

/**
 * Classifies a book for the breakers: empty (a side has no valid level),
 * crossed (best bid at or above best ask: the book is broken, or the venue
 * is mid-auction) or stale (older than `staleAfterMs`).
 */
export function classifyBook(book: RiskBook, now: number, staleAfterMs: number): BookCondition {
  const bid = bestPrice(book.bids)
  const ask = bestPrice(book.asks)
  if (bid === null || ask === null) return 'empty'
  if (bid >= ask) return 'crossed'
  return now - book.timestamp <= staleAfterMs ? 'ok' : 'stale'
}
