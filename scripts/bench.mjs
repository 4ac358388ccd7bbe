// `npm run bench`: runs every test/bench/*.bench.ts in its own process (so one
// benchmark's heap and JIT state do not colour the next) and collects their
// results in bench-results.json.
import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const benchDir = join(root, 'test/bench')
const only = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

rmSync(join(root, 'bench-results.json'), { force: true })
let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file}\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, file)], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) failed++
}
process.stdout.write(`\n${files.length - failed} benchmarks ran, ${failed} failed; results in bench-results.json\n`)
process.exit(failed === 0 ? 0 : 1)
