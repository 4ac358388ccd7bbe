import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { profileDatabasePath } from '../adapters/sqlite/sqlite-profile-store'
import { verifyAuditChain } from '../adapters/sqlite/verify-audit-chain'
import { defaultHeadlessDataDir } from '../composition/default-data-dir'

// `npm run audit:verify -- --data-dir DIR`: exit 0 if the chain holds, 1 naming the first bad row, 2 on usage errors.
function main(): number {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { 'data-dir': { type: 'string' } }, strict: true })
  const file = profileDatabasePath(values['data-dir'] ?? defaultHeadlessDataDir())
  if (!existsSync(file)) {
    process.stderr.write(`audit:verify: no profile database at ${file}\n`)
    return 2
  }
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const verdict = verifyAuditChain(db)
    if (verdict.ok) {
      process.stdout.write(`audit chain intact: ${verdict.rows} rows, head ${verdict.headHash}\n`)
      return 0
    }
    process.stdout.write(`audit chain BROKEN at row ${verdict.firstBadSeq}: ${verdict.reason}\n`)
    return 1
  } finally {
    db.close()
  }
}

try {
  process.exitCode = main()
} catch (error) {
  process.stderr.write(`audit:verify: ${(error as Error).message}\n`)
  process.exitCode = 2
}
