import { closestMatches } from '../../../../shared/market/closest-symbols'
import { reason } from '../reasons'
import type { Rule } from './rule'

/**
 * The market must exist and trade, and pass the allow and deny lists. The
 * lists do not apply to risk-reducing orders: denying a symbol must not trap
 * the desk in a position it already holds there.
 */
export const symbolRules: Rule = (a, out) => {
  const { intent, context, config, instrument } = a
  if (!instrument) {
    out.push(reason('unknown_symbol', unknownSymbolMessage(intent.symbol, intent.venue, context.knownSymbols)))
  } else if (!instrument.active) {
    // No dedicated code for an inactive market yet; the message says which case it is.
    out.push(reason('symbol_not_allowed', `${intent.symbol} is listed on ${intent.venue} but not trading (inactive market)`))
  }
  if (a.reducing) return
  if (config.denySymbols.includes(intent.symbol)) {
    out.push(reason('symbol_denied', `${intent.symbol} is on the deny list; only orders reducing a position may trade it`))
  }
  if (config.allowSymbols.length > 0 && !config.allowSymbols.includes(intent.symbol)) {
    out.push(reason('symbol_not_allowed', `${intent.symbol} is not on the allow list (${config.allowSymbols.length} symbols allowed)`))
  }
}

function unknownSymbolMessage(symbol: string, venue: string, known: readonly string[]): string {
  if (known.length === 0) return `Unknown symbol '${symbol}': no market list for ${venue} is loaded yet`
  return `Unknown symbol '${symbol}' on ${venue}; did you mean ${closestMatches(symbol, known).join(', ')}?`
}
