import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Recorded public market data lives beside the project, never inside it (see its PROVENANCE.md). */
export const MARKET_DATA_DIR = resolve(repoRoot, '../shared/data/market')

export const RECORDINGS = {
  tradesCsv: resolve(MARKET_DATA_DIR, 'trades-ethusdt-2023-02-02.csv'),
  tradesJsonGz: resolve(MARKET_DATA_DIR, 'trades-xrpeth-2019-10.json.gz'),
  candles1m: resolve(MARKET_DATA_DIR, 'candles-1m-btcpair-2017.json'),
  candles1hGz: resolve(MARKET_DATA_DIR, 'candles-1h-xrpusdt-perp.json.gz'),
}

export const hasRecordings = Object.values(RECORDINGS).every((file) => existsSync(file))

/** A describe title that says why it was skipped, so a missing data folder is visible in the report. */
export function recordedTitle(title: string): string {
  return hasRecordings ? title : `${title} (skipped: recordings not found in ${MARKET_DATA_DIR})`
}
