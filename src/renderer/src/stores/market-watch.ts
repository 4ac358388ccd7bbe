import type { WatchStream } from '../../../shared/contract/domains/market'
import { getClient } from '../api/client'
import type { MarketSelection } from './market-catalog-store'
import { useConnectionStore } from './connection-store'
import {
  bookUpdated,
  candleUpdated,
  EMPTY_FEED,
  feedStatusChanged,
  isWatched,
  tickerUpdated,
  tradesPrinted,
  useMarketFeedStore,
  watchStarting,
} from './market-feed-store'

const STREAMS: WatchStream[] = ['ticker', 'book', 'trades', 'candles']
/** The ladder shows 15 levels a side; a few more keep it full while levels flicker. */
const BOOK_DEPTH = 20
/** Watch ids this tab holds, so a reload can end the watches its previous page left behind. */
const SESSION_KEY = 'workstation.market.watchIds'

interface ActiveWatch {
  token: number
  selection: MarketSelection
  watchId: string | null
}

let wired = false
let active: ActiveWatch | null = null
let nextToken = 0

const get = useMarketFeedStore.getState
const set = useMarketFeedStore.setState

/**
 * Feeds the market store from the transport, outside React. Done once per
 * window on first use; the transport itself restores the subscriptions after
 * a reconnect.
 */
function wire(): void {
  if (wired) return
  wired = true
  const client = getClient()
  client.on('market.tickerUpdated', (ticker) => isWatched(get(), ticker.venue, ticker.symbol) && set(tickerUpdated(get(), ticker)))
  client.on('market.bookUpdated', (book) => isWatched(get(), book.venue, book.symbol) && set(bookUpdated(book)))
  client.on('market.tradesPrinted', (batch) => isWatched(get(), batch.venue, batch.symbol) && set(tradesPrinted(get(), batch)))
  client.on('market.candleUpdated', (update) => isWatched(get(), update.venue, update.symbol) && set(candleUpdated(get(), update)))
  client.on('market.feedStatusChanged', (change) => isWatched(get(), change.venue, change.symbol) && set(feedStatusChanged(get(), change)))

  // After a reconnect the kernel may have restarted and forgotten the watch: ask again, with fresh history.
  useConnectionStore.subscribe((state, prev) => {
    if (state.state === 'open' && prev.state !== 'open' && active) void watchMarket(active.selection)
  })
  // Best effort, so the id stays remembered for the next page to release again (unwatch is idempotent);
  // the kernel also releases watches nobody listens to (core/market/orphan-sweep.ts).
  window.addEventListener('pagehide', () => {
    if (active?.watchId) void client.callEnvelope('market.unwatch', { watchId: active.watchId })
  })
  for (const watchId of rememberedIds()) void release(watchId)
}

/** Starts watching `selection`, ending the previous watch; a newer call supersedes an older one still in flight. */
export async function watchMarket(selection: MarketSelection): Promise<void> {
  wire()
  const token = ++nextToken
  const previous = active
  active = { token, selection, watchId: null }
  if (previous?.watchId) void release(previous.watchId)
  set((state) => watchStarting(state, selection))

  const envelope = await getClient().callEnvelope('market.watch', { ...selection, streams: STREAMS, depth: BOOK_DEPTH })
  if (active?.token !== token) {
    if (envelope.ok) void release(envelope.value.watchId)
    return
  }
  if (!envelope.ok) return void set({ phase: 'error', error: envelope.error })
  active.watchId = envelope.value.watchId
  remember(envelope.value.watchId)
  set({ phase: 'ready', error: null, instrument: envelope.value.instrument, history: envelope.value.history, lastCandle: null })
}

/** The Chart page left: end the watch and forget its data, which would otherwise go stale unseen. */
export function stopWatching(): void {
  const previous = active
  active = null
  if (previous?.watchId) void release(previous.watchId)
  set(EMPTY_FEED, true)
}

async function release(watchId: string): Promise<void> {
  forget(watchId)
  await getClient().callEnvelope('market.unwatch', { watchId })
}

function rememberedIds(): string[] {
  try {
    const ids: unknown = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? '[]')
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

function store(ids: string[]): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(ids))
  } catch {
    // Storage may be unavailable (private mode, quota): the kernel's orphan sweep still applies.
  }
}

const remember = (watchId: string): void => store([...rememberedIds(), watchId])
const forget = (watchId: string): void => store(rememberedIds().filter((id) => id !== watchId))
