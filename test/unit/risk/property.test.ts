import { describe, expect, it } from 'vitest'
import { evaluateIntent, isRiskReducing } from '../../../src/main/core/risk'
import { RiskVerdictSchema } from '../../../src/shared/domain/risk'
import { Draw, mulberry32, randomConfig, randomContext, randomIntent } from './random-intents'

const RUNS = 10_000
const SEED = 20_261_121

describe('risk engine property: any input gets a well-formed verdict', () => {
  it(`holds for ${RUNS} random intents and contexts (seed ${SEED})`, () => {
    const d = new Draw(mulberry32(SEED))
    const seen = { accept: 0, reject: 0 }
    for (let run = 0; run < RUNS; run++) {
      d.calm = d.chance(0.4)
      const intent = randomIntent(d)
      const context = randomContext(d)
      const config = randomConfig(d)
      const where = `run ${run} of seed ${SEED}`
      const verdict = evaluateIntent(intent, context, config)
      // Never the crash fallback: every rule handled its input itself.
      expect(verdict.reasons.some((r) => r.message.includes('could not evaluate')), where).toBe(false)
      expect(RiskVerdictSchema.safeParse(verdict).success, where).toBe(true)
      expect(verdict.decision === 'reject', where).toBe(verdict.reasons.length > 0)
      if (verdict.decision === 'reject') expect(verdict.needsApproval, where).toBe(false)
      for (const r of verdict.reasons) expect(r.message.length, where).toBeGreaterThan(0)
      if (verdict.decision === 'accept') {
        // Soundness: nothing malformed or oversized is ever accepted.
        expect(Number.isFinite(intent.amount) && intent.amount > 0, where).toBe(true)
        // Only a reduction on missing data (and a position without a value) goes unvalued.
        if (verdict.estimate.notional === 0) expect(isRiskReducing(intent, context.positions, context.openOrders), where).toBe(true)
        const { desk, account, pilot } = context.breakers
        if ([desk, account, pilot].includes('halted')) expect(intent.origin.kind, where).toBe('kill_switch')
        if (context.account?.mode === 'live') expect(context.account.liveEnabled, where).toBe(true)
      }
      if (run % 10 === 0) expect(evaluateIntent(intent, context, config), where).toEqual(verdict)
      seen[verdict.decision]++
    }
    // The generator must exercise both outcomes, or the property says little.
    expect(seen.accept).toBeGreaterThan(RUNS / 10)
    expect(seen.reject).toBeGreaterThan(RUNS / 2)
  })
})
