import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

export interface StaticFile {
  body: Buffer
  contentType: string
  immutable: boolean
}

/**
 * Resolves a URL path inside the built renderer. Paths that escape the root
 * are refused; unknown paths fall back to index.html so client routes reload.
 */
export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const full = join(root, relative)
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null

  const file = (await isFile(full)) ? full : join(root, 'index.html')
  if (!(await isFile(file))) return null
  return {
    body: await readFile(file),
    contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Vite fingerprints everything under assets/, so those never change.
    immutable: relative.startsWith('assets' + sep) || relative.startsWith('assets/'),
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
