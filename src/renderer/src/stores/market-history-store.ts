import { create } from 'zustand'
import type { HistoryDownload } from '../../../shared/contract/domains/market-history'
import type { ContractError } from '../../../shared/contract/envelope'
import { getClient } from '../api/client'
import type { MarketSelection } from './market-catalog-store'
import { useMarketFeedStore } from './market-feed-store'
import { watchMarket } from './market-watch'

/** What the History button downloads: the last 30 days of the chart's symbol and timeframe. */
export const HISTORY_DAYS = 30
const DAY_MS = 86_400_000

/**
 * History downloads by market and timeframe, not by id: the kernel may
 * publish a download's first (or, for a range already stored, its last)
 * event before the call that started it has answered.
 */
export interface MarketHistoryState {
  downloads: Record<string, HistoryDownload>
  /** Why the last start of a key was refused (a bad range, the venue unreachable). */
  errors: Record<string, ContractError>
}

export const useMarketHistoryStore = create<MarketHistoryState>()(() => ({ downloads: {}, errors: {} }))

export const historyKey = (s: Pick<MarketSelection, 'venue' | 'symbol' | 'timeframe'>): string => `${s.venue}|${s.symbol}|${s.timeframe}`

const set = useMarketHistoryStore.setState
let wired = false

function wire(): void {
  if (wired) return
  wired = true
  const client = getClient()
  client.on('market.historyProgressed', (download) => {
    const key = historyKey(download)
    set((s) => ({ downloads: { ...s.downloads, [key]: download }, errors: withoutKey(s.errors, key) }))
    // New candles for what the chart shows: watch again, and the kernel answers with the stored history joined on.
    const watched = useMarketFeedStore.getState().selection
    if (download.status === 'completed' && download.fetched > 0 && watched && historyKey(watched) === historyKey(download)) void watchMarket(watched)
  })
  // Downloads this window did not start (another window, before a reload) show too.
  void client.callEnvelope('market.listDownloads').then((envelope) => {
    if (!envelope.ok) return
    const known: Record<string, HistoryDownload> = {}
    for (const download of [...envelope.value].reverse()) known[historyKey(download)] = download // newest wins
    set((s) => ({ downloads: { ...known, ...s.downloads } }))
  })
}

/** Called when the History control first shows, so a download already running appears at once. */
export function watchHistoryDownloads(): void {
  wire()
}

export async function downloadRecentHistory(selection: MarketSelection, now = Date.now()): Promise<void> {
  wire()
  const key = historyKey(selection)
  set((s) => ({ errors: withoutKey(s.errors, key) }))
  const envelope = await getClient().callEnvelope('market.downloadHistory', { ...selection, from: now - HISTORY_DAYS * DAY_MS, to: now })
  if (!envelope.ok) set((s) => ({ errors: { ...s.errors, [key]: envelope.error } }))
}

export async function cancelHistoryDownload(downloadId: string): Promise<void> {
  await getClient().callEnvelope('market.cancelDownload', { downloadId })
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record
  const { [key]: _dropped, ...rest } = record
  return rest
}
