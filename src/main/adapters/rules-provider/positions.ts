import type { AccountView } from '../../../shared/domain/agents/snapshot'
import type { Direction } from './strategies'

export interface HeldPosition {
  readonly side: Direction
  readonly contracts: number
}

/** The open position in a symbol, if any; zero or broken sizes count as flat. */
export function heldPosition(account: AccountView, symbol: string): HeldPosition | null {
  const position = account.positions.find((p) => p.symbol === symbol && Number.isFinite(p.contracts) && p.contracts !== 0)
  return position ? { side: position.side, contracts: Math.abs(position.contracts) } : null
}
