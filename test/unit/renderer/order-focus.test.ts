import { describe, expect, it } from 'vitest'
import type { ManagedOrder } from '../../../src/shared/contract/domains/orders'
import { accountFilterShowing, findOrderFocus } from '../../../src/renderer/src/components/trading/order-focus'
import { monitorHrefForOrder, orderFocusFromHash } from '../../../src/renderer/src/navigation/order-link'
import { hashParams, routeFromHash } from '../../../src/renderer/src/navigation/routes'
import { applyOrders, EMPTY_ORDERS } from '../../../src/renderer/src/stores/orders-state'
import { managedOrder } from './managed-order-fixture'

/** An order keyed by intent id, named by the venue's client id. */
const order = (intentId: string, clientOrderId: string, patch: Partial<ManagedOrder> = {}): ManagedOrder => managedOrder(intentId, { clientOrderId, ...patch })

describe('Monitor order links', () => {
  it('read back the client order id the Decision feed wrote, whatever its characters', () => {
    for (const id of ['ws1a2b3c', 'ws-abc 1', 'a&b=c#d?e', '委托1']) {
      const href = monitorHrefForOrder(id)
      expect(routeFromHash(href)).toBe('monitor')
      expect(orderFocusFromHash(href)).toBe(id)
    }
  })

  it('name no order without the parameter, on another page, or with a value that cannot be an id', () => {
    expect(orderFocusFromHash('#/monitor')).toBeNull()
    expect(orderFocusFromHash('#/monitor?')).toBeNull()
    expect(orderFocusFromHash('#/monitor?order=')).toBeNull()
    expect(orderFocusFromHash('#/monitor?other=ws1')).toBeNull()
    expect(orderFocusFromHash('#/feed?order=ws1')).toBeNull()
    expect(orderFocusFromHash(`#/monitor?order=${'x'.repeat(65)}`)).toBeNull()
    expect(orderFocusFromHash('#/monitor?order=ws%0A1')).toBeNull()
    expect(orderFocusFromHash(`#/monitor?order=${'x'.repeat(64)}`)).toBe('x'.repeat(64))
    expect(orderFocusFromHash('#/monitor?account=a&order=ws9')).toBe('ws9')
  })

  it('split the query off the hash after the page and section', () => {
    expect(hashParams('#/settings/models?x=1&y=two%20words').get('y')).toBe('two words')
    expect(hashParams('#/feed').toString()).toBe('')
    expect(hashParams('').toString()).toBe('')
  })
})

describe('the blotter row a link picks out', () => {
  const data = applyOrders(EMPTY_ORDERS, [
    order('i-open', 'wsOpen'),
    order('i-done', 'wsDone', { state: 'filled', accountId: 'paper-alt' }),
    order('i-cancel', 'wsCancel', { state: 'cancelled' }),
  ])

  it('finds the order by its client id, on the open tab while it works and in the history once done', () => {
    expect(findOrderFocus(data.byId, 'wsOpen')).toEqual({ intentId: 'i-open', tab: 'open', accountId: 'paper-main' })
    expect(findOrderFocus(data.byId, 'wsDone')).toEqual({ intentId: 'i-done', tab: 'history', accountId: 'paper-alt' })
    expect(findOrderFocus(data.byId, 'wsCancel')?.tab).toBe('history')
  })

  it('follows the order when it moves from open to history', () => {
    const filled = applyOrders(data, [order('i-open', 'wsOpen', { state: 'filled', updatedAt: 2_000 })])
    expect(findOrderFocus(filled.byId, 'wsOpen')?.tab).toBe('history')
  })

  it('finds nothing for no link or an order not loaded', () => {
    expect(findOrderFocus(data.byId, null)).toBeNull()
    expect(findOrderFocus(data.byId, 'wsElsewhere')).toBeNull()
    expect(findOrderFocus(EMPTY_ORDERS.byId, 'wsOpen')).toBeNull()
  })

  it('widens the account filter only when it would hide the order', () => {
    const focus = findOrderFocus(data.byId, 'wsDone')!
    expect(accountFilterShowing(null, focus)).toBeNull()
    expect(accountFilterShowing('paper-alt', focus)).toBe('paper-alt')
    expect(accountFilterShowing('paper-main', focus)).toBeNull()
  })
})
