import type { ActionScope, RiskyAction } from './risky-action'

/**
 * The words the trader reads before approving, built here from validated
 * parameters and never from renderer text, so the dialog says what will
 * actually happen.
 */
export interface ActionDescription {
  title: string
  details: string[]
}

// Control characters could redraw a terminal or hide text in a dialog; symbols are free text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const clean = (text: string): string => text.replace(CONTROL, '?')

const num = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 8 })

function scopeText(scope: ActionScope): string {
  if (scope.kind === 'desk') return 'the whole desk'
  return scope.kind === 'account' ? `account ${scope.accountId}` : `pilot ${clean(scope.pilotId)}`
}

function ruleValue(value: number | string | null): string {
  if (value === null) return '(none)'
  return typeof value === 'number' ? num(value) : clean(value)
}

export function describeAction(action: RiskyAction): ActionDescription {
  switch (action.kind) {
    case 'place_order': {
      const { order } = action
      const how = order.type === 'market' ? 'at market' : `limit ${num(order.price ?? Number.NaN)}`
      const side = order.side === 'buy' ? 'Buy' : 'Sell'
      return {
        title: `${side} ${num(order.amount)} ${clean(order.symbol)} ${how} on ${order.accountId}${order.reduceOnly ? ' (reduce only)' : ''}`,
        details: [
          `Venue: ${order.venue}`,
          `Notional: ${num(action.notional)}`,
          `Leverage: ${action.leverage === null ? 'none' : `${num(action.leverage)}x`}`,
          `Mark price: ${num(action.mark)}`,
          `Intent: ${order.intentId}`,
        ],
      }
    }
    case 'change_leverage':
      return {
        title: `Set leverage on ${clean(action.symbol)} to ${num(action.to)}x on ${action.accountId}`,
        details: [`From: ${action.from === null ? 'venue default' : `${num(action.from)}x`}`, `To: ${num(action.to)}x`],
      }
    case 'enable_live_mode':
      return {
        title: `Enable LIVE trading on account ${action.accountId}`,
        details: ['Orders on this account will go to the real venue, with real funds.'],
      }
    case 'lift_halt':
      return {
        title: `Lift the trading halt on ${scopeText(action.scope)}`,
        details: ['Trading resumes at once; the rule that halted it may trip again.'],
      }
    case 'flatten_all':
      return {
        title: `Flatten everything on ${scopeText(action.scope)}`,
        details: ['Every open order is cancelled and every position closed at market.'],
      }
    case 'loosen_risk_rule':
      return {
        title: `Loosen the risk rules (${action.changes.length === 1 ? '1 change' : `${action.changes.length} changes`})`,
        details: action.changes.map((change) => `${change.path}: ${ruleValue(change.from)} → ${ruleValue(change.to)}`),
      }
    case 'add_api_key':
      return {
        title: `Store an API key for ${action.venue} account ${action.accountId}`,
        details: [`Key id ending …${clean(action.keyIdLast4)}`, 'The secret goes to the OS keychain only.'],
      }
  }
}
