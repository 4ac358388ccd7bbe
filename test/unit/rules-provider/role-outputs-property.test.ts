import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerRole, decideTrades, safeDefaultAnswer } from '../../../src/main/adapters/rules-provider'
import { ROLE_OUTPUT_SCHEMAS, TraderDecisionSchema } from '../../../src/shared/domain/agents/role-outputs'
import { ROLE_IDS } from '../../../src/shared/domain/agents/roles'
import { roleContextArbitrary, tradingContextArbitrary } from './context-arbitrary'

describe('rules answers over generated markets', () => {
  it("always parse with every role's schema, without a single non-finite number", () => {
    fc.assert(
      fc.property(fc.oneof(roleContextArbitrary, tradingContextArbitrary), (context) => {
        for (const role of ROLE_IDS) {
          const answer = answerRole({ ...context, role })
          const text = JSON.stringify(answer)
          const parsed = ROLE_OUTPUT_SCHEMAS[role].safeParse(JSON.parse(text))
          if (!parsed.success) throw new Error(`${role} answer failed its schema: ${parsed.error.message}\n${text.slice(0, 2000)}`)
          // JSON turns NaN and Infinity into null; the parsed answer must equal the answer itself.
          expect(JSON.parse(text)).toEqual(answer)
        }
      }),
      { numRuns: 250 },
    )
  })

  it('are deterministic: the same context, or a copy of it, gives the same text', () => {
    fc.assert(
      fc.property(roleContextArbitrary, fc.constantFrom(...ROLE_IDS), (context, role) => {
        const first = JSON.stringify(answerRole({ ...context, role }))
        expect(JSON.stringify(answerRole({ ...context, role }))).toBe(first)
        expect(JSON.stringify(answerRole(structuredClone({ ...context, role })))).toBe(first)
      }),
      { numRuns: 100 },
    )
  })

  it("never let the trader's orders breach the account's limits or the equity share: the rules risk officer approves them", () => {
    let cyclesWithEntries = 0
    const runs = 300
    fc.assert(
      fc.property(fc.oneof(roleContextArbitrary, tradingContextArbitrary), (generated) => {
        // A sane price band: the limit at the touch must be allowed to sit half a spread from the mark.
        const context = { ...generated, account: { ...generated.account, limits: { ...generated.account.limits, priceBandPct: Math.max(2, generated.account.limits.priceBandPct) } } }
        const decision = TraderDecisionSchema.parse(decideTrades({ ...context, role: 'trader' }))
        const entries = decision.orders.filter((o) => !o.reduceOnly)
        if (entries.length > 0) cyclesWithEntries++
        for (const order of entries) {
          const symbol = context.snapshot.symbols.find((s) => s.symbol === order.symbol)!
          // A market order may be valued at the touch, the mark or the last price: it must fit at the dearest.
          const notional = order.size * symbol.contractSize * (order.price ?? Math.max(symbol.last, symbol.mark ?? 0, symbol.bid ?? 0, symbol.ask ?? 0))
          expect(notional).toBeLessThanOrEqual(Math.max(0, 0.008 * context.account.equity) * (1 + 1e-9))
          // On the amount step, up to float precision (sizes of tiny-priced coins run into the trillions).
          expect(Math.abs(order.size - Math.round(order.size / symbol.amountStep) * symbol.amountStep)).toBeLessThanOrEqual(1e-9 * Math.max(1, order.size))
        }
        const review = answerRole({ ...context, role: 'risk_officer', upstream: { trader: decision } })
        expect(review).toMatchObject({ verdict: 'approve', concerns: [] })
      }),
      { numRuns: runs },
    )
    // The property means something only if many generated cycles actually trade.
    expect(cyclesWithEntries).toBeGreaterThan(runs * 0.25)
  })
})

describe('safe default answers', () => {
  it.each(ROLE_IDS)('parse for %s and never carry an order', (role) => {
    const answer = safeDefaultAnswer(role, 'rules.trend_following')
    expect(ROLE_OUTPUT_SCHEMAS[role].safeParse(answer).success).toBe(true)
    if (role === 'trader') expect(answer).toMatchObject({ intent: 'hold', orders: [] })
    if (role === 'risk_officer') expect(answer).toMatchObject({ verdict: 'veto' })
  })
})
