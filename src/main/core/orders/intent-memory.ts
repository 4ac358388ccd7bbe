import type { AccountId } from '../../../shared/domain/account'
import type { OrderIntent } from '../../../shared/domain/intent'
import type { MarketSymbol } from '../../../shared/domain/market'
import type { RecentIntent } from '../risk'

/** Order timestamps older than this never matter: the rate rule counts per second. */
const ORDER_TIMES_MS = 60_000
/** Bounds memory whatever the config says. */
const MAX_RECENT = 500

export interface IntentMemory {
  /** An intent that was sent: kept for duplicate detection and the rate throttle. */
  remember(intent: OrderIntent, sentAt: number): void
  recentIntents(accountId: AccountId, now: number, windowMs: number): RecentIntent[]
  orderTimes(accountId: AccountId, now: number): number[]
  /** The leverage we last set on a symbol, so only raising it needs approval. */
  leverage(accountId: AccountId, symbol: MarketSymbol): number | null
  setLeverage(accountId: AccountId, symbol: MarketSymbol, leverage: number): void
}

/**
 * What the risk engine must know about recent activity that no venue tells
 * us: kept in memory, since after a restart a fresh window is the cautious
 * choice only for the rate (nothing sent yet) and duplicates of orders sent
 * before the restart are in the journal for the trader to see.
 */
export function createIntentMemory(): IntentMemory {
  const recent = new Map<AccountId, RecentIntent[]>()
  const times = new Map<AccountId, number[]>()
  const leverages = new Map<string, number>()

  return {
    remember(intent, sentAt) {
      const list = recent.get(intent.accountId) ?? []
      list.push({
        id: intent.id,
        accountId: intent.accountId,
        symbol: intent.symbol,
        side: intent.side,
        type: intent.type,
        amount: intent.amount,
        price: intent.price,
        createdAt: intent.createdAt,
      })
      recent.set(intent.accountId, list.slice(-MAX_RECENT))
      const sent = (times.get(intent.accountId) ?? []).filter((t) => sentAt - t < ORDER_TIMES_MS)
      sent.push(sentAt)
      times.set(intent.accountId, sent)
    },
    recentIntents(accountId, now, windowMs) {
      return (recent.get(accountId) ?? []).filter((r) => now - r.createdAt <= windowMs)
    },
    orderTimes: (accountId, now) => (times.get(accountId) ?? []).filter((t) => now - t < ORDER_TIMES_MS),
    leverage: (accountId, symbol) => leverages.get(`${accountId}|${symbol}`) ?? null,
    setLeverage(accountId, symbol, leverage) {
      leverages.set(`${accountId}|${symbol}`, leverage)
    },
  }
}
