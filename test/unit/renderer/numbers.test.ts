import { describe, expect, it } from 'vitest'
import { formatCountdown, formatLeverage, formatMoney, formatMs, formatPct, formatQuantity, formatShare, formatSignedMoney, toneOf } from '../../../src/renderer/src/format/numbers'

describe('order-path number formatting', () => {
  it('groups money with en-US separators whatever the UI language, and shows a dash for nothing', () => {
    expect(formatMoney(1234567.891)).toBe('1,234,567.89')
    expect(formatMoney(-5)).toBe('−5.00')
    expect(formatMoney(-0.001)).toBe('0.00')
    expect(formatMoney(null)).toBe('—')
    expect(formatMoney(Number.NaN)).toBe('—')
  })

  it('signs PnL and colours it by what is shown', () => {
    expect(formatSignedMoney(12.5)).toBe('+12.50')
    expect(formatSignedMoney(-12.5)).toBe('−12.50')
    expect(formatSignedMoney(0.004)).toBe('0.00')
    expect(toneOf(12.5)).toBe('up')
    expect(toneOf(-0.01)).toBe('down')
    expect(toneOf(0.004)).toBe('flat') // rounds to 0.00: no colour for a zero on screen
    expect(toneOf(null)).toBe('flat')
  })

  it('formats quantities, percents, shares and leverage', () => {
    expect(formatQuantity(0.01)).toBe('0.01')
    expect(formatQuantity(1500)).toBe('1,500')
    expect(formatPct(0.12345, 3)).toBe('0.123%')
    expect(formatPct(-1.5)).toBe('−1.50%')
    expect(formatShare(0.856)).toBe('85.6%')
    expect(formatShare(null)).toBe('—')
    expect(formatLeverage(3.2)).toBe('3.20×')
  })

  it('counts down in seconds, then minutes', () => {
    expect(formatCountdown(45_000)).toBe('45 s')
    expect(formatCountdown(44_001)).toBe('45 s') // never shows 0 while time is left
    expect(formatCountdown(65_000)).toBe('1:05')
    expect(formatCountdown(-10)).toBe('0 s')
    expect(formatMs(30_000)).toBe('30 s')
    expect(formatMs(1_500)).toBe('1.5 s')
  })
})
