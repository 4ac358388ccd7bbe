import type { AccountPortfolio } from '../../../shared/contract/domains/portfolio'
import type { AccountView } from '../../../shared/domain/agents/snapshot'
import type { RiskConfig } from '../../../shared/domain/risk'

/** How long a pilot's orders live unless the model says otherwise. */
export const DEFAULT_PILOT_TTL_SECONDS = 120

/**
 * The pilot's account as a decision sees it. The limits are the ones the
 * risk engine will apply, so a model that respects them gets through; the
 * per-order cap is the smaller of the absolute and the equity-share limit.
 */
export function accountView(accountId: string, portfolio: AccountPortfolio | null, config: RiskConfig, currency: string): AccountView {
  const equity = portfolio?.equity ?? 0
  const equityCap = (equity * config.maxOrderEquityPct) / 100
  return {
    accountId,
    currency: portfolio?.currency ?? currency,
    equity: round(equity),
    available: round(portfolio?.available ?? 0),
    positions: (portfolio?.positions ?? []).map((p) => ({
      symbol: p.symbol,
      side: p.side,
      contracts: p.contracts,
      entryPrice: p.entryPrice,
      unrealizedPnl: round(p.unrealizedPnl),
      leverage: p.leverage,
    })),
    limits: {
      maxOrderNotional: round(equity > 0 ? Math.min(config.maxOrderNotional, equityCap) : config.maxOrderNotional),
      maxPositionNotional: config.maxPositionNotional,
      maxLeverage: config.maxLeverage,
      slippageTolerancePct: config.slippageTolerancePct,
      priceBandPct: config.priceBandPct,
      defaultTtlSeconds: DEFAULT_PILOT_TTL_SECONDS,
    },
  }
}

const round = (n: number): number => Math.round(n * 100) / 100
