import { z } from 'zod'
import { AccountIdSchema } from '../../domain/account'
import { PositionSchema } from '../../domain/order'
import { BreakerStateSchema } from '../../domain/risk'
import { command, event } from '../define'

export const AccountPortfolioSchema = z.strictObject({
  accountId: AccountIdSchema,
  currency: z.string(),
  equity: z.number(),
  balance: z.number(),
  available: z.number(),
  unrealizedPnl: z.number(),
  realizedPnl: z.number(),
  dayPnl: z.number(),
  totalPnl: z.number(),
  fees: z.number(),
  funding: z.number(),
  /** Gross position notional over equity. */
  leverage: z.number(),
  maxDrawdownPct: z.number(),
  breaker: BreakerStateSchema,
  positions: z.array(PositionSchema),
  at: z.number().int(),
})
export type AccountPortfolio = z.infer<typeof AccountPortfolioSchema>

export const EquityPointSchema = z.strictObject({ at: z.number().int(), equity: z.number() })

export const portfolioCommands = {
  'portfolio.snapshot': command({
    summary: 'Equity, PnL and positions per account, and totals per currency',
    input: z.void(),
    output: z.strictObject({
      accounts: z.array(AccountPortfolioSchema),
      totals: z.array(z.strictObject({ currency: z.string(), equity: z.number(), dayPnl: z.number(), totalPnl: z.number(), unrealizedPnl: z.number() })),
    }),
  }),
  'portfolio.equityCurve': command({
    summary: 'Equity points of one account for its curve',
    input: z.strictObject({ accountId: AccountIdSchema }),
    output: z.array(EquityPointSchema),
  }),
} as const

export const portfolioEvents = {
  'portfolio.updated': event({ summary: "An account's equity, PnL or positions changed (coalesced)", payload: AccountPortfolioSchema }),
} as const
