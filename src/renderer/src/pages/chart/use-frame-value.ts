import { useEffect, useState } from 'react'
import { useMarketFeedStore, type MarketFeedState } from '../../stores/market-feed-store'

/**
 * A value from the market store, re-rendering its component at most once per
 * animation frame however fast the store changes, and not at all while the
 * selected value stays the same object. `select` must be stable (defined at
 * module level), since a new function would resubscribe on every render.
 */
export function useFrameValue<T>(select: (state: MarketFeedState) => T): T {
  const [value, setValue] = useState(() => select(useMarketFeedStore.getState()))
  useEffect(() => {
    let frame = 0
    const sync = (): void => {
      frame = 0
      setValue(() => select(useMarketFeedStore.getState()))
    }
    // Catch up on anything that changed between the first render and this subscription.
    frame = requestAnimationFrame(sync)
    const unsubscribe = useMarketFeedStore.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(sync)
    })
    return () => {
      unsubscribe()
      cancelAnimationFrame(frame)
    }
  }, [select])
  return value
}
