import { useEffect, useMemo } from 'react'
import type { AccountStatus } from '../../../../../shared/contract/domains/accounts'
import type { ContractError } from '../../../../../shared/contract/envelope'
import type { Instrument } from '../../../../../shared/domain/market'
import { useAccountsStore } from '../../../stores/accounts-store'
import { useMarketCatalogStore } from '../../../stores/market-catalog-store'
import { useMarketFeedStore } from '../../../stores/market-feed-store'
import { setTicketField, ticketSymbolChanged } from '../../../stores/ticket-store'

/** The account an order goes to; mode and name are unknown when it was typed in because the list could not load. */
export interface TicketAccount {
  id: string
  venue: string
  name: string | null
  mode: AccountStatus['mode'] | null
  liveEnabled: boolean | null
}

export interface TicketContextView {
  accounts: AccountStatus[] | null
  accountsError: ContractError | null
  /** True when the account list could not be loaded: the trader types the account id instead. */
  typedAccount: boolean
  account: TicketAccount | null
  instrument: Instrument | null
  chartVenue: string | null
}

/**
 * What the ticket trades with: the chosen account and the chart's instrument.
 * Until the trader picks one, the first account on the chart's venue is
 * chosen. If the kernel cannot list accounts, a typed id on the chart's
 * venue still lets the draft reach the kernel, which then says what it thinks.
 */
export function useTicketContext(accountId: string): TicketContextView {
  const accounts = useAccountsStore((s) => s.accounts)
  const accountsError = useAccountsStore((s) => s.error)
  const instrument = useMarketFeedStore((s) => s.instrument)
  const chartVenue = useMarketCatalogStore((s) => s.selection?.venue ?? null)
  const typedAccount = accounts === null && accountsError !== null
  const listed = accounts?.find((a) => a.id === accountId) ?? null

  const fallback = listed || typedAccount ? null : (accounts?.find((a) => a.venue === chartVenue) ?? accounts?.[0] ?? null)
  useEffect(() => {
    if (fallback) setTicketField('accountId', fallback.id)
  }, [fallback])

  // Memoised so the draft (and its preview) is rebuilt when the account changes, not on every render.
  const account = useMemo<TicketAccount | null>(() => {
    if (listed) return { id: listed.id, venue: listed.venue, name: listed.name, mode: listed.mode, liveEnabled: listed.liveEnabled }
    if (typedAccount && accountId.trim() !== '' && chartVenue) return { id: accountId.trim(), venue: chartVenue, name: null, mode: null, liveEnabled: null }
    return null
  }, [listed, typedAccount, accountId, chartVenue])

  // Prices typed for one market mean nothing on another: a new symbol starts with empty price fields.
  const symbol = instrument?.symbol ?? null
  useEffect(() => {
    if (symbol) ticketSymbolChanged(symbol)
  }, [symbol])

  return { accounts, accountsError, typedAccount, account, instrument, chartVenue }
}

/** Mid of the touch, else the last price: read when the draft is built, not subscribed (it moves every frame). */
export function currentReferencePrice(): number | null {
  const ticker = useMarketFeedStore.getState().ticker
  if (ticker?.bid != null && ticker.ask != null) return (ticker.bid + ticker.ask) / 2
  return ticker?.last ?? null
}
