// `npm run bench`: runs every benchmark under test/bench and writes bench-results.json.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/bench/contract-transport.bench.ts')], { cwd: root, stdio: 'inherit' })
process.exit(result.status ?? 1)
