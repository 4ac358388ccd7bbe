import { describe, expect, it } from 'vitest'
import { diffRiskConfig, isLoosening, parseRiskConfig, prepareRiskConfigSave } from '../../../src/main/core/risk'
import { DEFAULT_RISK_CONFIG, type RiskConfig } from '../../../src/shared/domain/risk'

const base = DEFAULT_RISK_CONFIG
const edit = (changes: Partial<RiskConfig>): RiskConfig => ({ ...base, ...changes })

describe('risk config validation', () => {
  it('accepts the default config', () => {
    expect(parseRiskConfig(base)).toEqual({ ok: true, config: base })
  })

  it('refuses out-of-range, missing and unknown fields with their paths', () => {
    const result = parseRiskConfig({ ...base, maxLeverage: 500, priceBandPct: Number.NaN, breakers: { ...base.breakers, disconnectMs: -1 }, extra: 1 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const paths = result.issues.map((i) => i.path)
    expect(paths).toEqual(expect.arrayContaining(['maxLeverage', 'priceBandPct', 'breakers.disconnectMs']))
    expect(result.issues.some((i) => i.message.includes('extra'))).toBe(true)
    expect(parseRiskConfig('not a config').ok).toBe(false)
  })

  it('refuses a symbol on both the allow and the deny list', () => {
    const result = parseRiskConfig({ ...base, allowSymbols: ['BTC/USDT'], denySymbols: ['BTC/USDT'] })
    expect(result).toEqual({ ok: false, issues: [{ path: 'allowSymbols', message: expect.stringContaining('both') }] })
  })
})

describe('risk config diff', () => {
  it('finds nothing between equal configs, and ignores the version', () => {
    expect(diffRiskConfig(base, { ...base, version: 9 })).toEqual([])
  })

  it('marks a raised cap as loosening and a lowered one as tightening', () => {
    expect(diffRiskConfig(base, edit({ maxOrderNotional: 10_000 }))).toEqual([{ path: 'maxOrderNotional', from: 5_000, to: 10_000, direction: 'loosening', summary: expect.any(String) }])
    expect(diffRiskConfig(base, edit({ maxLeverage: 5 }))[0]!.direction).toBe('tightening')
  })

  it('knows a longer duplicate window tightens', () => {
    expect(diffRiskConfig(base, edit({ duplicateWindowMs: 60_000 }))[0]!.direction).toBe('tightening')
    expect(diffRiskConfig(base, edit({ duplicateWindowMs: 0 }))[0]!.direction).toBe('loosening')
  })

  it('diffs breaker thresholds by path', () => {
    const changes = diffRiskConfig(base, { ...base, breakers: { ...base.breakers, dailyDrawdownPct: 10, maxConsecutiveLosses: 3 } })
    expect(changes.map((c) => [c.path, c.direction])).toEqual([
      ['breakers.dailyDrawdownPct', 'loosening'],
      ['breakers.maxConsecutiveLosses', 'tightening'],
    ])
  })

  it('treats an empty allow list as allowing everything', () => {
    expect(diffRiskConfig(base, edit({ allowSymbols: ['BTC/USDT'] })).map((c) => c.direction)).toEqual(['tightening'])
    expect(diffRiskConfig(edit({ allowSymbols: ['BTC/USDT'] }), base).map((c) => c.direction)).toEqual(['loosening'])
    const swap = diffRiskConfig(edit({ allowSymbols: ['BTC/USDT'] }), edit({ allowSymbols: ['ETH/USDT'] }))
    expect(swap.map((c) => [c.to ?? c.from, c.direction])).toEqual([
      ['ETH/USDT', 'loosening'],
      ['BTC/USDT', 'tightening'],
    ])
  })

  it('marks a denied symbol as tightening and an undenied one as loosening', () => {
    expect(diffRiskConfig(base, edit({ denySymbols: ['DOGE/USDT'] }))).toEqual([{ path: 'denySymbols', from: null, to: 'DOGE/USDT', direction: 'tightening', summary: 'DOGE/USDT denied (tightening)' }])
    expect(diffRiskConfig(edit({ denySymbols: ['DOGE/USDT'] }), base)[0]!.direction).toBe('loosening')
  })

  it('says whether any change loosens', () => {
    expect(isLoosening(diffRiskConfig(base, edit({ maxLeverage: 5, slippageTolerancePct: 0.1 })))).toBe(false)
    expect(isLoosening(diffRiskConfig(base, edit({ maxLeverage: 5, slippageTolerancePct: 1 })))).toBe(true)
  })
})

describe('risk config save', () => {
  it('bumps the version and asks approval for a loosening edit', () => {
    const result = prepareRiskConfigSave(base, edit({ maxGrossExposure: 100_000 }))
    expect(result).toMatchObject({ ok: true, needsApproval: true, config: { version: 2, maxGrossExposure: 100_000 } })
  })

  it('bumps the version without approval for a tightening edit', () => {
    expect(prepareRiskConfigSave(base, edit({ maxGrossExposure: 10_000 }))).toMatchObject({ ok: true, needsApproval: false, config: { version: 2 } })
  })

  it('keeps the version when nothing changed', () => {
    expect(prepareRiskConfigSave(base, { ...base })).toEqual({ ok: true, config: base, changes: [], needsApproval: false })
  })

  it('refuses an edit made from an older version', () => {
    const result = prepareRiskConfigSave({ ...base, version: 3 }, edit({ maxLeverage: 5 }))
    expect(result).toEqual({ ok: false, issues: [{ path: 'version', message: expect.stringContaining('version 1 but the current config is version 3') }] })
  })

  it('refuses an invalid edit', () => {
    expect(prepareRiskConfigSave(base, { ...base, maxOrderNotional: -1 }).ok).toBe(false)
  })
})
