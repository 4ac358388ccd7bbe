import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffRiskConfig as kernelDiff } from '../../../src/main/core/risk/config/config-diff'
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../../src/shared/domain/risk'
import { formatRiskValue } from '../../../src/renderer/src/pages/risk/format-risk-value'
import { diffRiskConfig, isLoosening } from '../../../src/renderer/src/trading/risk-config-diff'
import { configFromForm, formFromConfig, parseSymbols, RISK_FIELDS, sameAsConfig } from '../../../src/renderer/src/trading/risk-config-form'

const base = DEFAULT_RISK_CONFIG
const withChange = (patch: Partial<RiskConfig>): RiskConfig => ({ ...base, ...patch, breakers: { ...base.breakers, ...patch.breakers } })

describe('risk config diff for display', () => {
  it('marks raising a cap as loosening and lowering it as tightening', () => {
    expect(diffRiskConfig(base, withChange({ maxOrderNotional: 10_000 }))).toEqual([{ path: 'maxOrderNotional', from: 5_000, to: 10_000, direction: 'loosening' }])
    expect(diffRiskConfig(base, withChange({ maxLeverage: 5 }))).toEqual([{ path: 'maxLeverage', from: 10, to: 5, direction: 'tightening' }])
  })

  it('knows a longer duplicate window is tighter', () => {
    expect(diffRiskConfig(base, withChange({ duplicateWindowMs: 60_000 }))[0]?.direction).toBe('tightening')
  })

  it('reads breakers by their dotted path', () => {
    const changes = diffRiskConfig(base, withChange({ breakers: { ...base.breakers, peakDrawdownPct: 25 } }))
    expect(changes).toEqual([{ path: 'breakers.peakDrawdownPct', from: 15, to: 25, direction: 'loosening' }])
    expect(isLoosening(changes)).toBe(true)
  })

  it('treats a new allow list as tightening, clearing it and lifting a denial as loosening', () => {
    const allowed = withChange({ allowSymbols: ['BTC/USDT:USDT'] })
    expect(diffRiskConfig(base, allowed)).toEqual([{ path: 'allowSymbols', from: null, to: 'BTC/USDT:USDT', direction: 'tightening' }])
    expect(diffRiskConfig(allowed, base)[0]?.direction).toBe('loosening')
    expect(diffRiskConfig(allowed, withChange({ allowSymbols: ['BTC/USDT:USDT', 'ETH/USDT:USDT'] }))).toEqual([{ path: 'allowSymbols', from: null, to: 'ETH/USDT:USDT', direction: 'loosening' }])
    expect(diffRiskConfig(withChange({ denySymbols: ['DOGE/USDT'] }), base)).toEqual([{ path: 'denySymbols', from: 'DOGE/USDT', to: null, direction: 'loosening' }])
  })

  it("agrees with the kernel's own diff on every path and direction", () => {
    const pct = fc.double({ min: 0, max: 100, noNaN: true })
    const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true })
    const symbols = fc.subarray(['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT'])
    const config = fc.record({
      version: fc.constant(1),
      allowSymbols: symbols,
      denySymbols: symbols,
      maxOrderNotional: positive,
      maxOrderEquityPct: pct,
      maxPositionNotional: positive,
      maxGrossExposure: positive,
      maxLeverage: fc.integer({ min: 1, max: 125 }),
      priceBandPct: pct,
      slippageTolerancePct: pct,
      maxOrdersPerSecond: positive,
      duplicateWindowMs: fc.integer({ min: 0, max: 120_000 }),
      staleAfterMs: fc.integer({ min: 1, max: 120_000 }),
      approvalNotional: positive,
      breakers: fc.record({
        dailyDrawdownPct: pct,
        peakDrawdownPct: pct,
        maxConsecutiveLosses: fc.integer({ min: 1, max: 50 }),
        apiErrorRatePct: pct,
        volatilityPctPerMinute: pct,
        disconnectMs: fc.integer({ min: 1, max: 600_000 }),
      }),
    })
    fc.assert(
      fc.property(config, config, (a, b) => {
        const mine = diffRiskConfig(a, b).map((c) => `${c.path}|${String(c.from)}|${String(c.to)}|${c.direction}`)
        const theirs = kernelDiff(a, b).map((c) => `${c.path}|${String(c.from)}|${String(c.to)}|${c.direction}`)
        expect(mine).toEqual(theirs)
      }),
      { numRuns: 200 },
    )
  })
})

describe('risk config form', () => {
  it('round-trips the config, showing times in seconds', () => {
    const form = formFromConfig(base)
    expect(form.values.duplicateWindowMs).toBe('10')
    expect(form.values['breakers.disconnectMs']).toBe('30')
    expect(form.values.maxOrderNotional).toBe('5000')
    expect(configFromForm(form, base)).toEqual({ config: base, issues: {} })
    expect(sameAsConfig(form, base)).toBe(true)
  })

  it('covers every numeric field of the config exactly once', () => {
    const numeric = Object.keys(base).filter((k) => typeof base[k as keyof RiskConfig] === 'number' && k !== 'version')
    const breakers = Object.keys(base.breakers).map((k) => `breakers.${k}`)
    expect(RISK_FIELDS.map((f) => f.path).sort()).toEqual([...numeric, ...breakers].sort())
  })

  it('turns seconds back into whole milliseconds and symbol text into a list', () => {
    const form = formFromConfig(base)
    form.values.staleAfterMs = '2.5'
    form.allowSymbols = 'BTC/USDT:USDT, ETH/USDT:USDT\nBTC/USDT:USDT'
    const { config } = configFromForm(form, base)
    expect(config?.staleAfterMs).toBe(2_500)
    expect(config?.allowSymbols).toEqual(['BTC/USDT:USDT', 'ETH/USDT:USDT'])
    expect(sameAsConfig(form, base)).toBe(false)
    expect(parseSymbols('  ')).toEqual([])
  })

  it('names the field and the bound that is broken', () => {
    const form = formFromConfig(base)
    form.values.maxOrderNotional = '0'
    form.values.maxOrderEquityPct = '120'
    form.values.maxLeverage = '0.5'
    form.values['breakers.maxConsecutiveLosses'] = '2.5'
    form.values.priceBandPct = 'two'
    form.values.slippageTolerancePct = ''
    form.values['breakers.disconnectMs'] = '0.0001'
    const { config, issues } = configFromForm(form, base)
    expect(config).toBeNull()
    expect(issues).toEqual({
      maxOrderNotional: { key: 'above', values: { min: 0 } },
      maxOrderEquityPct: { key: 'atMost', values: { max: 100 } },
      maxLeverage: { key: 'atLeast', values: { min: 1 } },
      'breakers.maxConsecutiveLosses': { key: 'integer' },
      priceBandPct: { key: 'number' },
      slippageTolerancePct: { key: 'required' },
      'breakers.disconnectMs': { key: 'above', values: { min: 0 } },
    })
  })

  it('shows old and new values in the units of the form', () => {
    expect(formatRiskValue('staleAfterMs', 5_000)).toBe('5 s')
    expect(formatRiskValue('priceBandPct', 2)).toBe('2%')
    expect(formatRiskValue('maxLeverage', 10)).toBe('10×')
    expect(formatRiskValue('maxOrderNotional', 5_000)).toBe('5,000')
    expect(formatRiskValue('allowSymbols', null)).toBe('∅')
  })
})
