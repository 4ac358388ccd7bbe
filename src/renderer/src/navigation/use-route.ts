import { useSyncExternalStore } from 'react'
import { routeFromHash, sectionFromHash, type RouteId } from './routes'

// A hash router is all a single-window app needs: the query string keeps the
// headless token, the hash keeps the page, and a reload restores both.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

function snapshot(): RouteId {
  return routeFromHash(window.location.hash)
}

export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, snapshot)
}

/** The section after the page id, for tabs inside a page ('#/settings/exchanges'). */
export function useSection(): string | null {
  return useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash))
}

/** The whole hash, for pages that read a selection from its query ('#/monitor?order=…'). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
