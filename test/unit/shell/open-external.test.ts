import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createSafeOpenExternal } from '../../../src/main/shell/open-external'
import { FakeShell } from '../../support/fake-electron'

function setup() {
  const shell = new FakeShell()
  const logger = createMemoryLogger()
  return { shell, logger, open: createSafeOpenExternal(shell, logger) }
}

describe('safe openExternal', () => {
  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://share/x',
    'ms-settings:privacy',
    'data:text/html,hi',
    'not a url',
    '',
  ])('refuses %j and logs why', async (url) => {
    const { shell, logger, open } = setup()
    await expect(open(url)).resolves.toBe(false)
    expect(shell.opened).toEqual([])
    expect(logger.records).toHaveLength(1)
    expect(logger.records[0]!.level).toBe('warn')
  })

  it('opens https URLs, normalised by the URL parser', async () => {
    const { shell, open } = setup()
    await expect(open('HTTPS://Example.COM/a b')).resolves.toBe(true)
    expect(shell.opened).toEqual(['https://example.com/a%20b'])
  })

  it('reports an OS failure as false instead of throwing', async () => {
    const { shell, logger, open } = setup()
    shell.failWith = new Error('no browser')
    await expect(open('https://example.com/')).resolves.toBe(false)
    expect(logger.records.map((r) => r.msg)).toEqual(['the OS could not open an external URL'])
  })
})
