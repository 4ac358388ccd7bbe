import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'

const gunzipAsync = promisify(gunzip)

/** Reads a recording as text, gunzipping it when its first bytes are the gzip magic (whatever its name says). */
export async function readSourceText(path: string): Promise<string> {
  const bytes = await readFile(path)
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
  return (gzipped ? await gunzipAsync(bytes) : bytes).toString('utf8')
}

/** JSON recordings start with '[' (freqtrade and ccxt write arrays); anything else is read as CSV. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\[/.test(text)
}
