import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The folder holding the shipped resources (prompts/), found by walking up
 * from the running script: out/main when built, src/main/headless when run
 * from source, the repository root in both cases. Falls back to the first
 * guess so the error names a real path.
 */
export function findResourcesDir(fromDir: string): string {
  let dir = fromDir
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'prompts'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  return join(fromDir, '../../resources')
}
