import { create } from 'zustand'
import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { ContractError } from '../../../shared/contract/envelope'
import { getClient } from '../api/client'
import { without } from './record-utils'
import { appendEquityPoint, totalsByCurrency, type CurrencyTotals, type EquityPoint } from './portfolio-state'

export interface PortfolioState {
  /** In the kernel's order; null until the first snapshot. */
  accounts: AccountPortfolio[] | null
  totals: CurrencyTotals[]
  error: ContractError | null
  /** Equity curves of the accounts whose card asked for one. */
  curves: Record<string, readonly EquityPoint[]>
  curveErrors: Record<string, ContractError>
}

export const usePortfolioStore = create<PortfolioState>()(() => ({ accounts: null, totals: [], error: null, curves: {}, curveErrors: {} }))

const set = usePortfolioStore.setState

let loading: Promise<void> | null = null

/** The Monitor page and the blotter both ask on mount; concurrent asks share one call. */
export function loadPortfolio(): Promise<void> {
  loading ??= fetchSnapshot().finally(() => (loading = null))
  return loading
}

async function fetchSnapshot(): Promise<void> {
  const envelope = await getClient().callEnvelope('portfolio.snapshot')
  if (envelope.ok) set({ accounts: envelope.value.accounts, totals: envelope.value.totals, error: null })
  else set({ error: envelope.error })
}

export async function loadEquityCurve(accountId: string): Promise<void> {
  const envelope = await getClient().callEnvelope('portfolio.equityCurve', { accountId })
  set((s) =>
    envelope.ok
      ? { curves: { ...s.curves, [accountId]: envelope.value }, curveErrors: without(s.curveErrors, accountId) }
      : { curveErrors: { ...s.curveErrors, [accountId]: envelope.error } },
  )
}

/** From `portfolio.updated` (coalesced by the kernel): replace the account, recompute totals, extend its curve. */
export function portfolioUpdated(update: AccountPortfolio): void {
  set((s) => {
    const list = s.accounts ?? []
    const index = list.findIndex((a) => a.accountId === update.accountId)
    const accounts = index === -1 ? [...list, update] : list.map((a, i) => (i === index ? update : a))
    const curve = s.curves[update.accountId]
    const curves = curve ? { ...s.curves, [update.accountId]: appendEquityPoint(curve, { at: update.at, equity: update.equity }) } : s.curves
    return { accounts, totals: totalsByCurrency(accounts), curves }
  })
}

