import { describe, expect, it } from 'vitest'
import { FLAT, applyTrade } from '../../../src/main/core/portfolio/position-math'

const SWAP = { contractSize: 0.01, stepSize: 1, allowShort: true }
const SPOT = { contractSize: 1, stepSize: 0.00001, allowShort: false }

describe('net position arithmetic', () => {
  it('opens at the fill price and adds at the size-weighted average', () => {
    const opened = applyTrade(FLAT, 'buy', 60000, 2, SWAP)
    expect(opened).toMatchObject({ position: { contracts: 2, entryPrice: 60000 }, realizedPnl: 0, opened: 2, closed: 0 })
    const added = applyTrade(opened.position, 'buy', 63000, 1, SWAP)
    expect(added.position).toEqual({ contracts: 3, entryPrice: 61000 })
  })

  it('realizes (price - entry) x closed x contract size on a partial close and keeps the entry', () => {
    const partial = applyTrade({ contracts: 3, entryPrice: 61000 }, 'sell', 62000, 1, SWAP)
    expect(partial.position).toEqual({ contracts: 2, entryPrice: 61000 })
    expect(partial.realizedPnl).toBe(10)
    expect(partial.closed).toBe(1)
  })

  it('goes flat on a full close, and a short gains when the price falls', () => {
    const closed = applyTrade({ contracts: -4, entryPrice: 60000 }, 'buy', 59000, 4, SWAP)
    expect(closed.position).toBe(FLAT)
    expect(closed.realizedPnl).toBe(40)
  })

  it('closes then opens the rest at the fill price on a flip', () => {
    const flip = applyTrade({ contracts: 2, entryPrice: 60000 }, 'sell', 59000, 5, SWAP)
    expect(flip).toMatchObject({ position: { contracts: -3, entryPrice: 59000 }, realizedPnl: -20, closed: 2, opened: 3 })
  })

  it('keeps sizes on the step so float noise never leaves a dust position', () => {
    let position = applyTrade(FLAT, 'buy', 100, 0.1, SPOT).position
    position = applyTrade(position, 'buy', 100, 0.2, SPOT).position
    expect(position.contracts).toBe(0.3)
    expect(applyTrade(position, 'sell', 100, 0.3, SPOT).position).toBe(FLAT)
  })

  it('never shorts spot: a sale beyond the holding closes it and leaves the rest untracked', () => {
    const outcome = applyTrade({ contracts: 0.5, entryPrice: 100 }, 'sell', 110, 0.8, SPOT)
    expect(outcome).toMatchObject({ position: FLAT, realizedPnl: 5, closed: 0.5, opened: 0, untracked: 0.3 })
    expect(applyTrade(FLAT, 'sell', 110, 1, SPOT)).toMatchObject({ position: FLAT, untracked: 1 })
  })
})
