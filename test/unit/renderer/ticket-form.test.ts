import { describe, expect, it } from 'vitest'
import { buildDraft, draftKey, EMPTY_TICKET, parseDecimal, priceText, roughNotional, stepText, type TicketContext, type TicketForm } from '../../../src/renderer/src/trading/ticket-form'

const rules = { symbol: 'BTC/USDT:USDT', tickSize: 0.1, stepSize: 0.01, minSize: 0.01, maxSize: 1000, maxLeverage: 100, contractSize: 0.01 }
const ctx: TicketContext = { account: { id: 'paper-main', venue: 'sim' }, instrument: rules, referencePrice: 65_000 }
const form = (patch: Partial<TicketForm>): TicketForm => ({ ...EMPTY_TICKET, accountId: 'paper-main', amount: '1', price: '65000', ...patch })
const keys = (f: TicketForm, c: TicketContext = ctx) => {
  const result = buildDraft(f, c)
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.key}`)
}

describe('ticket form → draft', () => {
  it('builds the contract draft of a complete limit order, with the 60 s default TTL', () => {
    const result = buildDraft(form({}), ctx)
    expect(result).toEqual({
      ok: true,
      draft: {
        accountId: 'paper-main',
        venue: 'sim',
        symbol: 'BTC/USDT:USDT',
        side: 'buy',
        type: 'limit',
        amount: 1,
        price: 65_000,
        timeInForce: 'GTC',
        postOnly: false,
        reduceOnly: false,
        leverage: null,
        ttlMs: 60_000,
        partialFillPolicy: 'cancel_rest',
        stopLoss: null,
        takeProfit: null,
      },
    })
  })

  it('sends no price and no post-only for a market order', () => {
    const result = buildDraft(form({ type: 'market', price: '1', postOnly: true, timeInForce: 'IOC' }), ctx)
    expect(result.ok && result.draft).toMatchObject({ type: 'market', price: null, postOnly: false, timeInForce: 'IOC' })
  })

  it('names every field that is wrong', () => {
    expect(keys(form({ amount: '' }))).toEqual(['amount:sizeRequired'])
    expect(keys(form({ amount: '0.015' }))).toEqual(['amount:sizeStep'])
    expect(keys(form({ amount: '2000' }))).toEqual(['amount:sizeMax'])
    expect(keys(form({ amount: 'abc' }))).toEqual(['amount:sizeInvalid'])
    expect(keys(form({ price: '65000.05' }))).toEqual(['price:priceTick'])
    expect(keys(form({ price: '' }))).toEqual(['price:priceRequired'])
    expect(keys(form({ leverage: '150' }))).toEqual(['leverage:leverageMax'])
    expect(keys(form({ leverage: '0.5' }))).toEqual(['leverage:leverageInvalid'])
    expect(keys(form({ ttlSeconds: '1.5' }))).toEqual(['ttlSeconds:ttlInvalid'])
    expect(keys(form({ ttlSeconds: '0' }))).toEqual(['ttlSeconds:ttlInvalid'])
    expect(keys(form({}), { ...ctx, account: null })).toEqual(['accountId:noAccount'])
    expect(keys(form({}), { ...ctx, instrument: null })).toEqual(['market:noMarket'])
  })

  it('refuses a stop loss or take profit on the winning side of the entry', () => {
    expect(keys(form({ stopLoss: '64000', takeProfit: '66000' }))).toEqual([])
    expect(keys(form({ stopLoss: '66000' }))).toEqual(['stopLoss:stopSide'])
    expect(keys(form({ side: 'sell', stopLoss: '64000', takeProfit: '66000' }))).toEqual(['stopLoss:stopSide', 'takeProfit:takeSide'])
    // A market order is checked against the reference price.
    expect(keys(form({ type: 'market', takeProfit: '64000' }))).toEqual(['takeProfit:takeSide'])
  })

  it('gives the same key to the same draft and a different one to any change', () => {
    const a = buildDraft(form({}), ctx)
    const b = buildDraft(form({}), ctx)
    const c = buildDraft(form({ amount: '2' }), ctx)
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected drafts')
    expect(draftKey(a.draft)).toBe(draftKey(b.draft))
    expect(draftKey(a.draft)).not.toBe(draftKey(c.draft))
  })
})

describe('ticket number helpers', () => {
  it('parse typed numbers, forgiving grouping but nothing else', () => {
    expect(parseDecimal('1,250.5')).toBe(1250.5)
    expect(parseDecimal(' 2 ')).toBe(2)
    expect(parseDecimal('.5')).toBe(0.5)
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal('1.2.3')).toBeNaN()
    expect(parseDecimal('-1')).toBeNaN()
    expect(parseDecimal('0x10')).toBeNaN()
  })

  it('step with the arrow keys on the step grid, never below zero', () => {
    expect(stepText('0.1', 0.1, 1)).toBe('0.2')
    expect(stepText('0.3', 0.1, -1)).toBe('0.2')
    expect(stepText('', 0.01, 10)).toBe('0.10')
    expect(stepText('0.05', 0.1, -1)).toBe('0.0')
    expect(stepText('64999.9', 0.1, 1)).toBe('65000.0')
  })

  it('write ladder prices on the tick and estimate a notional', () => {
    expect(priceText(64999.90000000001, 0.1)).toBe('64999.9')
    expect(priceText(1.23456, 0.0005)).toBe('1.2345')
    expect(roughNotional({ amount: 2, price: 65_000 }, 0.01, null)).toBe(1300)
    expect(roughNotional({ amount: 2, price: null }, 0.01, 60_000)).toBe(1200)
    expect(roughNotional({ amount: 2, price: null }, 0.01, null)).toBeNull()
  })
})
