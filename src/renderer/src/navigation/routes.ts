// The pages of the workstation, in navigation order. Ids double as URL hashes (#/settings).
export const ROUTE_IDS = ['monitor', 'chart', 'arena', 'feed', 'prompts', 'backtest', 'risk', 'settings'] as const
export type RouteId = (typeof ROUTE_IDS)[number]

export const DEFAULT_ROUTE: RouteId = 'monitor'

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return (ROUTE_IDS as readonly string[]).includes(id) ? (id as RouteId) : DEFAULT_ROUTE
}

export function hrefFor(route: RouteId, section?: string): string {
  return section ? `#/${route}/${section}` : `#/${route}`
}

/** The part after the page id ('#/settings/exchanges' → 'exchanges'), for tabs within a page; null when absent. */
export function sectionFromHash(hash: string): string | null {
  const section = hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[1] ?? ''
  return /^[a-z][a-z0-9-]{0,40}$/.test(section) ? section : null
}

/** The query after the page and section ('#/feed?pilot=rules' → pilot=rules), for links that carry a selection; empty when absent. */
export function hashParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?')
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1))
}
