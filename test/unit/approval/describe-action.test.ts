import { describe, expect, it } from 'vitest'
import { describeAction } from '../../../src/main/core/approval/describe-action'

describe('describeAction', () => {
  it('names each risky action in words built from its parameters', () => {
    expect(describeAction({ kind: 'change_leverage', accountId: 'okx-main', symbol: 'ETH/USDT:USDT', from: null, to: 20 })).toEqual({
      title: 'Set leverage on ETH/USDT:USDT to 20x on okx-main',
      details: ['From: venue default', 'To: 20x'],
    })
    expect(describeAction({ kind: 'lift_halt', scope: { kind: 'pilot', pilotId: 'momentum-1' } }).title).toBe('Lift the trading halt on pilot momentum-1')
    expect(describeAction({ kind: 'flatten_all', scope: { kind: 'account', accountId: 'okx-main' } }).title).toBe('Flatten everything on account okx-main')
    expect(describeAction({ kind: 'loosen_risk_rule', changes: [{ path: 'denySymbols', from: 'DOGE/USDT', to: null }, { path: 'breakers.dailyDrawdownPct', from: 5, to: 7.5 }] })).toEqual({
      title: 'Loosen the risk rules (2 changes)',
      details: ['denySymbols: DOGE/USDT → (none)', 'breakers.dailyDrawdownPct: 5 → 7.5'],
    })
  })

  it('neutralises control characters a symbol could carry into a terminal or dialog', () => {
    const { title } = describeAction({
      kind: 'place_order',
      order: { intentId: 'intent-0001', accountId: 'a', venue: 'v', symbol: 'BTC\u001b[2J\u202eUSDT', side: 'sell', type: 'limit', amount: 0.5, price: 70_000.25, reduceOnly: true },
      notional: 35_000,
      leverage: null,
      mark: 70_000,
    })
    expect(title).toBe('Sell 0.5 BTC?[2J?USDT limit 70,000.25 on a (reduce only)')
  })
})
