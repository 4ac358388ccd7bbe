import type { CommandHandlers } from '../contract/dispatcher'
import type { AccountService } from './account-service'

/** accounts.list and accounts.create; setLiveTrading lives with the keys (it needs one). */
export function accountHandlers(accounts: AccountService): Pick<CommandHandlers, 'accounts.list' | 'accounts.create'> {
  return {
    'accounts.list': () => accounts.list().map(accounts.status),
    'accounts.create': (input) => accounts.status(accounts.create(input)),
  }
}
