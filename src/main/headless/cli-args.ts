import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface HeadlessArgs {
  port: number
  dataDir: string
  rendererDir: string
}

/** Parses `serve` arguments; throws a message meant for the terminal on bad input. */
export function parseHeadlessArgs(argv: string[], defaults: { dataDir: string; rendererDir: string }): HeadlessArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects an integer from 0 to 65535, received ${JSON.stringify(values.port)}`)
  return {
    port,
    dataDir: resolve(values['data-dir'] ?? defaults.dataDir),
    rendererDir: resolve(values['renderer-dir'] ?? defaults.rendererDir),
  }
}
