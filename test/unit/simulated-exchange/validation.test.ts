import { describe, expect, it } from 'vitest'
import type { OrderRequest } from '../../../src/shared/domain/order'
import { BTC, createHarness } from './harness'

describe('simulated exchange order validation', () => {
  it('refuses prices off the tick and sizes off the step or outside the limits', async () => {
    const h = await createHarness()
    expect((await h.refusal({ price: 59000.05 })).reason).toBe('invalid_price')
    expect((await h.refusal({ amount: 1.5 })).reason).toBe('invalid_size')
    expect((await h.refusal({ amount: 20_000 })).reason).toBe('invalid_size')
    expect((await h.refusal({ amount: 0 })).reason).toBe('invalid_size')
    expect((await h.refusal({ price: null })).reason).toBe('invalid_price')
    const message = (await h.refusal({ amount: 2.5 })).message
    expect(message).toContain('multiples of 1')
    expect(message).toContain('2.5')
    expect(await h.exchange.execution.openOrders()).toEqual([])
  })

  it('accepts prices on a fractional tick despite float noise', async () => {
    const h = await createHarness()
    const ack = await h.submit({ price: 0.1 * 3 + 58999.7 })
    expect(ack.status).toBe('open')
  })

  it('refuses an unknown symbol naming the closest listed one', async () => {
    const h = await createHarness()
    const refusal = await h.refusal({ symbol: 'BTC/USDT:USDC' })
    expect(refusal).toMatchObject({ kind: 'rejected', reason: 'unknown_symbol' })
    expect(refusal.message).toContain(BTC)
  })

  it('refuses spot, and market orders that ask to be post-only', async () => {
    const h = await createHarness()
    expect((await h.refusal({ symbol: 'BTC/USDT', amount: 0.001 })).reason).toBe('unsupported_order')
    expect((await h.refusal({ type: 'market', price: null, postOnly: true })).reason).toBe('unsupported_order')
    expect(h.exchange.execution.capabilities.marketTypes).toEqual(['swap'])
  })

  it('keeps a refused order queryable as rejected, announced once, and its id taken', async () => {
    const h = await createHarness()
    await h.refusal({ clientOrderId: 'bad', amount: 0.5 })
    expect(await h.exchange.execution.queryOrder({ clientOrderId: 'bad', symbol: BTC })).toMatchObject({ status: 'rejected', reason: 'invalid_size', filled: 0 })
    expect(h.eventsFor('bad').map((e) => e.type)).toEqual(['rejected'])
    expect((await h.refusal({ clientOrderId: 'bad' })).reason).toBe('duplicate_client_order_id')
    expect(h.eventsFor('bad')).toHaveLength(1)
  })

  it('refuses a reused client id even after the first order is filled, without touching it', async () => {
    const h = await createHarness()
    await h.submit({ clientOrderId: 'dup', type: 'market', price: null })
    const refusal = await h.refusal({ clientOrderId: 'dup', price: 58000 })
    expect(refusal.reason).toBe('duplicate_client_order_id')
    expect(refusal.message).toContain('filled')
    expect(await h.exchange.execution.queryOrder({ clientOrderId: 'dup', symbol: BTC })).toMatchObject({ status: 'filled', type: 'market' })
  })

  it('refuses a request that fails the schema, naming the field', async () => {
    const h = await createHarness()
    const request = { ...h.order(), clientOrderId: 'has-dash' } as OrderRequest
    const error = await h.exchange.execution.submit(request).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'rejected', reason: 'other' })
    expect(String(error)).toContain('clientOrderId')
  })

  it('refuses post-only orders that would take and fill-or-kill orders the book cannot fill', async () => {
    const h = await createHarness()
    expect((await h.refusal({ side: 'sell', price: 59990, postOnly: true })).reason).toBe('post_only_would_take')
    expect((await h.refusal({ type: 'market', price: null, amount: 36, timeInForce: 'FOK' })).reason).toBe('fill_or_kill_unfillable')
    const fok = await h.submit({ price: 60020, amount: 15, timeInForce: 'FOK' })
    expect(fok).toMatchObject({ status: 'filled', filled: 15 })
  })

  it('cancels an IOC that finds nothing, with a reason', async () => {
    const h = await createHarness()
    const ack = await h.submit({ price: 59000, timeInForce: 'IOC' })
    expect(ack).toMatchObject({ status: 'cancelled', filled: 0, reason: 'immediate_or_cancel' })
  })

  it('refuses a market order before the source has sent any price', async () => {
    const h = await createHarness()
    const refusal = await h.refusal({ symbol: 'ETH/USDT:USDT', type: 'market', price: null })
    expect(refusal.reason).toBe('other')
    expect(refusal.message).toMatch(/no price/)
  })
})
