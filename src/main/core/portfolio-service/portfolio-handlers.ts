import type { CommandHandlers } from '../contract/dispatcher'
import type { AccountService } from '../accounts/account-service'
import type { PortfolioService } from './portfolio-service'

/** portfolio.*: the kernel portfolio's current view. */
export function portfolioHandlers(portfolio: PortfolioService, accounts: AccountService): Pick<CommandHandlers, 'portfolio.snapshot' | 'portfolio.equityCurve'> {
  return {
    'portfolio.snapshot': () => portfolio.snapshot(),
    'portfolio.equityCurve': ({ accountId }) => {
      accounts.require(accountId)
      return portfolio.equityCurve(accountId)
    },
  }
}
