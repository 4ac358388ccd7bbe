// The pages of the workstation, in navigation order. Ids double as URL hashes (#/settings).
export const ROUTE_IDS = ['monitor', 'chart', 'arena', 'feed', 'prompts', 'backtest', 'settings'] as const
export type RouteId = (typeof ROUTE_IDS)[number]

export const DEFAULT_ROUTE: RouteId = 'monitor'

export function routeFromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return (ROUTE_IDS as readonly string[]).includes(id) ? (id as RouteId) : DEFAULT_ROUTE
}

export function hrefFor(route: RouteId): string {
  return `#/${route}`
}
