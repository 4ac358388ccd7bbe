import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileLogger } from '../../../src/main/adapters/logging/pino-file-logger'
import { redact } from '../../../src/main/adapters/logging/redact'
import { makeTempDir } from '../../support/temp-dir'

const readLog = (dir: string): Record<string, unknown>[] =>
  readFileSync(join(dir, 'logs', 'workstation.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('file logger', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir()))
  afterEach(() => dir.remove())

  it('writes JSON lines with the level name and never a secret', async () => {
    const logger = createFileLogger({ dataDir: dir.path, level: 'info' })
    logger.info('connecting to https://api.example/v5?token=abc123secret&x=1', {
      venue: 'okx',
      apiKey: 'AK-very-secret',
      nested: { secret: 's3cr3t', passphrase: 'pp', list: [{ Authorization: 'Bearer tok_0123456789' }] },
      header: 'Bearer abcdefghijklmnop',
      llmKey: 'sk-abcdefghijklmnopqrstuvwxyz',
    })
    await logger.flush()
    const text = readFileSync(join(dir.path, 'logs', 'workstation.log'), 'utf8')
    for (const secret of ['abc123secret', 'AK-very-secret', 's3cr3t', '"pp"', 'tok_0123456789', 'abcdefghijklmnop', 'sk-abcdefghijklmnopqrstuvwxyz']) {
      expect(text).not.toContain(secret)
    }
    const [record] = readLog(dir.path)
    expect(record).toMatchObject({ level: 'info', venue: 'okx', apiKey: '[REDACTED]', msg: 'connecting to https://api.example/v5?token=[REDACTED]&x=1' })
  })

  it('follows the level set at run time', async () => {
    const logger = createFileLogger({ dataDir: dir.path, level: 'warn' })
    logger.info('hidden')
    logger.setLevel('debug')
    logger.debug('shown')
    await logger.flush()
    expect(readLog(dir.path).map((r) => r.msg)).toEqual(['shown'])
  })

  it('rotates by size, keeping a bounded number of files', async () => {
    const logger = createFileLogger({ dataDir: dir.path, level: 'info', maxSize: '1K', maxFiles: 3 })
    for (let i = 0; i < 200; i++) {
      logger.info('filler line to make the log grow', { i, pad: 'p'.repeat(40) })
      if (i % 20 === 0) await logger.flush()
    }
    await logger.flush()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const files = readdirSync(join(dir.path, 'logs'))
    expect(files).toContain('workstation.log')
    const logs = files.filter((f) => f.endsWith('.log'))
    expect(logs.length).toBeGreaterThan(1)
    expect(logs.length).toBeLessThanOrEqual(4)
  })

  it('survives circular and deep structures', () => {
    const loop: Record<string, unknown> = { name: 'a' }
    loop.self = loop
    expect(redact(loop)).toEqual({ name: 'a', self: '[Circular]' })
    const err = new Error('failed with token=xyz')
    expect(redact({ err })).toMatchObject({ err: { type: 'Error', message: 'failed with token=[REDACTED]' } })
  })
})
