import type { MarketHistoryCommandName } from '../../../../shared/contract/domains/market-history'
import type { CommandHandlers } from '../../contract/dispatcher'
import type { HistoryService } from './history-service'

/** The contract's history download commands, served by the history service. */
export function historyHandlers(history: HistoryService): Pick<CommandHandlers, MarketHistoryCommandName> {
  return {
    'market.downloadHistory': (input) => history.start(input),
    'market.cancelDownload': ({ downloadId }) => history.cancel(downloadId),
    'market.listDownloads': () => history.list(),
  }
}
