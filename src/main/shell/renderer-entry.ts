import { pathToFileURL } from 'node:url'

/** Where the main window's page comes from: the dev server, or the built file. */
export type RendererEntry = { kind: 'dev'; url: string } | { kind: 'file'; file: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Picks the renderer: the dev server URL electron-vite sets in development,
 * the built index.html otherwise. A packaged app ignores the variable, and the
 * dev server must be on this machine: whatever page loads here gets the bridge.
 */
export function resolveRendererEntry(options: { devServerUrl: string | undefined; isPackaged: boolean; rendererIndex: string }): RendererEntry {
  const { devServerUrl, isPackaged, rendererIndex } = options
  if (isPackaged || devServerUrl === undefined || devServerUrl === '') return { kind: 'file', file: rendererIndex }
  let url: URL
  try {
    url = new URL(devServerUrl)
  } catch {
    throw new Error(`ELECTRON_RENDERER_URL must be an http URL of the local dev server, received ${JSON.stringify(devServerUrl)}`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be http(s) on localhost, 127.0.0.1 or [::1], received ${JSON.stringify(devServerUrl)}`)
  }
  return { kind: 'dev', url: url.href }
}

/**
 * True when `candidate` is the app's own page: the same dev-server origin, or
 * the very same built index.html (any query or #route). Anything unparsable is
 * foreign.
 */
export function isAppUrl(entry: RendererEntry, candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (entry.kind === 'dev') return url.origin === new URL(entry.url).origin
  const own = pathToFileURL(entry.file)
  const path = safeDecode(url.pathname)
  return url.protocol === 'file:' && url.host === '' && path !== null && path === safeDecode(own.pathname)
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}
