import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src/main/adapters/logging/memory-logger'
import { createDispatcher, type CommandHandlers } from '../../../src/main/core/contract/dispatcher'
import { commandNames } from '../../../src/shared/contract/channels'
import { HandlerError } from '../../../src/shared/contract/envelope'
import { DEFAULT_SETTINGS } from '../../../src/shared/domain/settings'

// Every channel this test does not name refuses, as a kernel without that component would.
const refuseAll = Object.fromEntries(
  commandNames.map((channel) => [
    channel,
    () => {
      throw new HandlerError('unavailable', `${channel} is not served in this test`)
    },
  ]),
) as unknown as CommandHandlers

function handlers(overrides: Partial<CommandHandlers> = {}): CommandHandlers {
  return {
    ...refuseAll,
    'system.info': () => ({ version: '1', shell: 'headless', mode: 'paper', dataDir: '/d', startedAt: 0 }),
    'system.health': () => ({ overall: 'running', components: [] }),
    'system.ping': ({ nonce }) => ({ nonce, at: 1 }),
    'settings.get': () => DEFAULT_SETTINGS,
    'settings.update': () => DEFAULT_SETTINGS,
    'market.listVenues': () => [],
    'market.listMarkets': () => [],
    'market.connect': () => {
      throw new HandlerError('unavailable', 'no venues in this test')
    },
    'market.watch': () => {
      throw new HandlerError('unavailable', 'no venues in this test')
    },
    'market.unwatch': ({ watchId }) => ({ watchId, released: false }),
    'market.downloadHistory': () => {
      throw new HandlerError('unavailable', 'no venues in this test')
    },
    'market.cancelDownload': ({ downloadId }) => ({ downloadId, cancelled: false }),
    'market.listDownloads': () => [],
    ...overrides,
  }
}

describe('dispatcher', () => {
  it('never lets a raw error cross: a throwing handler becomes an internal envelope and is logged', async () => {
    const logger = createMemoryLogger()
    const dispatch = createDispatcher(
      handlers({
        'system.ping': () => {
          throw new Error('secret internals /home/user/key')
        },
      }),
      logger,
    )
    const envelope = await dispatch('system.ping', { nonce: 'a' })
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', message: 'system.ping failed inside the kernel; see the log for details' } })
    expect(logger.records.some((r) => r.level === 'error' && r.msg === 'handler failed')).toBe(true)
  })

  it('passes a HandlerError code through', async () => {
    const dispatch = createDispatcher(
      handlers({
        'settings.get': () => {
          throw new HandlerError('unavailable', 'storage is closed')
        },
      }),
      createMemoryLogger(),
    )
    expect(await dispatch('settings.get', undefined)).toEqual({ ok: false, error: { code: 'unavailable', message: 'storage is closed' } })
  })

  it('refuses output outside the schema rather than sending it', async () => {
    const dispatch = createDispatcher(handlers({ 'system.ping': () => ({ nonce: 'a', at: 'never' }) as never }), createMemoryLogger())
    expect(await dispatch('system.ping', { nonce: 'a' })).toMatchObject({ ok: false, error: { code: 'invalid_output' } })
  })

  it('does not run the handler when the input fails its schema, and names the field', async () => {
    let ran = false
    const dispatch = createDispatcher(handlers({ 'system.ping': ({ nonce }) => ((ran = true), { nonce, at: 1 }) }), createMemoryLogger())
    const envelope = await dispatch('system.ping', { nonce: 42 })
    expect(ran).toBe(false)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: 'nonce' }] } })
  })

  it.each([['__proto__'], ['constructor'], ['toString'], [42], [null]])('treats %s as an unknown channel', async (channel) => {
    const dispatch = createDispatcher(handlers(), createMemoryLogger())
    expect(await dispatch(channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })
})
